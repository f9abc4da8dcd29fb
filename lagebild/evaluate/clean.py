"""Body-text accuracy of HTML cleaning: lagebild against trafilatura's default output.

A test page is `NAME.html` with the body a reader sees in `NAME.txt` and its metadata
in `NAME.json`. Texts are compared as word sequences: the longest matching blocks
(difflib) align them, and precision and recall count the characters of the aligned
words, so a dropped sentence and a leaked widget label cost what they weigh.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import trafilatura

from lagebild.clean import CleanArticle, CleanOptions, clean_article
from lagebild.ingest import Article, read_inputs
from lagebild.record import Meta

# Metadata that a page states and that cleaning must get right.
META_FIELDS = ("title", "published", "dateline", "truncated", "captions")


@dataclass
class Overlap:
    """Characters of predicted text, of gold text, and of the words they share."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0

    def add(self, other: Overlap) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PageScore:
    """One page's overlap for each system, and lagebild's metadata hits."""

    name: str
    overlaps: dict[str, Overlap]
    meta_correct: dict[str, bool] = field(default_factory=dict)


def text_overlap(predicted: str, gold: str) -> Overlap:
    """Character counts of the word-aligned overlap of two texts."""
    predicted_words, gold_words = predicted.split(), gold.split()
    matcher = SequenceMatcher(None, predicted_words, gold_words, autojunk=False)
    matched = sum(
        len(word) for block in matcher.get_matching_blocks() for word in predicted_words[block.a : block.a + block.size]
    )
    return Overlap(sum(map(len, predicted_words)), sum(map(len, gold_words)), matched)


def lagebild_body(article: Article) -> CleanArticle | None:
    """lagebild's cleaning, language filter off (the test is about text, not language)."""
    cleaned = clean_article(article, CleanOptions(language="any"))
    return cleaned if isinstance(cleaned, CleanArticle) else None


def trafilatura_body(article: Article) -> str:
    """The baseline: trafilatura.extract with its default settings."""
    return trafilatura.extract(article.html or "", url=article.url) or ""


SYSTEMS: dict[str, Callable[[Article], str]] = {
    "lagebild": lambda article: cleaned.text if (cleaned := lagebild_body(article)) else "",
    "trafilatura": trafilatura_body,
}


def evaluate_pages(folder: Path) -> list[PageScore]:
    """Score every `NAME.html` in `folder` that has a `NAME.txt` beside it."""
    return [_score_page(page) for page in _pages(folder)]


def _pages(folder: Path) -> Iterator[Path]:
    pages = sorted(path for path in folder.glob("*.html") if path.with_suffix(".txt").is_file())
    if not pages:
        raise FileNotFoundError(f"no NAME.html with NAME.txt in {folder}")
    yield from pages


def _score_page(page: Path) -> PageScore:
    (article,) = read_inputs([str(page)])
    if not isinstance(article, Article):
        raise ValueError(f"{page}: {article.reason}")
    gold = page.with_suffix(".txt").read_text(encoding="utf-8")
    overlaps = {name: text_overlap(system(article), gold) for name, system in SYSTEMS.items()}
    expected_file = page.with_suffix(".json")
    cleaned = lagebild_body(article)
    meta_correct = (
        _meta_correct(cleaned.meta if cleaned else None, json.loads(expected_file.read_text(encoding="utf-8")))
        if expected_file.is_file()
        else {}
    )
    return PageScore(page.stem, overlaps, meta_correct)


def _meta_correct(meta: Meta | None, expected: dict) -> dict[str, bool]:
    if meta is None:
        return dict.fromkeys(META_FIELDS, False)
    dateline = {"place": meta.dateline.place, "date": meta.dateline.date} if meta.dateline else None
    found = {
        "title": meta.title,
        "published": (meta.published or "")[:10] or None,
        "dateline": dateline,
        "truncated": meta.truncated,
        "captions": sorted(meta.captions),
    }
    wanted = {**expected, "captions": sorted(expected.get("captions", []))}
    return {name: found[name] == wanted.get(name) for name in META_FIELDS if name in expected}
