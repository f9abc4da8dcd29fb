"""The gold quotation sets, read into one shape: an article text with its gold quotes.

- ``gnq``: German news quotations (Wikinews, Petersen-Frey & Biemann 2024), dev split;
  message, speaker and cue spans, and the form (direct, indirect, free indirect, reported).
- ``gnq-train``, ``spkatt-train``: the same corpora's train splits, read the same way, to
  study errors on while tuning rules (the dev splits stay the measure).
- ``spkatt``: SpkAtt-2023 Task 1 dev (Bundestag speeches); the tokenised sentences are
  joined back into a text, and every speech event's Message, Source and Cue (with its
  particle, PTC) becomes a gold quote, also the events that have no message.
- ``dev``: the project's dev gold (``gold-dev/wikinews-dev.json``) on news-sample
  articles: a distinctive substring of each quote, the acceptable speakers and the kind.

Offsets are characters in ``QuoteDoc.text``, end exclusive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from lagebild.shared_data import NEWS_SAMPLE, news_sample_texts

Span = tuple[int, int]

GNQ_DEV = Path("german-news-quotations/dev.jsonl")
GNQ_TRAIN = Path("german-news-quotations/train.jsonl")
SPKATT_DEV = Path("spkatt2023/dev")
SPKATT_TRAIN = Path("spkatt2023/train")
DEV_GOLD = Path("gold-dev/wikinews-dev.json")

# The corpus' five forms, read as four: "IndirectFreeIndirect" (indirect speech running on
# into free indirect speech) counts as free indirect.
GNQ_FORMS = {
    "Direct": "direct",
    "Indirect": "indirect",
    "FreeIndirect": "free indirect",
    "IndirectFreeIndirect": "free indirect",
    "Reported": "reported",
}

WORD = re.compile(r"\w+")
_TITLE_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\s*$")
_FILE_DATE = re.compile(r"_(\d{2})\.(\d{2})\.(\d{4})$")
# Detokenising SpkAtt: no space before closing punctuation, none after an opening quote.
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}…“”%")
_NO_SPACE_AFTER = frozenset("([{„")


@dataclass(frozen=True)
class GoldQuote:
    """One gold quotation: the message (empty for a SpkAtt event without one), who said it, the cue.

    ``speakers`` are the acceptable speaker strings: the speaker span's text, or the dev
    gold's list of names; empty when the gold gives no speaker. ``form`` is direct,
    indirect, free indirect or reported (gnq), direct or indirect (dev), empty (SpkAtt).
    """

    text: str
    spans: tuple[Span, ...]
    form: str
    speakers: tuple[str, ...] = ()
    speaker_spans: tuple[Span, ...] = ()
    cue: str = ""
    cue_spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class QuoteDoc:
    """An article to analyse and its gold quotes.

    ``units`` are the token spans that overlaps are counted in: word tokens for news, the
    task's own tokens (punctuation included) for SpkAtt.
    """

    id: str
    text: str
    published: str | None
    gold: tuple[GoldQuote, ...]
    units: tuple[Span, ...]


@dataclass(frozen=True)
class QuoteSet:
    """A gold set: where it lives under the data folder and how to read it."""

    name: str
    title: str
    path: Path
    read: Callable[[Path], list[QuoteDoc]]


def word_spans(text: str) -> tuple[Span, ...]:
    """The spans of the word tokens (letters, digits) of ``text``; punctuation is left out."""
    return tuple(match.span() for match in WORD.finditer(text))


def read_gnq(data_dir: Path, split: Path = GNQ_DEV) -> list[QuoteDoc]:
    with open(data_dir / split, encoding="utf-8") as lines:
        return [gnq_doc(json.loads(line)["doc"]) for line in lines if line.strip()]


def gnq_doc(doc: dict) -> QuoteDoc:
    """One article of the German news quotations corpus; the date is in its title."""
    name = doc["documentName"]
    date = _TITLE_DATE.search(name)
    gold = tuple(gnq_quote(annotation) for annotation in doc["annotations"])
    text = doc["originalText"]
    return QuoteDoc(name, text, date.group(1) if date else None, gold, word_spans(text))


def gnq_quote(annotation: dict) -> GoldQuote:
    speaker = annotation["speaker"]
    return GoldQuote(
        text=annotation["quote"]["text"],
        spans=_role_spans(annotation["quote"]),
        form=GNQ_FORMS[annotation["type"]],
        speakers=(speaker["text"],) if speaker["tokenIds"] else (),
        speaker_spans=_role_spans(speaker),
        cue=annotation["cue"]["text"],
        cue_spans=_role_spans(annotation["cue"]),
    )


def _role_spans(role: dict) -> tuple[Span, ...]:
    return tuple((span["charBegin"], span["charEnd"]) for span in role["spans"])


def read_spkatt(data_dir: Path, split: Path = SPKATT_DEV) -> list[QuoteDoc]:
    paths = sorted((data_dir / split).glob("*.json"))
    return [spkatt_doc(path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in paths]


def spkatt_doc(name: str, speech: dict) -> QuoteDoc:
    """One speech: its sentences joined into a text; the date is at the end of the file name."""
    text, token_spans = detokenise([sentence["Tokens"] for sentence in speech["Sentences"]])
    ids = [sentence["SentenceId"] for sentence in speech["Sentences"]]
    by_ref = {f"{sid}:{i}": span for sid, spans in zip(ids, token_spans) for i, span in enumerate(spans)}
    gold = tuple(spkatt_event(event, text, by_ref) for event in speech["Annotations"])
    date = _FILE_DATE.search(name)
    published = f"{date.group(3)}-{date.group(2)}-{date.group(1)}" if date else None
    return QuoteDoc(name, text, published, gold, tuple(span for spans in token_spans for span in spans))


def spkatt_event(event: dict, text: str, by_ref: dict[str, Span]) -> GoldQuote:
    message, source, cue = (
        _merge([by_ref[ref] for name in names for ref in event[name]])
        for names in (["Message"], ["Source"], ["Cue", "PTC"])
    )
    return GoldQuote(
        text=_text_of(text, message),
        spans=message,
        form="",
        speakers=(_text_of(text, source),) if source else (),
        speaker_spans=source,
        cue=_text_of(text, cue),
        cue_spans=cue,
    )


def _text_of(text: str, spans: Sequence[Span]) -> str:
    return " … ".join(text[start:end] for start, end in spans)


def detokenise(sentences: Sequence[Sequence[str]]) -> tuple[str, list[list[Span]]]:
    """Join tokenised sentences into running text, with every token's span in it."""
    pieces: list[str] = []
    spans: list[list[Span]] = []
    length = 0
    previous = ""
    for tokens in sentences:
        sentence_spans = []
        for token in tokens:
            if pieces and previous not in _NO_SPACE_AFTER and token not in _NO_SPACE_BEFORE:
                pieces.append(" ")
                length += 1
            sentence_spans.append((length, length + len(token)))
            pieces.append(token)
            length += len(token)
            previous = token
        spans.append(sentence_spans)
    return "".join(pieces), spans


