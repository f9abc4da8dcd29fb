"""Cleaning: the text that offsets point into."""

from lagebild.clean import clean_text


def test_composes_umlauts_to_nfc():
    decomposed = "Mu\u0308nchen und Zu\u0308rich"
    assert clean_text(decomposed) == "München und Zürich"


def test_removes_soft_hyphens_zero_width_and_control_characters():
    assert clean_text("Bundes\u00adkanzler\u200bin\x07 Merkel") == "Bundeskanzlerin Merkel"


def test_keeps_paragraph_breaks_and_joins_wrapped_lines():
    text = "Der Bundestag hat\ndas Gesetz beschlossen.\n\n\n  Die Opposition\tprotestierte.\r\n"
    assert clean_text(text) == "Der Bundestag hat das Gesetz beschlossen.\n\nDie Opposition protestierte."


def test_one_paragraph_per_line_stays_apart_without_blank_lines():
    text = "Merkel reist nach Paris.\nMacron empfängt sie im Élysée-Palast.\n"
    assert clean_text(text) == "Merkel reist nach Paris.\n\nMacron empfängt sie im Élysée-Palast."


def test_non_breaking_spaces_become_plain_spaces():
    assert clean_text("5\u00a0000 Menschen\u2009demonstrierten") == "5 000 Menschen demonstrierten"
