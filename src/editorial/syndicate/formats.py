"""Payloads for partners: one article (one version) in the partner's format, carrying the
byline, the credit line and licence the newsroom asks for, and a link back to the original.

Built-in formats: ``ninjs`` (IPTC ninjs 3.1), ``rss``, ``atom``, ``jsonfeed``, ``html`` (a
republish snippet) and ``markdown``. A retraction is the same article with ``canceled``
status: ninjs ``pubStatus: canceled``, a feed entry titled "Retracted: …" whose content is
the notice. More formats load from the ``editorial.formats`` entry point group: a callable
``(Delivery context) -> Payload``.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib.metadata import entry_points

from editorial.errors import ConfigError
from editorial.model.config import NewsroomInfo, Partner
from editorial.publish import feeds
from editorial.publish.views import ArticleView

NINJS_SCHEMA = "https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"
ENTRY_POINT_GROUP = "editorial.formats"


@dataclass(frozen=True)
class Payload:
    """What a partner receives: the bytes, their media type and a file extension."""

    body: bytes
    media_type: str
    extension: str


@dataclass(frozen=True)
class Item:
    """One article version for one partner: the view, and whether it is a cancellation."""

    view: ArticleView
    partner: Partner
    info: NewsroomInfo
    canceled: bool
    markdown: str = ""  # the article's Markdown body (for the markdown format)

    def credit(self) -> str:
        """The partner's credit line with the article's details filled in."""
        view = self.view
        fields = {
            "newsroom": self.info.name,
            "url": view.url,
            "title": view.title,
            "byline": view.byline,
            "date": view.published_at.date().isoformat(),
        }
        try:
            return self.partner.credit.format(**fields)
        except (KeyError, IndexError, ValueError) as exc:
            raise ConfigError(
                f"partner '{self.partner.name}': credit template is invalid ({exc}); "
                "use {newsroom}, {url}, {title}, {byline}, {date}"
            ) from exc

    def credit_html(self) -> str:
        credit = escape(self.credit())
        url = escape(self.view.url)
        return credit.replace(url, f'<a href="{url}">{url}</a>')

    def notice(self) -> str:
        return self.view.retraction or "This article has been retracted."

    def content_html(self) -> str:
        """The article's HTML for the partner: notice or body, then the credit line."""
        if self.canceled:
            main = f'<p class="retraction"><strong>Retracted.</strong> {escape(self.notice())}</p>'
        else:
            main = feeds.entry_html(self.view)
        return f'{main}\n<p class="credit">{self.credit_html()}</p>'

    @property
    def version(self) -> str:
        return str(self.view.version)


Format = Callable[[Item], Payload]


def ninjs(item: Item) -> Payload:
    """IPTC ninjs 3.1."""
    view, info = item.view, item.info
    data: dict[str, object] = {
        "standard": {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA},
        "uri": view.url,
        "type": "text",
        "representationType": "full",
        "version": item.version,
        "firstCreated": view.published_at.isoformat(),
        "versionCreated": view.modified_at.isoformat(),
        "pubStatus": "canceled" if item.canceled else "usable",
        "language": view.language,
        "headlines": [
            {"role": "main", "value": feeds.entry_title(view) if item.canceled else view.title}
        ],
        "by": view.byline,
        "bodies": [{"role": "main", "contentType": "text/html", "value": item.content_html()}],
        "copyrightHolder": info.name,
        "copyrightNotice": item.credit(),
        "altIds": [{"role": "canonical", "value": view.url}],
        "infoSources": [{"name": info.name, "role": "originator", "uri": info.base_url}],
        "people": [
            {"name": a.name, "rel": "author", "uri": f"{info.base_url}/{a.path}"}
            for a in view.authors
        ],
    }
    if view.summary:
        data["descriptions"] = [
            {"role": "summary", "contentType": "text/plain", "value": view.summary}
        ]
    if view.embargoed_until is not None:
        data["embargoedUntil"] = view.embargoed_until.isoformat()
    if item.partner.licence:
        data["usageTerms"] = item.partner.licence
    if item.canceled:
        data["edNote"] = f"Retracted: {item.notice()}"
    subjects = ([view.section.name] if view.section else []) + [t.name for t in view.tags]
    if subjects:
        data["subjects"] = [{"name": name} for name in subjects]
    return Payload(_json(data), "application/json", "json")


