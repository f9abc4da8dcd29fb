"""PLOVER events against gold articles (issue #7): core-event recall, precision, per type.

Gold follows ``shared/design/annotation.md``: per article a list of events with acceptable
types, source codes ``a`` and target codes ``b`` (``null`` = no target is fine), a date
prefix, whether the direction matters and whether the event is core. The matching rule
is exactly that of ``shared/tools/score_gold.py`` (reimplemented, as the script has it
inline): a predicted event matches a gold event when its type is one of the gold types,
its actors fit the codes (either way round when undirected) and its date starts with
the gold date. Recall counts core gold events, each matched by its own prediction;
precision counts predictions that match any gold event, core or not.

Sets: ``dev``, the shared dev gold (news-sample lines n % 24 ∈ {6, 9, 18, 21}); ``tune``,
the project's annotations to tune on beside it (``tests/data/events-tune``, lines n % 24 ∈
{11, 14}); ``extra``, the project's annotations only to measure (``tests/data/events-extra``,
lines n % 24 ∈ {19, 20, 22, 23}). All were made without looking at the system's output.
Texts come from the news sample; held-out lines are never read.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.extract.actors import actor_ref
from lagebild.extract.events.lexicon import load_event_lexicon
from lagebild.record import ActorRef, Event, Record, actor_key
from lagebild.shared_data import NEWS_SAMPLE, news_sample_rows

DEV_GOLD = Path("gold-dev/wikinews-dev.json")
_PROJECT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "data"
# Annotated for the project: a set to tune on beside the dev gold, and one only to measure.
TUNE_GOLD = _PROJECT_GOLD / "events-tune"
EXTRA_GOLD = _PROJECT_GOLD / "events-extra"
EVENTS_COMPONENT = "lagebild_events"

# Reads the events of (text, published).
EventSystem = Callable[[list[tuple[str, str]]], Iterable[list[Event]]]


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article: its text from the news sample and its gold events."""

    id: str
    published: str
    text: str
    events: tuple[dict, ...]


@dataclass
class EventScores:
    """Counts for recall (core gold) and precision (predictions), overall and per type."""

    core: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return _ratio(sum(self.found.values()), sum(self.core.values()))

    @property
    def precision(self) -> float:
        return _ratio(sum(self.correct.values()), sum(self.predicted.values()))

    def lines(self) -> Iterator[str]:
        """The figures as a table: all types, then each type."""
        yield f"{'type':<10} {'core':>5} {'found':>6} {'recall':>7} {'predicted':>10} {'correct':>8} {'precision':>10}"
        for name in ["all", *sorted(set(self.core) | set(self.predicted))]:
            core, found, predicted, correct = (
                (sum(c.values()) for c in (self.core, self.found, self.predicted, self.correct))
                if name == "all"
                else (self.core[name], self.found[name], self.predicted[name], self.correct[name])
            )
            yield (
                f"{name:<10} {core:>5} {found:>6} {_ratio(found, core):>7.3f} "
                f"{predicted:>10} {correct:>8} {_ratio(correct, predicted):>10.3f}"
            )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def has_gold(path: Path) -> bool:
    """Whether `path` is a gold file or a folder holding some."""
    return path.is_file() or (path.is_dir() and any(path.glob("*.json")))


def read_gold(path: Path, data_dir: Path) -> list[GoldArticle]:
    """The articles of one gold file (or a folder of them), texts from the news sample."""
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    articles = [article for file in files for article in json.loads(file.read_text(encoding="utf-8"))["articles"]]
    rows = news_sample_rows(data_dir / NEWS_SAMPLE, {article["id"] for article in articles})
    missing = [article["id"] for article in articles if article["id"] not in rows]
    if missing:
        raise ValueError(f"gold articles not in {NEWS_SAMPLE} (or on held-out lines): {', '.join(missing)}")
    return [
        GoldArticle(article["id"], article["published"], rows[article["id"]]["text"], tuple(article["events"]))
        for article in articles
    ]


def evaluate(articles: list[GoldArticle], system: EventSystem, min_confidence: float = 0.0) -> EventScores:
    """Score `system` on `articles` by the rule of ``score_gold.py``, counting only events
    with at least `min_confidence`."""
    scores = EventScores()
    predictions = system([(article.text, article.published) for article in articles])
    for article, events in zip(articles, predictions, strict=True):
        _score_article(article, [event for event in events if event.confidence >= min_confidence], scores)
    return scores


