"""Direct speech: quoted text and the reporting clause around it.

A quote that stands on its own (after a colon, at the start of a sentence, ending in
its own full stop, or followed by ", sagte X") is *direct*. A quote woven into the
syntax of a sentence ("Er nannte den Plan «völlig unrealistisch»") is *mixed*: it needs
a reporting word in its sentence or reported speech around it, which tells quotations
from titles in quotation marks. Single quoted words are scare quotes, unless a speaker
calls something so ("Er nannte den Bericht eine «Zeitungsente»", "wies sie als «falsch»
zurück"); short runs of capitalised words without a verb («Grace 1») are names.

The frame is looked for right after the closing mark (", sagte Borrell", ", so
Peskow", ", hiess es"), then before the opening mark ("Borrell sagte: «…»"); an
interrupted quote ("«…», sagte Borrell, «…»") gives two quotes with the same frame,
because each quoted piece is a statement of its own and keeps its offsets exact.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from lagebild.extract.quotes.frames import so_frame, verb_frame
from lagebild.extract.quotes.report import DIRECT, MIXED, Context, Frame, Report
from lagebild.extract.quotes.syntax import VERBS

MIN_WORDS = 2
# How far after the closing mark the reporting verb may stand: ", gab ein Sprecher … bekannt".
_AFTER_REACH = 3
_SENTENCE_END = (".", "!", "?", "…")
_LEAD_INS = (":", ",", "–", "—", "-")
_NAME_WORDS = 5


def direct_report(context: Context, quote: tuple[int, int]) -> Report | None:
    """The quote over the token range `quote` as a Report, or None for scare quotes and
    quoted names. A woven-in quote without a reporting word nearby comes back without a
    frame: it counts only inside reported speech, which `merge` decides."""
    doc = context.doc
    start, end = quote
    words = [token for token in doc[start:end] if token.is_alpha]
    if len(words) < MIN_WORDS:
        return _term_called(context, doc[start:end]) if words else None
    if _is_name(doc[start:end], words):
        return None
    before = _before(context, start)
    after = _after(context, end)
    frame = _frame_after(context, after) or _frame_before(context, before)
    if _stands_alone(doc[start:end], before, frame):
        return Report(start, end, DIRECT, frame)
    return Report(start, end, MIXED, _frame_in_sentence(context, doc[start:end]))


def _term_called(context: Context, quote: Span) -> Report | None:
    """A single quoted word that a reporting verb with a speaker governs, not as its subject:
    the speaker's own word for something ("nannte den Bericht eine «Zeitungsente»")."""
    word = quote.root
    if word.dep_ in context.cues.labels.subject:
        return None
    frame = verb_frame(context, word.head)
    if frame is None or frame.speaker is None:
        return None
    return Report(quote.start, quote.end, MIXED, frame)


def _is_name(quote: Span, words: list[Token]) -> bool:
    """A short quote of capitalised words without a verb is a name in quotation marks:
    «Grace 1», „The Telegraph“, „Aktion Deutschland hilft“ is not (it has a verb)."""
    short = len(words) <= _NAME_WORDS and quote[-1].text not in _SENTENCE_END
    return short and all(word.text[0].isupper() for word in words) and not any(t.pos_ in VERBS for t in quote)


def _before(context: Context, start: int) -> Span:
    """The words between the sentence start (or the previous quote) and the opening mark."""
    opening = max(start - 1, 0)
    begin = context.sents[context.sentence_of[opening]].start
    while begin < opening and context.in_quote[begin]:
        begin += 1
    for index in range(opening - 1, begin - 1, -1):
        if context.in_quote[index]:
            begin = index + 1
            break
    return context.doc[begin:opening]


def _after(context: Context, end: int) -> Span:
    """The words between the closing mark and the sentence end (or the next quote)."""
    doc = context.doc
    closing = min(end + 1, len(doc))
    last = context.sents[context.sentence_of[min(end, len(doc) - 1)]].end
    stop = closing
    while stop < last and not context.in_quote[stop]:
        stop += 1
    return doc[closing:stop]


def _stands_alone(quote: Span, before: Span, frame: Frame | None) -> bool:
    """Whether the quote is a statement of its own rather than words woven into a sentence:
    nothing before it in its sentence, a colon, comma or dash before it, or a full stop
    of its own after a reporting verb ("Bush sagte „Wir kommen.“")."""
    if not any(not token.is_punct for token in before) or before[-1].text in _LEAD_INS:
        return True
    return frame is not None and quote[-1].text in _SENTENCE_END


def _frame_after(context: Context, after: Span) -> Frame | None:
    """ ", sagte Borrell", ", so Peskow", ", hiess es aus dem Kreml" right after the quote."""
    words = [token for token in after if not token.is_punct][:_AFTER_REACH]
    if not words:
        return None
    if words[0].lower_ == context.cues.so:
        return so_frame(context, words[0])
    for word in words:
        frame = verb_frame(context, word)
        if frame is None:
            continue
        speaker = frame.speaker
        if isinstance(speaker, Token) and context.in_quote[speaker.i]:
            return replace(frame, speaker=_nominative_after(context, word))
        return frame
    return None


def _frame_before(context: Context, before: Span) -> Frame | None:
    """ "Borrell sagte: «…»", "doch, so Bush, «…»", "Peskow weiter: «…»": the last
    reporting word before the quote, or the subject or name before a colon."""
    cues = context.cues
    for token in reversed(before):
        frame = so_frame(context, token) or verb_frame(context, token)
        if frame is not None:
            return frame
    if len(before) and before[-1].text == ":":
        subjects = [t for t in before if t.dep_ in cues.labels.subject]
        names = [t for t in before if t.ent_type_ in ("PER", "ORG")]
        slot = subjects[-1] if subjects else (names[0] if names else None)
        return Frame("", slot) if slot is not None else None
    return None


def _frame_in_sentence(context: Context, quote: Span) -> Frame | None:
    """For a quote woven into a sentence: the reporting verb it depends on ("Johnson
    sagte unter Verweis auf seine «…»"), else the one nearest to it in the sentence."""
    head = quote.root
    while head.head.i != head.i:
        head = head.head
        frame = verb_frame(context, head)
        if frame is not None:
            return frame
    sentence = context.sents[context.sentence_of[quote.start]]
    candidates = [token for token in sentence if not context.in_quote[token.i]]
    for token in sorted(candidates, key=lambda t: abs(t.i - quote.start)):
        frame = verb_frame(context, token)
        if frame is not None:
            return frame
    return None


def _nominative_after(context: Context, verb: Token) -> Token | None:
    """The subject where the parser took a word of the quote for it: "«Die Regierung hat
    Respekt», sagte Seibert" → the first noun in the nominative after the verb."""
    sentence = context.sents[context.sentence_of[verb.i]]
    for token in context.doc[verb.i + 1 : sentence.end]:
        if context.in_quote[token.i]:
            return None
        if token.pos_ in ("NOUN", "PROPN") and "Nom" in token.morph.get("Case"):
            return token
    return None
