"""PLOVER events: who did what to whom, when, where, and how sure (issue #7).

Importing this package registers the ``lagebild_events`` pipeline component. The
triggers and status cues are data (``lang/events_de.toml``); `triggers` finds them,
`arguments` reads source, target and place from the parse, `status` tells occurred
from planned, alleged, denied and hypothetical, `merge` folds repeated reports.
"""

from lagebild.extract.events.component import EventFinder, find_events

__all__ = ["EventFinder", "find_events"]
