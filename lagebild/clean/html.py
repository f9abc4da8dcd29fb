"""Main text and metadata of a web page, by trafilatura."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from lxml.etree import ParserError
from trafilatura.settings import Document

# Photo captions: figure captions and the caption containers news sites use; they are
# taken out before extraction so that they end up in meta.captions, not in the body.
_CAPTION_XPATH = (
    "//figcaption"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    " | //*[contains(@class, 'image-caption') or contains(@class, 'img-caption')"
    " or contains(@class, 'media-caption') or contains(@class, 'figure__caption')]"
)


# The lead (standfirst) sits in the article header on most sites, outside the body
# container that trafilatura picks; these class names mark it.
_LEAD_XPATH = (
    "//*[self::p or self::div or self::span or self::h2]"
    "[contains(@class, 'lead') or contains(@class, 'standfirst') or contains(@class, 'intro')"
    " or contains(@class, 'teaser-text') or contains(@class, 'summary') or contains(@class, 'abstract')"
    " or (self::p and contains(@class, 'teaser'))]"
    "[ancestor::article or ancestor::main or ancestor::header]"
)
_LEAD_MIN_WORDS = 8
# An extraction shorter than this may have picked a teaser block instead of the article.
_FALLBACK_BELOW_WORDS = 200
_OG_TITLE_XPATH = "//meta[@property='og:title']/@content"


@dataclass(frozen=True)
class Page:
    """What a page says about itself, and its main text with one paragraph per line."""

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site_name: str | None = None
    url: str | None = None
    captions: list[str] = field(default_factory=list)


class NoMainText(ValueError):
    """The page has no article text that trafilatura could find."""


def extract_page(html: str, url: str | None = None) -> Page:
    """The article body of `html` without navigation, comments and captions.

    Comments are left out: they are readers' words, not the outlet's. Tables stay,
    they often hold results (elections, votes) that the text refers to.
    """
    try:
        tree = lxml.html.document_fromstring(html)
    except (ParserError, ValueError) as error:
        raise NoMainText(f"unreadable HTML: {error}") from None
    captions = _take_captions(tree)
    lead = _lead(tree)
    # Recall first: the debris layer removes what it lets through. On some layouts it
    # settles on a wrong, short block; then the default extraction, if longer, wins.
    document = _extract(deepcopy(tree), url, favor_recall=True)
    if _words(document) < _FALLBACK_BELOW_WORDS:
        document = max(document, _extract(tree, url, favor_recall=False), key=_words)
    if document is None or not (document.text or "").strip():
        raise NoMainText("no article text found in the page")
    return Page(
        text=_with_lead(document.text, lead),
        # og:title is the bare headline; <title> often appends the site and a date.
        title=next(iter(tree.xpath(_OG_TITLE_XPATH)), None) or document.title or None,
        published=document.date or None,
        author=document.author or None,
        site_name=document.sitename or None,
        url=document.url or url,
        captions=captions,
    )


def _extract(tree: lxml.html.HtmlElement, url: str | None, favor_recall: bool) -> Document | None:
    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_recall=favor_recall,
        include_tables=True,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )


def _words(document: Document | None) -> int:
    return len((document.text or "").split()) if document else 0


def _take_captions(tree: lxml.html.HtmlElement) -> list[str]:
    elements = tree.xpath(_CAPTION_XPATH)
    outermost = [element for element in elements if not any(a in elements for a in element.iterancestors())]
    captions = []
    for element in outermost:
        text = " ".join(element.text_content().split())
        if text:
            captions.append(text)
        element.drop_tree()
    return captions


def _lead(tree: lxml.html.HtmlElement) -> str | None:
    """The first lead paragraph of the article: a sentence, not a label."""
    for element in tree.xpath(_LEAD_XPATH):
        text = " ".join(element.text_content().split())
        if len(text.split()) >= _LEAD_MIN_WORDS and text.endswith((".", "!", "?", "«", "“", '"')):
            return text
    return None


def _with_lead(text: str, lead: str | None) -> str:
    """`text` with the lead in front, unless trafilatura kept it already."""
    if lead is None or lead in " ".join(text.split()):
        return text
    return f"{lead}\n{text}"
