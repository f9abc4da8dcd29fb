"""The German debris layer: what a reader does not read as the article goes."""

from lagebild.clean.dateline import split_dateline
from lagebild.clean.debris import clean_caption, remove_debris

BODY = "Der Bundesrat hat am Mittwoch die Verordnung verabschiedet."
MORE = "Die Kantone müssen die neuen Regeln ab Januar umsetzen."


def paragraphs(*parts: str) -> str:
    return "\n\n".join(parts)


def test_srf_caption_goes_to_captions_without_its_credit():
    cleaned = remove_debris(
        paragraphs(BODY, "Legende: Der Bundesrat an seiner Medienkonferenz in Bern. Keystone", MORE)
    )
    assert cleaned.paragraphs == [BODY, MORE]
    assert cleaned.captions == ["Der Bundesrat an seiner Medienkonferenz in Bern."]


def test_caption_credits_in_every_form_are_removed():
    assert clean_caption("Olaf Scholz im Bundestag. Foto: Kay Nietfeld/dpa") == "Olaf Scholz im Bundestag."
    assert clean_caption("Wolodimir Selenski in Kiew. © Reuters") == "Wolodimir Selenski in Kiew."
    assert clean_caption("Demonstranten vor dem Parlament. AFP/Getty Images") == "Demonstranten vor dem Parlament."
    assert clean_caption("Karl Nehammer in Wien (Bild: APA/Helmut Fohringer)") == "Karl Nehammer in Wien"


def test_box_widget_labels_go_alone_and_inside_text():
    cleaned = remove_debris(paragraphs("Box aufklappen Box zuklappen", f"{BODY} Box aufklappen", MORE))
    assert cleaned.paragraphs == [BODY, MORE]


def test_widget_and_navigation_labels_are_dropped():
    labels = ["Mehr zum Thema", "Artikel teilen", "Zum Video", "Newsletter abonnieren", "Drucken", "Anzeige"]
    assert remove_debris(paragraphs(BODY, *labels, MORE)).paragraphs == [BODY, MORE]


def test_inline_teasers_are_dropped():
    teasers = ["Lesen Sie auch: Cassis reist zu Gesprächen nach Kiew", "Mehr zum Thema: Die Schweiz und die EU"]
    assert remove_debris(paragraphs(BODY, *teasers, MORE)).paragraphs == [BODY, MORE]


def test_teaser_list_after_its_heading_is_dropped_up_to_the_next_sentence():
    text = paragraphs(
        BODY, "Das könnte Sie auch interessieren", "Nationalrat lehnt Initiative ab", "Streit um AHV", MORE
    )
    assert remove_debris(text).paragraphs == [BODY, MORE]


def test_agency_bylines_and_credits_are_dropped():
    credits = ["sda/fho", "dpa/AFP/jki", "(APA)", "APA/red", "Quelle: SDA", "mit Material von AFP und Reuters"]
    assert remove_debris(paragraphs(BODY, *credits)).paragraphs == [BODY]


def test_trailing_agency_credit_leaves_the_sentence():
    assert remove_debris(f"{BODY} (sda)").paragraphs == [BODY]


def test_author_line_is_dropped():
    assert remove_debris(paragraphs("Von Anna Muster, Bern", BODY)).paragraphs == [BODY]


def test_cookie_and_embed_prompts_are_dropped():
    prompts = [
        "Wir verwenden Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten. Mit «Akzeptieren» stimmen Sie zu.",
        "Um externe Inhalte anzuzeigen, ist Ihre Zustimmung erforderlich.",
    ]
    assert remove_debris(paragraphs(BODY, *prompts, MORE)).paragraphs == [BODY, MORE]


def test_paywall_prompt_ends_the_text_and_marks_it_truncated():
    text = paragraphs(BODY, "Dieser Artikel ist exklusiv für Abonnentinnen und Abonnenten.", "Jetzt abonnieren")
    cleaned = remove_debris(text)
    assert cleaned.paragraphs == [BODY]
    assert cleaned.truncated


def test_an_article_about_paywalls_keeps_its_text():
    long_paragraph = (
        "Die Verleger argumentieren seit Jahren, dass Inhalte nur für Abonnenten die Zukunft des Journalismus "
        "sichern würden, weil Werbung allein die Redaktionen nicht mehr finanziere. Kritiker halten dagegen, "
        "dass damit gerade jene Leserinnen und Leser ausgeschlossen würden, die sich kein Abo leisten könnten, "
        "und dass die Demokratie auf frei zugängliche Informationen angewiesen sei."
    )
    cleaned = remove_debris(paragraphs(BODY, long_paragraph))
    assert cleaned.paragraphs == [BODY, long_paragraph]
    assert not cleaned.truncated


def test_ordinary_article_sentences_survive():
    sentences = [
        "«Wir werden das prüfen», sagte Bundesrat Ignazio Cassis in Bern.",
        "Von Bern aus reiste die Delegation am Abend weiter nach Genf, wo die Gespräche fortgesetzt wurden.",
        "Teilen wollen die Parteien die Verantwortung nicht.",
        "Die Zustimmung der Kantone ist für die Vorlage erforderlich, heisst es aus dem Departement.",
    ]
    assert remove_debris(paragraphs(*sentences)).paragraphs == sentences


def test_dateline_with_date_is_split_off_into_place_and_day():
    kept, dateline = split_dateline(["Zürich, 29.12.2021 – Der Bundesrat hat entschieden.", MORE])
    assert kept == ["Der Bundesrat hat entschieden.", MORE]
    assert (dateline.place, dateline.date, dateline.agency) == ("Zürich", "2021-12-29", None)


def test_dateline_with_agency_and_a_lead_paragraph_before_it():
    lead = "Die Regierung will schneller abschieben."
    kept, dateline = split_dateline([lead, "Berlin (dpa) – Die Bundesregierung hat beschlossen."])
    assert kept == [lead, "Die Bundesregierung hat beschlossen."]
    assert (dateline.place, dateline.agency) == ("Berlin", "dpa")


def test_dateline_with_month_name_and_two_places():
    _, dateline = split_dateline(["Bern/Genf, 3. März 2022 – Die Gespräche beginnen."])
    assert (dateline.place, dateline.date) == ("Bern/Genf", "2022-03-03")


def test_austrian_jaenner_in_a_dateline():
    _, dateline = split_dateline(["Wien, 12. Jänner 2023 – Der Nationalrat tagt."])
    assert dateline.date == "2023-01-12"


def test_a_dash_after_a_name_is_no_dateline():
    text = ["Merz – der neue Kanzler – sagte am Montag, er wolle reden."]
    assert split_dateline(text) == (text, None)
