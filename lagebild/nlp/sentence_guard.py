"""Sentence-start hints that the dependency parser must obey.

spaCy's arc-eager parser takes preset boundaries as hard constraints: it cannot
start a sentence at a token whose ``is_sent_start`` is False and must start one
where it is True (``Break``/``Shift``/``Reduce`` validity in
``spacy/pipeline/_parser_internals/arc_eager.pyx``). So this component runs
before "parser" and presets only what rules know for certain.

Not a sentence start (False):

- after a non-final abbreviation ("Dr.", "Nr.", "z. B.", ``lang/abbreviations_nonfinal.txt``)
  and between the parts of a spaced one ("z. | B.");
- after an ordinal that the news tokenizer kept together ("am 10. | Januar");
- after any other abbreviation or initial when a lower-case word follows ("usw. | und");
- after an opening quote or bracket (one glued to the next token), and at a closing
  one (glued to the previous token): „Wir kommen.“ | Er ging.
- after a word followed by a plain space: a German sentence ends in punctuation, and
  the parser otherwise cuts off a sentence-initial name ("Nordkorea | drohte den USA").
  A line break (a headline above the body) is left to the parser.

A sentence start (True): after a paragraph break, a whitespace token with two newlines.

It reads the tokens of ``lagebild.news_tokenizer.v1``, which keeps gender forms
("Kund:innen") whole, so there is nothing to guard inside them; with another
tokenizer, a number with a period is not necessarily an ordinal.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from lagebild.nlp.lang import word_list
from lagebild.nlp.tokenizer import ORDINAL_TOKEN

_QUOTES = frozenset(word_list("quotes"))


@Language.factory("sentence_guard", assigns=["token.is_sent_start"])
def make_sentence_guard(nlp: Language, name: str) -> SentenceGuard:
    """Registered so that a config lists it in the pipeline, before "parser"."""
    return SentenceGuard(nlp)


class SentenceGuard:
    """Presets ``is_sent_start`` where German news punctuation misleads a parser."""

    def __init__(self, nlp: Language) -> None:
        self.nonfinal_abbreviations = PhraseMatcher(nlp.vocab)
        self.nonfinal_abbreviations.add(
            "NONFINAL", [nlp.make_doc(entry) for entry in word_list("abbreviations_nonfinal")]
        )

    def __call__(self, doc: Doc) -> Doc:
        for _, start, end in self.nonfinal_abbreviations(doc):
            for token in doc[start + 1 : end + 1]:
                token.is_sent_start = False
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if _is_paragraph_break(previous):
                token.is_sent_start = True
            elif _continues_sentence(previous, token):
                token.is_sent_start = False
        return doc


def _continues_sentence(previous: Token, token: Token) -> bool:
    return (
        (previous.is_alpha and previous.whitespace_ == " ")
        or ORDINAL_TOKEN.fullmatch(previous.text) is not None
        or (_is_abbreviation(previous) and token.text[0].islower())
        or (_is_enclosing(previous) and not previous.whitespace_)
        or (_is_enclosing(token) and not previous.whitespace_ and not previous.is_space)
    )


def _is_abbreviation(token: Token) -> bool:
    """A word that kept its period: the tokenizer splits it off everywhere else."""
    return len(token.text) > 1 and token.text.endswith(".") and token.text[0].isalpha()


def _is_enclosing(token: Token) -> bool:
    return token.is_bracket or token.text in _QUOTES


def _is_paragraph_break(token: Token) -> bool:
    return token.is_space and token.text.count("\n") >= 2
