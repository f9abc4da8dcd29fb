"""Where the open training and evaluation data lives.

The data is not shipped with the package (licences, size); commands that train or
evaluate look for the project's ``shared/data`` folder.
"""

from __future__ import annotations

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
