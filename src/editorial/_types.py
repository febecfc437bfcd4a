"""Types shared across the package."""

from __future__ import annotations

import os
from typing import TypeAlias

# what the API takes wherever it takes a path: a str, a pathlib.Path or any os.PathLike
StrPath: TypeAlias = str | os.PathLike[str]
