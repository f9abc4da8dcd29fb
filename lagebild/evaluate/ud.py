"""Tagging, morphology, lemmas, parse and sentences on UD German GSD test (held out).

The pipeline reads the raw text of each ten-sentence document, so tokenisation and
sentence splitting count; tokens are aligned to gold as spaCy's scorer does.
Attachment scores follow spaCy's parser scorer (punctuation excluded).
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.training import Example

from lagebild.train.corpora import UD_TEST, read_ud

FINITE_VERB_FEATURES = ("Mood", "Tense")


def evaluate_ud(nlp: Language, data_dir: Path) -> dict[str, float]:
    gold_docs = read_ud(data_dir / UD_TEST)
    predicted = nlp.pipe((g.text for g in gold_docs), batch_size=64)
    examples = [Example(p, g) for p, g in zip(predicted, gold_docs)]
    scores: dict[str, float] = {}
    scores["tokens"] = Scorer.score_tokenization(examples)["token_acc"]
    scores["upos"] = Scorer.score_token_attr(examples, "pos")["pos_acc"]
    scores["morph (all features)"] = Scorer.score_token_attr(examples, "morph")["morph_acc"]
    scores["lemma"] = Scorer.score_token_attr(examples, "lemma")["lemma_acc"]
    deps = Scorer.score_deps(
        examples, "dep", head_attr="head", head_getter=lambda t, _: t.head, ignore_labels=("p", "punct")
    )
    scores["uas"] = deps["dep_uas"]
    scores["las"] = deps["dep_las"]
    sents = Scorer.score_spans(examples, "sents", has_annotation=lambda d: d.has_annotation("SENT_START"))
    scores["sentence F1"] = sents["sents_f"]
    scores["finite verbs: Mood+Tense"] = finite_verb_mood_tense(examples)
    return scores


def finite_verb_mood_tense(examples: list[Example]) -> float:
    """Share of gold finite verbs whose predicted Mood and Tense both match.

    Reported speech hinges on Konjunktiv I/II, so this figure is tracked on its own.
    """
    correct = total = 0
    for ex in examples:
        for gold in ex.reference:
            if "Fin" not in gold.morph.get("VerbForm"):
                continue
            total += 1
            aligned = ex.alignment.y2x[gold.i]
            if len(aligned) != 1:
                continue
            pred = ex.predicted[int(aligned[0])]
            if all(pred.morph.get(f) == gold.morph.get(f) for f in FINITE_VERB_FEATURES):
                correct += 1
    return correct / total if total else 0.0
