"""Speed: the core pipeline on the news sample (`lagebild bench`), and reading plus
cleaning of any inputs (`lagebild bench ingest`)."""

from __future__ import annotations

import resource
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from lagebild.clean import CleanOptions, clean_article, clean_text
from lagebild.ingest import Article, ItemError, read_inputs
from lagebild.settings import BATCH_SIZE

SAMPLE = Path("news-sample") / "dewikinews_politik_sample.jsonl"


@dataclass(frozen=True)
class BenchResult:
    """One timed pass over the texts. Words are whitespace-separated, so figures do not
    depend on the tokenizer; memory is peak resident set size in MiB."""

    processes: int
    articles: int
    words: int
    seconds: float
    peak_mib: float
    peak_worker_mib: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds


def sample_texts(data_dir: Path, limit: int | None = None) -> list[str]:
    """Cleaned texts of the news sample in `data_dir` (the project's shared/data)."""
    path = data_dir / SAMPLE
    if not path.is_file():
        raise FileNotFoundError(f"news sample not found: {path}")
    articles = read_inputs([str(path)])
    return [clean_text(item.text) for item in articles if isinstance(item, Article)][:limit]


def run_benchmark(nlp: Language, texts: Sequence[str], processes: Sequence[int] = (1, 2)) -> list[BenchResult]:
    """Time `nlp.pipe` over `texts` once per process count, after a warm-up."""
    words = sum(len(text.split()) for text in texts)
    list(nlp.pipe(texts[:2]))  # first calls allocate; keep them out of the timing
    results = []
    for count in processes:
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=count):
            pass
        seconds = time.perf_counter() - start
        results.append(
            BenchResult(
                processes=count,
                articles=len(texts),
                words=words,
                seconds=seconds,
                peak_mib=_peak_mib(resource.RUSAGE_SELF),
                peak_worker_mib=_peak_mib(resource.RUSAGE_CHILDREN),
            )
        )
    return results


def format_results(results: Sequence[BenchResult]) -> str:
    """A plain-text table, one row per process count."""
    header = f"{'processes':>9} {'articles':>8} {'words':>8} {'seconds':>8} {'words/s':>8}"
    header += f" {'peak MiB':>9} {'worker MiB':>10}"
    rows = [
        f"{r.processes:>9} {r.articles:>8} {r.words:>8} {r.seconds:>8.2f}"
        f" {r.words_per_second:>8.0f} {r.peak_mib:>9.0f} {r.peak_worker_mib:>10.0f}"
        for r in results
    ]
    return "\n".join([header, *rows])


def _peak_mib(who: int) -> float:
    # Linux reports ru_maxrss in KiB; for children it is the largest one, not a sum.
    return resource.getrusage(who).ru_maxrss / 1024


@dataclass(frozen=True)
class IngestResult:
    """Reading and cleaning (no NLP) of every item in some inputs, `passes` times over."""

    passes: int
    items: int
    errors: int
    seconds: float

    @property
    def items_per_second(self) -> float:
        return self.items / self.seconds


def run_ingest_benchmark(paths: Sequence[str], min_seconds: float = 5.0) -> IngestResult:
    """Read and clean `paths` in this process until `min_seconds` have passed (at least
    once), so that small inputs still give a stable items/s figure."""
    passes = items = errors = 0
    start = time.perf_counter()
    while passes == 0 or time.perf_counter() - start < min_seconds:
        for item in read_inputs(paths):
            result = item if isinstance(item, ItemError) else clean_article(item, CleanOptions(language="any"))
            items += 1
            errors += isinstance(result, ItemError)
        passes += 1
    return IngestResult(passes, items, errors, time.perf_counter() - start)
