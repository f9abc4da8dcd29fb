"""Time expressions against gold: extent, type and value, for any tagger.

A system is any callable ``(text, dct) -> list[TimeExpression]``, so lagebild and
HeidelTime are scored by the same code. Predictions are paired one-to-one with gold:
exact spans first, then the largest overlap ("relaxed"). Type and value accuracy are
taken over those pairs; value F1 counts a prediction as right only when it overlaps a
gold expression and its value is right, so it weighs finding and resolving together.

Values are compared after notational canonicalisation (upper case, "2016-11-08 20:00:00"
as "2016-11-08T20", zero minutes and seconds dropped), and a gold time of day without a
date ("T08:40") accepts that time on any date. The dev gold is also scored the way
``shared/tools/score_gold.py`` scores it (`times_value_acc`), for comparison with the issue.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from lagebild.evaluate.prf import PRF
from lagebild.evaluate.timex_sets import GoldTime, TimexDoc
from lagebild.record import TimeExpression

System = Callable[[str, str | None], list[TimeExpression]]

_ZERO_TAIL = re.compile(r"T\d\d(:\d\d)*:00$")


@dataclass(frozen=True)
class Miss:
    """A gold expression whose value the system did not get (predicted None: nothing overlapped)."""

    doc_id: str
    gold: GoldTime
    predicted: TimeExpression | None


@dataclass
class TimeScores:
    """Counts over a whole set for one system."""

    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    type_correct: int = 0
    value_correct: int = 0
    score_gold_correct: int = 0
    seconds: float = 0.0
    misses: list[Miss] = field(default_factory=list)

    @property
    def gold(self) -> int:
        return self.relaxed.tp + self.relaxed.fn

    @property
    def predicted(self) -> int:
        return self.relaxed.tp + self.relaxed.fp

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed.tp if self.relaxed.tp else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.relaxed.tp if self.relaxed.tp else 0.0

    @property
    def value(self) -> PRF:
        correct = self.value_correct
        return PRF(correct, self.predicted - correct, self.gold - correct)

    @property
    def score_gold_accuracy(self) -> float:
        """score_gold.py's `times_value_acc`: share of gold expressions it counts as right."""
        return self.score_gold_correct / self.gold if self.gold else 0.0


def canonical_value(value: str) -> str:
    value = value.strip().upper().replace(" ", "T")
    while _ZERO_TAIL.search(value):
        value = value[:-3]
    return value


def value_correct(predicted: str, gold: GoldTime) -> bool:
    predicted = canonical_value(predicted)
    for accepted in map(canonical_value, gold.values):
        if predicted == accepted or (accepted.startswith("T") and predicted.endswith(accepted)):
            return True
    return False


def pair(gold: Sequence[GoldTime], predicted: Sequence[TimeExpression]) -> dict[int, TimeExpression]:
    """Each paired gold expression's index and its prediction, one-to-one among overlapping spans.

    Exact matches pair first, then larger overlaps.
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                candidates.append(((g.start, g.end) != (p.start, p.end), -overlap, i, j))
    pairs: dict[int, TimeExpression] = {}
    used: set[int] = set()
    for *_, i, j in sorted(candidates):
        if i not in pairs and j not in used:
            pairs[i] = predicted[j]
            used.add(j)
    return pairs


def score_document(doc: TimexDoc, predicted: list[TimeExpression], scores: TimeScores) -> None:
    """Add one document's counts to ``scores``."""
    scores.strict.add({(p.start, p.end) for p in predicted}, {(g.start, g.end) for g in doc.gold})
    pairs = pair(doc.gold, predicted)
    scores.relaxed.tp += len(pairs)
    scores.relaxed.fp += len(predicted) - len(pairs)
    scores.relaxed.fn += len(doc.gold) - len(pairs)
    for i, g in enumerate(doc.gold):
        p = pairs.get(i)
        right = p is not None and value_correct(p.value, g)
        scores.value_correct += right
        scores.type_correct += p is not None and p.type == g.type
        if not right:
            scores.misses.append(Miss(doc.id, g, p))
        scores.score_gold_correct += score_gold_correct(g, predicted)


def score_gold_correct(gold: GoldTime, predicted: Iterable[TimeExpression]) -> bool:
    """The rule of score_gold.py: texts contain one another, the value starts with the gold value."""
    gold_text = _score_gold_norm(gold.text)
    for p in predicted:
        text = _score_gold_norm(p.text)
        if (gold_text in text or (len(text) > 3 and text in gold_text)) and p.value.startswith(gold.value):
            return True
    return False


def _score_gold_norm(text: str) -> str:
    return " ".join(text.replace("ß", "ss").split()).lower()


def evaluate(docs: list[TimexDoc], system: System, label: str = "") -> TimeScores:
    """Tag every document with ``system`` and score it; the time taken is part of the result.

    A system with a ``prefetch`` method (HeidelTime) is handed all texts first, to tag
    them in few runs.
    """
    scores = TimeScores()
    started = time.perf_counter()
    if hasattr(system, "prefetch"):
        system.prefetch([(doc.text, doc.dct) for doc in docs])
    for doc in tqdm(docs, desc=label, unit="doc", leave=False):
        score_document(doc, system(doc.text, doc.dct), scores)
    scores.seconds = time.perf_counter() - started
    return scores


def lagebild_system(anchoring: str, model: Path | None = None) -> System:
    """lagebild's time tagger on the shipped pipeline (or ``model``), resolving by ``anchoring``."""
    from lagebild.extract.times import find_times
    from lagebild.nlp.pipeline import load

    nlp = load(model)
    if "lagebild_times" not in nlp.pipe_names:
        nlp.add_pipe("lagebild_times", last=True)

    def tag(text: str, dct: str | None) -> list[TimeExpression]:
        return find_times(nlp, text, dct, anchoring=anchoring)

    return tag