def _merge(spans: Sequence[Span]) -> tuple[Span, ...]:
    """Token spans as the fewest spans: neighbours separated by one space join up."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def read_dev(data_dir: Path) -> list[QuoteDoc]:
    """The dev gold's articles, texts from the news sample (held-out lines are skipped unread)."""
    articles = json.loads((data_dir / DEV_GOLD).read_text(encoding="utf-8"))["articles"]
    texts = news_sample_texts(data_dir, {article["id"] for article in articles})
    missing = [article["id"] for article in articles if article["id"] not in texts]
    if missing:
        raise ValueError(f"dev gold articles not in {NEWS_SAMPLE} (or on held-out lines): {', '.join(missing)}")
    return [dev_doc(article, texts[article["id"]]) for article in articles]


def dev_doc(article: dict, text: str) -> QuoteDoc:
    """The dev gold marks a quote by a substring; its first occurrence stands for the span."""
    gold = []
    for quote in article["quotes"]:
        start = text.find(quote["contains"])
        spans = ((start, start + len(quote["contains"])),) if start >= 0 else ()
        gold.append(GoldQuote(quote["contains"], spans, quote["kind"], tuple(quote["speakers"])))
    return QuoteDoc(article["id"], text, article["published"], tuple(gold), word_spans(text))


QUOTE_SETS = {
    "gnq": QuoteSet("gnq", "German news quotations dev (Wikinews, CC BY-NC-SA: evaluation only)", GNQ_DEV, read_gnq),
    "gnq-train": QuoteSet(
        "gnq-train",
        "German news quotations train (for error analysis while tuning)",
        GNQ_TRAIN,
        partial(read_gnq, split=GNQ_TRAIN),
    ),
    "spkatt": QuoteSet("spkatt", "SpkAtt-2023 Task 1 dev (Bundestag speeches)", SPKATT_DEV, read_spkatt),
    "spkatt-train": QuoteSet(
        "spkatt-train", "SpkAtt-2023 Task 1 train (for tuning)", SPKATT_TRAIN, partial(read_spkatt, split=SPKATT_TRAIN)
    ),
    "dev": QuoteSet("dev", "project dev gold on news-sample (gold-dev/wikinews-dev.json)", DEV_GOLD, read_dev),
}
