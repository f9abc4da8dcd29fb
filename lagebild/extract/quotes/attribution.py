"""Reports attributed by a phrase rather than a verb: "laut Peskow", "Peskow zufolge",
"nach Angaben des Kremls", "seinen Angaben nach", "…, so der Minister", and "demnach"
or "wonach", which take up the source named before.

The reported text is the clause the phrase stands in, without the phrase where it
stands at either end ("Laut Peskow | ist ein Treffen geplant").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from lagebild.extract.quotes.frames import so_frame
from lagebild.extract.quotes.report import Context, Frame
from lagebild.extract.quotes.syntax import clause_of, span_without, subject, token_range, trimmed

Found = tuple[int, int, Frame]
# Words that can stand for whoever gave the "Angaben": a name, a noun, a possessive.
NAMES = {"NOUN", "PROPN", "PRON", "DET"}


def attributed(context: Context, token: Token) -> Iterator[Found]:
    """The reports `token` attributes, if it is "laut", "zufolge", "nach", "so", "demnach" …"""
    cues = context.cues
    lower = token.lower_
    if lower in cues.prepositions or lower == cues.after_source:
        yield from _by_preposition(context, token)
    elif lower == cues.so:
        yield from _by_so(context, token)
    elif lower in cues.back_reference:
        yield from _by_back_reference(context, token)


def _by_preposition(context: Context, preposition: Token) -> Iterator[Found]:
    cues = context.cues
    noun = preposition.head
    if preposition.dep_ != "case" or noun.i == preposition.i or noun.head.i == noun.i:
        return
    if preposition.lower_ == cues.after_source:
        if not cues.is_source_noun(noun.text):
            return
        # "nach ersten Informationen" names no one: the source is the phrase itself.
        frame = Frame(f"{preposition.text} {noun.text}", _source(context, noun) or noun)
    elif cues.is_source_noun(noun.text) or cues.is_statement_noun(noun.text):
        frame = Frame(preposition.text, _source(context, noun) or noun)
    else:
        frame = Frame(preposition.text, noun)
    clause = clause_of(noun.head)
    yield (*span_without(trimmed(context.doc, *token_range(clause)), token_range(noun)), frame)


def _source(context: Context, noun: Token) -> Token | Span | None:
    """Whose "Angaben": the clause's own subject ("nach eigenen Angaben"), a genitive or
    possessive ("des Kremls", "seinen"), or the first part of a compound ("Polizeiangaben")."""
    cues = context.cues
    if any(child.lemma_.lower() == "eigen" for child in noun.children):
        return subject(noun.head, cues)
    for child in noun.children:
        if child.dep_ in cues.labels.genitive and child.pos_ in NAMES:
            return child
    if cues.is_source_noun(noun.text) and not noun.lower_.startswith(cues.source_nouns):
        return context.doc[noun.i : noun.i + 1]
    return None


def _by_so(context: Context, so: Token) -> Iterator[Found]:
    """ "Die Lage sei ernst, so der Minister." and "In Berlin sollen, so der Senat, …"."""
    doc = context.doc
    if so.i == 0 or doc[so.i - 1].text != "," or context.in_quote[so.i - 1]:
        return
    frame = so_frame(context, so)
    if frame is None or not isinstance(frame.speaker, Span):
        return
    speaker = frame.speaker
    if any(token.pos_ in ("VERB", "AUX") for token in doc[so.i + 1 : speaker.end]):
        return
    sentence = context.sents[context.sentence_of[so.i]]
    start, end = trimmed(doc, sentence.start, sentence.end)
    yield start, (end if speaker.end < end else so.i - 1), frame


def _by_back_reference(context: Context, adverb: Token) -> Iterator[Found]:
    """ "Demnach sei …" goes on from the source named before; "ein Bericht, wonach …"
    takes the noun its clause belongs to."""
    clause = adverb.head
    if clause.i == adverb.i:
        return
    if clause.dep_ in context.cues.labels.relative_clause and clause.head.i != clause.i:
        yield (*token_range(clause), Frame(adverb.text, clause.head))
    else:
        yield (*token_range(clause), Frame(adverb.text, goes_on=True))
