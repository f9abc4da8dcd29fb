"""Who a document mentions: the people, role holders and groups a speaker may refer to.

Each mention carries what a later pronoun or description is matched on: gender (from
the nouns that say who a person is, "Bundeskanzlerin Angela Merkel"), number, and
titles ("Kremlsprecher"); and whether it is prominent (a subject), which "er" and
"sie" most often take up.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import chain

from spacy.tokens import Doc, Span, Token

from lagebild.extract.quotes.lexicon import Cues
from lagebild.extract.quotes.syntax import phrase
from lagebild.record import ActorRef

Link = Callable[[Span], ActorRef | None]
# Role phrases the actors component links (`doc.spans[ACTOR_SPANS]`) name persons too.
ACTOR_SPANS = "actor_refs"
PERSON_ACTOR = "per:"
_GENITIVE_S = ("s", "'")


@dataclass(frozen=True)
class Mention:
    """Someone a later pronoun or description can refer back to."""

    span: Span
    sentence: int
    # None for a group or institution, whose reference is read from `span` when needed.
    ref: ActorRef | None
    gender: str | None
    titles: tuple[str, ...]
    # A subject or a speaker: what "er" and "sie" most often take up.
    prominent: bool
    plural: bool = False
    speaker: bool = False


class People:
    """The people (PER entities), linked role holders and groups of one document."""

    def __init__(self, doc: Doc, cues: Cues, sentence_of: list[int], link: Link | None) -> None:
        self.doc, self.cues, self.sentence_of, self.link = doc, cues, sentence_of, link
        self.entities = [entity for entity in doc.ents if entity.label_ == "PER" and _words(entity)]
        self._names = _longest_names(self.entities)
        titles: dict[str, list[Token]] = defaultdict(list)
        for entity in self.entities:
            titles[self.name(entity)].extend(self._titles(entity))
        self._genders = {name: self._person_gender(nouns) for name, nouns in titles.items()}
        mentions = [*self._persons(titles), *self._linked_roles(), *self._groups()]
        self.mentions = sorted(mentions, key=lambda mention: mention.span.start)

    def name(self, entity: Span) -> str:
        """The longest form of a person's name in the article ("Peskow" → "Dmitri Peskow")."""
        return self._names[_words(entity)]

    def gender(self, entity: Span) -> str | None:
        return self._genders[self.name(entity)]

    def person_in(self, span: Span) -> Span | None:
        """The longest person entity that overlaps `span`."""
        inside = [p for p in self.entities if p.start < span.end and span.start < p.end]
        return max(inside, key=len, default=None)

    def _persons(self, titles: dict[str, list[Token]]) -> Iterator[Mention]:
        for entity in self.entities:
            name = self.name(entity)
            ref = (self.link(entity) if self.link else None) or ActorRef(text=entity.text, name=name)
            if ref.name is None:
                ref = replace(ref, name=name)
            lowered = tuple(chain.from_iterable((t.lower_, t.lemma_.lower()) for t in titles[name]))
            sentence = self.sentence_of[entity.start]
            yield Mention(entity, sentence, ref, self._genders[name], lowered, self._is_subject(entity))

    def _linked_roles(self) -> Iterator[Mention]:
        """Role phrases the actors component linked to a person ("der US-Präsident")."""
        if self.link is None:
            return
        for span in self.doc.spans.get(ACTOR_SPANS, []):
            ref = self.link(span)
            if ref is not None and ref.name and (ref.actor or "").startswith(PERSON_ACTOR):
                root = span.root
                titles = (root.lower_, root.lemma_.lower())
                sentence = self.sentence_of[span.start]
                yield Mention(span, sentence, ref, gender_of([root]), titles, self._is_subject(span))

    def _groups(self) -> Iterator[Mention]:
        """Institutions and groups that "sie" often stands for: those that are the subject
        of a clause ("die kolumbianische Regierung"), and groups of people wherever they
        stand ("auf den Schildern der Demonstranten. Sie riefen …")."""
        for token in self.doc:
            if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ == "PER":
                continue
            plural = "Plur" in token.morph.get("Number") or any(c.dep_ == "conj" for c in token.children)
            topic = token.dep_ in self.cues.labels.topic
            if topic and (token.ent_type_ == "ORG" or self.cues.is_actor_noun(token.text)):
                gender = None if plural else gender_of([token])
                yield Mention(phrase(token, self.cues), self.sentence_of[token.i], None, gender, (), True, plural)
            elif plural and token.lower_.endswith(self.cues.people_nouns):
                yield Mention(phrase(token, self.cues), self.sentence_of[token.i], None, None, (), False, True)

    def _person_gender(self, titles: list[Token]) -> str | None:
        """The gender most of a person's titles have; institutions ("die Regierung Trump")
        and neuter nouns say nothing about it."""
        votes = Counter(
            gender
            for title in titles
            if not title.lower_.endswith(self.cues.institution_nouns)
            for gender in title.morph.get("Gender")[:1]
            if gender != "Neut"
        )
        return votes.most_common(1)[0][0] if votes else None

    def _is_subject(self, span: Span) -> bool:
        """Whether a name is the subject or stands in apposition to it ("Kremlsprecher Dmitri Peskow sagte")."""
        labels = self.cues.labels
        token = span.root
        while token.dep_ in labels.apposition | labels.name_part and token.head.i != token.i:
            token = token.head
        return token.dep_ in labels.topic

    def _titles(self, entity: Span) -> Iterator[Token]:
        """Nouns that say who the person is: "Kremlsprecher Dmitri Peskow",
        "der Botschafter …, Kim Darroch", "Kim Darroch, der Botschafter"."""
        labels = self.cues.labels
        before = self.doc[entity.start - 1] if entity.start > 0 else None
        if before is not None and before.pos_ == "NOUN" and entity.start <= before.head.i < entity.end:
            yield before
        root = entity.root
        if root.dep_ in labels.apposition and root.head.pos_ == "NOUN":
            yield root.head
        for child in root.children:
            if child.dep_ in labels.apposition and child.pos_ == "NOUN":
                yield child


def gender_of(nouns: list[Token]) -> str | None:
    """The grammatical gender of the first noun that has exactly one."""
    for noun in nouns:
        gender = noun.morph.get("Gender")
        if len(gender) == 1:
            return gender[0]
    return None


def _words(entity: Span) -> tuple[str, ...]:
    return tuple(token.text for token in entity if not token.is_punct)


def _longest_names(entities: list[Span]) -> dict[tuple[str, ...], str]:
    """For each way a person is written, the longest form of the name in the article that
    ends the same way ("Peskow" → "Dmitri Peskow"); the first one written on a tie.

    A genitive ("Trumps") takes the name it is the genitive of, where the article has it.
    """
    forms = [_words(entity) for entity in entities]
    names: dict[tuple[str, ...], str] = {}
    for form in forms:
        fuller = [other for other in forms if other[-len(form) :] == form]
        if len(fuller) == 1 and form[-1].endswith(_GENITIVE_S):
            base = (*form[:-1], form[-1][:-1])
            fuller = [other for other in forms if other[-len(base) :] == base] or fuller
        names[form] = " ".join(max(fuller, key=len))
    return names
