"""Actor linking: who the entities and role phrases of German news are, at the article's date."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import lagebild.extract.actors  # noqa: F401  (registers the "lagebild_actors" factory)
from lagebild.extract.actors import ACTOR_REFS, actor_ref
from lagebild.nlp.pipeline import load
from lagebild.record import ActorRef


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = load()
    if "lagebild_actors" not in pipeline.pipe_names:
        pipeline.add_pipe("lagebild_actors", last=True)
    return pipeline


def analyse(nlp: Language, text: str, published: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def link(doc: Doc, words: str) -> ActorRef:
    """The link of the entity or actor reference that is exactly `words` (first occurrence)."""
    for span in [*doc.ents, *doc.spans[ACTOR_REFS]]:
        if span.text == words:
            return span._.actor
    raise AssertionError(f"no linked span {words!r} in {[s.text for s in [*doc.ents, *doc.spans[ACTOR_REFS]]]}")


def test_putin_kreml_moskau_and_the_russian_head_of_state_are_russia(nlp: Language) -> None:
    doc = analyse(
        nlp,
        "Wladimir Putin empfing den Gast im Kreml. Moskau wies die Vorwürfe zurück. "
        "Der russische Staatschef sprach von einer Provokation.",
        "2018-03-20",
    )
    assert link(doc, "Wladimir Putin").country == "RUS"
    assert link(doc, "Kreml").country == "RUS"
    assert link(doc, "Moskau").country == "RUS"
    staatschef = link(doc, "Der russische Staatschef")
    assert (staatschef.name, staatschef.country, staatschef.role) == ("Wladimir Putin", "RUS", "head of state")


def test_peskow_is_the_russian_spokesperson(nlp: Language) -> None:
    doc = analyse(nlp, "Peskow sagte am Montag, man werde die Lage genau beobachten.", "2021-12-29")
    peskow = link(doc, "Peskow")
    assert (peskow.name, peskow.country, peskow.role) == ("Dmitri Peskow", "RUS", "spokesperson")


def test_the_us_president_in_2005_is_george_w_bush(nlp: Language) -> None:
    doc = analyse(nlp, "Der US-Präsident verteidigte den Einsatz im Irak.", "2005-03-10")
    assert link(doc, "Der US-Präsident").name == "George W. Bush"


def test_the_us_president_in_2022_is_joe_biden(nlp: Language) -> None:
    doc = analyse(nlp, "Der US-Präsident verurteilte den Angriff auf die Ukraine.", "2022-02-24")
    president = link(doc, "Der US-Präsident")
    assert (president.name, president.actor, president.country) == ("Joe Biden", "per:joe-biden", "USA")


def test_without_a_date_a_role_keeps_country_and_role_but_names_nobody(nlp: Language) -> None:
    doc = analyse(nlp, "Der US-Präsident verurteilte den Angriff.", None)
    president = link(doc, "Der US-Präsident")
    assert (president.name, president.country, president.role) == (None, "USA", "head of state")


def test_a_surname_later_in_the_article_is_the_same_person(nlp: Language) -> None:
    doc = analyse(
        nlp, "Joe Biden reiste am Dienstag nach Warschau. Dort sagte Biden, die Nato stehe zusammen.", "2022-03-26"
    )
    assert link(doc, "Biden").name == "Joe Biden"
    assert link(doc, "Biden").actor == link(doc, "Joe Biden").actor == "per:joe-biden"


@pytest.mark.parametrize("white_house", ["Weissen Hauses", "Weißen Hauses"])
def test_the_white_house_in_swiss_and_german_spelling_is_the_usa(nlp: Language, white_house: str) -> None:
    doc = analyse(nlp, f"Eine Sprecherin des {white_house} bestätigte das Treffen.", "2021-06-01")
    spans = [span for span in [*doc.ents, *doc.spans[ACTOR_REFS]] if "Haus" in span.text]
    assert spans and all(span._.actor.country == "USA" for span in spans)


def test_a_state_in_the_genitive_is_the_state(nlp: Language) -> None:
    doc = analyse(nlp, "Die Armee Russlands zog Truppen an der Grenze zusammen.", "2021-11-20")
    russlands = link(doc, "Russlands")
    assert (russlands.name, russlands.actor, russlands.country) == ("Russland", "cty:RUS", "RUS")


def test_a_hyphenated_compound_mentions_the_alliance(nlp: Language) -> None:
    doc = analyse(nlp, "Moskau lehnt eine weitere Nato-Osterweiterung entschieden ab.", "2021-12-17")
    assert link(doc, "Nato-Osterweiterung").country == "NATO"


def test_the_adjective_and_the_role_name_the_minister_at_the_date(nlp: Language) -> None:
    doc = analyse(nlp, "Der russische Außenminister warnte vor einer Eskalation.", "2015-09-01")
    minister = link(doc, "Der russische Außenminister")
    assert (minister.name, minister.country, minister.role) == ("Sergei Lawrow", "RUS", "foreign minister")


def test_an_unknown_person_takes_country_and_role_from_the_apposition(nlp: Language) -> None:
    doc = analyse(nlp, "Der ukrainische Botschafter Andrij Melnyk kritisierte die Bundesregierung.", "2022-04-05")
    melnyk = link(doc, "Andrij Melnyk")
    assert (melnyk.name, melnyk.actor, melnyk.country, melnyk.role) == ("Andrij Melnyk", None, "UKR", "ambassador")


def test_an_unknown_person_without_clues_has_no_country(nlp: Language) -> None:
    doc = analyse(nlp, "Die Anwohnerin Erika Brunnhuber beschwerte sich über den Lärm.", "2019-07-01")
    person = link(doc, "Erika Brunnhuber")
    assert (person.name, person.country) == ("Erika Brunnhuber", None)


def test_borrell_acts_for_the_european_union_in_2021(nlp: Language) -> None:
    doc = analyse(nlp, "Josep Borrell reiste nach Moskau. Borrell traf dort Sergei Lawrow.", "2021-02-05")
    assert link(doc, "Josep Borrell").country == "EU"
    assert link(doc, "Sergei Lawrow").country == "RUS"


def test_a_national_government_is_its_state(nlp: Language) -> None:
    doc = analyse(nlp, "Die russische Regierung wies die Berichte zurück.", "2021-04-01")
    government = link(doc, "Die russische Regierung")
    assert (government.actor, government.country, government.role) == ("cty:RUS", "RUS", "government")


def test_actor_ref_of_a_speaker_span_is_the_person_in_it(nlp: Language) -> None:
    doc = analyse(nlp, "Kremlsprecher Dmitri Peskow bestätigte das Gespräch.", "2021-12-29")
    speaker = actor_ref(doc[0:3])
    assert speaker == ActorRef(
        text="Kremlsprecher Dmitri Peskow",
        name="Dmitri Peskow",
        actor="per:dmitri-peskow",
        country="RUS",
        role="spokesperson",
    )


def test_actor_ref_of_nothing_is_none(nlp: Language) -> None:
    doc = analyse(nlp, "Es regnete den ganzen Tag.", "2021-12-29")
    assert actor_ref(None) is None
    assert actor_ref(doc[0:2]) is None


def test_links_survive_serialisation(nlp: Language) -> None:
    doc = analyse(nlp, "US-Präsident Joe Biden telefonierte mit Wladimir Putin.", "2021-12-30")
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [ent._.actor for ent in copy.ents] == [ent._.actor for ent in doc.ents]
    assert link(copy, "Wladimir Putin").country == "RUS"


def test_a_bare_government_acts_for_the_state_named_before_it_in_the_sentence(nlp: Language) -> None:
    doc = analyse(nlp, "In Simbabwe hat die Regierung tausende Hütten abreißen lassen.", "2005-06-10")
    regierung = link(doc, "die Regierung")
    assert (regierung.name, regierung.country) == ("Simbabwe", "ZWE")


def test_a_bare_government_acts_for_the_state_the_article_names_most(nlp: Language) -> None:
    doc = analyse(
        nlp,
        "Der Sudan lehnt Blauhelme ab. Auch Ägypten äußerte sich. Der Sudan bleibt hart. "
        "Die Regierung verweist auf ihre Souveränität.",
        "2006-08-30",
    )
    assert link(doc, "Die Regierung").country == "SDN"


def test_a_bare_government_acts_for_the_state_of_a_body_named_before_it(nlp: Language) -> None:
    doc = analyse(
        nlp,
        "Polen will die Richtlinie annehmen. Polen hatte lange gezögert. "
        "Im Bundestag hatten die Grünen die Regierung aufgefordert, dagegen zu stimmen.",
        "2005-03-08",
    )
    assert link(doc, "die Regierung").country == "DEU"


def test_a_bare_president_is_the_holder_of_the_state_of_the_context(nlp: Language) -> None:
    doc = analyse(nlp, "Die Wahl in Simbabwe war umstritten. Der Präsident wies jede Kritik zurück.", "2005-06-10")
    praesident = link(doc, "Der Präsident")
    assert (praesident.name, praesident.country, praesident.role) == ("Robert Mugabe", "ZWE", "head of state")


def test_an_unnamed_official_is_named_by_the_state_he_acts_for(nlp: Language) -> None:
    doc = analyse(nlp, "Ein israelischer Beamter bestätigte den Angriff.", "2019-08-19")
    beamter = link(doc, "Ein israelischer Beamter")
    assert (beamter.name, beamter.country, beamter.role) == ("Israel", "ISR", "official")


def test_a_role_phrase_with_no_state_named_in_the_article_has_no_country(nlp: Language) -> None:
    doc = analyse(nlp, "Die Regierung kündigte Reformen an.", "2019-08-19")
    assert link(doc, "Die Regierung").country is None


def test_roles_use_the_record_vocabulary(nlp: Language) -> None:
    doc = analyse(nlp, "Jean-Claude Juncker und Donald Tusk trafen Federica Mogherini.", "2018-10-05")
    assert link(doc, "Jean-Claude Juncker").role == "president of an organisation"
    assert link(doc, "Donald Tusk").role == "president of an organisation"
    assert link(doc, "Federica Mogherini").role == "minister"


def test_the_iranian_president_heads_the_government(nlp: Language) -> None:
    doc = analyse(nlp, "Der iranische Präsident kritisierte die Sanktionen.", "2019-07-23")
    praesident = link(doc, "Der iranische Präsident")
    assert (praesident.name, praesident.role) == ("Hassan Rohani", "head of government")


def test_the_austrian_federal_government_is_austrias(nlp: Language) -> None:
    doc = analyse(
        nlp,
        "Gerhard Schröder besuchte Berlin und Wien. "
        "Die Sanktionen gegen die österreichische Bundesregierung sind vergessen.",
        "2005-01-01",
    )
    assert link(doc, "Bundesregierung").country == "AUT"


def test_brussels_is_the_eu_only_where_the_article_names_the_eu(nlp: Language) -> None:
    belgian = analyse(nlp, "In Brüssel streiten Flamen und Wallonen über den Wahlkreis.", "2005-05-10")
    assert link(belgian, "Brüssel").country == "BEL"
    european = analyse(nlp, "Die EU-Kommission in Brüssel prüft den Antrag der Europäischen Union.", "2005-05-10")
    assert link(european, "Brüssel").country == "EU"


def test_a_summit_of_two_actors_belongs_to_neither(nlp: Language) -> None:
    doc = analyse(nlp, "Der EU-Indien-Gipfel fand in Neu-Delhi statt.", "2018-12-10")
    gipfel = actor_ref(doc.char_span(4, 20))
    assert gipfel is None or gipfel.country is None


def test_kim_after_kim_jong_il_is_the_same_person(nlp: Language) -> None:
    doc = analyse(nlp, "Kim Jong-il ist tot. Kim hatte das Land seit 1994 regiert.", "2011-12-20")
    kim = [ent for ent in doc.ents if ent.text == "Kim"]
    assert kim and kim[0]._.actor.name == link(doc, "Kim Jong-il").name


def test_a_genitive_surname_is_the_person_named_before(nlp: Language) -> None:
    doc = analyse(nlp, "Kurt Volker trat zurück. Volkers Rücktritt kam überraschend.", "2019-09-28")
    volkers = [ent for ent in doc.ents if ent.text == "Volkers"]
    assert volkers and volkers[0]._.actor.name == "Kurt Volker"


def test_a_place_unknown_to_the_knowledge_base_lies_in_the_state_of_its_sentence(nlp: Language) -> None:
    doc = analyse(nlp, "Türkische Truppen rückten auf die Stadt Afrin in Syrien vor.", "2018-01-25")
    assert link(doc, "Afrin").country == "SYR"


def test_a_spokesperson_of_a_government_is_one_phrase_for_that_state(nlp: Language) -> None:
    doc = analyse(nlp, "Ein Sprecher der britischen Regierung bestätigte den Vorfall.", "2019-07-23")
    sprecher = link(doc, "Ein Sprecher der britischen Regierung")
    assert (sprecher.country, sprecher.role) == ("GBR", "spokesperson")


def test_a_party_named_with_its_state_in_the_genitive_is_that_states(nlp: Language) -> None:
    doc = analyse(nlp, "Die Sozialistische Partei Venezuelas gewann die Wahl.", "2017-08-01")
    assert link(doc, "Sozialistische Partei Venezuelas").country == "VEN"


def test_an_unknown_inflected_name_is_displayed_in_the_nominative(nlp: Language) -> None:
    doc = analyse(nlp, "Kämpfer der Freien Syrischen Armee griffen an. Tanker im Persischen Golf.", "2018-01-25")
    assert link(doc, "Freien Syrischen Armee").name == "Freie Syrische Armee"
    assert link(doc, "Persischen Golf").name == "Persischer Golf"
