"""Reporting frames: the cue words a verb or "so" opens and who stands in the speaker slot.

Direct and indirect speech share these: "sagte Borrell" frames a quotation as well as a
Konjunktiv clause. A verb without a subject may still name a source ("verlautete aus
Moskau"); a headless verb ("hiess es") names one only that way, and otherwise lets the
reported speech before it go on.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from lagebild.extract.quotes.report import Context, Frame
from lagebild.extract.quotes.syntax import cue_text, phrase, reporting_words, subject


def verb_frame(context: Context, token: Token) -> Frame | None:
    """The frame `token` opens if it is a reporting verb outside quotation marks, else None."""
    if token.i not in context.frames:
        context.frames[token.i] = None if context.in_quote[token.i] else _frame(context, token)
    return context.frames[token.i]


def _frame(context: Context, token: Token) -> Frame | None:
    cues = context.cues
    headless = cues.headless.get(token.lower_)
    if headless is not None:
        words = [token, *(child for child in token.children if child.lower_ == headless)]
        if headless and len(words) == 1:
            return None
        source = source_of(context, token)
        return Frame(cue_text(sorted(words, key=lambda word: word.i)), source, goes_on=source is None)
    words = reporting_words(token, cues)
    if not words:
        return None
    return Frame(cue_text(words), subject(token, cues) or source_of(context, token))


def source_of(context: Context, verb: Token) -> Span | None:
    """Where a report without a subject comes from: "aus dem Kreml", "in einer Erklärung
    des Weissen Hauses"."""
    cues = context.cues
    for child in verb.children:
        if child.dep_ not in cues.labels.oblique:
            continue
        prepositions = {grandchild.lower_ for grandchild in child.children if grandchild.dep_ == "case"}
        if prepositions & cues.source_prepositions:
            return phrase(child, cues)
        if cues.is_statement_noun(child.text):
            for grandchild in child.children:
                if grandchild.dep_ in cues.labels.genitive and grandchild.pos_ in ("NOUN", "PROPN"):
                    return phrase(grandchild, cues)
    return None


def so_frame(context: Context, so: Token) -> Frame | None:
    """ "…, so der Minister am Montag." → the frame "so" with "der Minister" as speaker:
    the noun phrase after "so", up to the next punctuation."""
    if so.lower_ != context.cues.so:
        return None
    words: list[Token] = []
    for token in context.doc[so.i + 1 : context.sents[context.sentence_of[so.i]].end]:
        if token.is_punct:
            break
        words.append(token)
    indices = {token.i for token in words}
    heads = [t for t in words if t.head.i not in indices and t.pos_ in ("NOUN", "PROPN")]
    if not heads:
        return None
    name = phrase(heads[0], context.cues)
    return Frame(so.text, context.doc[max(name.start, so.i + 1) : name.end])
