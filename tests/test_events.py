"""PLOVER events: what the lagebild_events component reads from German sentences.

One test per type, status and construction; the sentences are written for the tests
(no corpus text). Publication date 2021-12-29 (a Wednesday) unless a test says otherwise.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import lagebild
from lagebild.extract.events.lexicon import load_event_lexicon
from lagebild.extract.events.reading import confidence
from lagebild.extract.events.triggers import find_triggers
from lagebild.nlp.pipeline import load
from lagebild.record import Event
from tests.support import BIDEN_PUTIN

PUBLISHED = "2021-12-29"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def events(nlp: Language, text: str, published: str = PUBLISHED) -> list[Event]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)._.events


def only(nlp: Language, text: str) -> Event:
    found = events(nlp, text)
    assert len(found) == 1, found
    return found[0]


def sides(event: Event) -> tuple[str | None, str | None]:
    """The countries (or organisation codes) of source and target."""
    return event.source.country, event.target.country if event.target else None


# --- one sentence per PLOVER type --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Die Bundesregierung sagte der Ukraine weitere Waffenlieferungen zu.", "AGREE", ("DEU", "UKR")),
        ("Die EU-Kommission verhandelte mit China über ein Abkommen.", "CONSULT", ("EU", "CHN")),
        ("Die Regierung in Kiew begrüßte die Entscheidung der Europäischen Union.", "SUPPORT", ("UKR", "EU")),
        ("Die polnische Regierung entschuldigte sich bei Israel für die Äußerungen.", "CONCEDE", ("POL", "ISR")),
        ("Polen arbeitet mit der Ukraine bei der Grenzsicherung zusammen.", "COOPERATE", ("POL", "UKR")),
        ("Die Bundesregierung liefert der Ukraine Hilfsgüter.", "AID", ("DEU", "UKR")),
        ("Die Regierung in Teheran ließ zwei britische Journalisten frei.", "RETREAT", ("IRN", "GBR")),
        ("Die Nato forderte Russland auf, die Truppen abzuziehen.", "REQUEST", ("NATO", "RUS")),
        ("Die USA kritisierten China scharf.", "ACCUSE", ("USA", "CHN")),
        ("Die Europäische Union lehnte den Vorschlag Russlands ab.", "REJECT", ("EU", "RUS")),
        ("Die nordkoreanische Regierung drohte den USA mit einem Atomschlag.", "THREATEN", ("PRK", "USA")),
        ("Tausende Menschen demonstrierten in Berlin gegen die Regierung.", "PROTEST", (None, "DEU")),
        ("Die EU verhängte neue Sanktionen gegen Russland.", "SANCTION", ("EU", "RUS")),
        ("Russland hat Truppen an der Grenze zur Ukraine zusammengezogen.", "MOBILIZE", ("RUS", "UKR")),
        ("Die Bundesregierung wies zwei russische Diplomaten aus.", "SANCTION", ("DEU", "RUS")),
        ("Die Polizei nahm in Moskau mehrere Demonstranten fest.", "COERCE", ("RUS", None)),
        ("Israel hat den Gazastreifen bombardiert.", "ASSAULT", ("ISR", "PSE")),
    ],
)
def test_each_type_with_its_actors(nlp, text, kind, expected):
    event = only(nlp, text)
    assert event.type == kind
    assert sides(event) == expected
    assert event.status == "occurred"
    assert event.negated is False


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Saudi-Arabien brach die diplomatischen Beziehungen zu Katar ab.", "SANCTION", ("SAU", "QAT")),
        ("Israel und die Vereinigten Arabischen Emirate nahmen diplomatische Beziehungen auf.", "COOPERATE",
         ("ISR", "ARE")),
        ("Großbritannien trat aus der Europäischen Union aus.", "RETREAT", ("GBR", "EU")),
        ("Die Hamas hat Raketen auf Israel abgefeuert.", "ASSAULT", ("PSE", "ISR")),
    ],
)  # fmt: skip
def test_more_constructions_of_the_lexicon(nlp, text, kind, expected):
    event = only(nlp, text)
    assert (event.type, sides(event)) == (kind, expected)


def test_modes_name_how_actors_meet(nlp):
    assert only(nlp, "US-Präsident Joe Biden telefonierte am Dienstag mit Kremlchef Wladimir Putin.").mode == "phone"
    assert only(nlp, "Emmanuel Macron besuchte am Montag die deutsche Hauptstadt Berlin.").mode == "visit"
    assert only(nlp, "Die Gewerkschaft streikte gegen die Regierung.").mode == "strike"


# --- constructions -----------------------------------------------------------------------------


def test_a_particle_verb_split_across_the_sentence_is_one_trigger(nlp):
    event = only(nlp, "Die Europäische Union lehnte den Vorschlag Russlands ab.")
    assert event.trigger == "lehnte ab"


def test_a_light_verb_construction_is_read_as_one_trigger(nlp):
    event = only(nlp, "Die EU verhängte neue Sanktionen gegen Russland.")
    assert event.trigger == "verhängte Sanktionen"


def test_a_nominal_event_between_two_actors(nlp):
    event = only(nlp, "Das Telefonat zwischen Biden und Putin dauerte fast eine Stunde.")
    assert (event.type, event.mode) == ("CONSULT", "phone")
    assert (event.source.name, event.target.name) == ("Joe Biden", "Wladimir Putin")


def test_a_nominal_event_takes_its_genitive_as_source(nlp):
    event = only(nlp, "Der Truppenaufmarsch Russlands an der Grenze zur Ukraine beunruhigt die Nato.")
    assert (event.type, sides(event)) == ("MOBILIZE", ("RUS", "UKR"))


def test_a_nominal_event_named_by_nationality_or_prefix_has_that_doer(nlp):
    attack = only(nlp, "Der russische Angriff auf die Ukraine dauerte die ganze Nacht.")
    assert (attack.type, sides(attack)) == ("ASSAULT", ("RUS", "UKR"))
    sanctions = only(nlp, "Die US-Sanktionen gegen Iran bleiben in Kraft.")
    assert (sanctions.type, sides(sanctions)) == ("SANCTION", ("USA", "IRN"))


def test_the_von_agent_of_a_passive_is_the_source(nlp):
    event = only(nlp, "Die Ukraine erhält Finanzhilfe von der EU.")
    assert (event.type, sides(event)) == ("AID", ("EU", "UKR"))


def test_coordinated_sources_give_one_event_each(nlp):
    found = events(nlp, "Frankreich und Deutschland kritisierten Russland.")
    assert sorted(sides(event) for event in found) == [("DEU", "RUS"), ("FRA", "RUS")]


def test_coordinated_targets_give_one_event_each(nlp):
    found = events(nlp, "Die USA kritisierten Russland und China.")
    assert sorted(sides(event) for event in found) == [("USA", "CHN"), ("USA", "RUS")]


def test_coordinated_subjects_of_a_meeting_meet_each_other(nlp):
    event = only(nlp, "Die Außenminister Frankreichs und Deutschlands trafen sich am Montag in Genf.")
    assert (event.type, sides(event)) == ("CONSULT", ("FRA", "DEU"))


def test_a_pronoun_source_is_the_subject_it_takes_up(nlp):
    found = events(
        nlp, "Der russische Präsident Wladimir Putin traf den chinesischen Staatschef. Er kritisierte die Nato scharf."
    )
    accuse = next(event for event in found if event.type == "ACCUSE")
    assert accuse.source.name == "Wladimir Putin"
    assert accuse.source.text == "Er"
    assert accuse.sentence == 1


def test_a_feminine_pronoun_skips_the_man_named_nearer(nlp):
    found = events(
        nlp, "Präsident Emmanuel Macron empfing Bundeskanzlerin Angela Merkel in Paris. Sie kritisierte Russland."
    )
    accuse = next(event for event in found if event.type == "ACCUSE")
    assert (accuse.source.name, accuse.target.country) == ("Angela Merkel", "RUS")


def test_a_relative_pronoun_stands_for_its_noun(nlp):
    event = only(nlp, "Die Demonstranten, die gegen die Regierung protestierten, wurden festgenommen.")
    assert event.type == "PROTEST"
    assert event.source.text == "Die Demonstranten"


def test_the_first_person_in_a_quote_is_its_speaker(nlp):
    event = only(nlp, "„Wir verurteilen den Angriff Russlands auf die Ukraine“, sagte Bundeskanzler Olaf Scholz.")
    assert (event.source.name, event.source.text, sides(event)) == ("Olaf Scholz", "Wir", ("DEU", "RUS"))
    visit = only(nlp, "„Ich werde nächste Woche nach Kiew reisen“, kündigte Bundeskanzler Olaf Scholz an.")
    assert (visit.type, visit.mode, visit.status, visit.date) == ("CONSULT", "visit", "planned", "2022-W01")


def test_the_subject_of_an_infinitive_comes_from_the_verb_above(nlp):
    event = only(nlp, "Der Kreml dementierte, die Ukraine angegriffen zu haben.")
    assert sides(event) == ("RUS", "UKR")


def test_an_attributive_participle_is_a_trigger(nlp):
    attacked = only(nlp, "Die von Russland angegriffene Ukraine bittet um Hilfe.")
    assert (attacked.type, sides(attacked), attacked.trigger) == ("ASSAULT", ("RUS", "UKR"), "angegriffene")
    resigned = only(nlp, "Die zurückgetretene Premierministerin Theresa May sprach im Parlament.")
    assert (resigned.type, resigned.mode, resigned.source.name) == ("RETREAT", "resign", "Theresa May")


def test_speaking_is_a_consultation_only_with_someone(nlp):
    assert events(nlp, "Der Minister sprach im Parlament von einer Mehrbelastung.") == []
    assert only(nlp, "Bundeskanzler Olaf Scholz sprach mit dem französischen Präsidenten.").type == "CONSULT"


def test_a_demanded_action_is_not_an_event_of_its_own(nlp):
    assert [event.type for event in events(nlp, "Die Nato forderte Russland auf, die Truppen abzuziehen.")] == [
        "REQUEST"
    ]


def test_the_target_can_be_the_actor_the_clause_is_about(nlp):
    threat = only(nlp, "Die nordkoreanische Führung drohte damit, Südkorea anzugreifen.")
    assert (threat.type, sides(threat)) == ("THREATEN", ("PRK", "KOR"))
    demand = only(nlp, "Die Nato forderte, dass Russland seine Truppen abzieht.")
    assert (demand.type, sides(demand)) == ("REQUEST", ("NATO", "RUS"))


def test_reported_speech_telling_someone_what_to_do_is_a_request(nlp):
    indirect = only(nlp, "Die EU-Kommission erklärte, Russland müsse seine Truppen sofort abziehen.")
    assert (indirect.type, sides(indirect), indirect.trigger) == ("REQUEST", ("EU", "RUS"), "müsse")
    direct = only(nlp, "„Die Türkei muss die Menschenrechte achten“, sagte Bundeskanzler Olaf Scholz.")
    assert (direct.type, sides(direct)) == ("REQUEST", ("DEU", "TUR"))
    assert direct.confidence < 0.6
    assert events(nlp, "„Wir müssen handeln“, sagte Bundeskanzler Olaf Scholz.") == []
    planned = "Die Siedlung soll bis Freitag geräumt werden, sagte der israelische Verteidigungsminister."
    assert events(nlp, planned) == []


def test_reported_speech_that_damns_its_subject_is_an_accusation(nlp):
    event = only(nlp, "„Die USA sind verantwortungslos“, sagte der chinesische Außenminister.")
    assert (event.type, sides(event), event.trigger) == ("ACCUSE", ("CHN", "USA"), "verantwortungslos")
    assert events(nlp, "Der chinesische Außenminister sagte, die USA hätten gut verhandelt.") == []


def test_a_speaker_named_by_nationality_is_that_state(nlp):
    event = only(nlp, "Von nordkoreanischer Seite hieß es, Trump sei psychisch gestört und größenwahnsinnig.")
    assert (event.type, event.source.country, event.target.name) == ("ACCUSE", "PRK", "Donald Trump")


def test_an_envoy_to_an_organisation_acts_for_the_state(nlp):
    envoy = only(nlp, "Der nordkoreanische UN-Botschafter Pak Gil Yon kritisierte die USA.")
    assert sides(envoy) == ("PRK", "USA")
    official = only(nlp, "Der spanische EU-Außenbeauftragte Josep Borrell kritisierte Russland.")
    assert sides(official) == ("EU", "RUS")


def test_a_genitive_before_the_noun_owns_it(nlp):
    event = only(nlp, "Im April hatte Donald Trumps Regierung die iranischen Revolutionsgarden sanktioniert.")
    assert sides(event) == ("USA", "IRN")


def test_a_threatened_event_gives_its_target(nlp):
    threat = only(nlp, "Die EU drohte mit Sanktionen gegen Iran.")
    assert (threat.type, sides(threat), threat.trigger) == ("THREATEN", ("EU", "IRN"), "drohte")


def test_condemning_an_event_is_aimed_at_its_doer_not_its_victim(nlp):
    named = only(nlp, "Die Bundesregierung verurteilte den Angriff Russlands auf die Ukraine.")
    assert (named.type, sides(named)) == ("ACCUSE", ("DEU", "RUS"))
    unnamed = only(nlp, "Die Bundesregierung verurteilte den Angriff auf die Ukraine aufs Schärfste.")
    assert (unnamed.type, sides(unnamed)) == ("ACCUSE", ("DEU", None))


def test_an_arrest_on_a_named_day(nlp):
    event = only(nlp, "Die Polizei hat am Samstag in Bern rund 200 Klimaaktivisten festgenommen.")
    assert (event.type, event.mode, event.date, event.location) == ("COERCE", "arrest", "2021-12-25", "Bern")


def test_rejecting_what_was_just_told_is_aimed_at_its_doer(nlp):
    text = "Russland verhängte Sanktionen gegen Litauen. Die EU wies dies scharf zurück."
    rejection = next(event for event in events(nlp, text) if event.type == "REJECT")
    assert sides(rejection) == ("EU", "RUS")


def test_what_a_criticism_takes_as_given_is_an_event_of_its_own(nlp):
    found = events(nlp, "Die Türkei kritisierte, dass die EU neue Sanktionen gegen Russland verhängt hat.")
    assert sorted((event.type, *sides(event)) for event in found) == [
        ("ACCUSE", "TUR", "EU"),
        ("SANCTION", "EU", "RUS"),
    ]


def test_the_place_is_where_it_happened_not_an_actor(nlp):
    assert only(nlp, "Die Außenminister Frankreichs und Deutschlands trafen sich in Genf.").location == "Genf"
    found = events(nlp, "Russland griff die Ukraine an. Der Angriff Russlands auf die Ukraine dauerte lange.")
    assert [event.location for event in found] == [None]


def test_a_landmark_is_no_actor(nlp):
    event = only(nlp, "Die NPD-Demonstration am Brandenburger Tor richtet sich gegen die Bundesregierung.")
    assert (event.type, event.source.name, event.target.name) == ("PROTEST", "NPD", "Bundesregierung")


def test_a_sentence_without_an_actor_on_either_side_has_no_event(nlp):
    assert events(nlp, "Die Stimmung im Land ist angespannt.") == []
    assert events(nlp, "Proteste sind an der Tagesordnung.") == []


# --- date and status ---------------------------------------------------------------------------


def test_the_date_comes_from_the_time_expression_of_the_sentence(nlp):
    event = only(nlp, "US-Präsident Joe Biden telefonierte am Dienstag mit Kremlchef Wladimir Putin.")
    assert event.date == "2021-12-28"
    assert event.status == "occurred"


def test_an_undated_sentence_takes_the_date_the_story_last_named(nlp):
    found = events(nlp, "Am Montag kam es in Minsk zu Protesten. Die Polizei nahm dabei Demonstranten fest.")
    assert found[-1].type == "COERCE"
    assert found[-1].date == "2021-12-27"


@pytest.mark.parametrize(
    "text",
    [
        "Biden und Putin sollen sich im Januar in Genf treffen.",
        "US-Präsident Joe Biden wird morgen mit Kremlchef Wladimir Putin telefonieren.",
        "Das geplante Treffen zwischen Biden und Putin wurde bestätigt.",
        "Der iranische Außenminister kündigte Gespräche mit der EU an.",
    ],
)
def test_future_and_scheduled_events_are_planned(nlp, text):
    assert only(nlp, text).status == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "Russland soll die Ukraine angegriffen haben.",
        "Laut Medienberichten habe Russland die Ukraine angegriffen.",
        "Angeblich hat Russland die Ukraine angegriffen.",
    ],
)
def test_reported_and_hedged_events_are_alleged(nlp, text):
    assert only(nlp, text).status == "alleged"


def test_a_denied_event_is_denied(nlp):
    assert only(nlp, "Der Kreml dementierte, die Ukraine angegriffen zu haben.").status == "denied"


def test_conditional_events_are_hypothetical(nlp):
    event = only(nlp, "Falls Russland die Ukraine angreift, würde die EU reagieren.")
    assert (event.type, event.status) == ("ASSAULT", "hypothetical")


def test_negated_events_are_kept_and_flagged(nlp):
    event = only(nlp, "Russland hat die Ukraine nicht angegriffen.")
    assert event.negated is True
    assert only(nlp, "Die USA und Russland haben keine Gespräche geführt.").negated is True


# --- one event per happening, confidence -------------------------------------------------------


def test_the_same_event_told_twice_is_one_event_with_two_mentions(nlp):
    found = events(nlp, "Russland griff die Ukraine an. Der Angriff Russlands auf die Ukraine dauerte die ganze Nacht.")
    assert len(found) == 1
    assert found[0].mentions == [0, 1]


def test_two_statements_by_one_speaker_stay_two_events(nlp):
    found = events(
        nlp, "Die USA kritisierten China. Am Freitag kritisierte Washington die chinesische Regierung erneut."
    )
    assert [(event.type, *sides(event)) for event in found] == [("ACCUSE", "USA", "CHN")] * 2


def test_confidence_is_higher_for_an_explicit_verb_with_resolved_actors(nlp):
    firm = only(nlp, "Die EU verhängte neue Sanktionen gegen Russland.")
    hedged = only(nlp, "Russland soll die Ukraine angegriffen haben.")
    loose = only(nlp, "Die Gewerkschaft streikte gegen die Regierung.")
    assert 0 <= loose.confidence < hedged.confidence < firm.confidence <= 1


def test_events_survive_serialisation(nlp):
    doc = nlp(BIDEN_PUTIN)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.events == doc._.events
    assert again._.events


# --- the record ------------------------------------------------------------------------------


def test_the_worked_example_of_the_record_contract():
    """shared/design/record.md: a Swiss article of 2021-12-29 about the Biden-Putin call."""
    record = lagebild.analyze(BIDEN_PUTIN, published=PUBLISHED)
    names = {(entity.text, entity.label) for entity in record.entities}
    assert {("Joe Biden", "PER"), ("Wladimir Putin", "PER")} <= names
    assert [(time.text, time.type, time.value) for time in record.times][0] == (
        "morgen Donnerstag",
        "DATE",
        "2021-12-30",
    )
    call = record.events[0]
    assert (call.type, call.mode, call.date, call.status) == ("CONSULT", "phone", "2021-12-30", "planned")
    assert (call.source.name, call.source.country) == ("Joe Biden", "USA")
    assert (call.target.name, call.target.country) == ("Wladimir Putin", "RUS")
    assert record.sentences[call.sentence] == (0, len(call.evidence))


def test_event_sentence_indices_point_at_record_sentences():
    record = lagebild.analyze(BIDEN_PUTIN, published=PUBLISHED)
    for event in record.events:
        start, end = record.sentences[event.sentence]
        assert record.text[start:end] == event.evidence
        assert event.sentence in event.mentions


# --- the lexicon -------------------------------------------------------------------------------


def test_the_lexicon_covers_every_plover_type():
    lexicon = load_event_lexicon()
    types = {trigger.type for table in (lexicon.verbs, lexicon.nouns, lexicon.phrases) for trigger in table.values()}
    assert types == {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip


def test_a_word_listed_for_two_types_is_refused(tmp_path):
    path = tmp_path / "events.toml"
    source = (load_event_lexicon.__wrapped__.__defaults__[0]).read_text(encoding="utf-8")
    path.write_text(source + '\n[[trigger]]\ntype = "ASSAULT"\nverbs = ["kritisieren"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="kritisieren"):
        load_event_lexicon(path)


def test_an_actor_taken_from_nearby_instead_of_the_parse_costs_confidence(nlp):
    doc = nlp("Die EU verhängte neue Sanktionen gegen Russland.")
    match = find_triggers(doc[:], load_event_lexicon())[0]
    event = doc._.events[0]
    parsed = confidence(match, event.source, event.target, "occurred")
    nearby = confidence(match, event.source, event.target, "occurred", inferred=True)
    assert nearby < parsed == event.confidence
