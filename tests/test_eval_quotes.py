"""`lagebild eval quotes`: the matcher, the three scorers, the gold readers and the command.

The cases are hand-made German sentences in the formats of the three sets; the real data
is only counted (and the dev scorer checked against score_gold.py) where it is present.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from lagebild.evaluate.quote_sets import QUOTE_SETS, dev_doc, gnq_doc, read_dev, spkatt_doc
from lagebild.evaluate.quotes import (
    DevScores,
    GnqScores,
    SpkAttScores,
    Words,
    dice,
    evaluate,
    match,
    quotation_mark_system,
    speaker_right,
)
from lagebild.record import ActorRef, Quote
from lagebild.shared_data import shared_data_dir

DATA = shared_data_dir()
SCORE_GOLD = DATA.parent / "tools" / "score_gold.py"

NEWS = (
    "Der Minister sagte, die Verhandlungen seien gescheitert. „Wir geben nicht auf“, erklärte Anna Schmidt. "
    "Die Opposition kritisierte den Plan. Das Projekt heißt „Blauer Himmel“."
)


def quote(text: str, start: int = 0, speaker: ActorRef | None = None, cue: str = "") -> Quote:
    return Quote(start, start + len(text), text, "indirect", cue, speaker, 0)


def gnq_role(text: str, phrase: str) -> dict:
    """A role of the German news quotations format, for the first occurrence of ``phrase``."""
    if not phrase:
        return {"text": "", "tokenIds": [], "spans": []}
    start = text.index(phrase)
    return {"text": phrase, "tokenIds": [0], "spans": [{"charBegin": start, "charEnd": start + len(phrase)}]}


def gnq_annotation(form: str, message: str, speaker: str, cue: str) -> dict:
    roles = {"quote": message, "speaker": speaker, "cue": cue, "frame": "", "addressee": ""}
    return {"type": form, "medium": "Speech"} | {name: gnq_role(NEWS, phrase) for name, phrase in roles.items()}


NEWS_DOC = gnq_doc(
    {
        "documentName": "4711 - Verhandlungen über den Haushalt gescheitert (2019-05-06)",
        "originalText": NEWS,
        "annotations": [
            gnq_annotation("Indirect", "die Verhandlungen seien gescheitert", "Der Minister", "sagte"),
            gnq_annotation("Direct", "„Wir geben nicht auf“", "Anna Schmidt", "erklärte"),
            gnq_annotation("Reported", "den Plan", "Die Opposition", "kritisierte"),
        ],
    }
)


def test_dice_is_twice_the_shared_words_over_both_lengths():
    assert dice({1, 2, 3}, {2, 3, 4}) == pytest.approx(4 / 6)
    assert dice(set(), set()) == 0.0


def test_match_pairs_one_to_one_best_dice_first_and_not_below_one_half():
    gold = [frozenset({1, 2, 3, 4}), frozenset({5, 6})]
    predicted = [frozenset({1, 2, 3}), frozenset({1, 2, 3, 4}), frozenset({6, 7, 8, 9})]
    assert match(gold, predicted) == {0: 1}  # {6..9} against {5, 6}: Dice 1/3


def test_a_quote_is_found_in_the_gold_text_despite_other_whitespace_and_offsets():
    words = Words("Merkel sagte:  „Wir schaffen\ndas.“ Und dann ging sie.")
    (span,) = words.locate("Wir schaffen das", anchor=3)
    assert span == (16, 32)


def test_of_several_occurrences_the_one_nearest_the_quote_wins():
    text = "Er sagte, man sehe weiter. Später sagte sie, man sehe weiter."
    assert Words(text).locate("man sehe weiter", anchor=40) == ((45, 60),)


def test_speaker_and_cue_are_looked_for_outside_the_quote():
    text = "„Die Kanzlerin sagte nichts“, sagte die Kanzlerin."
    assert Words(text).locate("sagte", anchor=0, outside=(1, 27)) == ((30, 35),)


def test_a_speaker_is_right_when_text_or_name_shares_a_content_word_with_the_gold_speaker():
    kamanda = "Patrick Kamanda von der Nationalen Umwelt Behörde Ugandas"
    assert speaker_right(ActorRef("Er", name="Patrick Kamanda"), [kamanda])
    assert speaker_right(ActorRef("Er", name="Patrick Kamanda"), ["er"])
    assert not speaker_right(ActorRef("der Minister"), ["Der Staatsanwalt"])
    assert not speaker_right(None, ["Der Staatsanwalt"])


def test_gnq_reader_takes_the_date_from_the_title_and_reads_four_forms():
    assert NEWS_DOC.published == "2019-05-06"
    assert [g.form for g in NEWS_DOC.gold] == ["indirect", "direct", "reported"]
    assert NEWS_DOC.gold[1].speakers == ("Anna Schmidt",)
    assert NEWS_DOC.gold[1].cue == "erklärte"
    start, end = NEWS_DOC.gold[0].spans[0]
    assert NEWS[start:end] == "die Verhandlungen seien gescheitert"


def test_gnq_scores_quotes_speakers_and_forms():
    cleaned = "Berlin. " + NEWS  # a system's offsets point into its own text, not the gold's
    minister = ActorRef("Der Minister", name="Hans Eichel")
    predicted = [
        quote("die Verhandlungen seien gescheitert", cleaned.index("die"), minister),
        quote("Wir geben nicht auf", cleaned.index("Wir"), ActorRef("Die Opposition")),
        quote("Blauer Himmel", cleaned.index("Blauer")),
    ]
    scores = GnqScores()
    scores.add(NEWS_DOC, predicted)
    assert (scores.quotes.tp, scores.quotes.fp, scores.quotes.fn) == (2, 1, 1)
    assert scores.speaker.speaker_accuracy == 0.5
    forms = scores.forms
    assert (forms["indirect"].found, forms["indirect"].speaker_correct) == (1, 1)
    assert (forms["direct"].found, forms["direct"].speaker_correct) == (1, 0)
    assert forms["reported"].recall == 0.0
    assert sorted(error.kind for error in scores.errors) == ["missed", "spurious", "wrong speaker"]
    assert any(line.startswith("direct ") for line in scores.lines())


SPEECH = {
    "Sentences": [
        {"SentenceId": 0, "Tokens": ["Der", "Kanzler", "hat", "gesagt", ",", "dass", "die", "Steuern", "sinken", "."]},
        {"SentenceId": 1, "Tokens": ["Das", "lehnen", "wir", "ab", "."]},
    ],
    "Annotations": [
        {"Cue": ["0:3"], "PTC": [], "Source": ["0:0", "0:1"], "Message": ["0:5", "0:6", "0:7", "0:8"], "Topic": []},
        {"Cue": ["1:1"], "PTC": ["1:3"], "Source": ["1:2"], "Message": [], "Topic": ["1:0"]},
    ],
}


def test_spkatt_speech_is_joined_into_text_with_its_roles_and_date():
    doc = spkatt_doc("19001_Tagesordnungspunkt_1_SPD_Muster_ID1900100100_07.03.2018", SPEECH)
    assert doc.text == "Der Kanzler hat gesagt, dass die Steuern sinken. Das lehnen wir ab."
    assert doc.published == "2018-03-07"
    assert len(doc.units) == 15
    message, rejection = doc.gold
    assert (message.text, message.speakers, message.cue) == ("dass die Steuern sinken", ("Der Kanzler",), "gesagt")
    assert (rejection.text, rejection.cue) == ("", "lehnen … ab")


def test_spkatt_roles_are_scored_by_token_overlap_over_paired_events():
    doc = spkatt_doc("19001_Tagesordnungspunkt_1_SPD_Muster_ID1900100100_07.03.2018", SPEECH)
    scores = SpkAttScores()
    scores.add(doc, [quote("dass die Steuern sinken", 24, ActorRef("Kanzler"), cue="gesagt")])
    roles = scores.roles
    assert (roles["message"].precision, roles["message"].recall) == (1.0, 1.0)
    assert (roles["cue"].tp, roles["cue"].fn) == (1, 2)  # "lehnen … ab" missed
    assert (roles["source"].tp, roles["source"].fn) == (1, 2)  # "Der" and "wir" missed
    assert (scores.events.tp, scores.events.fn) == (1, 1)


DEV_TEXT = "Josep Borrell sagte: „Die Straße bleibt gesperrt.“ Ein Sprecher erklärte, es gebe keine Einigung."
DEV_ARTICLE = {
    "id": "dewikinews-9999",
    "published": "2020-02-03",
    "quotes": [
        {"contains": "Die Straße bleibt gesperrt", "speakers": ["Borrell"], "kind": "direct"},
        {"contains": "keine Einigung", "speakers": ["Sprecher"], "kind": "indirect"},
        {"contains": "Die Lage ist ernst", "speakers": ["Borrell"], "kind": "direct"},
    ],
}


def test_dev_scores_as_score_gold_does_contained_text_and_speaker_substring():
    doc = dev_doc(DEV_ARTICLE, DEV_TEXT)
    predicted = [
        quote("Die Strasse bleibt  gesperrt.", 22, ActorRef("Er", name="Josep Borrell")),
        quote("es gebe keine Einigung", 75, ActorRef("die Regierung")),
    ]
    scores = DevScores()
    scores.add(doc, predicted)
    assert (scores.gold, scores.found, scores.found_with_speaker, scores.predicted) == (3, 2, 1, 2)
    assert [error.kind for error in scores.errors] == ["wrong speaker", "missed"]


def write_dev_data(folder: Path) -> Path:
    """A data folder with the dev gold of DEV_ARTICLE, its text on news-sample line 1 (line 0 is held out)."""
    (folder / "gold-dev").mkdir()
    (folder / "news-sample").mkdir()
    (folder / "gold-dev" / "wikinews-dev.json").write_text(json.dumps({"articles": [DEV_ARTICLE]}))
    lines = ["held out, never parsed", json.dumps({"id": DEV_ARTICLE["id"], "text": DEV_TEXT})]
    (folder / "news-sample" / "dewikinews_politik_sample.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def test_dev_reader_skips_held_out_lines_unread(tmp_path):
    (doc,) = read_dev(write_dev_data(tmp_path))
    assert doc.text == DEV_TEXT
    assert doc.published == "2020-02-03"


def test_baseline_takes_every_text_in_quotation_marks_as_a_direct_quote():
    found = quotation_mark_system("Er sprach von »Verrat«. „Wir bleiben“, sagte sie.", None)
    assert [(q.text, q.kind, q.speaker) for q in found] == [("Verrat", "direct", None), ("Wir bleiben", "direct", None)]


def test_command_exits_2_without_the_data_folder(run, tmp_path):
    result = run("eval", "quotes", "--data", tmp_path / "missing")
    assert result.exit_code == 2
    assert "data folder not found" in result.output


def test_command_prints_the_dev_table_for_the_baseline(run, tmp_path):
    result = run(
        "eval",
        "quotes",
        "--data",
        write_dev_data(tmp_path),
        "--sets",
        "dev",
        "--system",
        "quotation-marks",
        "--errors",
        "1",
    )
    assert result.exit_code == 0, result.output
    assert "quote recall, speaker ignored                          0.333  (1 of 3)" in result.stdout
    assert "missed: gold 'keine Einigung' by Sprecher" in result.stdout


def _has(*paths: Path) -> bool:
    return all(path.exists() for path in paths)


@pytest.mark.skipif(
    not _has(*(DATA / s.path for s in QUOTE_SETS.values()), DATA / "news-sample"), reason="shared data not present"
)
def test_real_sets_read_completely():
    gnq = QUOTE_SETS["gnq"].read(DATA)
    assert (len(gnq), sum(len(d.gold) for d in gnq)) == (150, 653)
    forms = [g.form for d in gnq for g in d.gold]
    assert [forms.count(f) for f in ("direct", "indirect", "free indirect", "reported")] == [136, 335, 91, 91]
    assert all(d.published for d in gnq)
    spkatt = QUOTE_SETS["spkatt"].read(DATA)
    events = [g for d in spkatt for g in d.gold]
    assert (len(spkatt), len(events), sum(bool(g.spans) for g in events)) == (18, 515, 290)
    dev = QUOTE_SETS["dev"].read(DATA)
    assert (len(dev), sum(len(d.gold) for d in dev)) == (50, 201)
    assert all(g.spans for d in dev for g in d.gold)


@pytest.mark.skipif(not _has(DATA / "gold-dev", DATA / "news-sample", SCORE_GOLD), reason="dev gold not present")
def test_dev_quotes_recall_equals_score_gold_py(tmp_path):
    def nearest_name_speaker(text: str, published: str | None) -> list[Quote]:
        """The baseline with the capitalised words before a quote as its speaker, so that some are right."""
        found = []
        for q in quotation_mark_system(text, published):
            names = re.findall(r"[A-ZÄÖÜ]\w+", text[max(0, q.start - 200) : q.start])
            found.append(replace(q, speaker=ActorRef(names[-1], name=names[0]) if names else None))
        return found

    docs = QUOTE_SETS["dev"].read(DATA)
    scores = evaluate("dev", docs, nearest_name_speaker)
    records = tmp_path / "records.jsonl"
    with open(records, "w", encoding="utf-8") as out:
        for doc in docs:
            quotes = [asdict(q) for q in nearest_name_speaker(doc.text, doc.published)]
            out.write(json.dumps({"id": doc.id, "quotes": quotes}, ensure_ascii=False) + "\n")
    gold = DATA / "gold-dev" / "wikinews-dev.json"
    printed = subprocess.run([sys.executable, SCORE_GOLD, records, gold], capture_output=True, text=True).stdout
    script_recall = float(re.search(r"quotes_recall\s+([\d.]+)", printed).group(1))
    assert scores.found_with_speaker > 0
    assert f"{scores.found_with_speaker / scores.gold:.2f}" == f"{script_recall:.2f}"


@pytest.mark.slow
def test_lagebild_system_reads_quotes_from_the_pipeline():
    from spacy.language import Language

    from lagebild.evaluate.quotes import lagebild_quote_system
    from lagebild.nlp.pipeline import load

    pytest.importorskip("lagebild.extract.quotes")
    if not Language.has_factory("lagebild_quotes"):
        pytest.skip("the lagebild_quotes component is not registered yet")
    find_quotes = lagebild_quote_system(load())
    found = find_quotes("Der Minister sagte am Montag: „Wir geben nicht auf.“", "2020-01-06")
    assert any("Wir geben nicht auf" in q.text for q in found)
