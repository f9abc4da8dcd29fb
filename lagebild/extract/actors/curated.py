"""Readers for the hand-made data files in ``data/`` that complete the open sources.

The files say what the open sources lack: German forms of names, role nouns, German
news' office holders since the dictionaries ended. Each file documents its own keys.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Holding:
    """One row of office_holders.csv: a person in an office from start to end (None: in office)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    role: str
    start: str
    end: str | None


@dataclass(frozen=True)
class TitleRules:
    """CountryInfo's office names → role values (countryinfo_titles.toml)."""

    leaders: dict[str, str]
    government: list[tuple[re.Pattern[str], str]]

    def government_role(self, title: str) -> str | None:
        """The role of a <Government> title; None for titles that name no role we keep."""
        for pattern, role in self.government:
            if pattern.search(title):
                return role or None
        return None


def read_toml(name: str, data_dir: Path = DATA_DIR) -> dict[str, Any]:
    with (data_dir / name).open("rb") as file:
        return tomllib.load(file)


def read_office_holders(data_dir: Path = DATA_DIR) -> list[Holding]:
    with (data_dir / "office_holders.csv").open(encoding="utf-8", newline="") as rows:
        return [
            Holding(
                id=row["id"],
                name=row["name"],
                aliases=tuple(alias for alias in row["aliases"].split("|") if alias),
                country=row["country"],
                role=row["role"],
                start=row["start"],
                end=row["end"] or None,
            )
            for row in csv.DictReader(rows)
        ]


def read_title_rules(data_dir: Path = DATA_DIR) -> TitleRules:
    table = read_toml("countryinfo_titles.toml", data_dir)
    return TitleRules(
        leaders=table["leaders"],
        government=[(re.compile(rule["pattern"]), rule["role"]) for rule in table["government"]],
    )
