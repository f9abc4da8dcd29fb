"""How the open corpora become training data: label mapping and missing annotation."""

from pathlib import Path

from lagebild.train.corpora import read_germeval, read_ud, split_dev

GERMEVAL = """#\thttp://de.wikipedia.org/wiki/Beispiel\t[2009-10-23]
1\tDie\tO\tO
2\tdeutsche\tB-LOCderiv\tO
3\tNato-Osterweiterung\tB-ORGpart\tO
4\tbeschäftigte\tO\tO
5\tAngela\tB-PER\tO
6\tMerkel\tI-PER\tO
7\tin\tO\tO
8\tBerlin\tB-LOC\tO
9\t.\tO\tO

"""

CONLLU = """# sent_id = s1
# text = Sie habe zum Rücktritt aufgerufen.
1\tSie\tsie\tPRON\t_\tCase=Nom|Number=Sing|Person=3\t5\tnsubj\t_\t_
2\thabe\thaben\tAUX\t_\tMood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin\t5\taux\t_\t_
3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_
3\tzu\tzu\tADP\t_\t_\t5\tcase\t_\t_
4\tdem\tder\tDET\t_\tCase=Dat\t5\tdet\t_\t_
5\tRücktritt\tRücktritt\tNOUN\t_\tCase=Dat\t6\tobl\t_\tSpaceAfter=No
6\taufgerufen\taufrufen\tVERB\t_\tVerbForm=Part\t0\troot\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t_\t_\t6\tpunct\t_\t_

"""


def test_germeval_keeps_the_outer_level_and_drops_deriv_and_part(tmp_path: Path):
    path = tmp_path / "germeval.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    (doc,) = read_germeval(path)
    assert [(e.text, e.label_) for e in doc.ents] == [("Angela Merkel", "PER"), ("Berlin", "LOC")]


def test_gold_treebank_teaches_upos_as_tag_and_keeps_features(tmp_path: Path):
    path = tmp_path / "gold.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    (doc,) = read_ud(path, gold_features=True)
    assert [t.text for t in doc] == ["Sie", "habe", "zum", "Rücktritt", "aufgerufen", "."]
    assert doc[1].tag_ == doc[1].pos_ == "AUX"
    assert doc[1].morph.get("Mood") == ["Sub"]


def test_silver_treebank_leaves_pos_and_features_missing_for_the_morphologizer(tmp_path: Path):
    path = tmp_path / "silver.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    (doc,) = read_ud(path, gold_features=False)
    assert doc[1].tag_ == "AUX"
    assert doc[1].pos_ == ""
    assert not doc[1].has_morph()


def test_every_tenth_document_goes_to_the_early_stopping_split():
    train, dev = split_dev(list(range(25)))
    assert dev == [9, 19]
    assert len(train) == 23
