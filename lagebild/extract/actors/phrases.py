"""Role phrases: "der russische Aussenminister", "US-Präsident", "Russlands Präsident",
"der Präsident der Vereinigten Staaten", "die iranische Regierung".

A phrase is found at its role noun and grown outwards: determiner, adjectives and a
genitive name before it, a genitive complement after it. The country comes from a
nationality adjective, a compound's first part, the genitive or the complement; a
name right after the phrase (or after a comma) is the person it describes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from lagebild.extract.actors.kb import Entry, KnowledgeBase, RoleWord
from lagebild.extract.actors.normalize import fold

EntityAt = Callable[[int], Span | None]
EntryFor = Callable[[Span], Entry | None]

_GENITIVE_WORDS = frozenset({"des", "der", "von", "vom"})
# "der britische Botschafter in den Vereinigten Staaten, Kim Darroch": the place a post is
# in is not the country it serves, but the name after it is still the person.
_PLACE_WORDS = frozenset({"in", "im", "bei", "beim"})
# Words between a role noun's preposition and the entity: "der | seit 2016 regierenden | Partei".
_MAX_COMPLEMENT_WORDS = 3


@dataclass(frozen=True)
class RoleNoun:
    """What a (compound) role noun says: "Ex-US-Präsident" is a former head of state of the USA."""

    word: RoleWord
    entries: tuple[Entry, ...] = ()
    former: bool = False
    deputy: bool = False


@dataclass
class RolePhrase:
    """A role description in the text; `entry` is the state or organisation it names, if any."""

    start: int
    end: int
    noun: RoleNoun
    named_by: list[Entry] = field(default_factory=list)
    entry: Entry | None = None
    former: bool = False
    deputy: bool = False
    plural: bool = False
    indefinite: bool = False
    assumed_home: bool = False
    person: Span | None = None

    @property
    def word(self) -> RoleWord:
        return self.noun.word

    @property
    def role(self) -> str | None:
        """The leader role of a named organisation ("Chef der EU-Kommission"), else the noun's;
        None for deputies and former holders, who do not hold the office now."""
        if self.deputy or self.former:
            return None
        if self.word.leader and self.entry and self.entry.leader:
            return self.entry.leader
        return self.word.role

    @property
    def resolves_to_holder(self) -> bool:
        """Whether the phrase means the one holder of an office ("der US-Präsident", not "ein Sprecher")."""
        office = self.word.holder or (self.entry is not None and self.entry.kind == "seat")
        return office and not (self.plural or self.former or self.deputy or self.indefinite)


@lru_cache(maxsize=1 << 16)
def role_noun(kb: KnowledgeBase, lower: str) -> RoleNoun | None:
    """The role a (compound) noun names: "US-Präsident", "Ex-Kanzler", "Bundesbildungsministerin".

    Cached: every token of every article asks, and the knowledge base is read-only."""
    word = kb.roles.get(lower)
    if word:
        return RoleNoun(word)
    parts = lower.split("-")
    word = kb.roles.get(parts[-1]) or _by_suffix(kb, parts[-1])
    if word is None:
        return None
    entries = tuple(kb.entries[kb.prefixes[fold(part)]] for part in parts[:-1] if fold(part) in kb.prefixes)
    former = any(part in kb.former_prefixes for part in parts[:-1])
    deputy = any(part in kb.deputy_prefixes for part in parts[:-1])
    return RoleNoun(word, entries, former, deputy)


def _by_suffix(kb: KnowledgeBase, lower: str) -> RoleWord | None:
    if not lower.endswith(kb.suffix_forms):
        return None
    return next(word for suffix, word in kb.suffixes.items() if lower.endswith(suffix))


def find_role_phrases(doc: Doc, kb: KnowledgeBase, entity_at: EntityAt, entry_for: EntryFor) -> list[RolePhrase]:
    """Every role phrase outside person names, in text order.

    `entity_at` gives the entity covering a token, `entry_for` what a non-person entity is.
    """
    phrases = []
    for token in doc:
        if not token.is_alpha and "-" not in token.text:
            continue
        noun = role_noun(kb, token.lower_)
        if noun is None:
            continue
        entity = entity_at(token.i)
        if entity is not None and (entity.label_ == "PER" or entry_for(entity)):
            continue
        phrase = RolePhrase(
            token.i, token.i + 1, noun, named_by=list(noun.entries), former=noun.former, deputy=noun.deputy
        )
        _grow_left(doc, kb, phrase, entity_at, entry_for)
        _grow_right(doc, phrase, entity_at, entry_for)
        phrase.plural = phrase.person is None and token.morph.get("Number") == ["Plur"]
        phrase.entry = next(iter(phrase.named_by), None) or _entry_of_code(kb, noun.word.country)
        if noun.word.organisation_only and phrase.entry is None:
            continue
        phrases.append(phrase)
    phrases = _take_in_institutions(doc, phrases)
    _share_coordinated_names(doc, phrases)
    return phrases


def _grow_left(doc: Doc, kb: KnowledgeBase, phrase: RolePhrase, entity_at: EntityAt, entry_for: EntryFor) -> None:
    """Adjectives and the determiner before the noun; a genitive name ("Russlands") ends the phrase."""
    index = phrase.start - 1
    while index >= 0:
        token = doc[index]
        lower = token.lower_
        if lower in kb.adjectives:
            phrase.named_by.append(kb.entries[kb.adjectives[lower]])
        elif lower in kb.former_adjectives:
            phrase.former = True
        elif lower in kb.deputy_adjectives:
            phrase.deputy = True
        elif token.pos_ == "DET" or lower in kb.definite_articles or lower in kb.indefinite_articles:
            phrase.start = index
            phrase.indefinite = lower in kb.indefinite_articles
            return
        elif token.pos_ != "ADJ":
            entity = entity_at(index)
            named = entry_for(entity) if entity is not None and entity.text.endswith("s") else None
            if named is not None:
                phrase.named_by.append(named)
            return
        phrase.start = index
        index -= 1


def _grow_right(doc: Doc, phrase: RolePhrase, entity_at: EntityAt, entry_for: EntryFor) -> None:
    """A genitive complement ("der Vereinigten Staaten", "Frankreichs") and the name after it."""
    complement = _complement(doc, phrase.end, entity_at, _GENITIVE_WORDS)
    named = entry_for(complement) if complement is not None and complement.label_ != "PER" else None
    if named is not None:
        phrase.named_by.append(named)
        phrase.end = complement.end
    index = phrase.end
    place = _complement(doc, index, entity_at, _PLACE_WORDS, entity_needed=True)
    if place is not None and place.label_ != "PER":
        index = place.end
    if index < len(doc) and doc[index].text == "," and (phrase.named_by or place is not None):
        index += 1
    entity = entity_at(index) if index < len(doc) else None
    if entity is not None and entity.label_ == "PER" and entity.start == index and not phrase.word.collective:
        phrase.person = entity


def _complement(
    doc: Doc, index: int, entity_at: EntityAt, words: frozenset[str], entity_needed: bool = False
) -> Span | None:
    """The entity of a complement starting at `index`: ["der"|"in den"] [adjectives] ENTITY."""
    if index >= len(doc):
        return None
    if doc[index].lower_ in words:
        index += 1
    elif entity_needed or entity_at(index) is None:
        return None
    end = min(index + _MAX_COMPLEMENT_WORDS, len(doc))
    while index < end and entity_at(index) is None and (doc[index].pos_ in ("DET", "ADJ") or doc[index].is_title):
        index += 1
    return entity_at(index) if index < len(doc) else None


def _take_in_institutions(doc: Doc, phrases: list[RolePhrase]) -> list[RolePhrase]:
    """ "Sprecher der britischen Regierung" is one phrase, a spokesperson of the British
    government: a person's role takes in an institution in the genitive after it."""
    merged: list[RolePhrase] = []
    for phrase in phrases:
        before = merged[-1] if merged else None
        if (
            before is not None
            and phrase.start == before.end
            and doc[phrase.start].lower_ in _GENITIVE_WORDS
            and phrase.word.collective
            and not before.word.collective
            and before.entry is None
            and before.person is None
        ):
            before.end, before.entry, before.person = phrase.end, phrase.entry, phrase.person
            continue
        merged.append(phrase)
    return merged


def _share_coordinated_names(doc: Doc, phrases: list[RolePhrase]) -> None:
    """ "Innenminister und Vizeregierungschef Matteo Salvini": both roles describe the name."""
    for first, second in zip(phrases, phrases[1:]):
        joined = first.end < len(doc) and doc[first.end].lower_ == "und" and second.start == first.end + 1
        alone = not (first.word.collective or first.plural)
        if joined and alone and first.person is None and second.person is not None:
            first.person = second.person


def _entry_of_code(kb: KnowledgeBase, code: str | None) -> Entry | None:
    if code is None:
        return None
    return kb.entries.get(f"cty:{code}") or kb.entries.get(f"igo:{code}")
