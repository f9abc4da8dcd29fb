"""The name-list feature the entity recogniser reads."""

import spacy

import lagebild
from lagebild.nlp.gazetteer import NameList


def test_name_list_flags_are_written_into_the_lexeme_language_attribute():
    nlp = spacy.blank("de")
    gazetteer = nlp.add_pipe("gazetteer")
    gazetteer.initialize(entries={"Angela": NameList.FIRST_NAME, "Genf": NameList.CITY})
    doc = nlp("Angela traf den Minister in Genf.")
    assert [t.lang_ for t in doc] == ["names:1", "de", "de", "de", "de", "names:4", "de"]


def test_shipped_pipeline_knows_swiss_cities_and_nationality_adjectives():
    doc = lagebild.load()("Der schweizerische Aussenminister reiste nach Basel.")
    flags = {t.text: t.lang_ for t in doc}
    assert flags["schweizerische"] == f"names:{int(NameList.NATIONALITY)}"
    assert int(flags["Basel"].split(":")[1]) & NameList.CITY