def _json(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _for_feed(item: Item) -> ArticleView:
    """The view as a partner's feed shows it: credit line (and notice) in the content."""
    html = item.content_html()
    return item.view.model_copy(
        update={
            "body_html": html
            if item.canceled
            else item.view.body_html + f'\n<p class="credit">{item.credit_html()}</p>',
            "retracted": item.canceled,
            "references": [] if item.canceled else item.view.references,
            "corrections": [] if item.canceled else item.view.corrections,
        }
    )


def rss(item: Item) -> Payload:
    """An RSS 2.0 document with the one entry."""
    text = feeds.rss([_for_feed(item)], item.info, f"{item.info.name} for {item.partner.name}")
    return Payload(text.encode("utf-8"), "application/rss+xml", "xml")


def atom(item: Item) -> Payload:
    """An Atom document with the one entry (rights: the licence)."""
    root = ET.fromstring(feeds.atom([_for_feed(item)], item.info))
    if item.partner.licence:
        rights = ET.SubElement(root, f"{{{feeds.ATOM}}}rights")
        rights.text = item.partner.licence
    ET.indent(root, space="  ")
    text = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"
    return Payload(text.encode("utf-8"), "application/atom+xml", "xml")


def jsonfeed(item: Item) -> Payload:
    """A JSON Feed 1.1 document with the one item."""
    data = json.loads(feeds.json_feed([_for_feed(item)], item.info))
    data["title"] = f"{item.info.name} for {item.partner.name}"
    if item.partner.licence:
        data["_editorial"] = {"usage_terms": item.partner.licence}
    return Payload(_json(data), "application/feed+json", "json")


def html(item: Item) -> Payload:
    """A republish snippet: canonical link (and noindex), headline, byline, body, credit."""
    view = item.view
    head = []
    if item.partner.canonical:
        head.append(f'<link rel="canonical" href="{escape(view.url)}">')
    if item.partner.noindex:
        head.append('<meta name="robots" content="noindex">')
    title = feeds.entry_title(view) if item.canceled else view.title
    parts = [
        *head,
        f'<article class="syndicated" data-version="{escape(item.version)}">',
        f"<h1>{escape(title)}</h1>",
        f'<p class="byline">By {escape(view.byline)}</p>',
        item.content_html(),
    ]
    if item.partner.licence:
        parts.append(f'<p class="licence">{escape(item.partner.licence)}</p>')
    parts.append("</article>")
    return Payload(("\n".join(parts) + "\n").encode("utf-8"), "text/html", "html")


def markdown(item: Item) -> Payload:
    """Markdown with a small front matter: title, byline, canonical URL, credit, licence."""
    view = item.view
    meta = {
        "title": feeds.entry_title(view) if item.canceled else view.title,
        "byline": view.byline,
        "published": view.published_at.isoformat(),
        "version": view.version,
        "status": "canceled" if item.canceled else "usable",
        "credit": item.credit(),
    }
    if item.partner.canonical:
        meta["canonical_url"] = view.url
    if item.partner.noindex:
        meta["noindex"] = True
    if item.partner.licence:
        meta["licence"] = item.partner.licence
    lines = [
        "---",
        *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()),
        "---",
        "",
    ]
    if item.canceled:
        body = f"**Retracted.** {item.notice()}"
    else:
        body = _numbered_citations(item.markdown, view)
    text = "\n".join(lines) + body.strip() + f"\n\n*{item.credit()}*\n"
    return Payload(text.encode("utf-8"), "text/markdown", "md")


def _numbered_citations(body: str, view: ArticleView) -> str:
    numbers = {ref.id: ref.number for ref in view.references}

    def number(match: re.Match[str]) -> str:
        keys = re.findall(r"-?@([A-Za-z0-9_][A-Za-z0-9_:.#$%&\-+?<>~/]*)", match.group(1))
        found = [str(numbers[k.rstrip(".,;:")]) for k in keys if k.rstrip(".,;:") in numbers]
        return f"[{', '.join(found)}]" if found else match.group(0)

    text = re.sub(r"\[([^\[\]\n]*-?@[^\[\]\n]*)\](?!\()", number, body)
    if view.references:
        text += "\n\n## References\n\n" + "\n".join(
            f"{ref.number}. {ref.title}"
            + (f", {ref.publisher}" if ref.publisher else "")
            + (f" <{ref.url}>" if ref.url else "")
            for ref in view.references
        )
    return text


BUILTIN: dict[str, Format] = {
    "ninjs": ninjs,
    "rss": rss,
    "atom": atom,
    "jsonfeed": jsonfeed,
    "html": html,
    "markdown": markdown,
}


@cache
def all_formats() -> dict[str, Format]:
    """The built-in formats and those of installed plugins (``editorial.formats``)."""
    found = dict(BUILTIN)
    for point in entry_points(group=ENTRY_POINT_GROUP):
        if point.name not in found:
            found[point.name] = point.load()
    return found


def get_format(partner_id: str, name: str) -> Format:
    """The format ``name``; a clear ``ConfigError`` naming the partner when it is unknown."""
    formats = all_formats()
    if name not in formats:
        known = ", ".join(sorted(formats))
        raise ConfigError(f"partner '{partner_id}': unknown format '{name}' (known: {known})")
    return formats[name]
