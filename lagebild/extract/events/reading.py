"""Reading the events of one document: triggers, their actors, date, place and status."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from lagebild.extract.events.arguments import arguments
from lagebild.extract.events.lexicon import EventLexicon
from lagebild.extract.events.mentions import Implied, Link, Mentions, clause_words
from lagebild.extract.events.merge import Reading, merged
from lagebild.extract.events.statements import blamed, obligations
from lagebild.extract.events.status import after_publication, negated, status
from lagebild.extract.events.triggers import NOUNS, Match, VerbOf, find_triggers, noun_trigger
from lagebild.extract.sentences import record_sentences
from lagebild.record import UNDIRECTED, ActorRef, Event, actor_key

# Demands and blame read from reported speech share one kind, and a lower confidence: no
# event verb says so.
STATEMENT_ENTRY = "reported speech"
_STATEMENT_CONFIDENCE = 0.55
_TAKING_UP = frozenset({"dies", "dieses", "das"})
# Event types whose target may be the place they happen in.
_HOSTED = frozenset({"CONSULT", "PROTEST"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_GOVERNED = frozenset({"obj", "nsubj", "nsubj:pass", "obl"})


class EventReader:
    """Reads the events of a parsed, entity-tagged (and, best, actor-linked) Doc."""

    def __init__(
        self,
        doc: Doc,
        lexicon: EventLexicon,
        link: Link,
        date_of: Callable[[Span], str | None],
        implied: Implied | None = None,
        verb_of: VerbOf | None = None,
    ) -> None:
        self.doc, self.lexicon, self.link, self.date_of = doc, lexicon, link, date_of
        self.implied, self.verb_of = implied, verb_of
        self.sentences = record_sentences(doc)
        self.mentions = Mentions(doc, self.sentences, lexicon, link, implied)
        self._context_date: str | None = None
        self._last: Event | None = None
        self._sentence = 0

    def events(self) -> list[Event]:
        """Every event of the document, repeated reports of one event folded together."""
        found: list[Reading] = []
        for index, sentence in enumerate(self.sentences):
            date = self.date_of(sentence)
            for match in find_triggers(sentence, self.lexicon, self.verb_of):
                self._last, self._sentence = (found[-1].event if found else None), index
                readings = list(self._events(match, sentence, index, date))
                found.extend(Reading(event, match.trigger.entry, match.nominal) for event in readings)
            demands = self._statements(sentence, index, date or self._context_date)
            found.extend(Reading(event, STATEMENT_ENTRY, False) for event in demands)
            # A named day anchors what follows better than "am Wochenende" or "im Mai".
            anchors = self._context_date is None or _DAY.match(date or "")
            if date and anchors and not after_publication(date, self.doc._.published):
                self._context_date = date
        return merged(found)

    def _events(self, match: Match, sentence: Span, index: int, date: str | None) -> Iterator[Event]:
        """The events of one trigger: one per source and target (coordinated actors).

        Undated sentences take the day the article last named (a vaguer date only until a
        day is named): news tells a story in order, so "Die Polizei nahm 59 Personen fest"
        after "Am Samstag …" happened then.
        """
        found = arguments(match, self.lexicon.place_prepositions)
        sources = [ref for token in found.sources if (ref := self.mentions.actor(token, sentence, source=True))]
        if not sources and match.nominal:
            # "die US-Sanktionen", "der russische Angriff": the noun names its doer.
            head = match.head
            named = self.link(self.doc[head.i : head.i + 1]) or (self.implied(head) if self.implied else None)
            sources = [named] if named is not None else []
        # A pronoun target is someone other than the source: "Dieser hatte ihr … angedroht".
        other = actor_key(sources[0]) if sources else None
        trigger = match.head if match.attributive else None
        content = self._content_event(found.targets, match.trigger.type, sentence, other)
        if content is None:
            content = self._earlier_event(found.targets, match.trigger.type, other)
        if content is not None:
            targets = content
        else:
            targets = [
                ref for token in found.targets if (ref := self.mentions.actor(token, sentence, False, other, trigger))
            ]
        if not targets and len(sources) > 1 and (match.trigger.mutual or match.trigger.type in UNDIRECTED):
            # "das Mittagessen Junckers und Johnsons", "X und Y unterzeichneten": each other.
            sources, targets = sources[:1], sources[1:]
        # Where the parse gives no actor, the nearest one in the trigger's clause stands in,
        # at a lower confidence: a parse gone wrong still leaves the actors nearby.
        inferred = False
        taken = {word.i for token in (*found.sources, *found.targets) for word in token.subtree}
        if match.trigger.strict and not (sources and targets):
            return
        if not sources:
            sources = [ref for ref in [self.mentions.nearby(match.head, taken, before=True)] if ref]
            inferred = bool(sources)
        hosted = match.trigger.type in _HOSTED
        if not targets and (hosted or match.trigger.type not in self.lexicon.untargeted):
            # A resignation has no target nearby ("…, darunter Schatzkanzler Hammond").
            nearby = self.mentions.nearby(match.head, taken, before=False, hosted=hosted)
            if nearby is not None and not any(actor_key(nearby) == actor_key(source) for source in sources):
                targets, inferred = [nearby], True
        cues = self.lexicon.status
        date = self._clause_date(match) or date
        event_status = status(match, cues, date, self.doc._.published)
        date = date or self._context_date or self._present_date(match)
        is_negated = negated(match, cues)
        place = self.mentions.place(found.place)
        # A verb with a thing on its receiving end ("lehnen diese Klausel ab") reports
        # an event whose target the sentence leaves open; without any, there is none.
        open_target = bool(found.targets) and not match.nominal and match.trigger.type not in UNDIRECTED
        if match.attributive:
            # "die beschlossene Notbremse" tells of no one: only with its "von" agent.
            open_target = open_target and bool(found.sources)
        if not targets and not open_target and match.trigger.type not in self.lexicon.untargeted:
            return
        if not sources and targets and match.trigger.type in self.lexicon.unnamed:
            sources = [ActorRef(text=self.lexicon.unnamed[match.trigger.type])]
        for source in sources:
            for target in targets or [None]:
                if target is not None and actor_key(target) == actor_key(source):
                    continue
                yield Event(
                    type=match.trigger.type,  # type: ignore[arg-type]
                    mode=match.trigger.mode,
                    source=source,
                    target=target,
                    date=date,
                    location=place,
                    status=event_status,  # type: ignore[arg-type]
                    negated=is_negated,
                    confidence=confidence(match, source, target, event_status, inferred),
                    sentence=index,
                    trigger=match.text,
                    evidence=sentence.text.strip(),
                    mentions=[index],
                )

    def _statements(self, sentence: Span, index: int, date: str | None) -> Iterator[Event]:
        """REQUEST events from reported speech that tells someone what they must do, ACCUSE
        events from speech that damns its subject (see `statements`)."""
        cues, demands = self.lexicon.status, self.lexicon.demand_modals
        for quote in self.doc._.quotes or []:
            if not sentence.start_char <= quote.start < sentence.end_char:
                continue
            speaker = self.mentions.speaker(quote.speaker, sentence)
            if speaker is None:
                continue
            speech = self.doc.char_span(quote.start, quote.end, alignment_mode="contract")
            if speech is None:
                continue
            said = [("REQUEST", modal, subject) for modal, subject in obligations(speech, demands, cues.perfect)]
            accused = blamed(speech, self.lexicon.blame_words)
            if accused is not None:
                said.append(("ACCUSE", speech.root, accused))
            for kind, word, subject in said:
                target = self.mentions.actor(subject, sentence, False, actor_key(speaker))
                if target is None or actor_key(target) == actor_key(speaker):
                    continue
                yield Event(
                    type=kind, mode=None, source=speaker, target=target, date=date, location=None,
                    status="occurred", negated=False, confidence=_STATEMENT_CONFIDENCE, sentence=index,
                    trigger=word.text, evidence=sentence.text.strip(), mentions=[index],
                )  # type: ignore[arg-type]  # fmt: skip

    def _earlier_event(self, heads: tuple[Token, ...], kind: str, other: str | None) -> list[ActorRef] | None:
        """ "Ein US-Gericht ordnete die Beschlagnahmung an, doch Gibraltar wies dies ab": a
        "dies" or "das" that takes up the event before is aimed at that event's doer (or,
        for a threat, its target)."""
        last = self._last
        recent = last is not None and last.sentence >= self._sentence - 1
        if not recent or not any(_takes_up_an_event(head) for head in heads):
            return None
        ref = last.target if kind in self.lexicon.aimed else last.source
        return [ref] if ref is not None and actor_key(ref) != other else []

    def _content_event(
        self, heads: tuple[Token, ...], kind: str, sentence: Span, other: str | None
    ) -> list[ActorRef] | None:
        """The target when it is itself an event: a threat is aimed at that event's target
        ("drohte mit Sanktionen gegen Iran" → Iran), a criticism, demand or praise at its
        doer ("verurteilte den Angriff Russlands auf die Ukraine" → Russia; without a named
        doer, at no one). None when the target is no event."""
        for head in heads:
            trigger = noun_trigger(head, self.lexicon) if head.pos_ in NOUNS else None
            if trigger is None:
                continue
            event = Match(head, (head,), trigger, nominal=True)
            inner = arguments(event, self.lexicon.place_prepositions, governor=False)
            side = inner.targets if kind in self.lexicon.aimed else inner.sources
            return [ref for token in side if (ref := self.mentions.actor(token, sentence, False, other))]
        return None

    def _clause_date(self, match: Match) -> str | None:
        """The date in the trigger's own clause, which beats the sentence's: "gab am Freitag
        bekannt, dass sie am 7. Juni zurücktreten wird"."""
        head = match.head.head if match.nominal and match.head.dep_ in _GOVERNED else match.head
        words = sorted(clause_words(head))
        return self.date_of(self.doc[words[0] : words[-1] + 1])

    def _present_date(self, match: Match) -> str | None:
        """An undated event in the present tense, before the article named any date, happens
        on the day of publication: "Deutschland erlässt Äthiopien 67 Millionen Euro Schulden"."""
        verb = match.head.head if match.nominal else match.head
        finite = [verb, *(child for child in verb.children if child.dep_ in ("aux", "aux:pass"))]
        present = any("Pres" in word.morph.get("Tense") and "Ind" in word.morph.get("Mood") for word in finite)
        published = self.doc._.published
        return published[:10] if present and published and not any(w.dep_ == "aux" for w in finite[1:]) else None


def _takes_up_an_event(token: Token) -> bool:
    """A demonstrative pronoun standing for what was just told: "dies", "das"."""
    return token.pos_ == "PRON" and token.lower_ in _TAKING_UP and "Dem" in token.morph.get("PronType")


def confidence(
    match: Match, source: ActorRef, target: ActorRef | None, event_status: str, inferred: bool = False
) -> float:
    """How firmly the text supports the event: an explicit verb with both actors resolved
    from the parse scores high; a noun, an unresolved or missing side, an actor taken from
    nearby rather than the parse, and hedged reports lower."""
    score = 0.45 if match.nominal else 0.6
    if inferred:
        score -= 0.2
    if source.actor:
        score += 0.2
    elif source.country or source.name:
        score += 0.1
    if target is not None and target.actor:
        score += 0.15
    if event_status in ("alleged", "hypothetical", "denied"):
        score -= 0.15
    return round(min(max(score, 0.05), 0.99), 2)
