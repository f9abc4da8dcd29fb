"""`lagebild eval actors --errors N`: the errors a tuner reads."""

from __future__ import annotations

from lagebild.evaluate.actors import format_errors


def test_format_errors_shows_the_mention_gold_and_prediction_up_to_the_limit() -> None:
    error = {
        "article": "dewikinews-0001",
        "text": "Regierung",
        "kind": "role",
        "label": None,
        "wrong": ["code", "name"],
        "gold": {"country": "ZWE", "names": ["Simbabwische Regierung", "Simbabwe"], "role": None},
        "predicted": None,
    }
    text = format_errors({"errors": [error, {**error, "text": "Parlament"}]}, 1)
    assert "'Regierung'" in text and "wrong=code,name" in text
    assert "gold ZWE ['Simbabwische Regierung', 'Simbabwe']" in text
    assert "pred None None None" in text
    assert "Parlament" not in text
