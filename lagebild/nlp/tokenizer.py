"""Tokenizer for German-language news from Germany, Switzerland and Austria.

It is spaCy's German tokenizer (``spacy.lang.de``) with the word lists in ``lang/``
on top: more abbreviations (Swiss "Fr." and "Mia.", "Art.", month forms), Swiss
and Austrian quote marks (‹ ›) as tokens, gender forms ("Kund:innen",
"Bürger*innen", "Kolleg/-innen") and hashtags kept whole.

Ordinals: a number, a day-month date ("29.12.") or a Roman numeral of two or more
letters ("XVI.") keeps its period as one token when what follows

1. is a comma or closing bracket ("Johannes Paul II., der", "(18.6.)") or a word
   that starts lower-case ("am 10. und 11. März", "Benedikt XVI. besuchte"),
2. is a month or an ordinal noun from ``lang/months.txt`` and
   ``lang/ordinal_nouns.txt``, also inflected ("am 10. Januar", "des
   21. Jahrhunderts", "zum 3. Mal", "der 1. FC Köln"), or
3. is capitalised, the number has at most three digits and the word before it is
   in ``lang/ordinal_determiners.txt`` ("der 20. Deutsche Bundestag").

Otherwise the period is a token of its own, the end of a sentence ("im Jahr
2010. Danach"). spaCy's rule-based tokenizer sees one space-separated chunk at a
time, so this single look at the neighbouring words runs after it, and only at
numbers followed by a period.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import spacy
from spacy.lang.de import GermanDefaults
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    update_exc,
)

from lagebild.nlp.lang import word_list

# Two letters at least: "I." and "V." are initials as often as numerals.
ROMAN_NUMERAL = r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})"
NUMBER = re.compile(rf"\d{{1,2}}\.\d{{1,2}}|\d+|{ROMAN_NUMERAL}")
# A token that the tokenizer kept together as an ordinal ("10.", "29.12.", "XVI.").
ORDINAL_TOKEN = re.compile(rf"(?:{NUMBER.pattern})\.")

# Loose on purpose: a pattern that starts with a character class lets the regex
# engine skip ahead fast; _ordinal_spans checks NUMBER on the few hits.
_NUMBER_BEFORE_WORD = re.compile(r"(?P<number>[\dIVX][\d.IVX]*)\.(?=\s*(?P<next>[,)]|\w+\.?))")
_ORDINAL_CONTEXT = frozenset(word_list("months") + word_list("ordinal_nouns"))
_ORDINAL_DETERMINERS = frozenset(word_list("ordinal_determiners"))
# No sentence ends right before a comma or a closing bracket.
_NEVER_AFTER_SENTENCE_END = frozenset(",)")
# Case endings, so that "Jahrhunderts" and "Males" count as "Jahrhundert" and "Mal".
_INFLECTIONS = ("s", "es", "e", "en", "n")
# A window wide enough for the longest determiner and the spaces before a number.
_PREVIOUS_WORD_WINDOW = 24
# A colon or slash before "in"/"innen" marks a gender form ("Kund:innen",
# "Kolleg/innen"), not two words; "*", "_" and "/-" never split in the first place.
_NOT_BEFORE_GENDER_ENDING = r"(?!in(?:nen)?$)"


class NewsTokenizer(Tokenizer):
    """spaCy's rule-based tokenizer plus the ordinal decision that needs the next word."""

    def __call__(self, text: str) -> Doc:
        doc = super().__call__(text)
        ordinals = list(_ordinal_spans(doc, text))
        if ordinals:
            with doc.retokenize() as retokenizer:
                for span in ordinals:
                    retokenizer.merge(span)
        return doc


def _ordinal_spans(doc: Doc, text: str) -> Iterator[Span]:
    """Number-and-period pairs that the rules split but that are ordinals, to rejoin."""
    for match in _NUMBER_BEFORE_WORD.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "._"):
            continue  # the tail of a word: "MI5."
        before = text[max(0, start - _PREVIOUS_WORD_WINDOW) : start]
        previous_word = (before.split() or [""])[-1]
        number = match["number"]
        if not (NUMBER.fullmatch(number) and is_ordinal(number, previous_word, match["next"])):
            continue
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) > 1:
            yield span


def is_ordinal(number: str, previous_word: str, next_word: str) -> bool:
    """Whether ``number`` followed by a period is an ordinal (rule in the module doc)."""
    if next_word in _NEVER_AFTER_SENTENCE_END or next_word[0].islower() or _is_month_or_ordinal_noun(next_word):
        return True
    return (
        number.isdigit()
        and len(number) <= 3
        and next_word[0].isupper()
        and previous_word.lower() in _ORDINAL_DETERMINERS
    )


def _is_month_or_ordinal_noun(word: str) -> bool:
    if word in _ORDINAL_CONTEXT:
        return True
    stem = word.rstrip(".")
    return stem in _ORDINAL_CONTEXT or any(
        stem.endswith(ending) and stem[: -len(ending)] in _ORDINAL_CONTEXT for ending in _INFLECTIONS
    )


def special_cases() -> dict[str, list[dict[int, str]]]:
    """spaCy's German exceptions plus every period-final entry of our word lists.

    Roman numerals are dropped from spaCy's list ("II."): they follow the ordinal
    rule, so "Wilhelm II. Danach" still ends a sentence.
    """
    ours = {
        part: [{ORTH: part}]
        for name in ("abbreviations", "abbreviations_nonfinal", "months", "ordinal_nouns")
        for entry in word_list(name)
        for part in entry.split()
        if part.endswith(".")
    }
    merged = update_exc(GermanDefaults.tokenizer_exceptions, ours)
    return {orth: tokens for orth, tokens in merged.items() if not ORDINAL_TOKEN.fullmatch(orth)}


def _quote_marks() -> list[str]:
    return [re.escape(mark) for mark in word_list("quotes")]


def infixes() -> list[str]:
    """German infixes, none of which splits a gender ending off."""
    return [f"(?:{infix}){_NOT_BEFORE_GENDER_ENDING}" for infix in GermanDefaults.infixes]


def prefixes() -> list[str]:
    """German prefixes without "#", which would split hashtags, plus all quote marks."""
    return [p for p in GermanDefaults.prefixes if p != "#"] + _quote_marks()


def suffixes() -> list[str]:
    """German suffixes; a period after a digit is split off and rejoined for ordinals."""
    return list(GermanDefaults.suffixes) + [r"(?<=[0-9])\."] + _quote_marks()


@spacy.registry.tokenizers("lagebild.news_tokenizer.v1")
def create_news_tokenizer() -> Callable[[Language], NewsTokenizer]:
    """Registered like ``spacy.Tokenizer.v1``: the config names it, spaCy calls it."""

    def create_tokenizer(nlp: Language) -> NewsTokenizer:
        return NewsTokenizer(
            nlp.vocab,
            rules=special_cases(),
            prefix_search=compile_prefix_regex(prefixes()).search,
            suffix_search=compile_suffix_regex(suffixes()).search,
            infix_finditer=compile_infix_regex(infixes()).finditer,
            url_match=GermanDefaults.url_match,
        )

    return create_tokenizer
