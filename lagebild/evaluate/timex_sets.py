"""German time-expression gold sets, read into one shape for `lagebild eval time`.

Three sets with three formats: the Wikinews dev gold (texts and values, no offsets),
WikiWarsDE (inline TIMEX2 in SGML) and the Recognizers-Text German specs (JSON cases).
Each becomes a list of `TimexDoc`s whose gold is a `GoldTime`: a TimeExpression with
character offsets, a TIMEX3 type and the values that count as correct.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal

from lagebild.record import TimeExpression, TimeType
from lagebild.shared_data import news_sample_texts

# How a tagger should read the text: against its publication date, or (history,
# encyclopaedia) against the dates the narrative itself mentions.
Genre = Literal["news", "narratives"]

DEV_GOLD = Path("gold-dev/wikinews-dev.json")
WIKIWARS = Path("timex-de/wikiwarsde/keyinline")
RECOGNIZERS = Path("timex-de/recognizers-text-de")

_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTime(TimeExpression):
    """A gold time expression; `accepted` lists further values that also count as correct."""

    accepted: tuple[str, ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        return (self.value, *self.accepted)


@dataclass(frozen=True)
class TimexDoc:
    """One text to tag, with the date it is resolved against (None: the set gives none)."""

    id: str
    text: str
    dct: str | None
    gold: tuple[GoldTime, ...]


@dataclass(frozen=True)
class TimexSet:
    """A gold set: where it lives under the data folder and how to read it."""

    name: str
    title: str
    path: Path
    genre: Genre
    read: Callable[[Path], list[TimexDoc]]


def timex_type(value: str, is_set: bool = False) -> TimeType:
    """The TIMEX3 type a value implies, for gold that carries no type (TIMEX2, the dev gold)."""
    if value.endswith("_REF"):
        return "DATE"  # PRESENT_REF starts with P and contains a T, yet is a date
    if is_set:
        return "SET"
    if value.startswith("P"):
        return "DURATION"
    return "TIME" if "T" in value else "DATE"


def gold_time(
    text: str, start: int, end: int, value: str, is_set: bool = False, accepted: Iterable[str] = ()
) -> GoldTime:
    """A GoldTime for ``text[start:end]``, typed by its value."""
    others = tuple(dict.fromkeys(v for v in accepted if v != value))
    return GoldTime(start, end, text[start:end], timex_type(value, is_set), value, others)


def read_dev(data_dir: Path) -> list[TimexDoc]:
    """The Wikinews dev gold; each gold text is a unique substring of its article, so find() places it."""
    articles = json.loads((data_dir / DEV_GOLD).read_text(encoding="utf-8"))["articles"]
    texts = news_sample_texts(data_dir, {article["id"] for article in articles})
    return [dev_doc(article, texts[article["id"]]) for article in articles]


def dev_doc(article: dict[str, Any], text: str) -> TimexDoc:
    gold = []
    for time in article["times"]:
        start = text.find(time["text"])
        if start < 0:
            raise ValueError(f"{article['id']}: gold time {time['text']!r} is not in the article text")
        gold.append(gold_time(text, start, start + len(time["text"]), time["value"]))
    return TimexDoc(article["id"], text, article["published"], tuple(sorted(gold, key=lambda g: g.start)))


def read_wikiwars(data_dir: Path, parity: int | None = None) -> list[TimexDoc]:
    """All WikiWarsDE documents, or with `parity` 1 the odd-numbered (dev), 0 the even-numbered (test)."""
    paths = sorted((data_dir / WIKIWARS).glob("*.key.xml"))
    chosen = [path for path in paths if parity is None or int(path.name.split("_")[0]) % 2 == parity]
    return [wikiwars_doc(path.read_text(encoding="utf-8")) for path in chosen]


def wikiwars_doc(sgml: str) -> TimexDoc:
    """One WikiWarsDE document: the TEXT with its TIMEX2 tags taken out, and the DCT.

    The files are SGML (bare ``&`` in running text), so tags are read with a regular
    expression instead of an XML parser; TIMEX2 may nest, hence the stack.
    """
    doc_id = re.search(r"<DOCID>\s*(.*?)\s*</DOCID>", sgml, re.S)
    dct = re.search(r"<DATETIME>.*?val=\"(\d{4}-\d{2}-\d{2})", sgml, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", sgml, re.S)
    if not (doc_id and body):
        raise ValueError("not a WikiWarsDE document: no DOCID or TEXT")
    text, spans = strip_tags(body.group(1), "TIMEX2")
    gold = [
        gold_time(text, start, end, attrs.get("val", ""), attrs.get("set", "").upper() == "YES")
        for start, end, attrs in spans
    ]
    return TimexDoc(doc_id.group(1), text, dct.group(1) if dct else None, tuple(gold))


def strip_tags(tagged: str, name: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Plain text and (start, end, attributes) of every element ``name``, in order of start."""
    pieces: list[str] = []
    length = last = 0
    open_tags: list[tuple[int, dict[str, str]]] = []
    spans = []
    for tag in re.finditer(rf"<(/?){name}\b([^>]*)>", tagged):
        pieces.append(tagged[last : tag.start()])
        length += tag.start() - last
        last = tag.end()
        if tag.group(1):
            start, attrs = open_tags.pop()
            spans.append((start, length, attrs))
        else:
            open_tags.append((length, dict(_ATTRIBUTE.findall(tag.group(2)))))
    if open_tags:
        raise ValueError(f"unclosed {name} tag")
    pieces.append(tagged[last:])
    return "".join(pieces), sorted(spans, key=lambda span: span[0])


