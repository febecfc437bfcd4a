"""Markdown to HTML: one configured mistune factory with the newsroom's syntax as plugins.

- ``[@id]``, ``[@a; @b]``, ``[@id, p. 4]``: pandoc-style citations, numbered in order of
  first use and linked to the article's references;
- ``[^label]`` footnotes (mistune's own plugin);
- headings carry stable anchors made from their text;
- tables and strikethrough; typographic quotation marks are kept as written.

The HTML is sanitized with nh3 before it leaves this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape, unescape
from re import Match
from typing import Any

import mistune
from mistune.core import BlockState, InlineState
from mistune.inline_parser import InlineParser

from editorial.lint.facts.citations import citation_keys
from editorial.model.slug import slugify
from editorial.publish.sanitize import sanitize

_CITATION = r"\[(?P<cite_inner>[^\[\]\n]*?-?@[A-Za-z0-9_][^\[\]\n]*)\](?!\()"
_ENV_KNOWN = "citation_known"
_ENV_ORDER = "citation_order"


@dataclass
class Rendered:
    """A body rendered to HTML, with what the page around it needs."""

    html: str
    cited: list[str] = field(default_factory=list)  # citation ids in order of first use
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # level, id, text


def _parse_citation(inline: InlineParser, m: Match[str], state: InlineState) -> int:
    inner = m.group("cite_inner")
    keys = citation_keys(inner)
    known: frozenset[str] = state.env.get(_ENV_KNOWN, frozenset())
    if not keys or any(key not in known for key in keys):
        state.append_token({"type": "text", "raw": m.group(0)})
        return m.end()
    order: list[str] = state.env.setdefault(_ENV_ORDER, [])
    numbers = []
    for key in keys:
        if key not in order:
            order.append(key)
        numbers.append((key, order.index(key) + 1))
    locator = re.sub(r"-?@[A-Za-z0-9_][A-Za-z0-9_:.#$%&\-+?<>~/]*", "", inner)
    locator = locator.strip(" ;,")
    state.append_token({"type": "citation", "attrs": {"numbers": numbers, "locator": locator}})
    return m.end()


def _render_citation(_renderer: Any, numbers: list[tuple[str, int]], locator: str = "") -> str:
    links = ", ".join(
        f'<a href="#ref-{number}" class="cite">{number}</a>' for key, number in numbers
    )
    where = f", {escape(locator)}" if locator else ""
    return f'<sup class="citation">[{links}{where}]</sup>'


def key_id(key: str) -> str:
    """A citation id made safe for an HTML id."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-") or "ref"


def citations(md: mistune.Markdown) -> None:
    """The mistune plugin for ``[@id]`` citations (ids listed in ``env['citation_known']``)."""
    # Its one start character lets mistune skip plain text with a character class
    # instead of trying every inline pattern at each position.
    md.inline.register("citation", _CITATION, _parse_citation, before="link", start_chars="[")
    if md.renderer is not None and md.renderer.NAME == "html":
        md.renderer.register("citation", _render_citation)


def _heading_ids(_md: mistune.Markdown, state: BlockState) -> None:
    seen: dict[str, int] = {}
    collected: list[tuple[int, str, str]] = state.env.setdefault("headings", [])
    for token in _walk(state.tokens):
        if token["type"] != "heading":
            continue
        text = re.sub(r"[*_`\[\]]|\]\([^)]*\)", "", str(token.get("text", "")))
        base = slugify(text) or "section"
        count = seen.get(base, 0)
        seen[base] = count + 1
        anchor = base if count == 0 else f"{base}-{count + 1}"
        token.setdefault("attrs", {})["id"] = anchor
        collected.append((int(token["attrs"]["level"]), anchor, text.strip()))


def _walk(tokens: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    for token in tokens:
        yield token
        children = token.get("children")
        if isinstance(children, list):
            yield from _walk(children)


def heading_anchors(md: mistune.Markdown) -> None:
    """The mistune plugin that gives every heading an id made from its text."""
    md.before_render_hooks.append(_heading_ids)


@lru_cache(maxsize=1)
def markdown_factory() -> mistune.Markdown:
    """The one configured Markdown renderer (raw HTML passes here; ``render`` sanitizes)."""
    return mistune.create_markdown(
        escape=False,
        plugins=["footnotes", "table", "strikethrough", citations, heading_anchors],
    )


def render(body: str, citation_ids: Iterable[str] = ()) -> Rendered:
    """Render an article body; citation markers are numbered against ``citation_ids``."""
    md = markdown_factory()
    state = BlockState()
    state.env[_ENV_KNOWN] = frozenset(citation_ids)
    html, state = md.parse(body, state)
    assert isinstance(html, str)
    return Rendered(
        html=sanitize(html),
        cited=list(state.env.get(_ENV_ORDER, [])),
        headings=list(state.env.get("headings", [])),
    )


def render_inline(text: str) -> str:
    """Short Markdown (a correction, a note) rendered and sanitized, without the paragraph
    around it when it is one paragraph."""
    html = render(text).html.strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


def render_block(text: str) -> str:
    """Longer Markdown (a bio) rendered and sanitized."""
    return render(text).html


def plain_text(html: str) -> str:
    """The text of some HTML, tags dropped, whitespace folded (for descriptions)."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()
