"""The lexicon lookup corrects lemmas and verb mood after the trained components.

The trained components are stood in for by hand-set annotations (what a model might
predict, mistakes included), and the table is built from a few literal LanguageTool
lines, so these tests need neither a trained pipeline nor the shared data folder.
"""

from __future__ import annotations

import lzma
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from lagebild.nlp.lexicon import LEXICON, lexicon_table
from lagebild.shared_data import shared_data_dir

LEXICON_LINES = """\
Häuser	Haus	SUB:NOM:PLU:NEU
Häuser	Haus	SUB:AKK:PLU:NEU
Pläne	Plan	SUB:NOM:PLU:MAS
Pläne	Plan	SUB:AKK:PLU:MAS
Regierung	Regierung	SUB:NOM:SIN:FEM
Kosten	Kosten	SUB:NOM:PLU:NOG
Kosten	Kost	SUB:NOM:PLU:FEM
Merkels	Merkel	EIG:GEN:SIN:FEM:NOA:NAC
Reuters	Reuter	EIG:GEN:SIN:MAS:NOA:NAC
sie	ich	PRO:PER:NOM:SIN:FEM
habe	haben	VER:1:SIN:PRÄ:NON
habe	haben	VER:1:SIN:KJ1:NON
habe	haben	VER:3:SIN:KJ1:NON
habe	haben	VER:AUX:1:SIN:PRÄ
habe	haben	VER:AUX:3:SIN:KJ1
habe	haben	VER:AUX:IMP:SIN
sagte	sagen	VER:1:SIN:PRT:SFT
sagte	sagen	VER:1:SIN:KJ2:SFT
sagte	sagen	VER:3:SIN:PRT:SFT
sagte	sagen	VER:3:SIN:KJ2:SFT
wäre	sein	VER:AUX:1:SIN:KJ2
könne	können	VER:MOD:1:SIN:KJ1
könne	können	VER:MOD:3:SIN:KJ1
können	können	VER:MOD:INF
können	können	VER:MOD:1:PLU:PRÄ
können	können	VER:MOD:1:PLU:KJ1
wäre	sein	VER:AUX:3:SIN:KJ2
kann	können	VER:MOD:1:SIN:PRÄ
kann	können	VER:MOD:3:SIN:PRÄ
lief	laufen	VER:1:SIN:PRT:NON
lief	laufen	VER:3:SIN:PRT:NON
angekündigten	angekündigt	PA2:NOM:PLU:MAS:GRU:DEF:VER
"""

FINITE_3SG = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> dict:
    data_dir = tmp_path_factory.mktemp("data")
    path = data_dir / LEXICON
    path.parent.mkdir(parents=True)
    with lzma.open(path, "wt", encoding="utf-8") as f:
        f.write(LEXICON_LINES)
    return lexicon_table(str(data_dir))


@pytest.fixture(scope="module")
def nlp(table: dict) -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("lexicon_lookup")
    nlp.initialize()
    nlp.get_pipe("lexicon_lookup").initialize(table=table)
    return nlp


def analyse(nlp: Language, words: list[str], pos: list[str], lemmas: list[str], morphs: list[str] | None = None) -> Doc:
    """Run the lookup on a doc annotated as the trained components left it."""
    doc = Doc(nlp.vocab, words=words, pos=pos, lemmas=lemmas, morphs=morphs or [""] * len(words))
    return nlp.get_pipe("lexicon_lookup")(doc)


def test_irregular_plural_gets_the_singular_lemma(nlp):
    doc = analyse(nlp, ["Die", "Häuser", "brennen"], ["DET", "NOUN", "VERB"], ["der", "Häuser", "brennen"])
    assert doc[1].lemma_ == "Haus"


def test_strong_past_tense_gets_the_infinitive_even_sentence_initially(nlp):
    doc = analyse(nlp, ["Lief", "er", "weg", "?"], ["VERB", "PRON", "ADP", "PUNCT"], ["liefen", "er", "weg", "?"])
    assert doc[0].lemma_ == "laufen"


def test_modal_verb_tagged_aux_gets_its_infinitive(nlp):
    doc = analyse(nlp, ["Sie", "kann", "kommen"], ["PRON", "AUX", "VERB"], ["sie", "kannen", "kommen"])
    assert doc[1].lemma_ == "können"


def test_participle_adjective_keeps_the_participle_as_lemma(nlp):
    doc = analyse(nlp, ["die", "angekündigten", "Pläne"], ["DET", "ADJ", "NOUN"], ["der", "ankündigen", "Pläne"])
    assert [t.lemma_ for t in doc] == ["der", "angekündigt", "Plan"]


def test_pronouns_keep_the_trained_lemma_not_languagetools_ich(nlp):
    doc = analyse(nlp, ["sie", "habe"], ["PRON", "AUX"], ["sie", "haben"])
    assert doc[0].lemma_ == "sie"


def test_ambiguous_lemma_keeps_the_trained_one(nlp):
    doc = analyse(nlp, ["Die", "Kosten", "steigen"], ["DET", "NOUN", "VERB"], ["der", "Kosten", "steigen"])
    assert doc[1].lemma_ == "Kosten"


def test_name_in_the_genitive_loses_its_s(nlp):
    doc = analyse(nlp, ["Merkels", "Pläne"], ["PROPN", "NOUN"], ["Merkels", "Plan"])
    assert doc[0].lemma_ == "Merkel"


