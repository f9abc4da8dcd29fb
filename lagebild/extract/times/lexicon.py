"""The German time vocabulary and rules, read from ``lang/times_de.toml``.

Words and patterns live in the data file so that a missing month spelling or a new
phrase is one line there; this module only turns them into compiled regexes and
lookup tables.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

RULES_FILE = Path(__file__).with_name("lang") / "times_de.toml"

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z_0-9]*)\}")
# Sections of the data file that are not word tables.
_SETTINGS = {"fragments", "rule", "lists", "case_sensitive", "direction_cue", "tense"}
_ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")
_ADJECTIVE_ENDING = "(?:e[mnrs]?)"


@dataclass(frozen=True)
class Table:
    """Written forms and what they mean; a form ending in "-" is an adjective stem."""

    name: str
    entries: dict[str, Any]
    case_sensitive: frozenset[str] = frozenset()

    @cached_property
    def _lookup(self) -> dict[str, Any]:
        return {normalised(form): value for form, value in self.entries.items()}

    def pattern(self, group: str | None = None) -> str:
        """A named group (`name` unless given) matching any form, as a trie of spellings.

        A case-sensitive alternation whose branches start with distinct letters is what
        Python's regex engine scans fastest; longer forms are tried before their prefixes.
        """
        spellings = [spelling for form in self.entries for spelling in self._spellings(form)]
        return f"(?P<{group or self.name}>{_trie(spellings)})"

    def _spellings(self, form: str) -> list[list[str]]:
        """Each spelling as regex atoms: escaped characters, then whitespace and endings."""
        words = form.rstrip("-")
        variants = [words] if form in self.case_sensitive else [words, words[0].swapcase() + words[1:]]
        ending = [_ADJECTIVE_ENDING] if form.endswith("-") else []
        return [[r"\s+" if char == " " else re.escape(char) for char in " ".join(v.split())] + ending for v in variants]

    def __getitem__(self, written: str) -> Any:
        key = normalised(written)
        if key in self._lookup:
            return self._lookup[key]
        for ending in _ADJECTIVE_ENDINGS:
            stem = key.removesuffix(ending) + "-"
            if key.endswith(ending) and stem in self._lookup:
                return self._lookup[stem]
        raise KeyError(written)


@dataclass(frozen=True)
class Rule:
    """One rule of the data file, compiled (see the file's header for the parts)."""

    name: str
    kind: str
    core: re.Pattern[str]
    prefix: re.Pattern[str] | None = None
    veto_before: re.Pattern[str] | None = None
    lead: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Tense:
    """Verb lemmas and words that tell whether a clause speaks of the past or the future."""

    perfect_auxiliaries: frozenset[str]
    intention_auxiliaries: frozenset[str]
    future_auxiliary: str
    plan_participles: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """Everything the data file holds, compiled."""

    tables: dict[str, Table]
    rules: list[Rule]
    lead: re.Pattern[str]
    direction_cues: dict[str, int]
    tense: Tense

    def __getitem__(self, table: str) -> Table:
        return self.tables[table]

    def cue(self, preposition: str) -> int | None:
        """The direction a preposition gives a date without year or week ("seit": -1), if any."""
        return self.direction_cues.get(normalised(preposition))


@cache
def load_lexicon(path: Path = RULES_FILE) -> Lexicon:
    """Read and compile the data file (once per process)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    case_sensitive = data["case_sensitive"]
    tables = {
        name: Table(name, entries, frozenset(case_sensitive.get(name, ())))
        for name, entries in data.items()
        if name not in _SETTINGS
    }
    tables |= {name: Table(name, dict.fromkeys(forms, True)) for name, forms in data["lists"].items()}
    fragments = data["fragments"]

    def expand(pattern: str) -> str:
        def insert(placeholder: re.Match[str]) -> str:
            name = placeholder[1]
            return expand(fragments[name]) if name in fragments else tables[name].pattern()

        return _PLACEHOLDER.sub(insert, pattern)

    def before(pattern: str | None, name: str) -> re.Pattern[str] | None:
        # Matched against the text up to the core, so it must end there.
        return _compile(rf"(?:{expand(pattern)})\Z", name) if pattern is not None else None

    rules = [
        Rule(
            rule["name"],
            rule["kind"],
            # Expressions end at a word boundary; where they start is checked by the finder.
            _compile(rf"(?:{expand(rule['pattern'])})(?!\w)", rule["name"]),
            before(rule.get("prefix"), rule["name"]),
            before(rule.get("veto_before"), rule["name"]),
            _lead(tables[rule["lead"]]) if "lead" in rule else None,
        )
        for rule in data["rule"]
    ]
    lead = _lead(tables["prep"])
    tense = Tense(
        **{key: value if isinstance(value, str) else frozenset(value) for key, value in data["tense"].items()}
    )
    return Lexicon(tables, rules, lead, data["direction_cue"], tense)


def _lead(prepositions: Table) -> re.Pattern[str]:
    """Any of the prepositions, right before where the search ends; the group is named `prep`."""
    return _compile(rf"(?<!\w){prepositions.pattern('prep')}\s+\Z", prepositions.name)


def _trie(spellings: list[list[str]]) -> str:
    """One regex for all spellings, sharing their beginnings: "Jahr(?:es|e|en)?"."""
    branches: dict[str, list[list[str]]] = {}
    ends = False
    for atoms in spellings:
        if atoms:
            branches.setdefault(atoms[0], []).append(atoms[1:])
        else:
            ends = True
    # Longer continuations first, so that "Jahres" is not read as "Jahr".
    alternatives = [atom + _trie(rest) for atom, rest in sorted(branches.items(), key=lambda b: -max(map(len, b[1])))]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
    return f"(?:{body})?" if ends else body


def normalised(words: str) -> str:
    """Lower case, single spaces: the form tables are looked up by."""
    return " ".join(words.lower().split())


def _compile(pattern: str, name: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.VERBOSE)
    except re.error as error:
        raise ValueError(f"time rule {name!r} does not compile: {error}") from error
