"""Hostile Markdown and front matter: no script, no event handler, no javascript: or data:
URL reaches a page or a feed, in any case or spacing."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from editorial import Newsroom
from editorial.publish import build_site, render, safe_url
from tests.conftest import Room
from tests.publish.conftest import NOW

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<img src=x OnError=alert(1)>",
    '<svg onload="alert(1)"><circle r="5"/></svg>',
    '<a href="javascript:alert(1)">a</a>',
    '<a href="JaVaScRiPt:alert(1)">b</a>',
    '<a href="  javascript:alert(1)">c</a>',
    '<a href="java\tscript:alert(1)">d</a>',
    '<a href="java&#x09;script:alert(1)">e</a>',
    '<a href="&#106;avascript:alert(1)">f</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">g</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    "[h](javascript:alert(1))",
    "[i](JAVASCRIPT:alert(1))",
    "[j]( javascript:alert(1) )",
    "[k](javascript&colon;alert(1))",
    "[l](data:text/html,<script>alert(1)</script>)",
    "![m](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">n</div>',
    '<form action="javascript:alert(1)"><button>o</button></form>',
    '<object data="javascript:alert(1)"></object>',
    '<a href="vbscript:msgbox(1)">p</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<p title="</p><script>alert(1)</script>">q</p>',
    "<!--<script>alert(1)</script>-->",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
]

_BAD_TAGS = {"script", "iframe", "object", "embed", "form", "base", "svg", "math", "style", "link"}
_URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcset"}


class _Scan(HTMLParser):
    """Every dangerous tag, attribute and URL, as a browser's parser sees the markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if (
            tag in _BAD_TAGS
            and not (tag == "script" and values.get("type") == "application/ld+json")
            and not (
                tag == "link"
                and values.get("rel") in ("stylesheet", "icon", "alternate", "canonical")
            )
        ):
            self.found.append(f"<{tag}>")
        if tag == "meta" and "http-equiv" in values:
            self.found.append("<meta http-equiv>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag} {name}=")
            if name in _URL_ATTRS and value:
                squeezed = re.sub(r"[\x00-\x20]+", "", value).lower()
                if re.match(r"(javascript|vbscript|data):", squeezed):
                    self.found.append(f"{tag} {name}={value}")


def dangers(text: str) -> list[str]:
    """Dangerous markup in an HTML text, parsed as a browser would."""
    scan = _Scan()
    scan.feed(text)
    scan.close()
    return scan.found


def html_of(path: Path) -> list[str]:
    """The HTML a reader's browser or feed reader renders from an output file: the page
    itself, or the HTML-typed fields of a feed (decoded once, as a reader decodes them)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return [text]
    if path.suffix == ".json":
        data = json.loads(text)
        return [item.get("content_html", "") for item in data.get("items", [])]
    root = ET.fromstring(text)
    found = []
    for element in root.iter():
        html_typed = element.tag.endswith("}encoded") or (
            element.tag.endswith("}content") and element.get("type") == "html"
        )
        if html_typed and element.text:
            found.append(element.text)
    return found


@pytest.mark.parametrize("markdown", HOSTILE)
def test_rendered_body_is_clean(markdown: str) -> None:
    assert dangers(render(f"Before.\n\n{markdown}\n\nAfter.").html) == []


@pytest.mark.parametrize("markdown", [*HOSTILE[:2], *HOSTILE[3:9]])
def test_the_check_itself_sees_the_danger(markdown: str) -> None:
    assert dangers(markdown) != []


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "\x01javascript:x",
    ],
)
def test_safe_url_refuses_script_urls(url: str) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize(
    "url", ["https://example.org/x", "http://a.b", "mailto:a@b.c", "/local", "#ref-1", "../up"]
)
def test_safe_url_keeps_ordinary_urls(url: str) -> None:
    assert safe_url(url) == url


def test_hostile_article_and_bio_reach_no_page_or_feed(room: Room) -> None:
    body = "\n\n".join(HOSTILE)
    room.write(
        "published/evil.md",
        f"""---
title: "<script>alert('title')</script> Evil"
slug: evil
authors: [ana-ruiz]
state: published
section: "<img src=x onerror=alert(1)>"
tags: ["<svg onload=alert(1)>"]
summary: "</script><script>alert('dek')</script>"
citations:
  - id: bad
    title: "A source"
    publisher: "Pub"
    url: "javascript:alert('cite')"
published_at: 2025-01-01T00:00:00Z
version: 1
---
Text [@bad].

{body}
""",
    )
    room.write(
        "authors/ana-ruiz.md",
        """---
name: "Ana <script>alert(1)</script> Ruiz"
image: "javascript:alert(1)"
links: {home: "javascript:alert(1)", site: "https://example.org"}
---
Ana writes <img src=x onerror=alert(1)> about water and climate for the newsroom, and has
done so for many years across the basin and beyond, with care. [x](javascript:alert(1))
""",
    )
    build_site(Newsroom.open(room.root), now=NOW)
    site = room.root / "site"
    outputs = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json")]
    assert len(outputs) > 8
    checked = 0
    for path in outputs:
        for text in html_of(path):
            checked += 1
            assert dangers(text) == [], f"{path.relative_to(site)}"
    assert checked >= 8
    page = (site / "evil" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Evil" in page  # shown, not run
    assert "https://example.org" in (site / "authors" / "ana-ruiz" / "index.html").read_text()


def test_json_ld_cannot_close_its_script(room: Room) -> None:
    room.article(
        "x",
        "published",
        text="""---
title: "</script><script>alert(1)</script>"
slug: x
authors: [ana-ruiz]
state: published
published_at: 2025-01-01T00:00:00Z
---
Body.
""",
    )
    build_site(Newsroom.open(room.root), now=NOW)
    page = (room.root / "site" / "x" / "index.html").read_text()
    assert page.count("</script>") == 1
    assert "\\u003c/script\\u003e" in page


def test_typographic_quotes_and_anchors_are_kept() -> None:
    out = render(
        "## Who “owns” the river?\n\n“Quoted,” she said — and “again”.\n\n## Who “owns” the river?\n"
    )
    assert "“Quoted,” she said — and “again”." in out.html
    assert '<h2 id="who-owns-the-river">' in out.html
    assert '<h2 id="who-owns-the-river-2">' in out.html


def test_citations_are_numbered_in_order_of_first_use() -> None:
    out = render("A [@b]. B [@a; @b, p. 4]. C [@unknown].", ["a", "b"])
    assert out.cited == ["b", "a"]
    assert '<a href="#ref-1" class="cite"' in out.html
    assert "p. 4]" in out.html
    assert "[@unknown]" in out.html


def test_footnotes_render() -> None:
    out = render("Claim.[^1]\n\n[^1]: The note.\n")
    assert 'id="fn-1"' in out.html and "The note." in out.html
