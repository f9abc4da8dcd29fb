"""Who is speaking: from the words in the speaker slot to an `ActorRef`.

A name is taken as written and completed with the longest form the article uses for
that person ("Peskow" → "Dmitri Peskow"). A pronoun ("er", "sie", "dieser") or a
description ("der Sprecher", "die Ministerin") stands for someone named before: the
most recent person or speaker that fits, in the nearest sentence that has one. A
pronoun then gives that person's reference with the pronoun as its text ("er", name
"Dmitri Peskow"); a description keeps its own words and gains the name. Nothing is
guessed: a pronoun with no fitting person before it gives no speaker, and a description
that fits nobody stays as written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import chain

from spacy.tokens import Doc, Span, Token

from lagebild.extract.quotes.lexicon import Cues
from lagebild.extract.quotes.people import Link, Mention, People, gender_of
from lagebild.extract.quotes.syntax import finite_verbs, phrase
from lagebild.record import ActorRef

# How many sentences back a pronoun or description looks for whom it stands for.
LOOK_BACK = 3
# A longer speaker phrase is a misparse; the name in it, or its head word, is used instead.
MAX_PHRASE = 12
# Words that can fill a speaker slot. An adjective may be a mistagged noun
# ("Kremlsprecher Dmitri Peskow") when a name follows; otherwise it is a misparse
# ("Relativierend fügte er hinzu").
_SPEAKER_WORDS = {"NOUN", "PROPN", "PRON", "DET", "X", "NUM"}
_MISTAGGED = {"ADJ"}
# Genders a pronoun first looks for among people known to have it: most people the news
# names without a title ("Kanzlerin") are men, so "sie" must not fall to the nearest
# untitled name, while "er" may.
KNOWN_FIRST = {"Fem"}


class Speakers:
    """Resolves speaker slots in text order, remembering the speakers found so far."""

    def __init__(self, doc: Doc, cues: Cues, sentence_of: list[int], link: Link | None) -> None:
        self.doc, self.cues, self.sentence_of, self.link = doc, cues, sentence_of, link
        self.people = People(doc, cues, sentence_of, link)
        self.said: list[Mention] = []

    def of_token(self, token: Token) -> ActorRef | None:
        """The speaker that the word in a speaker slot (a subject, "laut"'s object) stands for."""
        if token.lower_ in self.cues.nobody or token.pos_ not in _SPEAKER_WORDS | _MISTAGGED:
            return None
        if token.pos_ in ("PRON", "DET"):
            return self._pronoun(token)
        span = phrase(token, self.cues)
        if token.pos_ in _MISTAGGED and not any(t.ent_type_ for t in span):
            return None
        if len(span) > MAX_PHRASE:
            span = self.people.person_in(span) or self.doc[token.i : token.i + 1]
        return self.of_span(span)

    def of_span(self, span: Span) -> ActorRef | None:
        """The speaker a noun phrase names: a person, a description of one, an institution."""
        if not span.text.strip():
            return None
        person = self.people.person_in(span)
        if person is not None and not (span.start <= person.start and person.end <= span.end):
            span = self.doc[min(span.start, person.start) : max(span.end, person.end)]
        if person is None and span.root.pos_ == "NOUN":
            described = self._described(span.root)
            if described is not None and described.ref is not None:
                return replace(described.ref, text=span.text)
        name = self.people.name(person) if person is not None else None
        ref = self.link(span) if self.link else None
        if ref is None:
            return ActorRef(text=span.text, name=name)
        return ref if ref.name or not name else replace(ref, name=name)

    def remember(self, speaker: Token | Span, ref: ActorRef) -> None:
        """Note a speaker, whom later pronouns and descriptions may refer back to."""
        span = speaker if isinstance(speaker, Span) else self.doc[speaker.i : speaker.i + 1]
        root = span.root
        person = self.people.person_in(span)
        gender = gender_of([root]) if person is None else self.people.gender(person)
        titles = (root.lower_, root.lemma_.lower()) if root.pos_ == "NOUN" else ()
        plural = "Plur" in root.morph.get("Number") and person is None
        self.said.append(Mention(span, self.sentence_of[span.start], ref, gender, titles, True, plural, True))

    def _pronoun(self, token: Token) -> ActorRef | None:
        lower, morph = token.lower_, token.morph
        if "Rel" in morph.get("PronType") and lower in self.cues.relative:
            return self._relative(token)
        if "Yes" in morph.get("Poss"):
            lower = token.lemma_.lower()
            plural = "Plur" in morph.get("Number[psor]")
            genders = self.cues.possessive_gender
        else:
            plural = _plural(token, self.cues)
            genders = self.cues.pronoun_gender
        demonstrative = lower in self.cues.demonstrative_gender and not plural
        if not demonstrative and lower not in genders:
            return None
        gender = None if plural else (self.cues.demonstrative_gender.get(lower) or genders[lower])

        def known(mention: Mention) -> bool:
            return mention.plural == plural and mention.gender == gender

        def possible(mention: Mention) -> bool:
            return mention.plural == plural and _fits(mention.gender, gender)

        for fits in (known, possible) if gender in KNOWN_FIRST else (possible,):
            found = self._antecedent(token, fits, prominent_first=not demonstrative)
            if found is not None:
                return _as_written(token, found.ref or self.of_span(found.span))
        return None

    def _relative(self, pronoun: Token) -> ActorRef | None:
        """ "Peskow, der sagte, …": the relative clause's noun is the speaker."""
        clause = pronoun.head
        if clause.dep_ in self.cues.labels.relative_clause and clause.head.i != clause.i:
            return self.of_token(clause.head)
        return None

    def _described(self, noun: Token) -> Mention | None:
        """The person a description like "der Sprecher" or "die Ministerin" stands for."""
        words = (noun.lower_, noun.lemma_.lower())
        gender = gender_of([noun])

        def fits(mention: Mention) -> bool:
            titled = any(title.endswith(words) for title in mention.titles)
            return titled and mention.ref is not None and mention.ref.name is not None and _fits(mention.gender, gender)

        return self._antecedent(noun, fits)

    def _antecedent(
        self, token: Token, fits: Callable[[Mention], bool], prominent_first: bool = True
    ) -> Mention | None:
        """The most recent fitting mention in the nearest sentence that has one; with
        `prominent_first`, speakers first, then subjects, and in the word's own sentence
        only those ("Vor dem Treffen mit Juncker hatte er …" is not Juncker)."""
        sentence = self.sentence_of[token.i]
        candidates = [
            m
            for m in chain(self.people.mentions, self.said)
            if m.span.end <= token.i
            and sentence - m.sentence <= LOOK_BACK
            and (m.prominent or m.sentence < sentence or not prominent_first)
            and fits(m)
        ]
        if not candidates:
            return None
        nearest = max(m.sentence for m in candidates)
        rank = (lambda m: (m.speaker, m.prominent, m.span.start)) if prominent_first else (lambda m: m.span.start)
        return max((m for m in candidates if m.sentence == nearest), key=rank)


def _as_written(pronoun: Token, ref: ActorRef | None) -> ActorRef | None:
    """The pronoun's reference with the pronoun as its text: the text is what the article
    says ("er"), the name whom it stands for ("Dmitri Peskow"). A description whose name
    is not in its words ("die Sprecherin des Ministeriums", name "USA") stays as it is:
    the name alone would lose who spoke."""
    if ref is None:
        return None
    if ref.name is None:
        return replace(ref, text=pronoun.text, name=ref.text)
    if ref.name.split()[-1] in ref.text:
        return replace(ref, text=pronoun.text)
    return ref


def _plural(pronoun: Token, cues: Cues) -> bool:
    """Whether a pronoun is plural, by the verb it is the subject of where it has one:
    "sie" alone does not tell, "sie sagte" and "sie sagten" do."""
    if pronoun.dep_ in cues.labels.subject:
        for verb in finite_verbs(pronoun.head):
            number = verb.morph.get("Number")
            if number:
                return "Plur" in number
    return "Plur" in pronoun.morph.get("Number")


def _fits(gender: str | None, wanted: str | None) -> bool:
    return gender is None or wanted is None or gender == wanted