def _score_article(article: GoldArticle, events: list[Event], scores: EventScores) -> None:
    used: set[int] = set()
    for gold in article.events:
        if not gold.get("core", True):
            continue
        kind = _types(gold)[0]
        scores.core[kind] += 1
        hit = next((i for i, event in enumerate(events) if i not in used and matches(event, gold)), None)
        if hit is None:
            scores.misses.append(f"{article.id}: {_gold_text(gold)}")
        else:
            used.add(hit)
            scores.found[kind] += 1
    for event in events:
        scores.predicted[event.type] += 1
        if any(matches(event, gold) for gold in article.events):
            scores.correct[event.type] += 1
        else:
            scores.spurious.append(f"{article.id}: {event_text(event)}")


def matches(event: Event, gold: dict) -> bool:
    """The rule of ``score_gold.py``: type, actors (either way when undirected), date prefix."""
    if event.type not in _types(gold):
        return False
    forward = actor_fits(event.source, gold["a"]) and actor_fits(event.target, gold["b"])
    backward = not gold.get("directed") and actor_fits(event.target, gold["a"]) and actor_fits(event.source, gold["b"])
    if not (forward or backward):
        return False
    return not gold.get("date") or str(event.date or "").startswith(str(gold["date"]))


def actor_fits(ref: ActorRef | None, allowed: list[str | None]) -> bool:
    """Whether an actor fits a gold code list (``score_seed.py``'s `actor_ok`)."""
    keys = _actor_keys(ref)
    for code in allowed:
        if code is None and not keys:
            return True
        if code is not None and any(key == code.upper() or key.endswith(code.upper()) for key in keys):
            return True
    return False


def _actor_keys(ref: ActorRef | None) -> set[str]:
    if ref is None:
        return set()
    keys = set()
    for value in (ref.country, ref.actor, ref.name, ref.text):
        if value:
            keys.add(value.upper())
            if ":" in value:
                keys.add(value.split(":", 1)[1].upper())
    return keys


def _types(gold: dict) -> list[str]:
    return gold["type"] if isinstance(gold["type"], list) else [gold["type"]]


def _gold_text(gold: dict) -> str:
    date = f" {gold['date']}" if gold.get("date") else ""
    return f"{'/'.join(_types(gold))} {gold['a']} → {gold['b']}{date} | {gold['evidence'][:110]}"


def event_text(event: Event) -> str:
    """One line for an error listing."""
    target = _ref_text(event.target) if event.target else "-"
    date = f" {event.date}" if event.date else ""
    return (
        f"{event.type} {_ref_text(event.source)} → {target}{date} [{event.status}] "
        f"{event.trigger!r} | {event.evidence[:110]}"
    )


def _ref_text(ref: ActorRef) -> str:
    return f"{ref.name or ref.text} ({ref.country or '?'})"


def lagebild_event_system(nlp: Language) -> EventSystem:
    """The shipped pipeline as an event system: clean, analyse, read `Record.events` (none
    for an article that could not be analysed, so the output stays aligned with the input)."""
    from lagebild.core import analyze_many
    from lagebild.ingest import Article

    def system(items: list[tuple[str, str]]) -> Iterator[list[Event]]:
        articles = [Article(text=text, published=published) for text, published in items]
        for result in analyze_many(articles, nlp):
            yield result.events if isinstance(result, Record) else []

    return system


def cooccurrence_system(nlp: Language) -> EventSystem:
    """The baseline without the parse: each trigger of the lexicon with the first linked
    actor of its sentence as source and the next other one as target, as dictionary
    coders without syntax do. It shows what the argument rules add. One pass of the
    pipeline over the texts as given, without the events component."""
    from lagebild.extract.actors import ACTOR_REFS
    from lagebild.extract.events.triggers import find_triggers
    from lagebild.extract.sentences import record_sentences

    lexicon = load_event_lexicon()

    def events_of(doc: Doc) -> Iterator[Event]:
        for index, sentence in enumerate(record_sentences(doc)):
            spans = [*sentence.ents, *(span for span in doc.spans.get(ACTOR_REFS, []) if span.sent == sentence)]
            actors = [ref for span in sorted(spans, key=lambda span: span.start) if (ref := actor_ref(span))]
            for match in find_triggers(sentence, lexicon) if actors else []:
                others = [ref for ref in actors[1:] if actor_key(ref) != actor_key(actors[0])]
                yield Event(
                    type=match.trigger.type, mode=match.trigger.mode, source=actors[0],
                    target=others[0] if others else None, date=None, location=None, status="occurred",
                    negated=False, confidence=0.5, sentence=index, trigger=match.text,
                    evidence=sentence.text, mentions=[index],
                )  # type: ignore[arg-type]  # fmt: skip

    def system(items: list[tuple[str, str]]) -> Iterator[list[Event]]:
        disabled = [name for name in nlp.pipe_names if name == EVENTS_COMPONENT]
        for doc in nlp.pipe((text for text, _ in items), disable=disabled):
            yield list(events_of(doc))

    return system