def test_news_agency_reuters_is_not_read_as_a_genitive(nlp):
    doc = analyse(nlp, ["(", "Reuters", ")"], ["PUNCT", "PROPN", "PUNCT"], ["(", "Reuters", ")"])
    assert doc[1].lemma_ == "Reuters"


def test_reported_speech_habe_is_konjunktiv_one(nlp):
    doc = analyse(
        nlp,
        ["Er", "sagte", ",", "die", "Regierung", "habe", "keine", "Pläne", "."],
        ["PRON", "VERB", "PUNCT", "DET", "NOUN", "AUX", "DET", "NOUN", "PUNCT"],
        ["er", "sagen", ",", "der", "Regierung", "haben", "kein", "Plan", "."],
        ["", FINITE_3SG.replace("Pres", "Past"), "", "", "", FINITE_3SG, "", "", ""],
    )
    assert doc[5].morph.get("Mood") == ["Sub"]
    assert doc[5].morph.get("Tense") == ["Pres"]
    assert doc[5].morph.get("Person") == ["3"]


def test_treebank_style_without_verbform_gets_mood_but_no_verbform(nlp):
    # Some UD German treebanks mark finite verbs by Mood alone; the model learns both styles.
    morph = "Mood=Ind|Number=Sing|Person=3|Tense=Pres"
    doc = analyse(
        nlp, ["Regierung", "habe", "Pläne"], ["NOUN", "AUX", "NOUN"], ["Regierung", "haben", "Plan"], ["", morph, ""]
    )
    assert str(doc[1].morph) == "Mood=Sub|Number=Sing|Person=3|Tense=Pres"


def test_first_person_habe_stays_as_the_model_says(nlp):
    first_person = "Mood=Ind|Number=Sing|Person=1|Tense=Pres|VerbForm=Fin"
    doc = analyse(
        nlp, ["Ich", "habe", "Zeit"], ["PRON", "AUX", "NOUN"], ["ich", "haben", "Zeit"], ["", first_person, ""]
    )
    assert str(doc[1].morph) == first_person


def test_weak_past_sagte_is_left_to_the_model(nlp):
    # "sagte" is both indicative past and Konjunktiv II; only context can tell.
    past = FINITE_3SG.replace("Pres", "Past")
    doc = analyse(nlp, ["Er", "sagte", "nichts"], ["PRON", "VERB", "PRON"], ["er", "sagen", "nichts"], ["", past, ""])
    assert str(doc[1].morph) == past


def test_waere_is_konjunktiv_two_whatever_person_the_model_predicted(nlp):
    morph = "Mood=Ind|Number=Plur|Tense=Pres|VerbForm=Fin"
    doc = analyse(nlp, ["Das", "wäre", "gut"], ["PRON", "AUX", "ADJ"], ["der", "sein", "gut"], ["", morph, ""])
    assert doc[1].morph.to_dict() == {"Mood": "Sub", "Number": "Plur", "Tense": "Past", "VerbForm": "Fin"}


def test_infinitive_koennen_gets_no_mood(nlp):
    doc = analyse(nlp, ["wird", "kommen", "können"], ["AUX", "VERB", "AUX"], ["werden", "kommen", "können"])
    assert str(doc[2].morph) == ""
    doc = analyse(nlp, ["können"], ["AUX"], ["können"], ["VerbForm=Inf"])
    assert str(doc[0].morph) == "VerbForm=Inf"


def test_koenne_is_finite_konjunktiv_even_if_the_model_took_it_for_an_infinitive(nlp):
    doc = analyse(
        nlp, ["Er", "könne", "kommen"], ["PRON", "AUX", "VERB"], ["er", "können", "kommen"], ["", "VerbForm=Inf", ""]
    )
    assert doc[1].morph.to_dict() == {"Mood": "Sub", "Tense": "Pres", "VerbForm": "Fin"}


def test_predicted_imperative_is_left_alone(nlp):
    imperative = "Mood=Imp|Number=Sing|Person=2|VerbForm=Fin"
    doc = analyse(
        nlp, ["Habe", "Geduld", "!"], ["AUX", "NOUN", "PUNCT"], ["haben", "Geduld", "!"], [imperative, "", ""]
    )
    assert str(doc[0].morph) == imperative


def test_table_is_saved_with_the_pipeline(nlp, tmp_path: Path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    restored = spacy.blank("de").add_pipe("lexicon_lookup").from_bytes(nlp.get_pipe("lexicon_lookup").to_bytes())
    for pipeline_lookup in (loaded.get_pipe("lexicon_lookup"), restored):
        doc = Doc(loaded.vocab, words=["Häuser"], pos=["NOUN"], lemmas=["Häuser"])
        assert pipeline_lookup(doc)[0].lemma_ == "Haus"


@pytest.mark.slow
@pytest.mark.skipif(not (shared_data_dir() / LEXICON).exists(), reason="shared data folder with the lexicon not found")
def test_real_lexicon_knows_common_news_forms():
    table = lexicon_table(str(shared_data_dir()))
    assert table["lemmas"]["NOUN"]["Häuser"] == "Haus"
    assert table["lemmas"]["VERB"]["kann"] == "können"
    assert table["lemmas"]["PROPN"]["Deutschlands"] == "Deutschland"
    assert table["moods"]["habe"] == {"3Sing": "Sub|Pres"}
    assert table["moods"]["wäre"] == {"*": "Sub|Past"}
    assert "sagte" not in table["moods"]
    assert "könne" in table["finite_forms"]
    assert "können" not in table["finite_forms"]
    assert "Reuters" not in table["lemmas"]["PROPN"]
