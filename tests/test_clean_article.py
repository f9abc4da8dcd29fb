"""From an ingested article to clean text and metadata: HTML, language, dates, copies."""

import pytest

from lagebild.clean import CleanArticle, CleanOptions, NearDuplicates, clean_article
from lagebild.clean.language import identify_language
from lagebild.clean.published import date_from_url
from lagebild.ingest import Article, ItemError

BODY = (
    "Der Bundesrat hat am Mittwoch in Bern die neue Verordnung verabschiedet. "
    "Die Kantone müssen die Regeln ab Januar umsetzen, sagte Bundesrat Alain Berset vor den Medien."
)

PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Bundesrat verabschiedet Verordnung | SRF</title>
<meta property="og:title" content="Bundesrat verabschiedet Verordnung">
<meta property="article:published_time" content="2021-12-29T10:15:00+01:00">
<meta name="author" content="Anna Muster">
<link rel="canonical" href="https://www.srf.ch/news/schweiz/bundesrat-verordnung">
</head><body>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Bundesrat verabschiedet Verordnung</h1>
<figure><img src="a.jpg"><figcaption>Alain Berset vor den Medien in Bern.
<span>Keystone/Peter Schneider</span></figcaption></figure>
<p>Bern, 29.12.2021 – Der Bundesrat hat am Mittwoch in Bern die neue Verordnung verabschiedet.</p>
<p>Die Kantone müssen die Regeln ab Januar umsetzen, sagte Bundesrat Alain Berset vor den Medien.
Er erwarte, dass die Massnahmen rasch wirkten.</p>
<p>Box aufklappen</p>
<p>Der Nationalrat hatte die Vorlage bereits im Herbst gutgeheissen. Die Ständeräte folgten im Dezember.</p>
<p>Lesen Sie auch: Parlament streitet über Budget</p>
<p>Die SVP kündigte an, das Referendum zu prüfen. Ein Entscheid soll im Februar fallen.</p>
<p>sda/fho</p>
</article></main>
<footer><p>© SRF 2021</p><a href="/impressum">Impressum</a></footer>
</body></html>"""


def clean(article: Article, **options) -> CleanArticle:
    result = clean_article(article, CleanOptions(**options))
    assert isinstance(result, CleanArticle), result
    return result


def test_html_page_gives_body_paragraphs_and_page_metadata():
    cleaned = clean(Article(html=PAGE, source="page.html"))
    assert cleaned.text.split("\n\n") == [
        "Der Bundesrat hat am Mittwoch in Bern die neue Verordnung verabschiedet.",
        "Die Kantone müssen die Regeln ab Januar umsetzen, sagte Bundesrat Alain Berset vor den Medien. "
        "Er erwarte, dass die Massnahmen rasch wirkten.",
        "Der Nationalrat hatte die Vorlage bereits im Herbst gutgeheissen. Die Ständeräte folgten im Dezember.",
        "Die SVP kündigte an, das Referendum zu prüfen. Ein Entscheid soll im Februar fallen.",
    ]
    meta = cleaned.meta
    assert meta.title == "Bundesrat verabschiedet Verordnung"
    assert (meta.published, meta.published_source) == ("2021-12-29", "page")
    assert meta.url == "https://www.srf.ch/news/schweiz/bundesrat-verordnung"
    assert meta.outlet == "srf.ch"
    assert meta.author == "Anna Muster"
    assert meta.captions == ["Alain Berset vor den Medien in Bern."]
    assert (meta.dateline.place, meta.dateline.date) == ("Bern", "2021-12-29")
    assert meta.language == "de"


def test_published_prefers_user_then_input_then_url_then_dateline():
    url = "https://www.example.ch/2021/12/28/bundesrat"
    text = f"Bern, 27.12.2021 – {BODY}"
    assert clean(Article(text=text, url=url), published="2022-01-01").meta.published_source == "user"
    assert clean(Article(text=text, url=url, published="2021-12-30")).meta.published == "2021-12-30"
    assert (clean(Article(text=text, url=url)).meta.published, "url") == ("2021-12-28", "url")
    from_dateline = clean(Article(text=text)).meta
    assert (from_dateline.published, from_dateline.published_source) == ("2021-12-27", "dateline")
    assert clean(Article(text=BODY)).meta.published is None


def test_url_dates_must_be_real_days():
    assert date_from_url("https://www.zeit.de/politik/2021-12-29/biden-putin") == "2021-12-29"
    assert date_from_url("https://www.nzz.ch/international/putin-ld.1662345?reduced=true") is None
    assert date_from_url("https://example.de/2021/13/45/x") is None


def test_outlet_is_the_registered_domain():
    assert clean(Article(text=BODY, url="https://de.wikinews.org/wiki/X")).meta.outlet == "wikinews.org"
    assert clean(Article(text=BODY, url="https://www.bbc.co.uk/news/x")).meta.outlet == "bbc.co.uk"


def test_non_german_article_is_skipped_with_a_reason_unless_any_language():
    english = Article(text="The government resigned on Monday after losing a vote of confidence in parliament.")
    error = clean_article(english)
    assert isinstance(error, ItemError)
    assert error.reason == "language is 'en', not 'de' (--lang any keeps it)"
    assert clean(english, language="any").meta.language == "en"


def test_short_german_headline_counts_as_german():
    assert identify_language("Merkel in Paris") == "de"


def test_page_without_article_text_is_an_error():
    result = clean_article(Article(html="<html><body><nav><a href='/'>Start</a></nav></body></html>"))
    assert isinstance(result, ItemError)


def test_text_of_only_debris_is_an_error():
    result = clean_article(Article(text="Box aufklappen\n\nArtikel teilen\n\nsda/fho"))
    assert isinstance(result, ItemError)
    assert result.reason == "no article text left after cleaning"


def test_teaser_only_feed_item_stays_truncated():
    assert clean(Article(text=BODY, truncated=True)).meta.truncated


AGENCY_STORY = (
    "Die Außenminister der G7-Staaten haben Russland vor einem Angriff auf die Ukraine gewarnt. "
    "Ein solcher Schritt hätte massive Konsequenzen und würde einen hohen Preis haben, hieß es in einer "
    "gemeinsamen Erklärung nach dem Treffen in Liverpool. Die Minister riefen Moskau zur Deeskalation auf. "
    "Russland hat nach westlichen Angaben rund 100.000 Soldaten an der Grenze zusammengezogen. "
    "Der Kreml bestreitet jede Angriffsabsicht und wirft der Nato seinerseits Provokationen vor. "
    "Kremlsprecher Dmitri Peskow sagte am Sonntag, Russland fühle sich durch die Militärmanöver des Westens "
    "bedroht. US-Präsident Joe Biden und Kremlchef Wladimir Putin hatten am Dienstag in einer Videoschalte "
    "über die Krise gesprochen, ohne dass es eine Annäherung gegeben hätte."
)


def test_agency_copy_with_another_ending_is_a_near_duplicate():
    index = NearDuplicates()
    assert index.original_of("dpa-1", AGENCY_STORY) is None
    copy = AGENCY_STORY.replace(" Die Minister riefen Moskau zur Deeskalation auf.", "") + " Mehr dazu folgt."
    assert index.original_of("outlet-2", copy) == "dpa-1"


def test_a_different_report_of_the_same_event_is_not_a_duplicate():
    index = NearDuplicates()
    index.original_of("dpa-1", AGENCY_STORY)
    other = (
        "In Liverpool haben die Chefdiplomaten der sieben führenden Industrienationen Moskau eindringlich "
        "gewarnt. Sollte Russland die Ukraine angreifen, drohten schwere wirtschaftliche Folgen, sagte die "
        "britische Außenministerin Liz Truss zum Abschluss der Beratungen."
    )
    assert index.original_of("reuters-1", other) is None


def test_the_same_record_again_is_not_its_own_duplicate():
    index = NearDuplicates()
    index.original_of("dpa-1", AGENCY_STORY)
    assert index.original_of("dpa-1", AGENCY_STORY) is None


@pytest.mark.parametrize("text", ["", "Kurz."])
def test_too_short_texts_are_never_duplicates(text):
    index = NearDuplicates()
    index.original_of("a", text)
    assert index.original_of("b", text) is None


SEED_STYLE = """Biden und Putin wollen am Donnerstag telefonieren

