"""Sanitizing HTML with nh3: whatever the Markdown holds, no script, no event handler and
no ``javascript:`` or ``data:`` URL reaches a page or a feed."""

from __future__ import annotations

import re

import nh3

# Current HTML only (no <center>, <tt>, align=...), so pages stay valid HTML5.
TAGS = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col",
        "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
        "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
        "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong",
        "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
        "tr", "u", "ul", "var", "wbr",
    }
)  # fmt: skip
ATTRIBUTES = {
    "*": {"id", "class", "lang", "title", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "time": {"datetime"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "abbr": {"title"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_SAFE_URL = re.compile(r"^(?:https?://|mailto:|/|#|\.{0,2}/|[^:/?#]+(?:[/?#]|$))", re.I)


def sanitize(html: str) -> str:
    """``html`` with every tag, attribute and URL scheme outside the allow-lists removed
    (scripts and styles with their content)."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def safe_url(url: str | None) -> str | None:
    """``url`` when it is http(s), mailto or relative; None for anything else
    (``javascript:``, ``data:``, with any case, spacing or control characters)."""
    if not url:
        return None
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", url)
    if _SAFE_URL.match(cleaned) and not re.match(r"^[a-z][a-z0-9+.\-]*:", cleaned, re.I):
        return url.strip()
    if re.match(r"^(?:https?://|mailto:)", cleaned, re.I):
        return url.strip()
    return None
