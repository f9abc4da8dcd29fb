"""Removing scraping debris (captions, credits, widget labels, teasers, paywall prompts)
from article text, by the rules in `lang/debris_de.toml`.

One layer for every input: a page that trafilatura extracted and a plain-text dump that
someone scraped carry the same debris, so both go through here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("lang") / "debris_de.toml"

_SPACES = re.compile(r"\s+")
_WORD_LIST = re.compile(r"\{([a-z_]+)\}")
_GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")
# A line of a teaser list reads like a headline: short and without closing punctuation.
_HEADLINE_MAX_WORDS = 16
_SENTENCE_END = tuple(".!?:;«»“”\"')…")
_CAPTION_MAX_WORDS = 30
# Longer paragraphs are article text even when they mention a subscription.
_PAYWALL_MAX_WORDS = 45


@dataclass(frozen=True)
class DebrisRules:
    """The compiled rules; see the data file for what each kind does."""

    drop: re.Pattern[str]
    strip: re.Pattern[str]
    credit: re.Pattern[str]
    byline: re.Pattern[str]
    caption: re.Pattern[str]
    caption_credit: re.Pattern[str]
    teaser_heading: re.Pattern[str]
    paywall: re.Pattern[str]
    dateline: list[re.Pattern[str]]
    months: dict[str, int]


@dataclass
class Cleaned:
    """The body without debris, and what was set aside from it."""

    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    truncated: bool = False

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@cache
def load_rules(path: Path = RULES_FILE) -> DebrisRules:
    """Compile the rules file; `{name}` in a pattern becomes an alternation of words.name."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    lists = {**data["words"], "month": list(data["months"])}
    words = {
        name: "|".join(re.escape(word) for word in sorted(values, key=len, reverse=True))
        for name, values in lists.items()
    }

    def expand(pattern: str) -> str:
        return _WORD_LIST.sub(lambda name: f"(?:{words[name[1]]})", pattern)

    def union(kind: str) -> re.Pattern[str]:
        # One regex per kind is much faster than trying each rule; a leading global
        # flag such as (?i) becomes a scoped one so that the rules can be joined.
        scoped = (
            _GLOBAL_FLAGS.sub(r"(?\1:", expand(p), count=1) + ")" if _GLOBAL_FLAGS.match(p) else expand(p)
            for p in data["rules"][kind]
        )
        return re.compile("|".join(f"(?:{pattern})" for pattern in scoped))

    return DebrisRules(
        **{kind: union(kind) for kind in data["rules"]},
        dateline=[re.compile(expand(pattern)) for pattern in data["dateline"]["patterns"]],
        months=data["months"],
    )


def remove_debris(text: str, rules: DebrisRules | None = None) -> Cleaned:
    """Go through the paragraphs ("\\n\\n"-separated) and keep only article text.

    Captions are kept aside without their credit; a paywall prompt ends the text and
    marks it truncated; a teaser-list heading takes the headline lines after it along.
    """
    rules = rules or load_rules()
    cleaned = Cleaned()
    in_teaser_list = False
    for raw in text.split("\n\n"):
        paragraph = _SPACES.sub(" ", rules.strip.sub("", raw)).strip()
        if not paragraph:
            continue
        if in_teaser_list and _is_headline(paragraph):
            continue
        in_teaser_list = False
        if len(paragraph.split()) <= _PAYWALL_MAX_WORDS and rules.paywall.search(paragraph):
            cleaned.truncated = True
            break
        if rules.caption.match(paragraph):
            if caption := clean_caption(paragraph, rules):
                cleaned.captions.append(caption)
            continue
        if rules.teaser_heading.fullmatch(paragraph):
            in_teaser_list = True
            continue
        if rules.credit.fullmatch(paragraph):
            # A caption without a label shows itself by the credit line after it.
            if cleaned.paragraphs and _is_headline(cleaned.paragraphs[-1], _CAPTION_MAX_WORDS):
                cleaned.captions.append(cleaned.paragraphs.pop())
            continue
        if rules.drop.fullmatch(paragraph) or rules.byline.fullmatch(paragraph):
            continue
        cleaned.paragraphs.append(paragraph)
    return cleaned


def clean_caption(caption: str, rules: DebrisRules | None = None) -> str:
    """A caption without its "Legende:" label and trailing credit ("… Keystone"); empty
    when it is no caption but a player label ("Audio … abspielen")."""
    rules = rules or load_rules()
    caption = _SPACES.sub(" ", caption).strip()
    if label := rules.caption.match(caption):
        caption = caption[label.end() :]
    caption = rules.caption_credit.sub("", caption).strip()
    return "" if rules.drop.fullmatch(caption) or rules.credit.fullmatch(caption) else caption


def _is_headline(paragraph: str, max_words: int = _HEADLINE_MAX_WORDS) -> bool:
    return len(paragraph.split()) <= max_words and not paragraph.endswith(_SENTENCE_END)