Legende: Joe Biden und Wladimir Putin bei ihrem Treffen in Genf im Juni. Keystone

US-Präsident Joe Biden wird morgen Donnerstag mit dem russischen Staatschef Wladimir Putin
telefonieren. Das teilte eine Sprecherin des Weissen Hauses mit.

Box aufklappen Box zuklappen

Es werde auf Anregung von Putin stattfinden, heisst es aus Moskau. Kremlsprecher Dmitri
Peskow bestätigte das Gespräch.

Mehr zum Thema

Nato und Russland verhandeln im Januar

Die beiden Präsidenten hatten zuletzt Anfang Dezember per Video miteinander gesprochen.

SRF 4 News, 29.12.2021, 06:00 Uhr; sda/dpa/fho"""


def test_seed_style_swiss_text_keeps_every_sentence_and_none_of_the_debris():
    cleaned = clean(Article(text=SEED_STYLE, title="Biden und Putin wollen am Donnerstag telefonieren"))
    assert cleaned.text.split("\n\n") == [
        "US-Präsident Joe Biden wird morgen Donnerstag mit dem russischen Staatschef Wladimir Putin telefonieren. "
        "Das teilte eine Sprecherin des Weissen Hauses mit.",
        "Es werde auf Anregung von Putin stattfinden, heisst es aus Moskau. Kremlsprecher Dmitri Peskow bestätigte "
        "das Gespräch.",
        "Die beiden Präsidenten hatten zuletzt Anfang Dezember per Video miteinander gesprochen.",
    ]
    assert cleaned.meta.captions == ["Joe Biden und Wladimir Putin bei ihrem Treffen in Genf im Juni."]
