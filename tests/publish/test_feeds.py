"""Feeds parse in feedparser with the right version and no bozo flag; the JSON Feed
validates against the JSON Feed 1.1 schema; sitemaps are well-formed."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import jsonschema
import pytest

from editorial import Newsroom
from editorial.publish import build_site
from editorial.publish.feeds import NEWS, SITEMAP
from tests.publish.conftest import NOW, ROOT

SCHEMAS = ROOT.parent / "shared" / "schemas"


@pytest.fixture
def site(demo: Path) -> Path:
    build_site(Newsroom.open(demo), now=NOW)
    return demo / "site"


@pytest.mark.parametrize(("name", "version"), [("feed.xml", "rss20"), ("atom.xml", "atom10")])
def test_feed_parses_without_bozo(site: Path, name: str, version: str) -> None:
    parsed = feedparser.parse((site / name).read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == version
    titles = [e.title for e in parsed.entries]
    assert (
        titles[0] == "Retracted: Dredging contract for the Rosario channel awarded without a tender"
    )
    ports = next(e for e in parsed.entries if "river-ports-forum" in e.link)
    assert ports.link == "https://delta-review.example.org/river-ports-forum/"
    assert ports.author == "Tom Becker"
    assert "Last season we turned away ships" in ports.content[0].value
    assert "Institute for Transport Research" in ports.content[0].value  # the correction
    if version == "rss20":
        assert ports.id == ports.link  # stable guid
        assert parsed.feed.links[0].rel == "self" or any(
            link.rel == "self" for link in parsed.feed.links
        )


def test_rss_has_content_encoded_dc_creator_and_self_link(site: Path) -> None:
    root = ET.fromstring((site / "feed.xml").read_bytes())
    ns = {
        "content": "http://purl.org/rss/1.0/modules/content/",
        "dc": "http://purl.org/dc/elements/1.1/",
        "atom": "http://www.w3.org/2005/Atom",
    }
    channel = root.find("channel")
    assert channel is not None
    assert (
        channel.find("atom:link[@rel='self']", ns).get("href")
        == "https://delta-review.example.org/feed.xml"
    )
    item = channel.findall("item")[1]
    assert item.find("content:encoded", ns).text.startswith("<p>")
    assert [c.text for c in item.findall("dc:creator", ns)] == ["Tom Becker"]


def test_json_feed_validates_against_schema(site: Path) -> None:
    schema = json.loads((SCHEMAS / "jsonfeed-schema-v1.1.json").read_text())
    data = json.loads((site / "feed.json").read_text())
    jsonschema.validate(data, schema)
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert len(data["items"]) == 3
    assert data["items"][0]["title"].startswith("Retracted: ")


def test_json_feed_schema_rejects_a_broken_feed(site: Path) -> None:
    schema = json.loads((SCHEMAS / "jsonfeed-schema-v1.1.json").read_text())
    data = json.loads((site / "feed.json").read_text())
    del data["items"][0]["id"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_sitemap_lists_every_page(site: Path) -> None:
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    locs = [e.text for e in root.iter(f"{{{SITEMAP}}}loc")]
    base = "https://delta-review.example.org/"
    assert base in locs
    for slug in ("river-ports-forum", "drought-budget-hearing", "dredging-contract-brief"):
        assert f"{base}{slug}/" in locs
    assert f"{base}authors/tom-becker/" in locs
    assert f"{base}tags/ports/" in locs


def test_news_sitemap_holds_the_last_two_days(demo: Path) -> None:
    import datetime as dt

    newsroom = Newsroom.open(demo)
    build_site(newsroom, now=dt.datetime(2025, 4, 11, 9, 0, tzinfo=dt.UTC))
    root = ET.fromstring((demo / "site" / "news-sitemap.xml").read_bytes())
    titles = [e.text for e in root.iter(f"{{{NEWS}}}title")]
    assert titles == [
        "Harbour master and freight researcher split over how to keep the river ports open"
    ]
    build_site(newsroom, now=NOW)
    root = ET.fromstring((demo / "site" / "news-sitemap.xml").read_bytes())
    assert list(root.iter(f"{{{NEWS}}}title")) == []
