"""Reading the events of one document: triggers, their actors, date, place and status."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from lagebild.extract.events.arguments import arguments, phrase_span
from lagebild.extract.events.lexicon import EventLexicon
from lagebild.extract.events.merge import actor_key, merged
from lagebild.extract.events.status import negated, status
from lagebild.extract.events.triggers import NOUNS, Match, find_triggers
from lagebild.extract.sentences import record_sentences
from lagebild.record import ActorRef, Event

Link = Callable[[Span], ActorRef | None]
ACTOR_SPANS = "actor_refs"
PERSON_ACTOR = "per:"
_PERSONAL = frozenset({"PPER", "PPOSAT"})
# A pronoun refers back at most this many sentences.
_PRONOUN_REACH = 2


class EventReader:
    """Reads the events of a parsed, entity-tagged (and, best, actor-linked) Doc."""

    def __init__(self, doc: Doc, lexicon: EventLexicon, link: Link, date_of: Callable[[Span], str | None]) -> None:
        self.doc, self.lexicon, self.link, self.date_of = doc, lexicon, link, date_of
        self.sentences = record_sentences(doc)
        linked = [*doc.ents, *doc.spans.get(ACTOR_SPANS, [])]
        self._antecedents = sorted(
            ((span, ref) for span in linked if (ref := link(span)) is not None), key=lambda item: item[0].start
        )

    def events(self) -> list[Event]:
        """Every event of the document, repeated reports of one event folded together."""
        found = [
            event
            for index, sentence in enumerate(self.sentences)
            for match in find_triggers(sentence, self.lexicon)
            for event in self._events(match, sentence, index)
        ]
        return merged(found)

    def _events(self, match: Match, sentence: Span, index: int) -> Iterator[Event]:
        found = arguments(match, self.lexicon.place_prepositions)
        sources = [ref for token in found.sources if (ref := self._actor(token, sentence, source=True))]
        targets = [ref for token in found.targets if (ref := self._actor(token, sentence, source=False))]
        date = self.date_of(sentence)
        cues = self.lexicon.status
        event_status = status(match, cues, date, self.doc._.published)
        is_negated = negated(match, cues)
        place = self._place(found.place)
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
                    confidence=confidence(match, source, target, event_status),
                    sentence=index,
                    trigger=match.text,
                    evidence=sentence.text.strip(),
                    mentions=[index],
                )

    def _actor(self, token: Token, sentence: Span, source: bool) -> ActorRef | None:
        """Who a phrase names: its linked actor, a pronoun's antecedent, a named entity
        in it, or (for a source) the noun phrase itself ("Demonstranten")."""
        if token.tag_ in _PERSONAL or token.pos_ == "PRON":
            return self._antecedent(token, sentence)
        span = phrase_span(token)
        ref = self.link(span)
        if ref is not None:
            return ref
        entity = next((ent for ent in self.doc.ents if span.start <= ent.start and ent.end <= span.end), None)
        if entity is not None:
            return ActorRef(text=span.text, name=entity.text)
        if source and token.pos_ in NOUNS:
            return ActorRef(text=span.text)
        return None

    def _antecedent(self, pronoun: Token, sentence: Span) -> ActorRef | None:
        """The actor "er", "sie", "sein" most likely stand for: the nearest linked mention
        before it, a person for a singular pronoun, a state or group for a plural one."""
        plural = "Plur" in pronoun.morph.get("Number")
        earliest = self.sentences[max(self._index(sentence) - _PRONOUN_REACH, 0)].start
        for span, ref in reversed(self._antecedents):
            if span.end > pronoun.i or span.start < earliest:
                continue
            person = (ref.actor or "").startswith(PERSON_ACTOR) or span.label_ == "PER"
            if person != plural:
                return ActorRef(text=pronoun.text, name=ref.name, actor=ref.actor, country=ref.country, role=ref.role)
        return None

    def _index(self, sentence: Span) -> int:
        return next(i for i, other in enumerate(self.sentences) if other.start == sentence.start)

    def _place(self, word: Token | None) -> str | None:
        if word is None:
            return None
        entity = next((ent for ent in self.doc.ents if ent.start <= word.i < ent.end), None)
        if entity is None:
            return word.text
        ref = self.link(entity)
        return (ref.name if ref else None) or entity.text


def confidence(match: Match, source: ActorRef, target: ActorRef | None, event_status: str) -> float:
    """How firmly the text supports the event: an explicit verb with both actors resolved
    scores high, a noun with an unresolved or missing side low, hedged reports lower."""
    score = 0.45 if match.nominal else 0.6
    if source.actor:
        score += 0.2
    elif source.country or source.name:
        score += 0.1
    if target is not None and target.actor:
        score += 0.15
    if event_status in ("alleged", "hypothetical"):
        score -= 0.15
    return round(min(max(score, 0.05), 0.99), 2)
