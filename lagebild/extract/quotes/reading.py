"""Reading a document sentence by sentence, with the last speaker carried along.

Who speaks depends on what came before: a pronoun takes up the last fitting person, a
quotation without a frame belongs to the speaker just before it, and a Konjunktiv
sentence without a cue continues the reported speech before it, until a new speaker or
an indicative sentence that reports nothing. Konjunktiv I reports on its own even with
nobody before it ("Die Entscheidung sei gefallen."); the speaker named in the next
sentence then takes it ("Dies erklärte Rumsfeld."). Nothing else is guessed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from lagebild.extract.quotes.clauses import earlier_report, speaking_frame
from lagebild.extract.quotes.direct import direct_report
from lagebild.extract.quotes.indirect import indirect_reports
from lagebild.extract.quotes.lexicon import Cues
from lagebild.extract.quotes.merge import merged
from lagebild.extract.quotes.people import Link
from lagebild.extract.quotes.report import DIRECT, INDIRECT, MIXED, Context, Frame, Report
from lagebild.extract.quotes.speakers import Speakers
from lagebild.extract.quotes.syntax import finite_verbs, is_konjunktiv, is_reportative, trimmed
from lagebild.record import ActorRef, Quote

# How many sentences the reported speech, or a quotation without a frame, reaches back
# for the speaker before it.
CONTINUES_FOR = 2


@dataclass(frozen=True)
class _Said:
    """Who spoke last, for the sentences that continue without naming them."""

    speaker: ActorRef | None
    cue: str
    sentence: int


@dataclass
class _Found:
    report: Report
    quote: Quote


class Reading:
    """The quotes of one parsed document."""

    def __init__(self, doc: Doc, cues: Cues, link: Link | None) -> None:
        self.context = Context.of(doc, cues)
        self.speakers = Speakers(doc, cues, self.context.sentence_of, link)
        self.direct: dict[int, list[Report]] = defaultdict(list)
        # Direct quotes by every sentence they cover: reported clauses stop at them.
        self.covering: dict[int, list[Report]] = defaultdict(list)
        for quoted in self.context.quoted:
            report = direct_report(self.context, quoted)
            if report is None:
                continue
            first, last = self.context.sentence_of[report.start], self.context.sentence_of[report.end - 1]
            self.direct[first].append(report)
            if report.kind == DIRECT:
                for index in range(first, last + 1):
                    self.covering[index].append(report)
        self.said: _Said | None = None
        self.found: list[_Found] = []

    def quotes(self) -> list[Quote]:
        """Every quote of the document, in text order."""
        for index, sentence in enumerate(self.context.sents):
            if any(token.is_alpha for token in sentence):
                self._read(index, sentence)
        self._speakers_from_next()
        return sorted((found.quote for found in self.found), key=lambda quote: quote.start)

    def _read(self, index: int, sentence: Span) -> None:
        direct = self.direct[index]
        indirect = indirect_reports(self.context, sentence)
        if not indirect and all(report.kind == MIXED for report in direct):
            indirect = self._continued(sentence)
        reports = merged(direct, self.covering[index], indirect, self.context.doc)
        if not reports:
            self._sentence_without_report(index, sentence)
            return
        found = [self._found(report, index) for report in reports]
        self.found.extend(found)
        framed = [f.quote for f in found if f.report.frame is not None and f.report.frame.names_speaker]
        attributed = [f.quote for f in found if f.quote.speaker is not None]
        last = (framed or attributed or [None])[-1]
        if last is not None:
            self.said = _Said(last.speaker, last.cue, index)
        elif self.said is not None:
            self.said = replace(self.said, sentence=index)

    def _sentence_without_report(self, index: int, sentence: Span) -> None:
        """A sentence that reports nothing itself may say who spoke the one before
        ("Das sagte er in Bern."), name a speaker for the sentences after it ("Er
        äusserte sich auch zum Brexit."), or end the reported speech."""
        earlier = earlier_report(self.context, sentence)
        if earlier is not None:
            self._attribute_earlier(earlier, index)
        frame = speaking_frame(self.context, sentence)
        self.said = _Said(self._speaker(frame), frame.cue, index) if frame is not None else None

    def _attribute_earlier(self, report: Report, index: int) -> None:
        previous = self.context.sentence_of[report.start]
        there = [found for found in self.found if found.quote.sentence == previous]
        if any(found.quote.speaker is not None for found in there):
            return
        earlier = self._found(report, index)
        if not there:
            self.found.append(earlier)
        for found in there:
            found.quote = _with_speaker(found.quote, earlier.quote)

    def _continued(self, sentence: Span) -> list[Report]:
        """A Konjunktiv sentence with no cue of its own: reported speech going on, or, in
        Konjunktiv I or with "soll … haben", reported speech whose speaker may come later."""
        cues = self.context.cues
        finite = [verb for verb in finite_verbs(sentence.root) if not self.context.in_quote[verb.i]]
        reporting = is_reportative(finite, cues) or any(is_konjunktiv(verb, cues, present_only=True) for verb in finite)
        if not reporting and (self.said is None or not any(is_konjunktiv(verb, cues) for verb in finite)):
            return []
        start, end = trimmed(self.context.doc, sentence.start, sentence.end)
        return [Report(start, end, INDIRECT)] if end - start > 1 else []

    def _found(self, report: Report, index: int) -> _Found:
        frame = report.frame
        if frame is not None and frame.names_speaker:
            speaker, cue = self._speaker(frame), frame.cue
        else:
            speaker, cue = self._speaker_before(report, index)
            cue = frame.cue if frame else cue
        span = self.context.doc[report.start : report.end]
        sentence = self.context.sentence_of[report.start]
        return _Found(report, Quote(span.start_char, span.end_char, span.text, report.kind, cue, speaker, sentence))

    def _speaker_before(self, report: Report, index: int) -> tuple[ActorRef | None, str]:
        """The speaker and cue of a report that names none: the reported speech going on,
        or, for a quotation standing on its own, the last speaker just before it."""
        if self.said is not None and index - self.said.sentence <= CONTINUES_FOR:
            return self.said.speaker, self.said.cue
        recent = [f.quote for f in self.found if f.quote.speaker and index - f.quote.sentence <= CONTINUES_FOR]
        if report.kind == DIRECT and report.frame is None and recent:
            return recent[-1].speaker, recent[-1].cue
        return None, ""

    def _speaker(self, frame: Frame) -> ActorRef | None:
        slot = frame.speaker
        if slot is None:
            return None
        ref = self.speakers.of_span(slot) if isinstance(slot, Span) else self.speakers.of_token(slot)
        if ref is not None:
            self.speakers.remember(slot, ref)
        return ref

    def _speakers_from_next(self) -> None:
        """A quote with no speaker and no frame of its own ("«…» «…», sagte X", "Die
        Entscheidung sei gefallen. Das Ministerium bestätigte …") takes the speaker of the
        framed report in the sentence right after it."""
        for found, following in zip(self.found, self.found[1:]):
            frame = following.report.frame
            if found.quote.speaker is not None or found.report.frame is not None or frame is None:
                continue
            if frame.names_speaker and following.quote.sentence - found.quote.sentence == 1:
                found.quote = _with_speaker(found.quote, following.quote)


def _with_speaker(quote: Quote, source: Quote) -> Quote:
    return replace(quote, cue=source.cue, speaker=source.speaker)
