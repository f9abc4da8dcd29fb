"""The sentence guard: where German news punctuation must not (or must) start a
sentence, before the parser decides the rest."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

import lagebild.nlp  # noqa: F401  (registers tokenizer and guard)

CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "lagebild.news_tokenizer.v1"}}}


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("de", config=CONFIG)
    nlp.add_pipe("sentence_guard")
    return nlp


def sent_start(doc: Doc, word: str) -> bool | None:
    """``is_sent_start`` of the first token that reads ``word``."""
    return next(token.is_sent_start for token in doc if token.text == word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param("Am Dienstag sprach Bundesrätin Dr. Karin Keller-Sutter in Bern.", "Karin", id="after-a-title"),
        pytest.param("Importe, z. B. Äpfel aus Südtirol, werden teurer.", "B.", id="inside-z.-B."),
        pytest.param("Importe, z. B. Äpfel aus Südtirol, werden teurer.", "Äpfel", id="after-z.-B."),
        pytest.param("Die Einheit wird am 3. Oktober gefeiert.", "Oktober", id="after-an-ordinal"),
        pytest.param("Äpfel, Birnen usw. sind teurer geworden.", "sind", id="lower-case-after-an-abbreviation"),
    ],
)
def test_no_sentence_start_where_a_period_ends_no_sentence(nlp: Language, text: str, word: str) -> None:
    assert sent_start(nlp(text), word) is False


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param("Das Projekt kostet 5 Mio. Fr. Der Bundesrat stimmte zu.", "Der", id="after-Fr."),
        pytest.param("Die Partei entstand im Jahr 2010. Danach wuchs sie.", "Danach", id="after-a-year"),
    ],
)
def test_a_possible_sentence_end_is_left_to_the_parser(nlp: Language, text: str, word: str) -> None:
    assert sent_start(nlp(text), word) is None


@pytest.mark.parametrize(
    "text",
    [
        "Scholz sagte: „Wir bleiben hart.“ Dann verliess er den Saal.",
        "Die SVP schrieb: «Wir bleiben hart.» Dann verliess sie den Saal.",
        "Der Kanzler rief: »Wir bleiben hart.« Dann verliess er den Saal.",
        'Die Ministerin sagte: "Wir bleiben hart." Dann verliess sie den Saal.',
    ],
)
def test_quoted_sentence_stays_inside_its_quote_marks(nlp: Language, text: str) -> None:
    doc = nlp(text)
    closing_mark = doc[next(token.i for token in doc if token.text == ".") + 1]
    assert sent_start(doc, "Wir") is False
    assert closing_mark.is_sent_start is False
    assert sent_start(doc, "Dann") is None


def test_paragraph_break_starts_a_sentence(nlp: Language) -> None:
    doc = nlp("Wien (APA) – Die Regierung tagt\n\nam Montag folgt die Abstimmung.")
    assert sent_start(doc, "am") is True


def test_guard_without_a_parser_still_yields_sentences(nlp: Language) -> None:
    doc = nlp("Dr. Müller kam am 3. Oktober.\n\nDer Rat tagte.")
    assert [sent.text for sent in doc.sents] == ["Dr. Müller kam am 3. Oktober.\n\n", "Der Rat tagte."]


def test_parser_keeps_the_boundaries_the_guard_sets() -> None:
    """spaCy's parser treats preset starts as hard constraints, whatever its weights.

    An untrained parser splits almost anywhere; with the guard before it, it cannot
    split where the guard said no. ``min_action_freq=1`` keeps the shift and reduce
    moves that a one-example initialisation would otherwise drop.
    """
    nlp = spacy.blank("de", config=CONFIG)
    nlp.add_pipe("sentence_guard")
    nlp.add_pipe("parser", config={"min_action_freq": 1})
    doc = nlp.make_doc("Wir sahen Müller . Er lachte .")
    gold = {"heads": [1, 1, 1, 1, 5, 5, 5], "deps": ["sb", "ROOT", "oa", "punct", "sb", "ROOT", "punct"]}
    nlp.initialize(lambda: [Example.from_dict(doc, gold)])
    parsed = nlp("Dr. Müller kam am 3. Oktober\n\nund dann ging Prof. Weber.")
    assert sent_start(parsed, "Müller") is False
    assert sent_start(parsed, "Oktober") is False
    assert sent_start(parsed, "und") is True
    assert sent_start(parsed, "Weber") is False
