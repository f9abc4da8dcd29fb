"""Quotations and reported speech: what the lagebild_quotes component finds, and who says it."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import lagebild.extract.quotes  # noqa: F401  (registers the lagebild_quotes component)
from lagebild.extract.quotes import find_quotes
from lagebild.nlp.pipeline import load
from lagebild.record import Quote


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = load()
    if "lagebild_quotes" not in pipeline.pipe_names:
        pipeline.add_pipe("lagebild_quotes", last=True)
    return pipeline


def quotes(nlp: Language, text: str) -> list[Quote]:
    return nlp(text)._.quotes


def only(nlp: Language, text: str) -> Quote:
    found = quotes(nlp, text)
    assert len(found) == 1, found
    return found[0]


def speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


# --- direct speech in every quotation-mark style ----------------------------------------------


def test_guillemets_after_colon_are_direct_speech_of_the_subject(nlp):
    quote = only(nlp, "Bundesrat Ignazio Cassis sagte am Montag in Bern: «Die Schweiz bleibt neutral.»")
    assert (quote.text, quote.kind, quote.cue) == ("Die Schweiz bleibt neutral.", "direct", "sagte")
    assert speaker_name(quote) == "Ignazio Cassis"


def test_german_quotation_marks_before_the_reporting_clause(nlp):
    quote = only(nlp, "„Wir werden die Ukraine weiter unterstützen“, sagte Bundeskanzler Olaf Scholz in Berlin.")
    assert (quote.text, quote.kind, quote.cue) == ("Wir werden die Ukraine weiter unterstützen", "direct", "sagte")
    assert speaker_name(quote) == "Olaf Scholz"


def test_typewriter_quotation_marks(nlp):
    quote = only(nlp, 'Emmanuel Macron erklärte: "Europa muss souveräner werden."')
    assert (quote.text, quote.cue, speaker_name(quote)) == (
        "Europa muss souveräner werden.",
        "erklärte",
        "Emmanuel Macron",
    )


def test_reversed_guillemets(nlp):
    quote = only(nlp, "»Die Gespräche waren konstruktiv«, teilte der Kreml mit.")
    assert (quote.text, quote.kind, quote.cue) == ("Die Gespräche waren konstruktiv", "direct", "teilte mit")
    assert quote.speaker is not None and quote.speaker.text == "der Kreml"


def test_single_quotes_nested_in_a_quote_stay_part_of_it(nlp):
    quote = only(nlp, "„Putin nennt das eine ‚militärische Spezialoperation‘, es ist ein Krieg“, sagte Josep Borrell.")
    assert quote.text == "Putin nennt das eine ‚militärische Spezialoperation‘, es ist ein Krieg"
    assert speaker_name(quote) == "Josep Borrell"


def test_quote_interrupted_by_the_reporting_clause_gives_two_quotes_of_one_speaker(nlp):
    first, second = quotes(nlp, "«Die Lage ist ernst», sagte Josep Borrell, «aber wir haben noch Zeit.»")
    assert (first.text, second.text) == ("Die Lage ist ernst", "aber wir haben noch Zeit.")
    assert {first.cue, second.cue} == {"sagte"}
    assert speaker_name(first) == speaker_name(second) == "Josep Borrell"


def test_quote_over_two_sentences_is_one_quote_from_the_first_sentence(nlp):
    text = (
        "Die Minister trafen sich in Genf. „Wir sind einen Schritt weiter. Das Abkommen ist nah“, sagte Antony Blinken."
    )
    quote = only(nlp, text)
    assert quote.text == "Wir sind einen Schritt weiter. Das Abkommen ist nah"
    assert quote.sentence == 1
    assert speaker_name(quote) == "Antony Blinken"


def test_quote_without_a_frame_belongs_to_the_speaker_before(nlp):
    first, second = quotes(nlp, "«Wir sind bereit», sagte Wolodymyr Selenskyj. «Die Ukraine wird sich verteidigen.»")
    assert second.text == "Die Ukraine wird sich verteidigen."
    assert speaker_name(second) == "Wolodymyr Selenskyj"


def test_quote_woven_into_a_sentence_is_mixed(nlp):
    text = "Finanzminister Christian Lindner äusserte sich zum Haushalt. Er nannte den Plan «völlig unrealistisch»."
    quote = only(nlp, text)
    assert (quote.text, quote.kind, quote.cue) == ("völlig unrealistisch", "mixed", "nannte")
    assert speaker_name(quote) == "Christian Lindner"


def test_quote_woven_into_reported_speech_is_a_mixed_quote_with_the_quoted_words_nested(nlp):
    mixed, nested = quotes(nlp, "Donald Trump schrieb, er «kenne den Botschafter nicht».")
    assert (mixed.text, mixed.kind, mixed.cue) == ("er «kenne den Botschafter nicht»", "mixed", "schrieb")
    assert (nested.text, nested.kind) == ("«kenne den Botschafter nicht»", "direct")
    assert speaker_name(mixed) == speaker_name(nested) == "Donald Trump"


def test_single_quoted_words_are_scare_quotes(nlp):
    assert quotes(nlp, "Die «Spezialoperation» im Osten der Ukraine dauert an.") == []


def test_a_single_word_a_speaker_calls_something_is_a_quote(nlp):
    quote = only(nlp, "Innenminister Herbert Reul nannte den Bericht eine «Zeitungsente».")
    assert (quote.text, quote.kind, quote.cue) == ("Zeitungsente", "mixed", "nannte")
    assert speaker_name(quote) == "Herbert Reul"


def test_a_single_word_in_a_passive_naming_is_no_quote(nlp):
    assert quotes(nlp, "Der Teilchenstrom wird als «Sonnenwind» bezeichnet.") == []


def test_a_name_in_quotation_marks_is_no_quote(nlp):
    assert quotes(nlp, "Der Tanker «Grace 1» wurde vor Gibraltar festgesetzt.") == []


# --- indirect speech ----------------------------------------------------------------------------


def test_konjunktiv_clause_after_a_speech_verb(nlp):
    quote = only(nlp, "Kremlsprecher Dmitri Peskow sagte, Russland plane keinen Angriff.")
    assert (quote.text, quote.kind, quote.cue) == ("Russland plane keinen Angriff", "indirect", "sagte")
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name) == ("Kremlsprecher Dmitri Peskow", "Dmitri Peskow")


def test_dass_clause_after_a_separable_speech_verb(nlp):
    quote = only(nlp, "Das Aussenministerium teilte am Dienstag mit, dass die Botschaft geschlossen bleibt.")
    assert (quote.text, quote.cue) == ("dass die Botschaft geschlossen bleibt", "teilte mit")
    assert quote.speaker is not None and quote.speaker.text == "Das Aussenministerium"


def test_konjunktiv_sentences_continue_the_reported_speech(nlp):
    text = (
        "Dmitri Peskow sagte, Russland plane keinen Angriff. Die Truppen seien nur zu Übungen dort. "
        "Man werde sie bald abziehen. Die Nato reagierte zurückhaltend."
    )
    found = quotes(nlp, text)
    assert [q.text for q in found] == [
        "Russland plane keinen Angriff",
        "Die Truppen seien nur zu Übungen dort",
        "Man werde sie bald abziehen",
    ]
    assert {speaker_name(q) for q in found} == {"Dmitri Peskow"}
    assert {q.kind for q in found} == {"indirect"}


def test_infinitive_clause_after_an_announcement(nlp):
    quote = only(nlp, "Die Regierung kündigte am Montag an, die Steuern im nächsten Jahr zu senken.")
    assert (quote.text, quote.cue) == ("die Steuern im nächsten Jahr zu senken", "kündigte an")
    assert quote.speaker is not None and quote.speaker.text == "Die Regierung"


def test_clause_of_a_claim_noun_names_its_claimant(nlp):
    quote = only(nlp, "Die Behörden hatten den Verdacht, dass das Schiff Öl nach Syrien transportiere.")
    assert (quote.text, quote.cue) == ("dass das Schiff Öl nach Syrien transportiere", "Verdacht")
    assert quote.speaker is not None and quote.speaker.text == "Die Behörden"


def test_das_sagte_er_attributes_the_sentence_before(nlp):
    text = "Sam Gyimah wechselt zu den Liberaldemokraten. Das sagte er am Montag in Bournemouth."
    quote = only(nlp, text)
    assert (quote.text, quote.cue, quote.sentence) == ("Sam Gyimah wechselt zu den Liberaldemokraten", "sagte", 0)
    assert speaker_name(quote) == "Sam Gyimah"


def test_konjunktiv_i_without_a_speaker_takes_the_one_named_next(nlp):
    text = "Die Entscheidung sei in der Sitzung gefallen. Dies erklärte Donald Rumsfeld am Dienstag."
    quote = only(nlp, text)
    assert (quote.text, quote.kind) == ("Die Entscheidung sei in der Sitzung gefallen", "indirect")
    assert speaker_name(quote) == "Donald Rumsfeld"


def test_laut_names_the_source(nlp):
    quote = only(nlp, "Laut Kremlsprecher Dmitri Peskow ist ein Treffen in Genf geplant.")
    assert (quote.text, quote.kind, quote.cue) == ("ist ein Treffen in Genf geplant", "indirect", "Laut")
    assert speaker_name(quote) == "Dmitri Peskow"


def test_zufolge_names_the_source(nlp):
    quote = only(nlp, "Dem Weissen Haus zufolge wird Joe Biden am Donnerstag mit Wladimir Putin telefonieren.")
    assert (quote.text, quote.cue) == ("wird Joe Biden am Donnerstag mit Wladimir Putin telefonieren", "zufolge")
    assert quote.speaker is not None and quote.speaker.text == "Dem Weissen Haus"


def test_nach_angaben_names_the_source(nlp):
    quote = only(nlp, "Nach Angaben des ukrainischen Verteidigungsministeriums wurden drei Soldaten verletzt.")
    assert (quote.text, quote.cue) == ("wurden drei Soldaten verletzt", "Nach Angaben")
    assert quote.speaker is not None and quote.speaker.text == "des ukrainischen Verteidigungsministeriums"


def test_wie_clause_reports_the_main_clause(nlp):
    quote = only(nlp, "Wie die Sprecherin des Auswärtigen Amts mitteilte, bleibt die Botschaft in Kiew geöffnet.")
    assert (quote.text, quote.kind, quote.cue) == ("bleibt die Botschaft in Kiew geöffnet", "indirect", "mitteilte")
    assert quote.speaker is not None and quote.speaker.text == "die Sprecherin des Auswärtigen Amts"


def test_so_after_the_clause_names_the_speaker(nlp):
    quote = only(nlp, "Die Lage an der Grenze sei ernst, so der Verteidigungsminister.")
    assert (quote.text, quote.cue) == ("Die Lage an der Grenze sei ernst", "so")
    assert quote.speaker is not None and quote.speaker.text == "der Verteidigungsminister"


def test_heisst_es_aus_names_the_institution(nlp):
    quote = only(nlp, "Eine Einigung sei nicht in Sicht, hiess es aus dem Kreml.")
    assert (quote.text, quote.kind, quote.cue) == ("Eine Einigung sei nicht in Sicht", "indirect", "hiess es")
    assert quote.speaker is not None and quote.speaker.text == "dem Kreml"


def test_heisst_es_without_a_source_has_no_speaker(nlp):
    quote = only(nlp, "In Moskau heisst es, die Gespräche seien konstruktiv gewesen.")
    assert (quote.text, quote.cue, quote.speaker) == ("die Gespräche seien konstruktiv gewesen", "heisst es", None)


# --- who speaks ---------------------------------------------------------------------------------


def test_pronoun_speaker_is_the_person_named_before(nlp):
    text = (
        "Bundeskanzler Olaf Scholz traf am Montag den polnischen Präsidenten. Er sagte, Deutschland stehe zur Ukraine."
    )
    quote = only(nlp, text)
    assert quote.text == "Deutschland stehe zur Ukraine"
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name) == ("Er", "Olaf Scholz")


def test_feminine_pronoun_skips_a_man_named_in_between(nlp):
    text = (
        "Aussenministerin Annalena Baerbock reiste nach Kiew. Dort traf sie Dmytro Kuleba. "
        "Sie sagte, die Hilfe werde fortgesetzt."
    )
    quote = only(nlp, text)
    assert speaker_name(quote) == "Annalena Baerbock"


def test_description_speaker_gains_the_name_of_the_person_it_describes(nlp):
    text = "Kremlsprecher Dmitri Peskow war am Freitag in Minsk. Der Sprecher sagte, Russland wolle keinen Krieg."
    quote = only(nlp, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name) == ("Der Sprecher", "Dmitri Peskow")


def test_pronoun_without_anyone_before_it_has_no_speaker(nlp):
    quote = only(nlp, "Er sagte, die Lage sei ernst.")
    assert (quote.text, quote.cue, quote.speaker) == ("die Lage sei ernst", "sagte", None)


def test_short_name_gets_the_longest_form_in_the_article(nlp):
    text = "Wladimir Putin empfing den Gast im Kreml. Putin sagte, man wolle verhandeln."
    quote = only(nlp, text)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name) == ("Putin", "Wladimir Putin")


# --- the component ------------------------------------------------------------------------------


def test_offsets_point_into_the_text_and_sentences_count_from_zero(nlp):
    text = "Die Sitzung begann um neun Uhr. Jens Stoltenberg sagte: «Die Nato ist geeint.»"
    doc = nlp(text)
    (quote,) = doc._.quotes
    assert text[quote.start : quote.end] == quote.text == "Die Nato ist geeint."
    assert quote.sentence == 1


def test_find_quotes_needs_a_parsed_doc(nlp):
    with pytest.raises(ValueError, match="parsed"):
        find_quotes(Doc(nlp.vocab, words=["Er", "sagte", "nichts"]))


def test_quotes_survive_serialisation(nlp):
    doc = nlp("Kremlsprecher Dmitri Peskow sagte, Russland plane keinen Angriff.")
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.quotes == doc._.quotes != []


# --- parses that hide the reporting verb ---------------------------------------------------------


def test_an_adverb_taken_for_a_particle_leaves_the_speech_verb(nlp):
    text = "Der Sprecher der Armee sagte aber, dass es sich bei allen um Soldaten gehandelt habe."
    quote = only(nlp, text)
    assert (quote.text, quote.cue) == ("dass es sich bei allen um Soldaten gehandelt habe", "sagte")


def test_clause_hung_on_the_particle_of_the_cue(nlp):
    text = "Jetzt gab der Leiter der Kriminalpolizei, Andreas Huber, bekannt, dass das Handy geortet wurde."
    quote = only(nlp, text)
    assert (quote.text, quote.cue, speaker_name(quote)) == (
        "dass das Handy geortet wurde",
        "gab bekannt",
        "Andreas Huber",
    )


def test_passive_report_has_no_speaker(nlp):
    quote = only(nlp, "Gestern war berichtet worden, dass es zwischen den beiden Politikern Streit gegeben habe.")
    assert (quote.text, quote.speaker) == ("dass es zwischen den beiden Politikern Streit gegeben habe", None)


def test_nach_einer_stellungnahme_names_the_source(nlp):
    quote = only(nlp, "Nach einer Stellungnahme der Bundeswehr befand sich der Hubschrauber auf einem Übungsflug.")
    assert quote.text == "befand sich der Hubschrauber auf einem Übungsflug"
    assert quote.speaker is not None and "Bundeswehr" in quote.speaker.text


def test_nach_ersten_informationen_is_its_own_source(nlp):
    quote = only(nlp, "Nach ersten Informationen wurden bei dem Unfall zwei Menschen verletzt.")
    assert quote.text == "wurden bei dem Unfall zwei Menschen verletzt"
    assert quote.speaker is not None and quote.speaker.text == "ersten Informationen"


def test_a_participle_taken_for_a_particle_leaves_the_speech_verb(nlp):
    quote = only(nlp, "Die Ministerin Anke Weber nannte diese Zahlen «aus der Luft gegriffen».")
    assert (quote.text, quote.kind, quote.cue) == ("aus der Luft gegriffen", "mixed", "nannte")


def test_konstatieren_reports_a_quoted_phrase(nlp):
    quote = only(nlp, "Der Bundespräsident konstatierte eine wachsende «Kluft zwischen Arm und Reich».")
    assert (quote.text, quote.kind, quote.cue) == ("Kluft zwischen Arm und Reich", "mixed", "konstatierte")


def test_konjunktiv_copula_hung_below_the_complement_still_reports(nlp):
    mixed, nested = quotes(
        nlp, "Die Abgeordnete Carolyn McCarthy erklärte, Gillibrand sei «das Postergirl der Waffenlobby»."
    )
    assert (mixed.text, mixed.kind) == ("Gillibrand sei «das Postergirl der Waffenlobby»", "mixed")
    assert (nested.text, nested.kind) == ("«das Postergirl der Waffenlobby»", "direct")
