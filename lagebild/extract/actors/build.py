"""Building the actor knowledge base (`lagebild kb build`) from the open sources and the curated files.

The result is one gzipped JSON file in the package (``data/kb.json.gz``): entries
(states, organisations, places, persons), the folded name forms that point to them,
role nouns, adjectives and demonyms, and the terms of office. Keys are sorted and the
gzip header carries no time, so the same inputs give the same bytes.

Where sources overlap, the curated files win: they have the German forms and the years
after the dictionaries end. The dictionaries' offices for a (country, role) count only
before the first curated holder of it.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lagebild.extract.actors import curated, sources
from lagebild.extract.actors.normalize import adjective_forms, fold, name_forms, noun_forms, slug, spellings

KB_PATH = curated.DATA_DIR / "kb.json.gz"

# Which entry a name means when several have it: "Kongo" the state before the river's towns.
_KIND_RANK = {"state": 0, "igo": 1, "body": 2, "seat": 3, "capital": 4, "territory": 5, "place": 6, "city": 7}
# Kinds of entries that act, as opposed to places: their short names form compounds
# ("US-Präsident", "Nato-Gipfel") and their offices have holders.
ACTOR_KINDS = frozenset({"state", "igo", "body", "seat"})
_ROMAN_NUMERAL = re.compile(r"^[IVXL]+\.?$")
_ROLE_FLAGS = ("holder", "home", "collective", "leader", "organisation_only", "organ")


def build_kb(data_dir: Path, out: Path = KB_PATH) -> None:
    """Build the knowledge base from the shared data folder (see each SOURCE.md) into `out`."""
    write_kb(assemble(data_dir), out)


def write_kb(kb: dict[str, Any], out: Path) -> None:
    """Sorted, compact JSON in a gzip stream without time stamp or file name: rebuilds are byte-identical."""
    payload = json.dumps(kb, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as file, gzip.GzipFile(filename="", mode="wb", fileobj=file, mtime=0, compresslevel=9) as gz:
        gz.write(payload)


def assemble(data_dir: Path) -> dict[str, Any]:
    """The knowledge base as plain data."""
    kb = _Builder()
    kb.add_states(data_dir)
    kb.add_organisations()
    kb.add_places(data_dir)
    kb.add_persons(data_dir)
    kb.add_roles()
    return kb.as_dict()


class _Builder:
    def __init__(self) -> None:
        self.entries: dict[str, dict[str, Any]] = {}
        self.names: dict[str, str] = {}
        self.persons: dict[str, set[str]] = defaultdict(set)
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.prefixes: dict[str, str] = {}
        self.adjectives: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.roles: dict[str, dict[str, Any]] = {}
        self.suffixes: dict[str, dict[str, Any]] = {}
        self.terms: set[tuple[str, str, str, str, str]] = set()
        self.extra: dict[str, Any] = {}
        self.name_parts = curated.read_toml("names.toml")

    # --- entries and their names ----------------------------------------------------

    def add_entry(self, key: str, kind: str, name: str | None, names: Iterable[str], **fields: Any) -> None:
        entry = {"kind": kind, "name": name, **fields}
        self.entries.setdefault(key, {field: value for field, value in entry.items() if value})
        for alias in names:
            for form in name_forms(alias):
                self._claim(fold(form), key, kind)
            if kind in ACTOR_KINDS and " " not in fold(alias):
                self.prefixes.setdefault(fold(alias), key)

    def _claim(self, folded: str, key: str, kind: str) -> None:
        holder = self.names.get(folded)
        if folded and (holder is None or _KIND_RANK[self.entries[holder]["kind"]] > _KIND_RANK[kind]):
            self.names[folded] = key

    def add_states(self, data_dir: Path) -> None:
        """States with German names, adjectives, demonyms, capitals and seats; territories as places of their state."""
        countries = sources.read_countries(data_dir)
        overrides = curated.read_toml("states.toml")
        geonames = json.loads((data_dir / sources.GEONAMES).read_text(encoding="utf-8"))["countries"]
        dependencies = sources.read_dependencies(data_dir)
        dependencies.update({code: table["state"] for code, table in overrides.items() if "state" in table})
        for country in sorted(countries, key=lambda c: c.code):
            extra = overrides.get(country.code, {})
            german = [country.name, country.official, geonames.get(country.code) or country.name]
            german = [name for name in german if "(" not in name]
            state = dependencies.get(country.code)
            if state:
                self.add_entry(f"loc:{slug(country.name)}", "territory", country.name, german, country=state)
                continue
            key = f"cty:{country.code}"
            self.add_entry(
                key, "state", extra.get("name", country.name), [*extra.get("names", []), *german], country=country.code
            )
            for stem in extra.get("adjectives", [country.adjective] if country.adjective else []):
                for form in adjective_forms(stem):
                    self.adjectives.setdefault(form, key)
            for demonym in extra.get("demonyms", []):
                for form in noun_forms(demonym):
                    self.demonyms.setdefault(form, key)
            capitals = extra.get("capitals", [country.capital] if country.capital else [])
            for capital in capitals:
                self.add_entry(f"cap:{slug(capital)}", "capital", capital, [capital], actor=key, country=country.code)
            for seat in extra.get("seats", []):
                self.add_entry(
                    f"seat:{slug(seat)}", "seat", seat, [seat], actor=key, country=country.code, role="government"
                )

    def add_organisations(self) -> None:
        table = curated.read_toml("organisations.toml")
        for igo in table["igo"]:
            key = f"igo:{igo['code']}"
            names = [igo["name"], *igo.get("names", [])]
            self.add_entry(key, "igo", igo["name"], names, country=igo["code"], leader=igo.get("leader"))
            for seat in igo.get("seats", []):
                self.add_entry(f"seat:{slug(seat)}", "seat", seat, [seat], actor=key, country=igo["code"])
        for body in table["body"]:
            key = f"org:{slug(body['name'])}"
            self.add_entry(
                key,
                "body",
                body["name"],
                [body["name"], *body.get("names", [])],
                country=body["country"],
                role=body.get("role"),
                leader=body.get("leader"),
                home=body.get("home"),
            )
        self.extra["cameo"] = {prefix: igo["code"] for igo in table["igo"] for prefix in igo.get("cameo", [])}

    def add_places(self, data_dir: Path) -> None:
        """Curated regions and cities, then CountryInfo's major cities that only one state has."""
        table = curated.read_toml("places.toml")
        for country, places in table.items():
            for place in places["places"]:
                self.add_entry(f"loc:{slug(place)}", "place", place, [place], country=country)
        for places in table.values():
            for stem, place in places.get("adjectives", {}).items():
                for form in adjective_forms(stem):
                    self.adjectives.setdefault(form, self.names[fold(place)])
        cities: dict[str, set[str]] = defaultdict(set)
        for code, section, terms in sources.read_countryinfo(data_dir):
            if section == "MajorCities":
                for term in terms:
                    cities[term.name].add(code)
        for city, codes in sorted(cities.items()):
            if len(codes) == 1 and len(city) > 3:
                self.add_entry(f"loc:{slug(city)}", "city", None, [city], country=next(iter(codes)))

    # --- persons ------------------------------------------------------------------

    def add_persons(self, data_dir: Path) -> None:
        holdings = curated.read_office_holders()
        ids: dict[str, str] = {}
        for holding in holdings:
            self._add_person(holding.id, holding.name, [holding.name, *holding.aliases], curated=True)
            for name in (holding.name, *holding.aliases):
                ids[fold(name)] = holding.id
            self.terms.add((holding.id, holding.country, holding.role, holding.start, holding.end or ""))
        covered: dict[tuple[str, str], str] = {}
        for holding in holdings:
            pair = (holding.country, holding.role)
            covered[pair] = min(covered.get(pair, holding.start), holding.start)
        for name, aliases, term in self._source_terms(data_dir):
            if term.role and term.start and (term.end or "9") > covered.get((term.country, term.role), "9"):
                continue
            person = ids.get(fold(name)) or ids.setdefault(fold(name), f"per:{slug(sources.display_name(name))}")
            if person not in self.entries:
                self._add_person(person, sources.display_name(name), [name, *aliases], curated=False)
            self.terms.add((person, term.country, term.role or "", term.start or "", term.end or ""))
        # Surnames alone point to people who held an office that news names them by,
        # not to everyone in the dictionaries ("Müller" is nobody in particular).
        holder_roles = {role["role"] for role in curated.read_toml("roles.toml")["role"] if role.get("holder")}
        known = {term[0] for term in self.terms if term[2] in holder_roles} | {holding.id for holding in holdings}
        for person in sorted(known):
            for alias in self.entries[person].pop("aliases"):
                for key in self._surname_keys(alias):
                    self.surnames[key].add(person)
        for entry in self.entries.values():
            entry.pop("aliases", None)

    def _add_person(self, key: str, name: str, names: list[str], curated: bool) -> None:
        entry = self.entries.setdefault(key, {"kind": "person", "name": name, "aliases": []})
        if curated:
            entry["curated"] = True
        for alias in names:
            entry["aliases"].append(alias)
            if len(alias.split()) > 1:
                for form in (alias, alias + "s"):
                    self.persons[fold(form)].add(key)

    def _source_terms(self, data_dir: Path) -> Iterable[tuple[str, list[str], sources.Term]]:
        """(name, aliases, term) from CountryInfo's leaders and government and PETRARCH's dated codes."""
        rules = curated.read_title_rules()
        for _code, section, terms in sources.read_countryinfo(data_dir):
            for term in terms:
                if section == "Leaders" and term.role in rules.leaders:
                    yield term.name, [], _with_role(term, rules.leaders[term.role])
                elif section == "Government" and term.role:
                    role = rules.government_role(term.role)
                    if role:
                        yield term.name, [], _with_role(term, role)
        states = {key[4:] for key, entry in self.entries.items() if entry["kind"] == "state"}
        cameo = self.extra["cameo"]
        for path, person_entry in (
            (sources.PHOENIX_COUNTRIES, lambda entry: entry.comment.startswith("CountryInfo")),
            (sources.PHOENIX_INTERNATIONAL, lambda entry: any(start for _, start, _ in entry.codes)),
        ):
            for entry in sources.read_actor_file(data_dir / path):
                if not person_entry(entry) or len(entry.phrase.split()) < 2:
                    continue
                aliases = [synonym for synonym in entry.synonyms if not self._has_title(synonym)]
                for code, start, end in entry.codes:
                    country = code[:3] if code[:3] in states else _cameo_code(code, cameo)
                    if country:
                        yield entry.phrase, aliases, sources.Term(entry.phrase, country, None, start, end)

    def _has_title(self, phrase: str) -> bool:
        return any(word in self.name_parts["title_words"] for word in phrase.split())

    def _surname_keys(self, name: str) -> set[str]:
        """The folded forms a later mention uses: "Merkel", "von der Leyen", "al-Assad" and "Assad"."""
        words = name.split()
        if len(words) == 1:
            return {fold(name)}
        if _ROMAN_NUMERAL.match(words[-1]):
            return set()
        first = len(words) - 1
        while first > 1 and words[first - 1].lower() in self.name_parts["particles"]:
            first -= 1
        keys = {fold(words[-1]), fold(" ".join(words[first:]))}
        for prefix in self.name_parts["article_prefixes"]:
            if words[-1].lower().startswith(prefix):
                keys.add(fold(words[-1][len(prefix) :]))
        return {key for key in keys if key}

    # --- role nouns -----------------------------------------------------------------

    def add_roles(self) -> None:
        table = curated.read_toml("roles.toml")
        for role in table["role"]:
            value = {"role": role["role"], **{flag: True for flag in _ROLE_FLAGS if role.get(flag)}}
            value.update({key: role[key] for key in ("country", "fallback") if key in role})
            for noun in role["nouns"]:
                for form in noun_forms(noun):
                    self.roles.setdefault(form, value)
        suffix = table["suffix"]
        for noun in suffix["nouns"]:
            for form in noun_forms(noun):
                self.suffixes[form] = {"role": suffix["role"]}
        self.extra["former_adjectives"] = sorted(
            {f for stem in table["former"]["adjectives"] for f in adjective_forms(stem)}
        )
        self.extra["former_prefixes"] = sorted({f for prefix in table["former"]["prefixes"] for f in spellings(prefix)})
        self.extra["deputy_adjectives"] = sorted(
            {f for stem in table["deputy"]["adjectives"] for f in adjective_forms(stem)}
        )
        self.extra["deputy_prefixes"] = sorted({f for prefix in table["deputy"]["prefixes"] for f in spellings(prefix)})
        self.extra["home"] = table["home"]["countries"]
        self.extra["record_roles"] = table["record"]
        self.extra["articles"] = {kind: sorted(words) for kind, words in table["articles"].items()}

    def as_dict(self) -> dict[str, Any]:
        return {
            "entries": self.entries,
            "names": self.names,
            "persons": {key: sorted(ids) for key, ids in self.persons.items()},
            "surnames": {key: sorted(ids) for key, ids in self.surnames.items()},
            "prefixes": self.prefixes,
            "adjectives": self.adjectives,
            "demonyms": self.demonyms,
            "roles": self.roles,
            "suffixes": self.suffixes,
            "terms": sorted(list(term) for term in self.terms),
            "former_adjectives": self.extra["former_adjectives"],
            "former_prefixes": self.extra["former_prefixes"],
            "deputy_adjectives": self.extra["deputy_adjectives"],
            "deputy_prefixes": self.extra["deputy_prefixes"],
            "home": self.extra["home"],
            "record_roles": self.extra["record_roles"],
            "articles": self.extra["articles"],
            "region_prefixes": [fold(prefix) for prefix in self.name_parts["region_prefixes"]],
        }


def _with_role(term: sources.Term, role: str) -> sources.Term:
    return sources.Term(term.name, term.country, role, term.start, term.end)


def _cameo_code(code: str, cameo: dict[str, str]) -> str | None:
    """The organisation of a CAMEO IGO code, by its longest known prefix ("IGOUNOIAE" → "IAEA")."""
    matches = [prefix for prefix in cameo if code.startswith(prefix)]
    return cameo[max(matches, key=len)] if matches else None
