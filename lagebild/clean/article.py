"""From an ingested `Article` to the text a reader sees and the record's `Meta`."""

from __future__ import annotations

from dataclasses import dataclass

import courlan

from lagebild.clean.dateline import split_dateline
from lagebild.clean.debris import clean_caption, remove_debris
from lagebild.clean.html import NoMainText, Page, extract_page
from lagebild.clean.language import identify_language
from lagebild.clean.normalize import clean_text
from lagebild.clean.published import choose_published, date_from_url
from lagebild.ingest import Article, ItemError
from lagebild.record import Meta

ANY_LANGUAGE = "any"
# Headline and kicker lines above the body; shorter matches than these are chance.
_MAX_HEADLINE_LINES = 2
_MIN_HEADLINE_CHARS = 15
_MIN_KICKER_CHARS = 5


@dataclass(frozen=True)
class CleanOptions:
    """What the user decides about cleaning: a date that overrides all others, and the
    language to keep ("any" keeps every language)."""

    published: str | None = None
    language: str = "de"


@dataclass(frozen=True)
class CleanArticle:
    """The body that the NLP pipeline reads, and everything known about the article."""

    text: str
    meta: Meta


DEFAULT_OPTIONS = CleanOptions()


def clean_article(article: Article, options: CleanOptions = DEFAULT_OPTIONS) -> CleanArticle | ItemError:
    """Extract (HTML), normalise, remove debris, split off the dateline, identify the
    language and choose the publication date; an item with nothing left is an error."""
    source = article.source or "<input>"
    try:
        page = extract_page(article.html, article.url) if article.html is not None else None
    except NoMainText as error:
        return ItemError(source, None, str(error))
    cleaned = remove_debris(clean_text(page.text if page else article.text or ""))
    title = article.title or _page_field(page, "title")
    paragraphs, dateline = split_dateline(_without_headline(cleaned.paragraphs, title))
    text = "\n\n".join(paragraphs)
    if not text:
        return ItemError(source, None, "no article text left after cleaning")
    language = identify_language(text, options.language if options.language != ANY_LANGUAGE else "de")
    if options.language not in (ANY_LANGUAGE, language):
        return ItemError(source, None, f"language is '{language}', not '{options.language}' (--lang any keeps it)")
    url = article.url or (page.url if page else None)
    published, published_source = choose_published(
        [
            ("user", options.published),
            ("input", article.published),
            ("page", page.published if page else None),
            ("url", date_from_url(url)),
            ("dateline", dateline.date if dateline else None),
        ]
    )
    captions = [clean_caption(caption) for caption in (page.captions if page else [])]
    return CleanArticle(
        text=text,
        meta=Meta(
            title=title,
            url=url,
            outlet=courlan.extract_domain(url) if url else None,
            published=published,
            language=language,
            source=article.source,
            source_id=article.source_id,
            published_source=published_source,
            author=_page_field(page, "author"),
            site_name=_page_field(page, "site_name"),
            dateline=dateline,
            captions=[caption for caption in captions if caption] + cleaned.captions,
            truncated=article.truncated or cleaned.truncated,
        ),
    )


def _page_field(page: Page | None, name: str) -> str | None:
    return getattr(page, name) if page else None


def _without_headline(paragraphs: list[str], title: str | None) -> list[str]:
    """The body without the headline (and kicker) that pages repeat above it: the
    title is in meta. Both may differ by a kicker or a site suffix, so a short first
    line that the title contains, or that contains the title, goes."""
    title = " ".join((title or "").split()).casefold()
    kept = list(paragraphs)
    for _ in range(_MAX_HEADLINE_LINES):
        if not (title and kept and _is_headline_line(kept[0])):
            break
        first = kept[0].casefold()
        if not (first in title or (len(title) >= _MIN_HEADLINE_CHARS and title in first)):
            break
        kept.pop(0)
    return kept


def _is_headline_line(paragraph: str) -> bool:
    return len(paragraph) >= _MIN_KICKER_CHARS and not paragraph.endswith((".", "!", "?", '"', "«", "“"))
