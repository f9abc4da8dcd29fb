"""Reported clauses: what a reporting verb or a claim noun says was said.

- the clause that depends on a speech, writing or thought verb ("Peskow sagte, man
  werde …", "…, dass …", "sprach davon, dass …");
- the clause the verb is set into ("Man werde, sagte Peskow, …", "Eine Woche später,
  so sagt die Regierung, habe …");
- the main clause of a "wie"-clause ("Wie die BBC berichtete, hat Trump …");
- the clause of a claim noun ("den Verdacht, dass …", "ihre Forderung, dass …");
- where the parse lost the clause, the Konjunktiv clause beside the cue.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from lagebild.extract.quotes.attribution import NAMES, Found
from lagebild.extract.quotes.frames import verb_frame
from lagebild.extract.quotes.report import INDIRECT, Context, Frame, Report
from lagebild.extract.quotes.syntax import (
    clause_of,
    finite_verbs,
    is_clause,
    is_konjunktiv,
    reporting_words,
    span_without,
    subject,
    token_range,
    trimmed,
)


def verb_reports(context: Context, verb: Token) -> Iterator[Found]:
    """The clauses a reporting verb reports."""
    frame = verb_frame(context, verb)
    if frame is None:
        return
    doc = context.doc
    own = token_range(verb)
    if any(child.dep_ == "mark" and child.lower_ == context.cues.as_reported for child in verb.children):
        if verb.head.i != verb.i:
            yield (*span_without(trimmed(doc, *token_range(verb.head)), own), frame)
        return
    clauses = [child for child in _dependents(context, verb) if _reported_clause(context, child)]
    for clause in clauses:
        yield (*token_range(clause), frame)
    if clauses:
        return
    if verb.head.i != verb.i and verb.dep_ in context.cues.labels.parenthetical:
        head = clause_of(verb.head)
        if is_clause(head):
            yield (*span_without(trimmed(doc, *token_range(head)), own), frame)
        return
    beside = _konjunktiv_beside(context, verb)
    if beside is not None:
        yield (*beside, frame)


def claim_reports(context: Context, noun: Token) -> Iterator[Found]:
    """ "den Verdacht, dass …", "mit der Behauptung, die Lastwagen seien …": the clause of a
    claim noun. Without a claimant the report goes on from the speaker before."""
    if noun.pos_ != "NOUN" or not context.cues.is_claim_noun(noun.text):
        return
    clauses = [token_range(child) for child in noun.children if _claim_clause(context, child)]
    beside = None if clauses else _konjunktiv_beside(context, noun)
    found = clauses or ([beside] if beside else [])
    if found:
        claimant = _claimant(context, noun)
        frame = Frame(noun.text, claimant, goes_on=claimant is None)
        for start, end in found:
            yield start, end, frame


def speaking_frame(context: Context, sentence: Span) -> Frame | None:
    """The first reporting verb with a subject in a sentence that reports nothing quotable
    ("Er äusserte sich auch zum Brexit."): a Konjunktiv sentence after it continues it."""
    for token in sentence:
        frame = verb_frame(context, token)
        if frame is not None and frame.speaker is not None:
            return frame
    return None


def earlier_report(context: Context, sentence: Span) -> Report | None:
    """ "Das sagte er in Bournemouth." reports the sentence before it."""
    cues = context.cues
    if sentence.start == 0:
        return None
    for token in sentence:
        frame = verb_frame(context, token)
        if frame is None or frame.speaker is None:
            continue
        if any(child.lower_ in cues.back_objects and child.dep_ in cues.labels.object for child in token.children):
            previous = context.sents[context.sentence_of[sentence.start - 1]]
            start, end = trimmed(context.doc, previous.start, previous.end)
            return Report(start, end, INDIRECT, frame) if end - start > 1 else None
    return None


def _dependents(context: Context, verb: Token) -> Iterator[Token]:
    """The verb's dependents, and those of a correlate ("sprach davon, dass …") or of a
    particle the parser hung the clause on ("gab … bekannt, dass …")."""
    for child in verb.children:
        yield child
        if child.lower_ in context.cues.correlates or child.dep_ in context.cues.labels.particle:
            yield from child.children


def _reported_clause(context: Context, child: Token) -> bool:
    """A clause that depends on a reporting verb and says what was reported: a
    complement ("sagte, er werde …", "sagte, dass …"), or a clause the parser attached
    loosely that has no subordinating word of its own or "dass"/"ob" ("so heisst es,
    seien sie …"); not a reporting clause set into it ("…, sagte die Sprecherin")."""
    labels = context.cues.labels
    if child.dep_ == "conj":
        # "KLM versicherte, sie würden …" misparsed as two coordinated clauses.
        has_conjunction = any(c.dep_ == "cc" for c in child.children)
        return not has_conjunction and any(is_konjunktiv(verb, context.cues) for verb in finite_verbs(child))
    if child.dep_ not in labels.clause | labels.adverbial_clause:
        return False
    if not is_clause(child) and not _infinitive_clause(child) and not _konjunktiv_below(context, child):
        return False
    if child.dep_ in labels.parenthetical and reporting_words(child, context.cues):
        return False
    if child.dep_ in labels.adverbial_clause:
        marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
        return all(mark in context.cues.complementizers for mark in marks)
    return True


def _konjunktiv_below(context: Context, head: Token) -> bool:
    """A complement whose Konjunktiv the parser hung one level down: "erklärte, Gillibrand
    sei «das Postergirl der Lobby»" with "sei" the copula of "Postergirl"."""
    return any(
        grandchild.dep_ == "cop" and is_konjunktiv(grandchild, context.cues, present_only=True)
        for child in head.children
        for grandchild in child.children
    )


def _infinitive_clause(head: Token) -> bool:
    """An infinitive clause set off by a comma: "kündigte an, die Steuern zu senken",
    "schlägt vor, die Maut einzuführen" (the parser often leaves such verbs unmarked)."""
    start = head.left_edge
    comma = start if start.is_punct else start.nbor(-1) if start.i > 0 else None
    if head.pos_ != "VERB" or comma is None or comma.text != ",":
        return False
    marked = any(child.dep_ == "mark" and child.lower_ == "zu" for child in head.children)
    return marked or "Inf" in head.morph.get("VerbForm") or "zu" in head.lower_[1:-2]


def _claim_clause(context: Context, child: Token) -> bool:
    """A clause that says what a noun claims: "dass …", or a clause in Konjunktiv; not a
    relative clause ("die Forderung, die er stellte")."""
    labels = context.cues.labels
    if child.dep_ not in labels.clause | labels.relative_clause | labels.adverbial_clause or not is_clause(child):
        return False
    if any("Rel" in c.morph.get("PronType") for c in child.children):
        return False
    marked = any(c.dep_ == "mark" and c.lower_ in context.cues.complementizers for c in child.children)
    return marked or any(is_konjunktiv(verb, context.cues) for verb in finite_verbs(child))


def _claimant(context: Context, noun: Token) -> Token | None:
    """Whose claim: a genitive ("die Forderung der Opposition"), the subject of the clause
    ("sie erläuterte ihre Forderung"), or a possessive ("seine Aussage, dass …")."""
    owners = [child for child in noun.children if child.dep_ in context.cues.labels.genitive and child.pos_ in NAMES]
    named = [owner for owner in owners if owner.pos_ in ("NOUN", "PROPN")]
    if named:
        return named[0]
    claimant = subject(clause_of(noun.head), context.cues) if noun.head.i != noun.i else None
    if claimant is not None and claimant.i != noun.i:
        return claimant
    return owners[0] if owners else None


def _konjunktiv_beside(context: Context, cue: Token) -> tuple[int, int] | None:
    """Where the parse lost the reported clause, the Konjunktiv clause beside the cue:
    the rest of the sentence after the next comma ("gab Karsai an, sein Land müsse …"),
    or, for a cue right after a comma, the sentence before it ("…, hiess es")."""
    doc = context.doc
    sentence = context.sents[context.sentence_of[cue.i]]
    commas = [t.i for t in sentence if t.text == "," and not context.in_quote[t.i]]
    after = [comma for comma in commas if comma > cue.i]
    if after:
        end = after[1] if len(after) > 1 else sentence.end
        if _has_konjunktiv(context, after[0] + 1, end):
            return after[0] + 1, sentence.end
    if cue.i >= 1 and doc[cue.i - 1].text == ",":
        start = max((comma + 1 for comma in commas if comma < cue.i - 1), default=sentence.start)
        if _has_konjunktiv(context, start, cue.i - 1):
            return sentence.start, cue.i - 1
    return None


def _has_konjunktiv(context: Context, start: int, end: int) -> bool:
    tokens = context.doc[start:end]
    return not any(context.in_quote[t.i] for t in tokens) and any(is_konjunktiv(t, context.cues) for t in tokens)
