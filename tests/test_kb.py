"""The actor knowledge base: reproducible from the shared data, and consistent hand-made data."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from lagebild.extract.actors import KnowledgeBase, build_kb
from lagebild.extract.actors.build import KB_PATH
from lagebild.extract.actors.curated import DATA_DIR, read_office_holders
from lagebild.extract.actors.kb import day_of
from lagebild.shared_data import shared_data_dir

DATA = shared_data_dir()


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "countries").is_dir(), reason="shared data folder not available")
def test_rebuilding_gives_the_committed_file_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "kb.json.gz"
    build_kb(DATA, out)
    assert out.read_bytes() == KB_PATH.read_bytes(), "kb.json.gz is stale: run `lagebild kb build`"


def test_inflected_and_swiss_forms_name_the_same_entries() -> None:
    kb = KnowledgeBase.load()
    assert kb.entry_named("Russlands").key == "cty:RUS"
    assert kb.entry_named("Weissen Hauses") == kb.entry_named("Weißen Hauses") == kb.entry_named("Weißes Haus")
    assert kb.entry_named("Vereinigten Staaten").name == "USA"
    assert kb.entry_named("Brüssel").actor == "igo:EU"


def test_the_holder_of_an_office_depends_on_the_date() -> None:
    kb = KnowledgeBase.load()
    assert kb.holder("USA", "head of state", day_of("2005-06-01")).name == "George W. Bush"
    assert kb.holder("USA", "head of state", day_of("2022-06-01")).name == "Joe Biden"
    assert kb.holder("CHE", "head of state", day_of("2023-05-01")).name == "Alain Berset"
    assert kb.holder("NATO", "secretary general", day_of("2019-01-01")).name == "Jens Stoltenberg"


def test_every_office_holder_row_is_well_formed() -> None:
    holdings = read_office_holders()
    names: dict[str, str] = {}
    for holding in holdings:
        assert holding.id.startswith("per:"), holding
        assert names.setdefault(holding.id, holding.name) == holding.name, holding
        start = date.fromisoformat(holding.start)
        assert holding.end is None or date.fromisoformat(holding.end) >= start, holding


def test_no_two_people_hold_one_office_at_once() -> None:
    terms = defaultdict(list)
    for holding in read_office_holders():
        terms[(holding.country, holding.role)].append(holding)
    for office, holdings in terms.items():
        holdings.sort(key=lambda holding: holding.start)
        for before, after in zip(holdings, holdings[1:]):
            end = date.fromisoformat(before.end) if before.end else date.max
            # Handover days count for both; a longer overlap is an error in the table.
            assert end <= date.fromisoformat(after.start) + timedelta(days=1), (office, before, after)


def test_every_source_of_the_office_holders_is_named() -> None:
    with (DATA_DIR / "office_holders.csv").open(encoding="utf-8", newline="") as rows:
        assert all(row["source"].strip() for row in csv.DictReader(rows))


def test_the_licences_file_names_every_source_licence() -> None:
    text = (DATA_DIR / "LICENSES.md").read_text(encoding="utf-8")
    for licence in ("ODbL 1.0", "CC BY 4.0", "MIT", "CC BY-SA 3.0"):
        assert licence in text
