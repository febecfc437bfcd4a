from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A copy of the demo newsroom's published side (config, bios, published/, sources/)."""
    root = tmp_path / "demo"
    root.mkdir()
    shutil.copy(ROOT / "editorial.toml", root / "editorial.toml")
    for folder in ("authors", "published", "sources"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "drafts").mkdir()
    return root
