"""Reading the events of one document: triggers, their actors, date, place and status."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from lagebild.extract.events.arguments import arguments, phrase_span, preposition
from lagebild.extract.events.lexicon import EventLexicon
from lagebild.extract.events.merge import Reading, merged
from lagebild.extract.events.statements import blamed, obligations
from lagebild.extract.events.status import after_publication, negated, status
from lagebild.extract.events.triggers import NOUNS, Match, VerbOf, find_triggers, noun_trigger
from lagebild.extract.sentences import record_sentences
from lagebild.record import UNDIRECTED, ActorRef, Event, actor_key

Link = Callable[[Span], ActorRef | None]
# The actor a phrase names in passing ("eine iranische Drohne" → Iran), by its head.
Implied = Callable[[Token], ActorRef | None]
ACTOR_SPANS = "actor_refs"
PERSON_ACTOR = "per:"
# Event types whose target may be the place they happen in.
# Demands and blame read from reported speech share one kind, and a lower confidence: no
# event verb says so.
STATEMENT_ENTRY = "reported speech"
_STATEMENT_CONFIDENCE = 0.55
_HOSTED = frozenset({"CONSULT", "PROTEST"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_OWNER = frozenset({"nmod", "nmod:poss", "det:poss"})
_GOVERNED = frozenset({"obj", "nsubj", "nsubj:pass", "obl"})
_SUBCLAUSES = frozenset({"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "csubj", "parataxis", "conj"})
_FIRST_PERSON = "1"
_NAME_PARTS = frozenset({"appos", "flat", "flat:name", "compound"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
# Pronouns that refer back to someone named ("er", "sie", "dieser", "sein"); not "man".
_REFERRING = frozenset({"Prs", "Dem"})

# A pronoun refers back at most this many sentences.
_PRONOUN_REACH = 2


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
        self._context_date: str | None = None
        linked = [*doc.ents, *doc.spans.get(ACTOR_SPANS, [])]
        self._antecedents = sorted(
            ((span, ref) for span in linked if (ref := link(span)) is not None), key=lambda item: item[0].start
        )
        self._countries = _countries_by_name(self._antecedents)

    def events(self) -> list[Event]:
        """Every event of the document, repeated reports of one event folded together."""
        found: list[Reading] = []
        for index, sentence in enumerate(self.sentences):
            date = self.date_of(sentence)
            for match in find_triggers(sentence, self.lexicon, self.verb_of):
                readings = self._events(match, sentence, index, date)
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
        sources = [ref for token in found.sources if (ref := self._actor(token, sentence, source=True))]
        if not sources and match.nominal and self.implied is not None:
            # "der russische Angriff", "die US-Sanktionen": the noun names its doer.
            sources = [ref for ref in [self.implied(match.head)] if ref]
        # A pronoun target is someone other than the source: "Dieser hatte ihr … angedroht".
        other = actor_key(sources[0]) if sources else None
        trigger = match.head if match.attributive else None
        content = self._content_event(found.targets, match.trigger.type, sentence, other)
        if content is not None:
            targets = content
        else:
            targets = [ref for token in found.targets if (ref := self._actor(token, sentence, False, other, trigger))]
        if not targets and len(sources) > 1 and (match.trigger.mutual or match.trigger.type in UNDIRECTED):
            # "das Mittagessen Junckers und Johnsons", "X und Y unterzeichneten": each other.
            sources, targets = sources[:1], sources[1:]
        # Where the parse gives no actor, the nearest one in the trigger's clause stands in,
        # at a lower confidence: a parse gone wrong still leaves the actors nearby.
        inferred = False
        taken = {word.i for token in (*found.sources, *found.targets) for word in token.subtree}
        if not sources:
            sources = [ref for ref in [self._nearby(match.head, taken, before=True)] if ref]
            inferred = bool(sources)
        if not targets:
            nearby = self._nearby(match.head, taken, before=False, hosted=match.trigger.type in _HOSTED)
            if nearby is not None and not any(actor_key(nearby) == actor_key(source) for source in sources):
                targets, inferred = [nearby], True
        cues = self.lexicon.status
        date = self._clause_date(match) or date
        event_status = status(match, cues, date, self.doc._.published)
        date = date or self._context_date or self._present_date(match)
        is_negated = negated(match, cues)
        place = self._place(found.place)
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

    def _actor(
        self, token: Token, sentence: Span, source: bool, other: str | None = None, trigger: Token | None = None
    ) -> ActorRef | None:
        """Who a phrase names (see `_named_actor`), with the country a title gave the person
        elsewhere; `other` is the actor on the event's other side, `trigger` an attributive
        participle inside the phrase."""
        ref = self._named_actor(token, sentence, source, other, trigger)
        if ref is not None and ref.country is None and ref.name in self._countries:
            # "EU-Haushaltskommissar Günther Oettinger" earlier: he acts for the EU.
            ref = replace(ref, country=self._countries[ref.name])
        return ref

    def _named_actor(
        self, token: Token, sentence: Span, source: bool, other: str | None, trigger: Token | None
    ) -> ActorRef | None:
        """Who a phrase names: its linked actor, a pronoun's antecedent, the state its
        nationality adjective names ("ein iranischer Tanker"), a named entity in it, or, for
        a source, the noun phrase itself when it names people ("Demonstranten")."""
        if _FIRST_PERSON in token.morph.get("Person"):
            # "„Wir verurteilen den Angriff“, sagte Scholz": the speaker of the quote.
            return self._speaker_at(token)
        if token.pos_ == "PRON" or _possessive(token):
            return self._antecedent(token, sentence, other)
        span = phrase_span(token, without=trigger)
        ref = self._head_link(token, span) or self.link(span)
        implied = self.implied(token) if self.implied else None
        if ref is not None and (ref.country is not None or implied is None):
            return ref
        # "den iranischen Öltanker „Grace 1“": the ship names no state, its adjective does.
        if implied is not None:
            return replace(implied, text=span.text)
        entity = next((ent for ent in self.doc.ents if span.start <= ent.start and ent.end <= span.end), None)
        if entity is not None:
            return ActorRef(text=span.text, name=entity.text)
        if source and token.pos_ in NOUNS and self._group(token):
            return ActorRef(text=span.text)
        # "gegen seine Regierungspolitik": the possessor is the actor.
        owner = next((child for child in token.children if _possessive(child)), None)
        ref = self._antecedent(owner, sentence) if owner is not None else None
        return replace(ref, text=span.text) if ref is not None else None

    def _statements(self, sentence: Span, index: int, date: str | None) -> Iterator[Event]:
        """REQUEST events from reported speech that tells someone what they must do, ACCUSE
        events from speech that damns its subject (see `statements`)."""
        cues, demands = self.lexicon.status, self.lexicon.demand_modals
        for quote in self.doc._.quotes or []:
            if not sentence.start_char <= quote.start < sentence.end_char:
                continue
            speaker = self._speaker(quote.speaker, sentence)
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
                target = self._actor(subject, sentence, False, actor_key(speaker))
                if target is None or actor_key(target) == actor_key(speaker):
                    continue
                yield Event(
                    type=kind, mode=None, source=speaker, target=target, date=date, location=None,
                    status="occurred", negated=False, confidence=_STATEMENT_CONFIDENCE, sentence=index,
                    trigger=word.text, evidence=sentence.text.strip(), mentions=[index],
                )  # type: ignore[arg-type]  # fmt: skip

    def _speaker(self, speaker: ActorRef | None, sentence: Span) -> ActorRef | None:
        """A quote's speaker as an actor: as the quote component linked it, or by the
        nationality its words name ("von nordkoreanischer Seite" → North Korea)."""
        if speaker is None or speaker.country or speaker.actor:
            return speaker
        start = sentence.text.find(speaker.text)
        words = sentence.char_span(start, start + len(speaker.text)) if start >= 0 else None
        implied = self.implied(words.root) if words is not None and self.implied else None
        return replace(implied, text=speaker.text) if implied is not None else None

    def _speaker_at(self, token: Token) -> ActorRef | None:
        """The speaker of the quote a first-person word stands in, if any."""
        speaker = next(
            (quote.speaker for quote in self.doc._.quotes or [] if quote.start <= token.idx < quote.end), None
        )
        return replace(speaker, text=token.text) if speaker is not None else None

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
            return [ref for token in side if (ref := self._actor(token, sentence, False, other))]
        return None

    def _head_link(self, head: Token, span: Span) -> ActorRef | None:
        """The actor the phrase's head names, itself or in apposition, before any named
        deeper inside: "der britische Botschafter in den Vereinigten Staaten, Kim Darroch" is
        the British ambassador, not the United States."""
        inside = [(mention, ref) for mention, ref in self._antecedents
                  if mention.start >= span.start and mention.end <= span.end]  # fmt: skip
        # "Donald Trumps Regierung", "Russlands Präsident": the genitive before the noun owns it.
        owners = [ref for mention, ref in inside if mention.end <= head.i and _phrase_top(mention).head == head
                  and _phrase_top(mention).dep_ in _OWNER]  # fmt: skip
        if owners:
            return replace(owners[-1], text=span.text)
        own = [(mention, ref) for mention, ref in inside if _phrase_top(mention) == head]
        if not own:
            return None
        # A named person beats the title beside it ("die Schwedin Greta Thunberg"), and
        # takes its country from the title when the person has none of its own.
        persons = [ref for mention, ref in own if _is_person(mention, ref) and ref.name]
        best = max((ref for _, ref in own), key=_detail)
        ref = persons[-1] if persons else best
        return replace(ref, text=span.text, country=ref.country or best.country)

    def _clause_date(self, match: Match) -> str | None:
        """The date in the trigger's own clause, which beats the sentence's: "gab am Freitag
        bekannt, dass sie am 7. Juni zurücktreten wird"."""
        head = match.head.head if match.nominal and match.head.dep_ in _GOVERNED else match.head
        words = sorted(_clause_words(head))
        return self.date_of(self.doc[words[0] : words[-1] + 1])

    def _present_date(self, match: Match) -> str | None:
        """An undated event in the present tense, before the article named any date, happens
        on the day of publication: "Deutschland erlässt Äthiopien 67 Millionen Euro Schulden"."""
        verb = match.head.head if match.nominal else match.head
        finite = [verb, *(child for child in verb.children if child.dep_ in ("aux", "aux:pass"))]
        present = any("Pres" in word.morph.get("Tense") and "Ind" in word.morph.get("Mood") for word in finite)
        published = self.doc._.published
        return published[:10] if present and published and not any(w.dep_ == "aux" for w in finite[1:]) else None

    def _nearby(self, trigger: Token, taken: set[int], before: bool, hosted: bool = False) -> ActorRef | None:
        """The linked actor nearest the trigger in its clause: the last one before it (a
        source) or the first one after it (a target), outside the phrases already `taken` by
        the other side. Clauses below the trigger ("dementierte, die Ukraine angegriffen zu
        haben") are not its clause."""
        clause = set(_clause_words(trigger)) - taken
        if not before and trigger.head.i != trigger.i:
            clause |= set(_clause_words(trigger.head))
        mentions = [(span, ref) for span, ref in self._antecedents if span.root.i in clause]
        if before or not hosted:
            # A place ("in der Region Afghanistan") is where it happened, not who took part,
            # except for the host of a visit ("traf in Lomé ein") and the state a protest in
            # its streets is aimed at.
            places = self.lexicon.place_prepositions
            mentions = [(span, ref) for span, ref in mentions if preposition(_phrase_top(span)) not in places]
        if before:
            chosen = next((m for m in reversed(mentions) if m[0].end <= trigger.i), None)
        else:
            chosen = next((m for m in mentions if m[0].start > trigger.i), None)
        return replace(chosen[1], text=chosen[0].text) if chosen else None

    def _group(self, noun: Token) -> bool:
        """Whether a noun names people or a group ("Demonstranten", "Regierungskritiker")."""
        lemma = noun.lemma_.lower()
        return any(lemma.endswith(group) for group in self.lexicon.groups)

    def _antecedent(self, pronoun: Token, sentence: Span, other: str | None = None) -> ActorRef | None:
        """The actor "er", "sie", "sein" most likely stand for: a person for a singular
        pronoun (or, for "sein", an institution when no person is near), a state or group
        for a plural one; of those in the nearest sentence that has any, its subject, else
        the last one mentioned; never `other` (the actor on the event's other side)."""
        if not _REFERRING & set(pronoun.morph.get("PronType")) or "Yes" in pronoun.morph.get("Reflex"):
            return None
        number = "Number[psor]" if _possessive(pronoun) else "Number"
        plural = "Plur" in pronoun.morph.get(number)
        earliest = self.sentences[max(self._index(sentence) - _PRONOUN_REACH, 0)].start
        near = [
            (span, ref)
            for span, ref in self._antecedents
            if span.end <= pronoun.i and span.start >= earliest and actor_key(ref) != other
        ]
        candidates = [(span, ref) for span, ref in near if _is_person(span, ref) != plural]
        if not candidates and _possessive(pronoun) and not plural:
            # "Das Ministerium hatte seine Klage begründet".
            candidates = near
        if not candidates:
            return None
        last = candidates[-1][0].sent.start
        nearby = [(span, ref) for span, ref in candidates if span.sent.start == last]
        subjects = [(span, ref) for span, ref in nearby if _in_subject(span) and span.start < pronoun.i]
        candidates = subjects or nearby
        # Of the spans of the nearest mention ("EU-Haushaltskommissar" and "Günther Oettinger"
        # in one phrase), the one that tells the most.
        nearest = _phrase_top(max(candidates, key=lambda candidate: candidate[0].end)[0])
        ref = max((ref for span, ref in candidates if _phrase_top(span) == nearest), key=_detail)
        return replace(ref, text=pronoun.text)

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


