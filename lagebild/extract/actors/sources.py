"""Readers for the open actor and country sources in the shared data folder.

Each reader knows one file format and yields plain values; what goes into the
knowledge base, and how sources are ranked, is decided in `build`. The files and their
licences are described in the SOURCE.md next to each of them.
"""

from __future__ import annotations

import calendar
import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

COUNTRIES = Path("countries/countries.json")
GEONAMES = Path("countries/geonames-de/deu.json")
NATIONALITIES = Path("countries/i18n-nationality/de.json")
NGEC_COUNTRIES = Path("actor-dictionaries/ngec/countries.csv")
COUNTRYINFO = Path("actor-dictionaries/countryinfo/CountryInfo.120116.txt")
PHOENIX_COUNTRIES = Path("actor-dictionaries/petrarch2/Phoenix.Countries.actors.txt")
PHOENIX_INTERNATIONAL = Path("actor-dictionaries/petrarch2/Phoenix.International.actors.txt")

# Mledoze writes Kosovo as "UNK"; the press, GeoNames and most data sets use "XKX".
_CODE_FIXES = {"UNK": "XKX"}
# CountryInfo's open ranges mean "in office at the last update", not "still in office".
COUNTRYINFO_LEADERS_UPDATED = "2012-01-16"
COUNTRYINFO_GOVERNMENT_UPDATED = "2011-02-28"
COUNTRYINFO_GOVERNMENT_FIRST = "2003-01-01"
PHOENIX_UPDATED = "2014-01-30"


@dataclass(frozen=True)
class Country:
    """One ISO 3166-1 entity with the German forms the sources give."""

    code: str
    name: str
    official: str
    independent: bool
    capital: str | None
    adjective: str | None


@dataclass(frozen=True)
class Term:
    """A person's hold on an office (role) or membership (role None) of a state or organisation."""

    name: str
    country: str
    role: str | None
    start: str | None
    end: str | None


def read_countries(data_dir: Path) -> list[Country]:
    """Mledoze's list with GeoNames' German names and capitals and i18n-nationality's adjectives."""
    entries = json.loads((data_dir / COUNTRIES).read_text(encoding="utf-8"))
    geonames = json.loads((data_dir / GEONAMES).read_text(encoding="utf-8"))
    adjectives = json.loads((data_dir / NATIONALITIES).read_text(encoding="utf-8"))["nationalities"]
    countries = []
    for entry in entries:
        code = _CODE_FIXES.get(entry["cca3"], entry["cca3"])
        german = entry["translations"]["deu"]
        countries.append(
            Country(
                code=code,
                name=german["common"],
                official=" ".join(german["official"].rstrip(",").split()),
                independent=bool(entry.get("independent")),
                capital=geonames["capitals"].get(code),
                adjective=_adjective(adjectives.get(entry["cca2"])),
            )
        )
    return countries


def _adjective(value: str | None) -> str | None:
    """ "Russisch" → "russisch"; territory names and notes ("Kongolesisch (Republik Kongo)") are no adjectives."""
    if not value or "(" in value or not value.endswith("sch"):
        return None
    return value.lower()


def read_dependencies(data_dir: Path) -> dict[str, str]:
    """Territory code → code of the state that PLOVER codes it as ("PRI" → "USA").

    NGEC lists a state's territories by English name among its nationality words; the
    English names are matched against mledoze's to find the territories' codes.
    """
    entries = json.loads((data_dir / COUNTRIES).read_text(encoding="utf-8"))
    by_english = {entry["name"]["common"].casefold(): entry["cca3"] for entry in entries}
    dependencies = {}
    with (data_dir / NGEC_COUNTRIES).open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            for word in row["Nationality"].split(","):
                territory = by_english.get(word.strip().casefold())
                if territory and territory != row["CCA3"]:
                    dependencies[territory] = row["CCA3"]
    return dependencies


# --- CountryInfo -------------------------------------------------------------------

_COUNTRY_BLOCK = re.compile(r"<Country>(.*?)</Country>", re.S)
_ISO3 = re.compile(r"<ISO3166-alpha3>\s*([A-Z]{3})\s*</ISO3166-alpha3>")
_SECTION = re.compile(r"<(Leaders|Government|MajorCities|Capital)>(.*?)</\1>", re.S)
_RANGE = re.compile(r"\[\s*(?:[A-Z]{3}[A-Z0-9]*\s+)?([<>]?\s*\d{7,8})?\s*(?:-\s*(\d{7,8}))?\s*\]")
_GOVERNMENT_LINE = re.compile(r"^\s*(?P<names>[^\[#]+?)\s*(?P<codes>(?:\[[^\]]*\]\s*)+)#?\s*(?P<title>.*)$")


