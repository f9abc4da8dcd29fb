"""Reproduce the shipped German pipeline from ``shared/data``.

Two spaCy trainings run side by side (one CPU thread each): the core pipeline
(tagger, morphologizer, parser, lemmatizer on a shared tok2vec) and the entity
recogniser (own tok2vec plus name-list features). The best checkpoints are then
assembled, with the news tokenizer and the rule components, into one pipeline.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import spacy
from spacy.language import Language

from lagebild.nlp.pipeline import EXTRACTORS, MODEL_DIR  # importing lagebild.nlp registers its components
from lagebild.train.corpora import build_core_corpora, build_ner_corpora

CONFIG_DIR = Path(__file__).resolve().parent / "configs"
MODEL_NAME = "lagebild_core"
MODEL_VERSION = "0.1.0"
TRAINING_DATA = [
    "GermEval 2014 NER, test split (CC BY 4.0; Benikova et al. 2014)",
    "Wikinews NER silver annotations (CC BY 4.0; texts de.wikinews.org, CC BY 2.5)",
    "UD German GSD, dev split (CC BY-SA 4.0)",
    "UD German PUD (CC BY-SA 3.0)",
    "Wikinews UD silver treebank (CC BY 4.0; texts de.wikinews.org, CC BY 2.5)",
    "LanguageTool german-pos-dict 1.2.4 and german-nouns 1.2.5 (CC BY-SA 4.0): name lists, lemma table",
    "GeoNames German names (CC BY 4.0), i18n-nationality (MIT), CountryInfo office holders (CC BY-SA 3.0): name lists",
]


def train_core(data_dir: Path, workdir: Path, model_dir: Path = MODEL_DIR) -> Path:
    """Build corpora, train both pipelines in parallel, assemble into ``model_dir``."""
    corpus = workdir / "corpus"
    core_docs, ner_docs = build_core_corpora(data_dir, corpus), build_ner_corpora(data_dir, corpus)
    print(f"corpora (documents): core {core_docs}, ner {ner_docs}", flush=True)
    jobs = {
        "core": _spacy_train("core", "ud", corpus, workdir, data_dir),
        "ner": _spacy_train("ner", "ner", corpus, workdir, data_dir),
    }
    for name, job in jobs.items():
        if job.wait() != 0:
            raise RuntimeError(f"training {name} failed; see {workdir / (name + '.log')}")
    nlp = assemble(workdir / "core" / "model-best", workdir / "ner" / "model-best", data_dir)
    nlp.to_disk(model_dir)
    return model_dir


def _spacy_train(config: str, corpus_prefix: str, corpus: Path, workdir: Path, data_dir: Path) -> subprocess.Popen:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    command = [
        sys.executable, "-m", "spacy", "train", str(CONFIG_DIR / f"{config}.cfg"),
        "--output", str(workdir / config),
        "--code", str(Path(__file__).resolve().parent / "registered.py"),
        "--paths.train", str(corpus / f"{corpus_prefix}-train.spacy"),
        "--paths.dev", str(corpus / f"{corpus_prefix}-dev.spacy"),
    ]  # fmt: skip
    if config == "ner":
        command += ["--paths.data", str(data_dir)]
    log = (workdir / f"{config}.log").open("w")
    print(f"training {config}: log in {workdir / (config + '.log')}", flush=True)
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)


def assemble(core_dir: Path, ner_dir: Path, data_dir: Path) -> Language:
    """The core pipeline (news tokenizer, sentence guard, tagger … lemmatizer), the
    lexicon lookup built from ``data_dir``, the gazetteer and the NER."""
    from lagebild.nlp.lexicon import lexicon_table

    nlp = spacy.load(core_dir)
    nlp.add_pipe("lexicon_lookup", after="trainable_lemmatizer")
    nlp.get_pipe("lexicon_lookup").initialize(table=lexicon_table(str(data_dir)))
    ner = spacy.load(ner_dir)
    # The recogniser gets its own copy of its tok2vec so both can live in one pipeline.
    ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("gazetteer", source=ner)
    nlp.add_pipe("ner", source=ner)
    for extractor in EXTRACTORS:
        nlp.add_pipe(extractor)
    # The corpora lived in a work folder; the shipped config should not point there.
    nlp.config["paths"].update({"train": None, "dev": None})
    nlp.meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": "German news pipeline of lagebild: tokenizer, tagger, morphology, "
            "parser, lemmas, entities (PER/ORG/LOC/OTH). Trained with `lagebild train core`.",
            "license": "CC BY-SA 4.0 (follows the share-alike training data)",
            "sources": TRAINING_DATA,
        }
    )
    return nlp
