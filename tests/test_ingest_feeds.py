"""RSS and Atom feeds read from files: full content as pages, teasers marked truncated."""

from pathlib import Path

from lagebild.ingest import Article, ItemError, read_inputs

INPUTS = Path(__file__).parent / "data" / "inputs"


def test_rss_items_with_full_content_become_pages():
    path = INPUTS / "volltext.rss"
    first, second = read_inputs([str(path)])
    assert first.title == "Bundestag beschließt Haushalt für 2024"
    assert first.url == "https://nachrichten.example/inland/haushalt-2024-beschlossen-100.html"
    assert first.published == "2024-02-02T13:35:00+00:00"
    assert (first.source, first.source_id, first.truncated) == (f"{path}#1", "nachrichten-example-haushalt-100", False)
    assert first.text is None
    assert first.html.startswith("<p>Nach monatelangem Streit hat der Bundestag am Freitag")
    assert "„Haushalt der Konsolidierung“" in first.html
    assert second.title == "Unwetter in Bayern: Hunderte Einsätze in der Nacht"


def test_atom_entries_give_content_link_id_and_utc_time():
    path = INPUTS / "meldungen.atom"
    (entry,) = read_inputs([str(path)])
    assert entry.title == "Bundesversammlung wählt Beat Jans in den Bundesrat"
    assert entry.url == "https://nachrichten.example/schweiz/bundesratswahl-jans"
    assert entry.published == "2023-12-13T10:45:00+00:00"
    assert entry.source_id == "urn:uuid:0e9f1d2a-5b77-4d0e-8f43-91c2a3b4c5d6"
    assert "<p>«Ich freue mich auf die Arbeit im Gremium», sagte Jans" in entry.html


def test_teasers_whose_pages_cannot_be_fetched_are_kept_as_truncated_text():
    path = INPUTS / "teaser.rss"
    items = list(read_inputs([str(path)]))
    assert [(item.text, item.truncated) for item in items] == [
        ("Die Bahn erhält zusätzliche Mittel für die Sanierung ihres Netzes.", True),
        ("Verdi ruft das Bodenpersonal für Mittwoch zum Warnstreik auf.", True),
        ("Der Landtag in Erfurt hat einen neuen Präsidenten gewählt.", True),
    ]
    assert items[0].url == "seiten/bahn-milliarden.html"
    assert items[2].url is None


def test_a_malformed_feed_is_one_error():
    path = INPUTS / "kaputt.rss"
    (error,) = read_inputs([str(path)])
    assert (error.source, error.item) == (str(path), None)
    assert error.reason.startswith("malformed feed (")


def test_a_feed_without_items_is_one_error(tmp_path: Path):
    path = tmp_path / "leer.xml"
    path.write_text('<rss version="2.0"><channel><title>Nichts Neues</title></channel></rss>', encoding="utf-8")
    assert list(read_inputs([str(path)])) == [ItemError(str(path), None, "feed has no items")]


def test_an_item_without_content_or_link_is_an_error(tmp_path: Path):
    path = tmp_path / "feed.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>T</title><item><title>Nur ein Titel</title></item></channel></rss>',
        encoding="utf-8",
    )
    assert list(read_inputs([str(path)])) == [ItemError(str(path), 1, "item has neither content nor a link")]


def test_a_feed_is_recognised_by_its_content_without_a_feed_name(tmp_path: Path):
    path = tmp_path / "nachrichten"
    path.write_bytes((INPUTS / "meldungen.atom").read_bytes())
    assert [type(item) for item in read_inputs([str(path)])] == [Article]
