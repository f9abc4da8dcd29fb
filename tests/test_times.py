"""German time expressions: what the lagebild_times component finds and how it resolves them.

Unless a test says otherwise, articles are published on Wednesday, 29 December 2021.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from lagebild.extract.times import find_times, time_of
from lagebild.nlp.pipeline import load

PUBLISHED = "2021-12-29"


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = load()
    if "lagebild_times" not in pipeline.pipe_names:
        pipeline.add_pipe("lagebild_times", last=True)
    return pipeline


def tagged(nlp: Language, text: str, published: str | None = PUBLISHED, anchoring: str = "publication"):
    return [(t.text, t.type, t.value) for t in find_times(nlp, text, published, anchoring)]


def value(nlp: Language, text: str, expression: str, published: str | None = PUBLISHED, anchoring: str = "publication"):
    """The value of the one expression whose text is `expression`."""
    found = [v for t, _, v in tagged(nlp, text, published, anchoring) if t == expression]
    assert len(found) == 1, tagged(nlp, text, published, anchoring)
    return found[0]


# --- absolute dates -----------------------------------------------------------------------


def test_morgen_donnerstag_resolves_to_next_thursday(nlp):
    text = "US-Präsident Joe Biden wird morgen Donnerstag mit dem russischen Staatschef Wladimir Putin telefonieren."
    assert tagged(nlp, text) == [("morgen Donnerstag", "DATE", "2021-12-30")]


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Der Vertrag wurde am 29.12.2021 unterzeichnet.", "29.12.2021", "2021-12-29"),
        ("Der Vertrag wurde am 29.12.21 unterzeichnet.", "29.12.21", "2021-12-29"),
        ("Die Anhörung fand am 29. Dezember 2021 statt.", "29. Dezember 2021", "2021-12-29"),
        ("Das Gesetz trat im Dezember 2021 in Kraft.", "Dezember 2021", "2021-12"),
        ("Der Wahlsieger steht seit dem 3. Jänner 2021 fest.", "3. Jänner 2021", "2021-01-03"),
        ("Im Feber 2020 kam es zu Protesten.", "Feber 2020", "2020-02"),
        ("Im Jahr 2019 kamen Tausende.", "Jahr 2019", "2019"),
        ("Am Sonntag, 8. Januar 2017, starb er.", "Sonntag, 8. Januar 2017", "2017-01-08"),
        ("Für Freitag, den 15. März 2019, wurde gestreikt.", "Freitag, den 15. März 2019", "2019-03-15"),
        ("Die Daten stammen vom 2021-11-30.", "2021-11-30", "2021-11-30"),
    ],
)
def test_absolute_dates_in_german_swiss_and_austrian_forms(nlp, text, expression, expected):
    assert value(nlp, text, expression) == expected


def test_day_and_month_without_year_take_the_year_of_the_publication(nlp):
    assert value(nlp, "Die Abstimmung fand am 29. Dezember statt.", "29. Dezember") == "2021-12-29"


def test_bare_years_in_date_contexts(nlp):
    text = "Er ist seit 2014 im Amt, war von 1989 bis 1997 Präsident und bleibt bis 2030 im Rat. 2016 trat er zurück."
    assert [(t, v) for t, _, v in tagged(nlp, text)] == [
        ("2014", "2014"),
        ("1989", "1989"),
        ("1997", "1997"),
        ("2030", "2030"),
        ("2016", "2016"),
    ]


def test_decades_and_centuries(nlp):
    text = "In den 90er-Jahren und in den 1990er Jahren, Mitte der 1980er und im 19. Jahrhundert wuchs die Stadt."
    assert [v for _, _, v in tagged(nlp, text)] == ["199", "199", "198", "18"]


def test_present_century(nlp):
    assert value(nlp, "So nahe kamen sie in diesem Jahrhundert nie.", "diesem Jahrhundert", "2017-09-24") == "20"


# --- relative days and weekdays -------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("heute", "2021-12-29"), ("gestern", "2021-12-28"), ("morgen", "2021-12-30"), ("übermorgen", "2021-12-31")],
)
def test_days_counted_from_the_publication_date(nlp, expression, expected):
    assert value(nlp, f"Die Regierung berät {expression} über das Gesetz.", expression) == expected


def test_vorgestern_and_the_adjective_forms(nlp):
    text = "Vorgestern wurde gewählt; nach der gestrigen Wahl und vor der heutigen Sitzung am gestrigen Montag."
    assert [(t, v) for t, _, v in tagged(nlp, text)] == [
        ("Vorgestern", "2021-12-27"),
        ("gestrigen", "2021-12-28"),
        ("heutigen", "2021-12-29"),
        ("gestrigen Montag", "2021-12-28"),
    ]


def test_weekday_in_a_future_sentence_points_forward_across_the_year(nlp):
    assert value(nlp, "Die Gespräche werden am Montag fortgesetzt.", "Montag") == "2022-01-03"


def test_weekday_in_a_future_sentence_written_the_day_before(nlp):
    assert value(nlp, "Der Rat wird am Donnerstag entscheiden.", "Donnerstag") == "2021-12-30"


def test_weekday_in_a_past_sentence_points_back(nlp):
    assert value(nlp, "Am Donnerstag hatte der Minister seinen Rücktritt angekündigt.", "Donnerstag") == "2021-12-23"
    assert value(nlp, "Merkel sagte am Montag in Berlin, sie sei zufrieden.", "Montag") == "2021-12-27"


def test_weekday_equal_to_the_publication_weekday_is_that_day(nlp):
    assert value(nlp, "Am Mittwoch hat das Parlament abgestimmt.", "Mittwoch") == "2021-12-29"
    assert value(nlp, "Das Parlament wird am Mittwoch abstimmen.", "Mittwoch") == "2021-12-29"


def test_planned_weekday_with_modal_points_forward(nlp):
    text = "Die Kommission will am Montag im Parlament eine Verlängerung beantragen."
    assert value(nlp, text, "Montag") == "2022-01-03"


def test_vergangenen_weekday_excludes_the_publication_day(nlp):
    assert value(nlp, "Am vergangenen Mittwoch wurde gestreikt.", "vergangenen Mittwoch") == "2021-12-22"


def test_seit_points_back_even_in_a_present_sentence(nlp):
    text = "Grund sind die Unruhen seit der Parlamentswahl am Sonntag."
    assert value(nlp, text, "Sonntag", "2005-04-30") == "2005-04-24"


def test_weekday_named_by_the_date_in_brackets(nlp):
    text = "Das Institut veröffentlichte am Montag (27.01.2020) eine Studie."
    assert [(t, v) for t, _, v in tagged(nlp, text, "2020-01-30")] == [
        ("Montag", "2020-01-27"),
        ("27.01.2020", "2020-01-27"),
    ]


def test_january_written_in_december_depends_on_tense(nlp):
    assert value(nlp, "Die Gespräche werden im Januar fortgesetzt.", "Januar") == "2022-01"
    assert value(nlp, "Im Januar hatte er die Wahl gewonnen.", "Januar") == "2021-01"


def test_month_after_a_planning_participle_is_the_nearest(nlp):
    text = "Für den 15. Oktober ist ein Verfassungsreferendum geplant."
    assert value(nlp, text, "15. Oktober", "2005-08-01") == "2005-10-15"


# --- weeks, months, quarters, seasons, years ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Vergangene Woche wurde verhandelt.", "Vergangene Woche", "2021-W51"),
        ("In der letzten Woche wurde verhandelt.", "letzten Woche", "2021-W51"),
        ("Diese Woche wird verhandelt.", "Diese Woche", "2021-W52"),
        ("Nächste Woche wird verhandelt.", "Nächste Woche", "2022-W01"),
        ("Der Bericht erscheint nächsten Monat.", "nächsten Monat", "2022-01"),
        ("Im Vorjahr waren es weniger.", "Vorjahr", "2020"),
        ("Vergangenes Jahr waren es weniger.", "Vergangenes Jahr", "2020"),
        ("In diesem Jahr waren es mehr.", "diesem Jahr", "2021"),
        ("Die diesjährige Messe fiel aus.", "diesjährige", "2021"),
        ("Ende Dezember soll das Paket stehen.", "Ende Dezember", "2021-12"),
        ("Anfang Dezember wurde es beschlossen.", "Anfang Dezember", "2021-12"),
        ("Mitte Dezember wurde es beschlossen.", "Mitte Dezember", "2021-12"),
        ("Die Wahl soll im Frühjahr stattfinden.", "Frühjahr", "2022-SP"),
        ("Der Gipfel war im vergangenen Sommer.", "vergangenen Sommer", "2021-SU"),
        ("Das Wachstum soll im ersten Quartal anziehen.", "ersten Quartal", "2022-Q1"),
        ("Im ersten Halbjahr 2005 sank das Defizit.", "ersten Halbjahr 2005", "2005-H1"),
        ("Bis Ende des Jahres bleibt alles beim Alten.", "Ende des Jahres", "2021"),
        ("Das Gesetz soll zu Jahresbeginn in Kraft treten.", "Jahresbeginn", "2022"),
        ("Die Regierung hatte das zu Jahresbeginn beschlossen.", "Jahresbeginn", "2021"),
        ("Der Minister trat zum Jahresende 2018 zurück.", "Jahresende 2018", "2018"),
        ("Gegenüber Dezember letzten Jahres stieg die Zahl.", "Dezember letzten Jahres", "2020-12"),
        ("Er tritt am 1. Juni dieses Jahres an.", "1. Juni dieses Jahres", "2021-06-01"),
        ("Die Gruppe tagte am Wochenende.", "Wochenende", "2021-W51-WE"),
    ],
)
def test_weeks_months_quarters_seasons_and_years(nlp, text, expression, expected):
    assert value(nlp, text, expression) == expected


# --- durations and counted times ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Er regiert seit drei Jahren.", "drei Jahren", "P3Y"),
        ("Sie streikten zwei Wochen lang.", "zwei Wochen lang", "P2W"),
        ("Die Messe dauert drei Tage.", "drei Tage", "P3D"),
        ("Es wird mehrere Monate dauern.", "mehrere Monate", "PXM"),
        ("Die Frist beträgt 24 Stunden.", "24 Stunden", "PT24H"),
        ("Er blieb eineinhalb Jahre im Amt.", "eineinhalb Jahre", "P1.5Y"),
        ("Die Papiere lagen seit Jahren vor.", "Jahren", "PXY"),
        ("In den letzten Jahren stieg die Zahl.", "den letzten Jahren", "PXY"),
        ("Er ist seit über vier Jahrzehnten im Dienst.", "vier Jahrzehnten", "P4DE"),
        ("Die Mehrbelastung kommt in den nächsten drei Jahren.", "den nächsten drei Jahren", "P3Y"),
        ("Der 21 Jahre andauernde Krieg endete.", "21 Jahre", "P21Y"),
        ("Ein siebentägiger Lockdown begann.", "siebentägiger", "P7D"),
        ("Es gab wochenlange Proteste.", "wochenlange", "PXW"),
    ],
)
def test_durations(nlp, text, expression, expected):
    assert tagged(nlp, text) == [(expression, "DURATION", expected)]


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Vor zwei Wochen war er noch in Berlin.", "Vor zwei Wochen", "2021-W50"),
        ("In drei Tagen beginnt das Treffen.", "In drei Tagen", "2022-01-01"),
        ("Vor einem Jahr begann der Streik.", "Vor einem Jahr", "2020"),
        ("Vor wenigen Tagen kam es zum Eklat.", "Vor wenigen Tagen", "PAST_REF"),
    ],
)
def test_time_ago_and_from_now(nlp, text, expression, expected):
    assert value(nlp, text, expression) == expected


# --- parts of the day and clock times -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "kind", "expected"),
    [
        ("Der Anschlag geschah am späten Abend.", "späten Abend", "TIME", "2021-12-29TEV"),
        ("Heute Morgen trat der Rat zusammen.", "Heute Morgen", "TIME", "2021-12-29TMO"),
        ("Gestern abend wurde gewählt.", "Gestern abend", "TIME", "2021-12-28TEV"),
        ("Die Einigung kam am Montagabend.", "Montagabend", "TIME", "2021-12-27TEV"),
        ("Die Drohne stürzte in der Nacht auf Freitag ab.", "Nacht auf Freitag", "TIME", "2021-12-23TNI"),
        ("Der Tanker fuhr in der Nacht zum 19. August ab.", "Nacht zum 19. August", "TIME", "2021-08-18TNI"),
        ("Er kam am Vormittag des 8. März an.", "Vormittag des 8. März", "TIME", "2021-03-08TMO"),
    ],
)
def test_parts_of_the_day(nlp, text, expression, kind, expected):
    assert (expression, kind, expected) in tagged(nlp, text)


def test_clock_times_take_the_day_of_the_sentence_or_the_publication(nlp):
    text = "Die Wahllokale öffnen um 8 Uhr und schließen um 14.30 Uhr. Am Montag beginnt die Zählung um 14:30 Uhr."
    assert [(t, v) for t, _, v in tagged(nlp, text)] == [
        ("8 Uhr", "2021-12-29T08:00"),
        ("14.30 Uhr", "2021-12-29T14:30"),
        ("Montag", "2022-01-03"),
        ("14:30 Uhr", "2022-01-03T14:30"),
    ]


def test_clock_time_with_part_of_day_word_or_in_words(nlp):
    assert value(nlp, "Um 10 Uhr abends war es vorbei.", "10 Uhr abends") == "2021-12-29T22:00"
    assert value(nlp, "Um neun Uhr begann die Sitzung.", "neun Uhr") == "2021-12-29T09:00"


# --- holidays --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Die Waffenruhe soll bis Silvester halten.", "Silvester", "2021-12-31"),
        ("An Neujahr soll das Gesetz gelten.", "Neujahr", "2022-01-01"),
        ("Die Familie feierte Weihnachten in Rom.", "Weihnachten", "2021-12-25"),
        ("An Heiligabend hatte er gepredigt.", "Heiligabend", "2021-12-24"),
        ("Ostern 2022 wird gefeiert.", "Ostern 2022", "2022-04-17"),
        ("Karfreitag 2022 bleibt frei.", "Karfreitag 2022", "2022-04-15"),
        ("Pfingsten 2022 kommen sie.", "Pfingsten 2022", "2022-06-05"),
        ("An Christi Himmelfahrt 2022 wird gewandert.", "Christi Himmelfahrt 2022", "2022-05-26"),
        ("Am Tag der Deutschen Einheit hatte er gesprochen.", "Tag der Deutschen Einheit", "2021-10-03"),
        ("Zur Bundesfeier hatte der Bundesrat geladen.", "Bundesfeier", "2021-08-01"),
        (
            "Am österreichischen Nationalfeiertag war das Heer aufmarschiert.",
            "österreichischen Nationalfeiertag",
            "2021-10-26",
        ),
        ("Am 1. Mai wurde demonstriert.", "1. Mai", "2021-05-01"),
        ("Zu Allerheiligen hatten sie die Gräber geschmückt.", "Allerheiligen", "2021-11-01"),
    ],
)
def test_holidays(nlp, text, expression, expected):
    assert value(nlp, text, expression) == expected


def test_holiday_without_year_takes_the_year_the_tense_points_to(nlp):
    text = "Die Kontaktbeschränkungen bleiben auch über Ostern unverändert."
    assert value(nlp, text, "Ostern", "2021-03-28") == "2021-04-04"


# --- sets and references -------------------------------------------------------------------


def test_sets(nlp):
    text = "Jeden Montag wird demonstriert, jährlich gewählt, täglich, wöchentlich und monatlich berichtet."
    assert tagged(nlp, text) == [
        ("Jeden Montag", "SET", "XXXX-WXX-1"),
        ("jährlich", "SET", "P1Y"),
        ("täglich", "SET", "P1D"),
        ("wöchentlich", "SET", "P1W"),
        ("monatlich", "SET", "P1M"),
    ]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("derzeit", "PRESENT_REF"),
        ("zurzeit", "PRESENT_REF"),
        ("gegenwärtig", "PRESENT_REF"),
        ("jetzt", "PRESENT_REF"),
        ("aktuell", "PRESENT_REF"),
        ("früher", "PAST_REF"),
        ("einst", "PAST_REF"),
        ("künftig", "FUTURE_REF"),
        ("bald", "FUTURE_REF"),
    ],
)
def test_references_to_present_past_and_future(nlp, word, expected):
    assert tagged(nlp, f"Die Partei regiert {word} allein.") == [(word, "DATE", expected)]


def test_in_zukunft_leaves_the_preposition_out(nlp):
    assert tagged(nlp, "In Zukunft soll das anders sein.") == [("Zukunft", "DATE", "FUTURE_REF")]


def test_frueher_als_is_a_comparison(nlp):
    assert tagged(nlp, "Die Zinsen stiegen früher als erwartet.") == []


def test_damals_refers_to_the_time_mentioned_before(nlp):
    text = "Das Embargo wurde 1989 verhängt. Damals ging die Regierung gegen Demonstranten vor."
    assert value(nlp, text, "Damals") == "1989"
    assert value(nlp, "Damals war alles anders.", "Damals") == "PAST_REF"


# --- what is not a time ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Der 66-Jährige wurde festgenommen.",
        "Er starb mit 82 Jahren in Genf.",
        "Sie starb im Alter von 40 Jahren.",
        "Der Präsident ist 82 Jahre alt.",
        "Kinder unter 14 Jahren zahlen nichts.",
        "Rund 2000 Menschen demonstrierten.",
        "Es kamen 2000 Menschen.",
        "Die 27 EU-Staaten einigten sich.",
        "Er kaufte das Bild für 2021 Franken.",
        "Nach Artikel 5 ist das verboten.",
        "Der Antrag wurde mit 45 zu 30 Stimmen angenommen.",
        "Die Schweiz gewann 3:1 gegen Italien.",
        "Die Jahrhundertflut zerstörte das Tal.",
        "Das Buch erschien in Russland-aktuell.",
        "Sie hielten den Schritt für zu früh.",
        "Der Redner dankte August Bebel.",
    ],
)
def test_false_friends_are_no_times(nlp, text):
    assert tagged(nlp, text) == []


# --- anchoring -------------------------------------------------------------------------------


def test_anaphoric_expressions_count_from_the_date_mentioned_before(nlp):
    text = "Am 3. März 2019 reiste er nach Genf. Am nächsten Tag traf er den Minister. Zwei Wochen später flog er heim."
    for anchoring in ("publication", "narrative"):
        assert [(t, v) for t, _, v in tagged(nlp, text, anchoring=anchoring)] == [
            ("3. März 2019", "2019-03-03"),
            ("nächsten Tag", "2019-03-04"),
            ("Zwei Wochen später", "2019-03-18"),
        ]


def test_written_date_next_to_a_counted_time_names_it(nlp):
    text = "Neun Monate zuvor, im Mai 2002, wurde eine Warnung notiert."
    assert value(nlp, text, "Neun Monate zuvor", "2005-11-22") == "2002-05"


def test_narrative_anchoring_places_months_in_the_narrated_year(nlp):
    text = "Im März 2019 reiste er nach Genf. Im Mai kehrte er zurück. Im März des folgenden Jahres starb er."
    narrative = [(t, v) for t, _, v in tagged(nlp, text, anchoring="narrative")]
    publication = [(t, v) for t, _, v in tagged(nlp, text, anchoring="publication")]
    assert narrative == [("März 2019", "2019-03"), ("Mai", "2019-05"), ("März des folgenden Jahres", "2020-03")]
    assert publication[1] == ("Mai", "2021-05")


def test_narrative_anchor_carries_across_paragraphs(nlp):
    text = "Im März 2019 reiste er nach Genf.\n\nIm Mai hatte er das Amt übernommen."
    assert value(nlp, text, "Mai", anchoring="narrative") == "2019-05"
    assert value(nlp, text, "Mai", anchoring="publication") == "2021-05"


def test_narrative_anchoring_leaves_future_clauses_to_the_publication_date(nlp):
    text = "Im März 2019 reiste er nach Genf. Im Mai wird er erneut kandidieren."
    assert value(nlp, text, "Mai", anchoring="narrative") == "2022-05"


def narrated(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(t, v) for t, _, v in tagged(nlp, text, anchoring="narrative")]


def test_a_year_alone_sets_the_narrated_year(nlp):
    text = "Im Jahr 1941 griff die Armee erneut an. Im Mai fiel die Stadt, am 3. Juni der Hafen."
    assert narrated(nlp, text) == [("Jahr 1941", "1941"), ("Mai", "1941-05"), ("3. Juni", "1941-06-03")]


def test_a_year_heading_dates_the_paragraphs_of_its_section(nlp):
    text = (
        "1862\n\nIm Januar begann der Feldzug. Die Regierung hob das Alter, beginnend mit dem 15. Juli 1863, an."
        "\n\nIm März fiel die Festung."
    )
    assert value(nlp, text, "März", anchoring="narrative") == "1862-03"


def test_a_heading_year_before_a_line_break_is_no_count(nlp):
    text = "Der Angriff auf Polen 1939\n\nAm 3. September erklärten Frankreich und Großbritannien den Krieg."
    assert narrated(nlp, text) == [("1939", "1939"), ("3. September", "1939-09-03")]


def test_times_counted_from_the_story_move_it(nlp):
    text = (
        "Am 10. April 1941 marschierten die Truppen ein. Zwei Tage später fiel die Hauptstadt. "
        "Am nächsten Tag kapitulierte die Armee. Im folgenden Jahr kam es im Juni zu Aufständen. "
        "Ende des Jahres war das Land besetzt."
    )
    assert narrated(nlp, text) == [
        ("10. April 1941", "1941-04-10"),
        ("Zwei Tage später", "1941-04-12"),
        ("nächsten Tag", "1941-04-13"),
        ("folgenden Jahr", "1942"),
        ("Juni", "1942-06"),
        ("Ende des Jahres", "1942"),
    ]


def test_the_end_of_a_span_of_years_does_not_set_the_story_time(nlp):
    text = "Der Krieg im Osten 1943–1945 war verlustreich. Im Juli scheiterte die Offensive."
    assert value(nlp, text, "Juli", anchoring="narrative") == "1943-07"


def test_heute_in_a_history_is_the_present(nlp):
    text = "Im Jahr 1862 eroberten die Truppen die Stadt, die heute zu Tennessee gehört."
    assert value(nlp, text, "heute", anchoring="narrative") == "PRESENT_REF"
    assert value(nlp, text, "heute", anchoring="publication") == "2021-12-29"


def test_a_counted_half_year_is_a_month(nlp):
    text = "Am 22. Juni 1941 begann der Angriff. Ein halbes Jahr später stand die Armee vor Moskau."
    assert value(nlp, text, "Ein halbes Jahr später", anchoring="narrative") == "1941-12"


def test_parts_of_a_named_day_take_the_narrated_year(nlp):
    text = "Im Jahr 1944 landeten die Alliierten. Am frühen Morgen des 6. Juni begann die Operation."
    assert value(nlp, text, "frühen Morgen des 6. Juni", anchoring="narrative") == "1944-06-06TMO"


def test_without_publication_date_values_stay_underspecified(nlp):
    text = "Am 30. Dezember hatte er gestern am Donnerstag im März gesprochen; im Jahr 2019 war es anders."
    assert [(t, v) for t, _, v in tagged(nlp, text, published=None)] == [
        ("30. Dezember", "XXXX-12-30"),
        ("gestern", "XXXX-XX-XX"),
        ("Donnerstag", "XXXX-WXX-4"),
        ("März", "XXXX-03"),
        ("Jahr 2019", "2019"),
    ]


def test_publication_datetime_strings_are_read_as_their_day(nlp):
    assert value(nlp, "Heute wird gewählt.", "Heute", "2021-12-29T08:15:00+01:00") == "2021-12-29"


# --- the component ---------------------------------------------------------------------


def test_expressions_are_in_text_order_with_offsets_into_the_text(nlp):
    text = "Seit 2014 regiert er; am Montag, dem 3. Januar, wird er ab 10 Uhr drei Stunden lang sprechen."
    times = find_times(nlp, text, PUBLISHED)
    assert [t.text for t in times] == ["2014", "Montag, dem 3. Januar", "10 Uhr", "drei Stunden lang"]
    assert all(text[t.start : t.end] == t.text for t in times)
    assert all(a.end <= b.start for a, b in zip(times, times[1:]))


def test_time_of_prefers_a_date_to_a_duration(nlp):
    doc = nlp.make_doc("Der Rat hat am Montag drei Stunden lang beraten. Danach gingen alle.")
    doc._.published = PUBLISHED
    doc = nlp(doc)
    first, second = doc.sents
    assert time_of(first).value == "2021-12-27"
    assert time_of(second) is None


def test_time_of_takes_the_date_nearest_the_verb(nlp):
    doc = nlp.make_doc("Nach dem Treffen vom 3. Januar 2021 unterzeichneten beide am Freitag ein Abkommen.")
    doc._.published = PUBLISHED
    doc = nlp(doc)
    assert time_of(next(doc.sents)).text == "Freitag"


def test_pipe_runs_the_component_on_many_texts_with_their_own_anchoring(nlp):
    docs = [nlp.make_doc("Im März 2019 reiste er nach Genf. Im Mai kehrte er zurück.") for _ in range(2)]
    for doc in docs:
        doc._.published = PUBLISHED
    narrative = nlp.pipe(docs, component_cfg={"lagebild_times": {"anchoring": "narrative"}})
    assert [[t.value for t in doc._.times] for doc in narrative] == [["2019-03", "2019-05"]] * 2


def test_component_is_configured_by_name():
    assert spacy.blank("de").add_pipe("lagebild_times", config={"anchoring": "narrative"}).anchoring == "narrative"
    with pytest.raises(ValueError, match="anchoring"):
        spacy.blank("de").add_pipe("lagebild_times", config={"anchoring": "whenever"})


def test_find_times_runs_the_component_after_a_pipeline_without_it():
    assert [(t.text, t.value) for t in find_times(spacy.blank("de"), "Am 29.12.2021 wurde gewählt.", None)] == [
        ("29.12.2021", "2021-12-29")
    ]


# --- spans, years before Christ, references -------------------------------------------


def test_a_day_range_gives_both_days_the_month(nlp):
    text = "Die Messe fand vom 3. bis 5. Mai 2021 in Basel statt."
    assert [(t, v) for t, _, v in tagged(nlp, text)] == [("3.", "2021-05-03"), ("5. Mai 2021", "2021-05-05")]


def test_the_first_date_of_a_span_takes_its_year_from_the_end(nlp):
    text = "Die Luftschlacht (10. Juli bis 31. Oktober 1940) endete ohne Sieger."
    assert value(nlp, text, "10. Juli") == "1940-07-10"


def test_day_and_month_without_year_is_a_date(nlp):
    assert value(nlp, "Die Frist endete am 15.01. um Mitternacht.", "15.01.", published=None) == "XXXX-01-15"


def test_two_digit_second_year_belongs_to_the_first(nlp):
    text = "Im Winter 1934/35 zog die Armee nach Norden."
    assert value(nlp, text, "35") == "1935"


def test_years_and_centuries_before_christ(nlp):
    text = (
        "Um das Jahr 500 v. Chr. wuchs das Reich; im Frühjahr 479 v. Chr. endete der Krieg. "
        "Ende des 6. Jahrhunderts v. Chr. herrschte Dareios."
    )
    assert [(t, v) for t, _, v in tagged(nlp, text)] == [
        ("das Jahr 500 v. Chr.", "BC0500"),
        ("Frühjahr 479 v. Chr.", "BC0479-SP"),
        ("Ende des 6. Jahrhunderts v. Chr.", "BC05"),
    ]


def test_clock_time_with_minutes_after_uhr(nlp):
    text = "Am 1. September 1939 um 4 Uhr 45 eröffnete das Schiff das Feuer."
    assert value(nlp, text, "4 Uhr 45") == "1939-09-01T04:45"


def test_night_from_one_day_to_the_next_is_the_first_days_night(nlp):
    text = "In der Nacht vom 16. auf den 17. April 1945 begann der Angriff."
    assert value(nlp, text, "Nacht vom 16.") == "1945-04-16TNI"


def test_late_summer_is_summer(nlp):
    assert value(nlp, "Im Spätsommer 1940 wurde die Offensive vorbereitet.", "Spätsommer 1940") == "1940-SU"


def test_shortly_after_and_before_are_references(nlp):
    text = "Wenig später trat er zurück, kurz zuvor hatte er noch gesprochen; in der Folge kam es zu Neuwahlen."
    assert [(t, v) for t, _, v in tagged(nlp, text)] == [
        ("Wenig später", "FUTURE_REF"),
        ("kurz zuvor", "PAST_REF"),
        ("in der Folge", "FUTURE_REF"),
    ]


def test_uebernaechste_and_vorletzte_week_count_two(nlp):
    assert value(nlp, "Das Treffen ist übernächste Woche.", "übernächste Woche") == "2022-W02"
    assert value(nlp, "Das war vorletzte Woche.", "vorletzte Woche") == "2021-W50"


def test_in_den_kommenden_tagen_is_the_future(nlp):
    assert value(nlp, "In den kommenden Tagen wird es kalt.", "In den kommenden Tagen") == "FUTURE_REF"


def test_a_clock_range_gives_two_times(nlp):
    assert [(t, v) for t, _, v in tagged(nlp, "Die Sitzung dauert am Freitag von 14 bis 16 Uhr.")] == [
        ("Freitag", "2021-12-31"),
        ("14", "2021-12-31T14:00"),
        ("16 Uhr", "2021-12-31T16:00"),
    ]


def test_half_and_quarter_hours(nlp):
    assert value(nlp, "Der Zug fährt heute um halb acht.", "halb acht") == "2021-12-29T07:30"
    assert value(nlp, "Sie kam heute gegen Viertel nach drei.", "Viertel nach drei") == "2021-12-29T03:15"
    assert value(nlp, "Er rief heute um Viertel vor zwölf an.", "Viertel vor zwölf") == "2021-12-29T11:45"


def test_halb_without_a_clock_preposition_is_no_time(nlp):
    assert tagged(nlp, "Die Flasche war halb leer, deshalb kaufte er zwei neue.") == []


def test_jeden_zweiten_tag_is_every_other_day(nlp):
    assert tagged(nlp, "Er kommt jeden zweiten Tag vorbei.") == [("jeden zweiten Tag", "SET", "P2D")]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_publication_date_at_the_calendar_edge_leaves_values_underspecified(published):
    import lagebild

    record = lagebild.analyze("Vor zehn Jahren und in drei Jahren wurde verhandelt.", published=published)
    assert [time.text for time in record.times] == ["Vor zehn Jahren", "in drei Jahren"]
    assert all(time.value.startswith("X") for time in record.times)
