"""Who a phrase in a document names: the actor resolution behind events.

The actors component links entities and role phrases; this class answers for any phrase
an event rule points at: the phrase's own head first, a pronoun's antecedent, the speaker
behind "wir" in a quote, a nationality adjective, a bare name, a group noun; and, where
the parse gives nothing, the nearest actor in the trigger's clause.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from lagebild.extract.events.arguments import phrase_span, preposition
from lagebild.extract.events.lexicon import EventLexicon
from lagebild.extract.events.triggers import NOUNS
from lagebild.extract.quotes.lexicon import load_cues
from lagebild.extract.quotes.report import sentence_numbers
from lagebild.extract.quotes.speakers import Speakers
from lagebild.record import ActorRef, actor_key

Link = Callable[[Span], ActorRef | None]
# The actor a phrase names in passing ("eine iranische Drohne" → Iran), by its head.
Implied = Callable[[Token], ActorRef | None]
ACTOR_SPANS = "actor_refs"
PERSON_ACTOR = "per:"
_OWNER = frozenset({"nmod", "nmod:poss", "det:poss"})
_SUBCLAUSES = frozenset({"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "csubj", "parataxis", "conj"})
_FIRST_PERSON = "1"
_PLACE = "LOC"
# ISO 3166-1 alpha-3 codes have three letters; organisations' codes ("EU", "NATO") do not.
_STATE_CODE = 3
# Roles whose holder at an organisation acts for the state that sends them.
_ENVOYS = frozenset({"ambassador", "envoy", "permanent representative"})
_NAME_PARTS = frozenset({"appos", "flat", "flat:name", "compound"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
# Pronouns that refer back to someone named ("er", "sie", "dieser", "sein"); not "man".
_REFERRING = frozenset({"Prs", "Dem"})
# A pronoun refers back at most this many sentences.
_PRONOUN_REACH = 2


class Mentions:
    """The linked mentions of one document, and the rules that resolve a phrase to an actor."""

    def __init__(
        self, doc: Doc, sentences: list[Span], lexicon: EventLexicon, link: Link, implied: Implied | None = None
    ) -> None:
        self.doc, self.sentences, self.lexicon, self.link, self.implied = doc, sentences, lexicon, link, implied
        linked = [*doc.ents, *doc.spans.get(ACTOR_SPANS, [])]
        self._antecedents = sorted(
            ((span, ref) for span in linked if (ref := link(span)) is not None), key=lambda item: item[0].start
        )
        self._countries = _countries_by_name(self._antecedents)
        self._sentence_of = sentence_numbers(doc, sentences)
        self._people: Speakers | None = None

    def actor(
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
            return self.speaker_at(token)
        if token.pos_ == "PRON" or _possessive(token):
            return self._antecedent(token, sentence, other)
        span = phrase_span(token, without=trigger)
        ref = self._head_link(token, span) or self.link(span)
        if ref is not None and not (ref.country or ref.actor) and self._place_named(ref, span):
            ref = None
        implied = self.implied(token) if self.implied else None
        envoy = ref is not None and ref.role in _ENVOYS and ref.country and len(ref.country) != _STATE_CODE
        if envoy and implied is not None:
            # "der nordkoreanische UN-Botschafter" acts for North Korea ("der spanische
            # EU-Außenbeauftragte" still for the EU).
            return replace(ref, country=implied.country)
        if ref is not None and (ref.country is not None or implied is None):
            return ref
        # "den iranischen Öltanker „Grace 1“": the ship names no state, its adjective does.
        if implied is not None:
            return replace(implied, text=span.text)
        # A name the knowledge base does not know stands for itself, unless it is a place
        # ("am Brandenburger Tor"): a square or a landmark does nothing.
        entity = next((ent for ent in self.doc.ents if span.start <= ent.start and ent.end <= span.end), None)
        if entity is not None and entity.label_ != _PLACE:
            return ActorRef(text=span.text, name=entity.text)
        if source and token.pos_ in NOUNS and self._group(token):
            return ActorRef(text=span.text)
        # "gegen seine Regierungspolitik": the possessor is the actor.
        owner = next((child for child in token.children if _possessive(child)), None)
        ref = self._antecedent(owner, sentence) if owner is not None else None
        return replace(ref, text=span.text) if ref is not None else None

    def _place_named(self, ref: ActorRef, span: Span) -> bool:
        """Whether a link names a place in the phrase that acts for no one ("Brandenburger Tor")."""
        inside = (ent for ent in self.doc.ents if span.start <= ent.start and ent.end <= span.end)
        return any(ent.label_ == _PLACE and ent.text == ref.name for ent in inside)

    def speaker(self, speaker: ActorRef | None, sentence: Span) -> ActorRef | None:
        """A quote's speaker as an actor: as the quote component linked it, or by the
        nationality its words name ("von nordkoreanischer Seite" → North Korea)."""
        if speaker is None or speaker.country or speaker.actor:
            return speaker
        start = sentence.text.find(speaker.text)
        words = sentence.char_span(start, start + len(speaker.text)) if start >= 0 else None
        implied = self.implied(words.root) if words is not None and self.implied else None
        return replace(implied, text=speaker.text) if implied is not None else None

    def speaker_at(self, token: Token) -> ActorRef | None:
        """The speaker of the quote a first-person word stands in, if any."""
        speaker = next(
            (quote.speaker for quote in self.doc._.quotes or [] if quote.start <= token.idx < quote.end), None
        )
        return replace(speaker, text=token.text) if speaker is not None else None

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

    def nearby(self, trigger: Token, taken: set[int], before: bool, hosted: bool = False) -> ActorRef | None:
        """The linked actor nearest the trigger in its clause: the last one before it (a
        source) or the first one after it (a target), outside the phrases already `taken` by
        the other side. Clauses below the trigger ("dementierte, die Ukraine angegriffen zu
        haben") are not its clause."""
        clause = set(clause_words(trigger)) - taken
        if not before and trigger.head.i != trigger.i:
            clause |= set(clause_words(trigger.head))
        mentions = [(span, ref) for span, ref in self._antecedents if span.root.i in clause]
        if before or not hosted:
            # A place ("in der Region Afghanistan") is where it happened, not who took part,
            # except for the host of a visit ("traf in Lomé ein") and the state a protest in
            # its streets is aimed at.
            places = self.lexicon.place_prepositions
            mentions = [(span, ref) for span, ref in mentions if preposition(_phrase_top(span)) not in places]
        # Only actors that act for someone: not a square or a street.
        mentions = [(span, ref) for span, ref in mentions if ref.country or ref.actor]
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
        if not plural:
            # The quote rules know a person's gender from titles ("die Kanzlerin"): "sie" then
            # skips the men named nearer.
            ref = self._speakers().of_token(pronoun)
            if ref is not None and (ref.country or ref.actor) and actor_key(ref) != other:
                return ref
        earliest = self.sentences[max(self._sentence_of[sentence.start] - _PRONOUN_REACH, 0)].start
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

    def _speakers(self) -> Speakers:
        """The quote rules' resolver of people, built on first use (most documents need none)."""
        if self._people is None:
            self._people = Speakers(self.doc, load_cues(), self._sentence_of, self.link)
        return self._people

    def place(self, word: Token | None) -> str | None:
        """The name of the place a word is part of: its linked name, else its entity's text."""
        if word is None:
            return None
        entity = next((ent for ent in self.doc.ents if ent.start <= word.i < ent.end), None)
        if entity is None:
            return word.text
        ref = self.link(entity)
        return (ref.name if ref else None) or entity.text


def clause_words(head: Token) -> Iterator[int]:
    """The token indices of a word's own clause, without the clauses below it or below
    its phrases ("die Demonstranten, die gegen die Regierung protestierten")."""
    yield head.i
    for child in head.children:
        if child.dep_ not in _SUBCLAUSES:
            yield from clause_words(child)


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
