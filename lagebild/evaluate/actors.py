"""Actor linking on gold mentions (`lagebild eval actors`): country or organisation code,
canonical name and role of each annotated entity and role phrase.

The gold file holds one mention per line: the article id (from the news sample, whose
held-out lines are never read), the mention as written and which of its occurrences in
the article's raw text it is, its kind ("entity" or "role"), label, country code,
acceptable names and role. Each article is cleaned and analysed as `lagebild` does; a
mention is matched to the predicted entity or actor_ref span that covers it (the exact
span first, then the one overlapping most).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from lagebild.clean import CleanArticle, clean_article
from lagebild.extract.actors import ACTOR_REFS
from lagebild.ingest import Article
from lagebild.record import ActorRef
from lagebild.shared_data import news_sample_rows

ACTORS_PIPE = "lagebild_actors"


@dataclass(frozen=True)
class GoldMention:
    article: str
    text: str
    occurrence: int
    kind: str
    label: str | None
    country: str | None
    names: tuple[str, ...]
    role: str | None


@dataclass
class Tally:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += ok
        self.total += 1

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": self.correct / self.total if self.total else 0.0, "n": self.total}


def evaluate_actors(nlp: Language, gold_file: Path, news_sample: Path) -> dict[str, Any]:
    """Accuracies of codes, names and roles overall, per kind and per label, and the errors.

    `nlp` gets the "lagebild_actors" component added at the end if it lacks one.
    """
    if ACTORS_PIPE not in nlp.pipe_names:
        nlp.add_pipe(ACTORS_PIPE, last=True)
    gold = read_gold(gold_file)
    ids = sorted({mention.article for mention in gold})
    articles = news_sample_rows(news_sample, set(ids))
    missing = sorted(set(ids) - set(articles))
    if missing:
        raise ValueError(f"gold articles not in {news_sample} (or on held-out lines): {', '.join(missing)}")
    docs = dict(zip(ids, nlp.pipe(_article_doc(nlp, articles[i]) for i in ids)))
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    errors = []
    for mention in gold:
        predicted = predicted_ref(docs[mention.article], mention)
        checks = _check(mention, predicted)
        for measure, ok in checks.items():
            for group in ("all", f"kind={mention.kind}", f"label={mention.label}"):
                tallies[(measure, group)].add(ok)
        if not all(checks.values()):
            errors.append(_error(mention, predicted, checks))
    return {
        measure: {group: tally.as_dict() for (m, group), tally in sorted(tallies.items()) if m == measure}
        for measure in ("code", "name", "role")
    } | {"errors": errors, "mentions": len(gold), "articles": len(ids)}


def read_gold(path: Path) -> list[GoldMention]:
    return [
        GoldMention(
            article=row["article"],
            text=row["text"],
            occurrence=int(row.get("occurrence", 0)),
            kind=row.get("kind", "entity"),
            label=row.get("label"),
            country=row.get("country"),
            names=tuple(row.get("names") or ()),
            role=row.get("role"),
        )
        for row in _read_jsonl(path)
    ]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _article_doc(nlp: Language, row: dict[str, Any]) -> Doc:
    cleaned = clean_article(Article(text=row["text"], published=row.get("published")))
    if not isinstance(cleaned, CleanArticle):
        raise ValueError(f"article {row['id']} has no text after cleaning: {cleaned.reason}")
    doc = nlp.make_doc(cleaned.text)
    doc._.published = row.get("published")
    return doc


def predicted_ref(doc: Doc, mention: GoldMention) -> ActorRef | None:
    """The link of the predicted span at the mention's occurrence in the analysed text."""
    found = _locate(doc.text, mention.text, mention.occurrence)
    if found is None:
        return None
    start, end = found
    spans: list[Span] = [*doc.ents, *doc.spans.get(ACTOR_REFS, [])]
    overlapping = [span for span in spans if span.start_char < end and start < span.end_char]
    if not overlapping:
        return None
    best = max(overlapping, key=lambda span: (_same(span, start, end), _overlap(span, start, end)))
    return best._.actor


def _locate(text: str, mention: str, occurrence: int) -> tuple[int, int] | None:
    """Offsets of the k-th occurrence; whitespace inside the mention may differ after cleaning."""
    pattern = r"\s+".join(re.escape(part) for part in mention.split())
    matches = list(re.finditer(pattern, text))
    return matches[occurrence].span() if occurrence < len(matches) else None


def _same(span: Span, start: int, end: int) -> bool:
    return span.start_char == start and span.end_char == end


def _overlap(span: Span, start: int, end: int) -> int:
    return min(span.end_char, end) - max(span.start_char, start)


def _check(mention: GoldMention, ref: ActorRef | None) -> dict[str, bool]:
    """Per measure, whether the prediction is right; a mention with nothing predicted has
    country null, no name and no role."""
    country = ref.country if ref else None
    name = ref.name if ref else None
    checks = {"code": country == mention.country}
    if mention.names:
        checks["name"] = name is not None and _norm(name) in {_norm(gold) for gold in mention.names}
    else:
        checks["name"] = name is None
    if mention.role is not None:
        checks["role"] = ref is not None and ref.role == mention.role
    return checks


def _norm(name: str) -> str:
    return " ".join(name.casefold().replace("ß", "ss").split())


def _error(mention: GoldMention, ref: ActorRef | None, checks: dict[str, bool]) -> dict[str, Any]:
    return {
        "article": mention.article,
        "text": mention.text,
        "kind": mention.kind,
        "label": mention.label,
        "wrong": sorted(measure for measure, ok in checks.items() if not ok),
        "gold": {"country": mention.country, "names": list(mention.names), "role": mention.role},
        "predicted": None if ref is None else {"country": ref.country, "name": ref.name, "role": ref.role},
    }


def format_report(scores: dict[str, Any]) -> str:
    """Plain-text table of the accuracies, as `lagebild eval actors` prints it."""
    lines = [f"{scores['mentions']} mentions in {scores['articles']} articles"]
    for measure in ("code", "name", "role"):
        for group, tally in scores[measure].items():
            lines.append(f"{measure:<5} {group:<16} {tally['accuracy']:.3f}  (n={tally['n']})")
    return "\n".join(lines)


def format_errors(scores: dict[str, Any], limit: int) -> str:
    """The first `limit` errors, one per line: article, mention, what is wrong, gold and predicted."""
    lines = []
    for error in scores["errors"][:limit]:
        gold = error["gold"]
        predicted = error["predicted"] or {"country": None, "name": None, "role": None}
        lines.append(
            f"{error['article']}  {error['text']!r} [{error['kind']}/{error['label']}] wrong={','.join(error['wrong'])}"
            f"\n    gold {gold['country']} {gold['names']} {gold['role']}"
            f"\n    pred {predicted['country']} {predicted['name']!r} {predicted['role']}"
        )
    return "\n".join(lines)
