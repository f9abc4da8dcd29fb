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


def clean_article(article: Article, options: CleanOptions = CleanOptions()) -> CleanArticle | ItemError:
    """Extract (HTML), normalise, remove debris, split off the dateline, identify the
    language and choose the publication date; an item with nothing left is an error."""
    source = article.source or "<input>"
    try:
        page = extract_page(article.html, article.url) if article.html is not None else None
    except NoMainText as error:
        return ItemError(source, None, str(error))
    cleaned = remove_debris(clean_text(page.text if page else article.text or ""))
    paragraphs, dateline = split_dateline(cleaned.paragraphs)
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
            title=article.title or _page_field(page, "title"),
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
