"""The actor knowledge base as the linker reads it: the built file plus indexes made at load.

Everything the linker asks per mention is a dictionary lookup or a scan of one
person's (or one office's) few terms, so linking costs no more than the few entities
and role nouns of an article. The indexes hold tuples and strings only, which Python's
garbage collector stops tracking: a hundred thousand tracked objects would be walked on
every full collection, in every worker of ``nlp.pipe(n_process=...)``.
"""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from lagebild.extract.actors.build import KB_PATH
from lagebild.extract.actors.normalize import fold
from lagebild.record import ActorRef

_FOREVER = date.max.toordinal()
# A name alone ("Johnson") means an office holder only if they held office within this
# many days of the article; further away, it is someone else of that name.
SURNAME_WINDOW_DAYS = 4 * 365
# Transliterations disagree on first letters: Wladimir/Vladimir, Jurij/Yuri, Chamenei/Khamenei.
_INITIALS = str.maketrans({"w": "v", "y": "j", "i": "j", "k": "c", "q": "c", "z": "s", "x": "c"})


class Entry(NamedTuple):
    """A state, organisation, seat, place or person of the knowledge base."""

    key: str
    kind: str
    name: str | None
    actor: str | None
    country: str | None
    role: str | None
    leader: str | None
    curated: bool
    home: bool = False


class Term(NamedTuple):
    """A person's office (role) or membership (role None) from start to end, as day ordinals."""

    person: str
    country: str
    role: str | None
    start: int
    end: int

    def distance(self, day: int) -> int:
        """Days between `day` and the term; 0 inside it."""
        return max(self.start - day, day - self.end, 0)


@dataclass(frozen=True)
class RoleWord:
    """What a role noun says: the role, and how it resolves."""

    role: str
    holder: bool = False
    home: bool = False
    collective: bool = False
    leader: bool = False
    organisation_only: bool = False
    organ: bool = False
    country: str | None = None
    fallback: str | None = None