def read_countryinfo(data_dir: Path) -> Iterator[tuple[str, str, list[Term]]]:
    """(ISO code, section, entries) per country: leaders and government terms, city names.

    Leader sections are sub-tagged by office ("<Chancellors>"); government lines carry
    the title after "#". Roles are named by `role_of_title` in the caller's mapping.
    """
    text = (data_dir / COUNTRYINFO).read_bytes().replace(b"\0", b"").decode("utf-8")
    for block in _COUNTRY_BLOCK.finditer(text):
        iso = _ISO3.search(block.group(1))
        if not iso:
            continue
        code = iso.group(1)
        for section, body in _SECTION.findall(block.group(1)):
            if section == "Leaders":
                yield code, section, list(_leader_terms(code, body))
            elif section == "Government":
                yield code, section, list(_government_terms(code, body))
            else:
                names = [_words(line.split("#")[0]) for line in body.splitlines()]
                yield code, section, [Term(name, code, None, None, None) for name in names if name]


def _leader_terms(code: str, body: str) -> Iterator[Term]:
    office = ""
    for line in body.splitlines():
        line = line.split("#")[0].strip()
        if line.startswith("</"):
            continue
        if line.startswith("<"):
            office = line.strip("<>").split("(")[0].strip().lower()
            continue
        name = _words(line.split("[")[0])
        if not name:
            continue
        for start, end in _ranges(line, COUNTRYINFO_LEADERS_UPDATED):
            yield Term(name, code, office, start, end)


def _government_terms(code: str, body: str) -> Iterator[Term]:
    for line in body.splitlines():
        match = _GOVERNMENT_LINE.match(line)
        if not match:
            continue
        names = re.findall(r"\{([^}]*)\}", match["names"]) or [match["names"]]
        for start, end in _ranges(match["codes"], COUNTRYINFO_GOVERNMENT_UPDATED, COUNTRYINFO_GOVERNMENT_FIRST):
            for title in match["title"].split("&"):
                yield Term(_words(names[0]), code, title.strip(), start, end)


def _ranges(text: str, updated: str, first: str | None = None) -> Iterator[tuple[str | None, str | None]]:
    """Date ranges in CountryInfo's notations: "[a - b]", "[>a]" (until the update), "[<b]" (since `first`)."""
    for raw_start, raw_end in _RANGE.findall(text):
        raw_start = raw_start.replace(" ", "")
        if raw_start.startswith(">"):
            yield iso_date(raw_start[1:]), updated
        elif raw_start.startswith("<"):
            yield first, iso_date(raw_start[1:])
        elif raw_start and raw_end:
            yield iso_date(raw_start), iso_date(raw_end)


def iso_date(value: str) -> str | None:
    """ "20051131" → "2005-11-30" (impossible days are clamped); YYMMDD years pivot at 30; bad → None."""
    if len(value) == 6:
        value = ("19" if int(value[:2]) > 30 else "20") + value
    if len(value) != 8 or not value.isdigit():
        return None
    year, month, day = int(value[:4]), int(value[4:6]), int(value[6:])
    if not 1 <= month <= 12 or year < 1800:
        return None
    return date(year, month, min(max(day, 1), calendar.monthrange(year, month)[1])).isoformat()


# --- TABARI / PETRARCH actor dictionaries ------------------------------------------

_CODE = re.compile(r"\[([A-Z~][A-Z0-9]*)\s*([<>]?\s*\d{6,8})?\s*(?:-\s*(\d{6,8}))?\s*\]")


@dataclass(frozen=True)
class ActorEntry:
    """One entry of a TABARI actor file: primary phrase, synonyms, dated codes, comment."""

    phrase: str
    synonyms: tuple[str, ...]
    codes: tuple[tuple[str, str | None, str | None], ...]
    comment: str


def read_actor_file(path: Path) -> Iterator[ActorEntry]:
    """Entries of a PETRARCH actor dictionary (format: petrarch2 docs/source/dictionaries.rst)."""
    phrase, synonyms, codes, comment = None, [], [], ""
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, note = raw.partition("#")
        if not body.strip():
            continue
        if raw[:1] in (" ", "\t") or body.lstrip().startswith("["):
            codes.extend(_codes(body))
        elif body.startswith("+"):
            synonyms.append(_words(body[1:]))
        else:
            if phrase:
                yield ActorEntry(phrase, tuple(synonyms), tuple(codes), comment)
            head = body.split("[")[0]
            phrase, synonyms, codes, comment = _words(head), [], list(_codes(body)), note.strip()
    if phrase:
        yield ActorEntry(phrase, tuple(synonyms), tuple(codes), comment)


def _codes(text: str) -> Iterator[tuple[str, str | None, str | None]]:
    for code, start, end in _CODE.findall(text):
        start = start.replace(" ", "")
        if start.startswith(">"):
            yield code, iso_date(start[1:]), PHOENIX_UPDATED
        elif start.startswith("<"):
            yield code, None, iso_date(start[1:])
        else:
            yield code, iso_date(start) if start else None, iso_date(end) if end else None


def _words(phrase: str) -> str:
    """ "ANGELA_MERKEL_" → "ANGELA MERKEL" (TABARI joins words with "_")."""
    return " ".join(phrase.replace("_", " ").split())


def display_name(phrase: str) -> str:
    """ "GEORGE W. BUSH" → "George W. Bush", "RECEP TAYYIP ERDOGAN" → "Recep Tayyip Erdogan"."""
    return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in phrase.split())
