"""German language data for the news pipeline, kept as plain word lists.

Each ``<name>.txt`` holds one entry per line; blank lines and lines starting with
"#" are comments, so a list explains itself to whoever edits it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of ``lang/<name>.txt`` in file order."""
    lines = (LANG_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))