class KnowledgeBase:
    """Lookups over the built knowledge base (`load` it once; it is shared and read-only)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.entries = {key: _entry(key, value) for key, value in data["entries"].items()}
        self.names: dict[str, str] = data["names"]
        self.persons: dict[str, tuple[str, ...]] = {key: tuple(ids) for key, ids in data["persons"].items()}
        self.surnames: dict[str, tuple[str, ...]] = {key: tuple(ids) for key, ids in data["surnames"].items()}
        self.prefixes: dict[str, str] = data["prefixes"]
        self.adjectives: dict[str, str] = data["adjectives"]
        self.demonyms: dict[str, str] = data["demonyms"]
        self.roles = {form: RoleWord(**value) for form, value in data["roles"].items()}
        self.suffixes = {form: RoleWord(**value) for form, value in data["suffixes"].items()}
        self.suffix_forms = tuple(self.suffixes)
        self.former_adjectives = frozenset(data["former_adjectives"])
        self.former_prefixes = frozenset(data["former_prefixes"])
        self.deputy_adjectives = frozenset(data["deputy_adjectives"])
        self.deputy_prefixes = frozenset(data["deputy_prefixes"])
        self.home: list[str] = data["home"]
        record = data["record_roles"]
        self.record_roles: dict[str, str] = {office: role for office, role in record.items() if isinstance(role, str)}
        self.record_roles_in: dict[str, dict[str, str]] = {
            code: table for code, table in record.items() if isinstance(table, dict)
        }
        self.definite_articles = frozenset(data["articles"]["definite"])
        self.indefinite_articles = frozenset(data["articles"]["indefinite"])
        self.region_prefixes: list[str] = data["region_prefixes"]
        terms_of: dict[str, list[Term]] = defaultdict(list)
        holders: dict[tuple[str, str], list[Term]] = defaultdict(list)
        for person, country, role, start, end in data["terms"]:
            term = Term(person, country, role or None, _day(start, 0), _day(end, _FOREVER))
            terms_of[person].append(term)
            if role:
                holders[(country, role)].append(term)
        self.terms_of = {person: tuple(terms) for person, terms in terms_of.items()}
        self.holders = {office: tuple(terms) for office, terms in holders.items()}

    @classmethod
    def load(cls, path: str | Path | None = None) -> KnowledgeBase:
        return _load(str(path or KB_PATH))

    def entry_named(self, text: str) -> Entry | None:
        """The state, organisation or place a (possibly inflected) name means."""
        key = self.names.get(fold(text))
        return self.entries[key] if key else None

    def region_of(self, text: str) -> Entry | None:
        """The state a compass region lies in: "Westsudan" → Sudan, "Nord-Syrien" → Syria."""
        folded = fold(text)
        for prefix in self.region_prefixes:
            if folded.startswith(prefix):
                key = self.names.get(folded[len(prefix) :].strip())
                entry = self.entries[key] if key else None
                return entry if entry is not None and entry.kind == "state" else None
        return None

    def record_role(self, country: str | None, office: str | None) -> str | None:
        """The record's role value for an office the knowledge base names more finely
        ("commission president" → "president of an organisation"; Iran's president → head of government)."""
        if office is None:
            return None
        in_country = self.record_roles_in.get(country or "", {})
        return in_country.get(office) or self.record_roles.get(office, office)

    def holder(self, country: str, role: str, day: int) -> Entry | None:
        """Who held `role` for `country` on `day` (the latest to take office, on a day of handover)."""
        terms = [term for term in self.holders.get((country, role), ()) if term.start <= day <= term.end]
        return self.entries[max(terms, key=lambda term: term.start).person] if terms else None

    def standing(self, person: str, day: int | None) -> tuple[str | None, str | None]:
        """(country, role) of a person on `day`: the office held then, else the nearest one.

        The role is only given while in office; the country of the nearest term stands
        for a former office holder too ("Altkanzler Schröder" is still German).
        """
        terms = self.terms_of.get(person, ())
        if not terms:
            return None, None
        if day is None:
            latest = max(terms, key=lambda term: (term.role is not None, term.end, term.start))
            return latest.country, None
        best = min(terms, key=lambda term: (term.distance(day), term.role is None, -term.start))
        return best.country, best.role if best.distance(day) == 0 else None

    def roles_at(self, person: str, day: int | None) -> set[str]:
        """The roles a person held on `day`."""
        terms = self.terms_of.get(person, ())
        return {term.role for term in terms if term.role and day is not None and term.distance(day) == 0}

    def distance(self, person: str, day: int | None) -> int:
        """Days from `day` to the person's nearest term with a role."""
        terms = [term for term in self.terms_of.get(person, ()) if term.role]
        if day is None or not terms:
            return 0 if terms else _FOREVER
        return min(term.distance(day) for term in terms)

    def choose_person(
        self, candidates: list[str], day: int | None, countries: set[str], roles: set[str], window: bool
    ) -> str | None:
        """The one candidate the date and the text's clues single out, or None when they don't.

        Country clues rule candidates out; role clues prefer those who held the role.
        `window` demands an office within `SURNAME_WINDOW_DAYS` of the date: a bare
        surname names a well-known holder only then.
        """
        if countries:
            candidates = [c for c in candidates if countries & {term.country for term in self.terms_of.get(c, ())}]
        with_role = [c for c in candidates if roles & {term.role for term in self.terms_of.get(c, ())}]
        candidates = with_role or candidates
        if not candidates:
            return None
        ranked = sorted((self.distance(candidate, day), candidate) for candidate in candidates)
        if window and ranked[0][0] > SURNAME_WINDOW_DAYS:
            return None
        if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return None
        return ranked[0][1]

    def same_first_name(self, person: str, first: str) -> bool:
        """Whether a given name in the text may be this person's, across transliterations."""
        name = self.entries[person].name or ""
        return bool(first) and fold(name)[:1].translate(_INITIALS) == fold(first)[:1].translate(_INITIALS)


@lru_cache(maxsize=2)
def _load(path: str) -> KnowledgeBase:
    with gzip.open(path, "rt", encoding="utf-8") as file:
        return KnowledgeBase(json.load(file))


def _entry(key: str, value: dict[str, Any]) -> Entry:
    own_actor = key if key.split(":")[0] in ("cty", "igo", "org", "per") else None
    return Entry(
        key=key,
        kind=value["kind"],
        name=value.get("name"),
        actor=value.get("actor", own_actor),
        country=value.get("country"),
        role=value.get("role"),
        leader=value.get("leader"),
        curated=value.get("curated", False),
        home=value.get("home", False),
    )


def _day(value: str, default: int) -> int:
    return date.fromisoformat(value).toordinal() if value else default


def entry_ref(text: str, entry: Entry, role: str | None = None) -> ActorRef:
    """The reference to a knowledge-base entry that `text` mentions."""
    return ActorRef(
        text=text, name=entry.name or text, actor=entry.actor, country=entry.country, role=role or entry.role
    )


def day_of(published: str | None) -> int | None:
    """The day ordinal of an ISO date or datetime ("2021-12-29", "2021-12-29T10:00"), None if absent or invalid."""
    try:
        return date.fromisoformat(published[:10]).toordinal() if published else None
    except ValueError:
        return None