def read_recognizers(data_dir: Path) -> list[TimexDoc]:
    """The spec cases that carry values: the `*Parser.json` and `DateTimeModel*.json` files."""
    folder = data_dir / RECOGNIZERS
    paths = sorted([*folder.glob("*Parser.json"), *folder.glob("DateTimeModel*.json")])
    return [
        recognizers_doc(case, f"{path.stem}#{number}")
        for path in paths
        for number, case in enumerate(json.loads(path.read_text(encoding="utf-8-sig")))
    ]


def recognizers_doc(case: dict[str, Any], doc_id: str) -> TimexDoc:
    """One spec sentence; a gold value is its Timex, and any resolved value also counts.

    Resolved values are what the spec expects relative to its reference date: "15.01."
    has Timex XXXX-01-15 and resolutions 2016-01-15 (future) and 2015-01-15 (past), so a
    tagger that resolves it is right with any of the three. Offsets come from Start and Length or
    the inclusive End; the spans' Text is lower-cased, so the gold text is cut from Input.
    """
    text = case["Input"]
    reference = (case.get("Context") or {}).get("ReferenceDateTime")
    gold = []
    for result in case["Results"]:
        start = result["Start"]
        end = start + result["Length"] if "Length" in result else result["End"] + 1
        value = result.get("Value") or result["Resolution"]
        timex = value["Timex"] if "Timex" in value else value["values"][0]["timex"]
        is_set = (result.get("Type") or result["TypeName"]).endswith("set")
        gold.append(gold_time(text, start, end, timex, is_set, resolved_values(value)))
    return TimexDoc(doc_id, text, reference[:10] if reference else None, tuple(gold))


def resolved_values(value: dict[str, Any]) -> Iterator[str]:
    """Point values only: the ends of a resolved range are not values of the expression."""
    for side in ("FutureResolution", "PastResolution"):
        for key, resolved in value.get(side, {}).items():
            if not key.startswith(("start", "end")):
                yield resolved.removeprefix("Set: ")
    for item in value.get("values", []):
        yield from (item[key] for key in ("timex", "value") if key in item)


TIMEX_SETS = {
    "dev": TimexSet("dev", "Wikinews dev gold (50 news articles)", DEV_GOLD, "news", read_dev),
    "wikiwars": TimexSet("wikiwars", "WikiWarsDE (22 war narratives, TIMEX2)", WIKIWARS, "narratives", read_wikiwars),
    # Split by document so rules can be tuned on one half and measured on the other.
    "wikiwars-dev": TimexSet(
        "wikiwars-dev",
        "WikiWarsDE dev (odd-numbered narratives)",
        WIKIWARS,
        "narratives",
        partial(read_wikiwars, parity=1),
    ),
    "wikiwars-test": TimexSet(
        "wikiwars-test",
        "WikiWarsDE test (even-numbered narratives)",
        WIKIWARS,
        "narratives",
        partial(read_wikiwars, parity=0),
    ),
    "recognizers": TimexSet(
        "recognizers", "Recognizers-Text German (spec sentences)", RECOGNIZERS, "news", read_recognizers
    ),
}
