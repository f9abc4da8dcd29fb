"""Indirect speech in one sentence: every cue the sentence has, and what it reports.

The cues are reporting verbs and claim nouns (`clauses`) and attributing phrases
(`attribution`). A sentence with none of them whose main verb is in Konjunktiv
continues the reported speech before it; the reading decides that, since it depends on
the sentences before.
"""

from __future__ import annotations

from spacy.tokens import Span

from lagebild.extract.quotes.attribution import attributed
from lagebild.extract.quotes.clauses import claim_reports, verb_reports
from lagebild.extract.quotes.report import INDIRECT, Context, Report
from lagebild.extract.quotes.syntax import trimmed


def indirect_reports(context: Context, sentence: Span) -> list[Report]:
    """The indirect reports of one sentence, in the order their cues appear."""
    reports: list[Report] = []
    for token in sentence:
        if context.in_quote[token.i]:
            continue
        for found in (attributed, claim_reports, verb_reports):
            for start, end, frame in found(context, token):
                start, end = trimmed(context.doc, start, end)
                if end - start > 1:
                    reports.append(Report(start, end, INDIRECT, frame))
    return reports
