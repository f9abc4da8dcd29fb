"""German example articles and helpers the tests share."""

import json

from lagebild.record import Entity

BIDEN_PUTIN = (
    "US-Präsident Joe Biden wird morgen Donnerstag mit dem russischen Staatschef "
    "Wladimir Putin telefonieren. Das teilte das Weiße Haus in Washington mit.\n\n"
    "Kremlsprecher Dmitri Peskow bestätigte das Gespräch. Es geht um die Lage an der "
    "Grenze zur Ukraine."
)

MERKEL_PARIS = (
    "Bundeskanzlerin Angela Merkel ist am Montag nach Paris gereist. Dort traf sie den "
    "französischen Präsidenten Emmanuel Macron zu Gesprächen über die Zukunft der "
    "Europäischen Union."
)


def entity(text: str, words: str, label: str) -> Entity:
    """The entity for the first occurrence of `words` in `text`."""
    start = text.index(words)
    return Entity(start=start, end=start + len(words), text=words, label=label)


def jsonl_records(output: str) -> list[dict]:
    """The records in `lagebild analyze` JSON Lines output."""
    return [json.loads(line) for line in output.splitlines() if line.strip()]