def _clause_words(head: Token) -> Iterator[int]:
    """The token indices of a word's own clause, without the clauses below it or below
    its phrases ("die Demonstranten, die gegen die Regierung protestierten")."""
    yield head.i
    for child in head.children:
        if child.dep_ not in _SUBCLAUSES:
            yield from _clause_words(child)


def _countries_by_name(mentions: list[tuple[Span, ActorRef]]) -> dict[str, str]:
    """Whom a person without a known country acts for, from a title in the same phrase
    anywhere in the article ("EU-Haushaltskommissar Günther Oettinger" → EU)."""
    by_phrase: dict[int, list[ActorRef]] = {}
    for span, ref in mentions:
        by_phrase.setdefault(_phrase_top(span).i, []).append(ref)
    countries: dict[str, str] = {}
    for refs in by_phrase.values():
        country = next((ref.country for ref in refs if ref.country), None)
        for ref in refs:
            if country and ref.country is None and ref.name:
                countries.setdefault(ref.name, country)
    return countries


def _in_subject(span: Span) -> bool:
    """Whether a mention is (part of) a clause's subject: "Der Präsident Wladimir Putin"."""
    return _phrase_top(span).dep_ in _SUBJECTS


def _phrase_top(span: Span) -> Token:
    """The head of the noun phrase a mention is part of, through appositions and names."""
    token = span.root
    while token.dep_ in _NAME_PARTS and token.head.i != token.i:
        token = token.head
    return token


def _possessive(token: Token) -> bool:
    return "Yes" in token.morph.get("Poss")


def _is_person(span: Span, ref: ActorRef) -> bool:
    return (ref.actor or "").startswith(PERSON_ACTOR) or span.label_ == "PER"


def _detail(ref: ActorRef) -> tuple[bool, bool, bool]:
    return ref.country is not None, ref.actor is not None, ref.role is not None


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
