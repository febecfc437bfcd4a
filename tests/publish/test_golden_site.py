"""Golden files of the demo site: an article page, each feed and the JSON-LD.

Regenerate after an intended change with ``make golden`` (REGEN_GOLDEN=1) and review the diff.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from editorial import Newsroom
from editorial.publish import build_site
from tests.publish.conftest import NOW
from tests.quotes.test_golden import _compare as compare

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "pages"
FILES = ["river-ports-forum/index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml"]


def _compare(name: str, actual: str) -> None:
    compare(GOLDEN / name.replace("/", "__"), actual)


@pytest.fixture
def site(demo: Path) -> Path:
    build_site(Newsroom.open(demo), now=NOW)
    return demo / "site"


@pytest.mark.parametrize("name", FILES)
def test_output_matches_golden(site: Path, name: str) -> None:
    _compare(name, (site / name).read_text(encoding="utf-8"))


def test_jsonld_matches_golden(site: Path) -> None:
    page = (site / "river-ports-forum" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', page, re.S)
    assert match is not None
    data = json.loads(match.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["author"][0] == {
        "@type": "Person",
        "name": "Tom Becker",
        "url": "https://delta-review.example.org/authors/tom-becker/",
    }
    assert data["correction"][0]["@type"] == "CorrectionComment"
    assert data["citation"][0]["url"] == "https://port.example.org/statistics/2024"
    _compare("river-ports-forum.jsonld", json.dumps(data, indent=2, ensure_ascii=False) + "\n")
