"""One sentence's reports without overlaps.

Reported clauses end where a direct quote begins ("Die Hoffnung bestehe zwar, doch, so
Bush, «…»"). Of overlapping reported clauses the widest with a speaker wins ("Demnach
erwarte …, sagte die Sprecherin"). A quote woven into a kept clause makes it one mixed
report ("Trump schrieb, er «kenne den Botschafter nicht»"), and a woven-in quote of two
words or more is also a direct quote of its own, nested in it: those are the speaker's
very words. Other woven-in quotes count only with a reporting word of their own, which
tells them from titles in quotation marks.
"""

from __future__ import annotations

from spacy.tokens import Doc

from lagebild.extract.quotes.report import DIRECT, MIXED, Frame, Report
from lagebild.extract.quotes.syntax import trimmed

# Fewer tokens than this left of a reported clause next to a direct quote is no report.
MIN_REPORT = 3
# A woven-in quote of fewer words is a term ("die «Zeitungsente»"), not a nested quote.
MIN_NESTED_WORDS = 2


def merged(direct: list[Report], covering: list[Report], indirect: list[Report], doc: Doc) -> list[Report]:
    """The reports of a sentence in text order: its `direct` quotes (direct and woven-in)
    and its `indirect` clauses, cut at the direct quotes `covering` the sentence."""
    quotes = [report for report in direct if report.kind == DIRECT]
    fragments = [report for report in direct if report.kind == MIXED]
    kept: list[Report] = []
    outside = (_outside(report, covering, doc) for report in indirect)
    for report in sorted((report for report in outside if report is not None), key=_priority):
        if any(_overlap(report, other) for other in kept):
            continue
        woven = [fragment for fragment in fragments if _overlap(report, fragment)]
        if woven:
            fragments = [fragment for fragment in fragments if fragment not in woven]
            # The quotation marks of a woven-in quote at the clause's edge belong to it.
            start = min(report.start, *(fragment.start - 1 for fragment in woven))
            end = max(report.end, *(fragment.end + 1 for fragment in woven))
            report = Report(start, end, MIXED, report.frame)
            kept.extend(_nested(woven, report.frame, doc))
        kept.append(report)
    kept.extend(quotes)
    kept.extend(fragment for fragment in fragments if fragment.frame is not None)
    return sorted(kept, key=lambda report: report.start)


def _nested(woven: list[Report], frame: Frame | None, doc: Doc) -> list[Report]:
    """The woven-in quotes long enough to be direct quotes in their own right, marks included."""
    nested = []
    for fragment in woven:
        if sum(not token.is_punct for token in doc[fragment.start : fragment.end]) >= MIN_NESTED_WORDS:
            nested.append(Report(max(fragment.start - 1, 0), min(fragment.end + 1, len(doc)), DIRECT, frame))
    return nested


def _outside(report: Report, quotes: list[Report], doc: Doc) -> Report | None:
    """The part of a reported clause before (or else after) the direct quotes in it."""
    start, end = report.start, report.end
    for quote in quotes:
        if start < quote.end and quote.start < end:
            start, end = (start, quote.start - 1) if start < quote.start - 1 else (max(start, quote.end + 1), end)
    start, end = trimmed(doc, start, end)
    if end - start < MIN_REPORT:
        return None
    return report if (start, end) == (report.start, report.end) else Report(start, end, report.kind, report.frame)


def _priority(report: Report) -> tuple[bool, int]:
    named = report.frame is not None and report.frame.names_speaker
    return not named, report.start - report.end


def _overlap(first: Report, second: Report) -> bool:
    return first.start < second.end and second.start < first.end
