"""Feeds and sitemaps: RSS 2.0, Atom, JSON Feed 1.1, sitemap.xml and a Google News sitemap.

XML is built with ElementTree, so every string is escaped by the serializer; dates come from
the articles, never from the clock, so an unchanged newsroom gives byte-identical feeds.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from email.utils import format_datetime
from html import escape
from typing import Any

from editorial.model.config import NewsroomInfo
from editorial.publish.views import ArticleSummary, ArticleView

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
JSONFEED_VERSION = "https://jsonfeed.org/version/1.1"
NEWS_WINDOW = dt.timedelta(days=2)

for _prefix, _uri in (("atom", ATOM), ("content", CONTENT), ("dc", DC), ("news", NEWS)):
    ET.register_namespace(_prefix, _uri)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _serialize(root: ET.Element) -> str:
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def entry_title(view: ArticleSummary) -> str:
    return f"Retracted: {view.title}" if view.retracted else view.title


def entry_html(view: ArticleView) -> str:
    """The full content of a feed entry: retraction notice, body, references, corrections."""
    parts = []
    if view.retracted:
        notice = escape(view.retraction or "This article has been retracted.")
        parts.append(f'<p class="retraction"><strong>Retracted.</strong> {notice}</p>')
    parts.append(view.body_html)
    if view.references:
        items = "".join(f"<li>{_reference_html(ref)}</li>" for ref in view.references)
        parts.append(f"<h2>References</h2><ol>{items}</ol>")
    if view.corrections:
        items = "".join(
            f'<li><time datetime="{c.at.isoformat()}">{c.at.date().isoformat()}</time>: '
            f"{c.html}</li>"
            for c in view.corrections
        )
        parts.append(f"<h2>Corrections</h2><ul>{items}</ul>")
    return "\n".join(parts)


def _reference_html(ref: Any) -> str:
    title = escape(ref.title)
    text = f'<a href="{escape(ref.url)}">{title}</a>' if ref.url else title
    for extra in (ref.publisher, ref.date.isoformat() if ref.date else None):
        if extra:
            text += f", {escape(extra)}"
    return text


def latest(views: Sequence[ArticleSummary]) -> dt.datetime:
    """The newest change among ``views`` (the feeds' own updated date)."""
    if not views:
        return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return max(v.modified_at for v in views)


def rss(views: Sequence[ArticleView], info: NewsroomInfo, description: str = "") -> str:
    """RSS 2.0 with full content (``content:encoded``), ``dc:creator`` and ``atom:link``."""
    root = ET.Element("rss", {"version": "2.0"})
    channel = _sub(root, "channel")
    _sub(channel, "title", info.name)
    _sub(channel, "link", f"{info.base_url}/")
    _sub(channel, "description", description or f"Latest from {info.name}")
    _sub(channel, "language", info.language)
    _sub(channel, "lastBuildDate", format_datetime(latest(views)))
    _sub(channel, "generator", "editorial")
    _sub(
        channel,
        f"{{{ATOM}}}link",
        href=f"{info.base_url}/feed.xml",
        rel="self",
        type="application/rss+xml",
    )
    for view in views:
        item = _sub(channel, "item")
        _sub(item, "title", entry_title(view))
        _sub(item, "link", view.url)
        _sub(item, "guid", view.url, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(view.published_at))
        for author in view.authors:
            _sub(item, f"{{{DC}}}creator", author.name)
        if view.section:
            _sub(item, "category", view.section.name)
        for tag in view.tags:
            _sub(item, "category", tag.name)
        _sub(item, "description", view.description)
        _sub(item, f"{{{CONTENT}}}encoded", entry_html(view))
    return _serialize(root)


def atom(views: Sequence[ArticleView], info: NewsroomInfo) -> str:
    """An Atom 1.0 feed with full content."""
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": info.language})
    _sub(root, f"{{{ATOM}}}id", f"{info.base_url}/")
    _sub(root, f"{{{ATOM}}}title", info.name)
    _sub(root, f"{{{ATOM}}}updated", latest(views).isoformat())
    _sub(root, f"{{{ATOM}}}link", href=f"{info.base_url}/atom.xml", rel="self")
    _sub(root, f"{{{ATOM}}}link", href=f"{info.base_url}/", rel="alternate")
    _sub(root, f"{{{ATOM}}}generator", "editorial")
    for view in views:
        atom_entry(root, view)
    return _serialize(root)


def atom_entry(parent: ET.Element, view: ArticleView) -> ET.Element:
    """One Atom ``entry`` of ``view`` under ``parent``."""
    entry = _sub(parent, f"{{{ATOM}}}entry")
    _sub(entry, f"{{{ATOM}}}id", view.url)
    _sub(entry, f"{{{ATOM}}}title", entry_title(view))
    _sub(entry, f"{{{ATOM}}}link", href=view.url, rel="alternate")
    _sub(entry, f"{{{ATOM}}}published", view.published_at.isoformat())
    _sub(entry, f"{{{ATOM}}}updated", view.modified_at.isoformat())
    for author in view.authors:
        person = _sub(entry, f"{{{ATOM}}}author")
        _sub(person, f"{{{ATOM}}}name", author.name)
    for name in ([view.section.name] if view.section else []) + [t.name for t in view.tags]:
        _sub(entry, f"{{{ATOM}}}category", term=name)
    _sub(entry, f"{{{ATOM}}}summary", view.description)
    _sub(entry, f"{{{ATOM}}}content", entry_html(view), type="html")
    return entry


def json_feed_item(view: ArticleView, info: NewsroomInfo) -> dict[str, Any]:
    """One JSON Feed 1.1 item."""
    item: dict[str, Any] = {
        "id": view.url,
        "url": view.url,
        "title": entry_title(view),
        "content_html": entry_html(view),
        "summary": view.description,
        "date_published": view.published_at.isoformat(),
        "date_modified": view.modified_at.isoformat(),
        "authors": [{"name": a.name, "url": f"{info.base_url}/{a.path}"} for a in view.authors],
        "language": view.language,
    }
    tags = ([view.section.name] if view.section else []) + [t.name for t in view.tags]
    if tags:
        item["tags"] = tags
    return item


def json_feed(views: Sequence[ArticleView], info: NewsroomInfo) -> str:
    """A JSON Feed 1.1 document."""
    data = {
        "version": JSONFEED_VERSION,
        "title": info.name,
        "home_page_url": f"{info.base_url}/",
        "feed_url": f"{info.base_url}/feed.json",
        "language": info.language,
        "items": [json_feed_item(view, info) for view in views],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def sitemap(urls: Sequence[tuple[str, dt.datetime | None]]) -> str:
    """``sitemap.xml`` of absolute URLs with their last change."""
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for loc, lastmod in urls:
        url = _sub(root, f"{{{SITEMAP}}}url")
        _sub(url, f"{{{SITEMAP}}}loc", loc)
        if lastmod is not None:
            _sub(url, f"{{{SITEMAP}}}lastmod", lastmod.isoformat())
    return _serialize(root)


def news_sitemap(views: Sequence[ArticleSummary], info: NewsroomInfo, now: dt.datetime) -> str:
    """A Google News sitemap: articles published in the two days before ``now``."""
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for view in views:
        if view.retracted or not (now - NEWS_WINDOW <= view.published_at <= now):
            continue
        url = _sub(root, f"{{{SITEMAP}}}url")
        _sub(url, f"{{{SITEMAP}}}loc", view.url)
        news = _sub(url, f"{{{NEWS}}}news")
        publication = _sub(news, f"{{{NEWS}}}publication")
        _sub(publication, f"{{{NEWS}}}name", info.name)
        _sub(publication, f"{{{NEWS}}}language", info.language)
        _sub(news, f"{{{NEWS}}}publication_date", view.published_at.isoformat())
        _sub(news, f"{{{NEWS}}}title", view.title)
    return _serialize(root)
