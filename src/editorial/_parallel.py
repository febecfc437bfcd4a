"""How many processes a run spreads its work over."""

from __future__ import annotations

import os

MAX_WORKERS = 8


def worker_count(work: int, least: int) -> int:
    """One process per core (at most eight) for ``work`` items, or 1 (this process) when
    there are fewer than ``least``: starting workers would cost more than they save."""
    if work < least:
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))
