"""Where the open training and evaluation data lives.

The data is not shipped with the package (licences, size); commands that train or
evaluate look for the project's ``shared/data`` folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ENV_VAR = "LAGEBILD_DATA"


def shared_data_dir(explicit: str | Path | None = None) -> Path:
    """Return the data folder: the explicit one, ``$LAGEBILD_DATA``, or ``../shared/data``.

    ``../shared/data`` is tried relative to the working directory and to the source
    checkout, so commands work from the repository root without options.
    """
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    candidates = [
        Path.cwd().parent / "shared" / "data",
        Path(__file__).resolve().parents[2] / "shared" / "data",
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


NEWS_SAMPLE = Path("news-sample") / "dewikinews_politik_sample.jsonl"
# Lines n of the news sample with n % 24 in this set (n from 0) are kept for independent
# evaluation: no rule, weight or threshold may be tuned on them.
HELD_OUT_LINES = frozenset({0, 3, 12, 15})


def news_sample_rows(path: Path, wanted: set[str]) -> dict[str, dict]:
    """The rows (JSON objects) of the news sample at `path` whose ids are `wanted`;
    held-out lines are skipped unread, so an id on one of them is simply not found."""
    rows = {}
    with open(path, encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n % 24 in HELD_OUT_LINES:
                continue
            row = json.loads(line)
            if row["id"] in wanted:
                rows[row["id"]] = row
    return rows


def news_sample_texts(data_dir: Path, wanted: set[str]) -> dict[str, str]:
    """Texts of the news-sample articles in `data_dir` whose ids are `wanted`."""
    return {key: row["text"] for key, row in news_sample_rows(data_dir / NEWS_SAMPLE, wanted).items()}
