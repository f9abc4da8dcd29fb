"""German time expressions, recognised by rules and normalised to TIMEX3 values (issue #4).

Importing this package registers the ``lagebild_times`` pipeline component; see
`component` for how relative expressions are anchored.
"""

from lagebild.extract.times.component import TimeTagger, find_times, time_of

__all__ = ["TimeTagger", "find_times", "time_of"]
