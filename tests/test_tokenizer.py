"""The news tokenizer: what a reader of German, Swiss or Austrian news takes as one
word is one token, and a period that ends a sentence is a token of its own."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import lagebild.nlp  # noqa: F401  (registers the tokenizer)
from lagebild.nlp.tokenizer import NewsTokenizer

CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "lagebild.news_tokenizer.v1"}}}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("de", config=CONFIG)


def tokens(nlp: Language, text: str) -> list[str]:
    return [token.text for token in nlp(text)]


def test_config_builds_the_news_tokenizer(nlp: Language) -> None:
    assert isinstance(nlp.tokenizer, NewsTokenizer)


def test_swiss_spelling_without_eszett_tokenizes_like_german(nlp: Language) -> None:
    assert tokens(nlp, "Der Sprecher des Weissen Hauses äusserte sich gross.") == [
        "Der", "Sprecher", "des", "Weissen", "Hauses", "äusserte", "sich", "gross", ".",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sie sagte: «Wir warten ab.»", ["Sie", "sagte", ":", "«", "Wir", "warten", "ab", ".", "»"]),
        ("Das ‹Nein› der Urner", ["Das", "‹", "Nein", "›", "der", "Urner"]),
        ("Er sagte: „Das ist ‚unmöglich‘.“", ["Er", "sagte", ":", "„", "Das", "ist", "‚", "unmöglich", "‘", ".", "“"]),
        ("Sie rief »Nein!« und ging.", ["Sie", "rief", "»", "Nein", "!", "«", "und", "ging", "."]),
        ('Das "Gute-Kita-Gesetz" gilt.', ["Das", '"', "Gute-Kita-Gesetz", '"', "gilt", "."]),
    ],
)
def test_quote_marks_are_separate_tokens(nlp: Language, text: str, expected: list[str]) -> None:
    assert tokens(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Angela Merkel und Prof. Christian Drosten",
            ["Dr.", "Angela", "Merkel", "und", "Prof.", "Christian", "Drosten"],
        ),
        ("Gemäss Art. 5 Abs. 2 bzw. Nr. 3", ["Gemäss", "Art.", "5", "Abs.", "2", "bzw.", "Nr.", "3"]),
        (
            "Kosten von ca. 3 Mio. Fr. oder 2 Mrd. Euro",
            ["Kosten", "von", "ca.", "3", "Mio.", "Fr.", "oder", "2", "Mrd.", "Euro"],
        ),
        (
            "in St. Gallen, Hr. Meier u.a. d.h. usw. etc.",
            ["in", "St.", "Gallen", ",", "Hr.", "Meier", "u.a.", "d.h.", "usw.", "etc."],
        ),
        ("im 5. Jh. v.Chr. gegründet", ["im", "5.", "Jh.", "v.Chr.", "gegründet"]),
        ("vom 3. Jan. bis 5. Febr.", ["vom", "3.", "Jan.", "bis", "5.", "Febr."]),
        ("Sept., Okt. und Dez.", ["Sept.", ",", "Okt.", "und", "Dez."]),
        ("Die Schuld stieg auf 5 Mia. Franken.", ["Die", "Schuld", "stieg", "auf", "5", "Mia.", "Franken", "."]),
    ],
)
def test_abbreviations_keep_their_period(nlp: Language, text: str, expected: list[str]) -> None:
    assert tokens(nlp, text) == expected


def test_spaced_abbreviation_keeps_each_period(nlp: Language) -> None:
    assert tokens(nlp, "Länder wie z. B. Polen, d. h. die EU") == [
        "Länder", "wie", "z.", "B.", "Polen", ",", "d.", "h.", "die", "EU",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am 10. Januar 2021 tagte der Rat.", ["Am", "10.", "Januar", "2021", "tagte", "der", "Rat", "."]),
        ("Der 3. Oktober ist ein Feiertag.", ["Der", "3.", "Oktober", "ist", "ein", "Feiertag", "."]),
        ("bis zum 1. Jänner", ["bis", "zum", "1.", "Jänner"]),
    ],
)
def test_ordinal_date_is_one_token(nlp: Language, text: str, expected: list[str]) -> None:
    assert tokens(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("das 21. Jahrhundert", ["das", "21.", "Jahrhundert"]),
        ("Ende des 19. Jahrhunderts", ["Ende", "des", "19.", "Jahrhunderts"]),
        ("Er kandidiert zum 3. Mal.", ["Er", "kandidiert", "zum", "3.", "Mal", "."]),
        ("Der 1. FC Köln steigt ab.", ["Der", "1.", "FC", "Köln", "steigt", "ab", "."]),
    ],
)
def test_ordinal_before_ordinal_noun_is_one_token(nlp: Language, text: str, expected: list[str]) -> None:
    assert tokens(nlp, text) == expected


def test_ordinal_after_article_before_capitalised_word_is_one_token(nlp: Language) -> None:
    assert tokens(nlp, "Der 20. Deutsche Bundestag tagt.") == [
        "Der", "20.", "Deutsche", "Bundestag", "tagt", ".",
    ]  # fmt: skip


def test_ordinal_before_lowercase_word_is_one_token(nlp: Language) -> None:
    assert tokens(nlp, "vom 10. bis 12. März") == ["vom", "10.", "bis", "12.", "März"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Papst Benedikt XVI. besuchte Köln.", ["Papst", "Benedikt", "XVI.", "besuchte", "Köln", "."]),
        ("Papst Johannes Paul II., der Pole", ["Papst", "Johannes", "Paul", "II.", ",", "der", "Pole"]),
    ],
)
def test_roman_numeral_ordinal_is_one_token(nlp: Language, text: str, expected: list[str]) -> None:
    assert tokens(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er starb im Jahr 2010. Danach", ["Er", "starb", "im", "Jahr", "2010", ".", "Danach"]),
        (
            "Wir wollen keinen Artikel 13. Der Protest",
            ["Wir", "wollen", "keinen", "Artikel", "13", ".", "Der", "Protest"],
        ),
        ("Es kamen 75.000. Im Mai", ["Es", "kamen", "75.000", ".", "Im", "Mai"]),
        ("Das war 2010.", ["Das", "war", "2010", "."]),
        ("Kaiser Wilhelm II. Danach", ["Kaiser", "Wilhelm", "II", ".", "Danach"]),
    ],
)
def test_number_at_sentence_end_splits_off_the_period(nlp: Language, text: str, expected: list[str]) -> None:
    assert tokens(nlp, text) == expected


def test_numeric_dates_and_times_are_one_token(nlp: Language) -> None:
    assert tokens(nlp, "Am 29.12.2021 um 14.30 Uhr, am Montag (18.6.) ebenso.") == [
        "Am", "29.12.2021", "um", "14.30", "Uhr", ",", "am", "Montag", "(", "18.6.", ")", "ebenso", ".",
    ]  # fmt: skip


def test_hyphenated_compounds_are_one_token(nlp: Language) -> None:
    text = "Der US-Präsident und der CDU-Chef aus Schleswig-Holstein sandten zur Nato-Osterweiterung eine E-Mail."
    assert tokens(nlp, text) == [
        "Der", "US-Präsident", "und", "der", "CDU-Chef", "aus", "Schleswig-Holstein", "sandten",
        "zur", "Nato-Osterweiterung", "eine", "E-Mail", ".",
    ]  # fmt: skip


def test_suspended_hyphen_stays_on_its_word(nlp: Language) -> None:
    assert tokens(nlp, "Die Ein- und Ausreise ist verboten.") == [
        "Die", "Ein-", "und", "Ausreise", "ist", "verboten", ".",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "word", ["Kund:innen", "Bürger*innen", "Lehrer_innen", "StudentInnen", "Kolleg/-innen", "Kolleg/innen", "Kund:in"]
)
def test_gender_form_is_one_token(nlp: Language, word: str) -> None:
    assert tokens(nlp, f"Die {word}, die kamen.") == ["Die", word, ",", "die", "kamen", "."]


def test_urls_mail_addresses_handles_and_hashtags_are_one_token(nlp: Language) -> None:
    text = "Mehr auf https://www.srf.ch/news/schweiz?id=1, www.orf.at, bei info@tagesschau.de, @BR24 und #Corona."
    assert tokens(nlp, text) == [
        "Mehr", "auf", "https://www.srf.ch/news/schweiz?id=1", ",", "www.orf.at", ",", "bei",
        "info@tagesschau.de", ",", "@BR24", "und", "#Corona", ".",
    ]  # fmt: skip


def test_pipeline_with_news_tokenizer_round_trips_through_disk(nlp: Language, tmp_path: Path) -> None:
    text = "Am 10. Januar sprach Dr. Müller zu Kund:innen; im Jahr 2010. Danach «nichts»."
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert isinstance(loaded.tokenizer, NewsTokenizer)
    assert tokens(loaded, text) == tokens(nlp, text)


def test_news_tokenizer_pickles_for_multiprocessing(nlp: Language) -> None:
    copy = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert [t.text for t in copy("am 3. Oktober")] == ["am", "3.", "Oktober"]
