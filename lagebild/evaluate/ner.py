"""NER on held-out gold: GermEval 2014 dev (never trained on) and UNER German PUD.

Scored on the gold tokenisation, strict span + label, as in the GermEval shared task
(outer level, ``deriv``/``part`` as O).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from lagebild.evaluate.prf import PRF
from lagebild.train.corpora import GERMEVAL_DEV, UNER_PUD, read_germeval, read_iob2

EVAL_SETS = {
    "GermEval 2014 dev": (GERMEVAL_DEV, read_germeval, ("PER", "ORG", "LOC", "OTH")),
    # UNER has no OTH class: predicted OTH entities are left out, not counted as errors.
    "UNER German PUD": (UNER_PUD, read_iob2, ("PER", "ORG", "LOC")),
}


def evaluate_ner(nlp: Language, data_dir: Path) -> dict[str, dict]:
    """Score every evaluation set whose file exists under ``data_dir``."""
    results = {}
    for name, (path, reader, labels) in EVAL_SETS.items():
        if (data_dir / path).exists():
            results[name] = score_entities(nlp, reader(data_dir / path), labels)
    return results


def score_entities(nlp: Language, gold_docs: list[Doc], labels: Iterable[str]) -> dict:
    labels = tuple(labels)
    micro = PRF()
    per_label: dict[str, PRF] = defaultdict(PRF)
    inputs = (Doc(nlp.vocab, words=[t.text for t in d], spaces=[True] * len(d)) for d in gold_docs)
    for gold, pred in zip(gold_docs, nlp.pipe(inputs, batch_size=256)):
        g = {(e.start, e.end, e.label_) for e in gold.ents if e.label_ in labels}
        p = {(e.start, e.end, e.label_) for e in pred.ents if e.label_ in labels}
        micro.add(p, g)
        for label in labels:
            per_label[label].add({x for x in p if x[2] == label}, {x for x in g if x[2] == label})
    return {"micro": micro.as_dict(), "per_label": {k: per_label[k].as_dict() for k in labels}}
