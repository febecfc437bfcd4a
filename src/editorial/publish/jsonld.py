"""Structured data: a schema.org ``NewsArticle`` in JSON-LD for each article page."""

from __future__ import annotations

import json
from typing import Any

from editorial.model.config import NewsroomInfo
from editorial.publish.views import ArticleView


def news_article(view: ArticleView, info: NewsroomInfo) -> dict[str, Any]:
    """The schema.org ``NewsArticle`` of an article: headline, dates, authors as Persons
    with their pages, publisher, citations and corrections."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": view.title,
        "description": view.description,
        "url": view.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": view.url},
        "datePublished": view.published_at.isoformat(),
        "dateModified": view.modified_at.isoformat(),
        "inLanguage": view.language,
        "version": str(view.version),
        "author": [
            {"@type": "Person", "name": a.name, "url": f"{info.base_url}/{a.path}"}
            for a in view.authors
        ],
        "publisher": {"@type": "NewsMediaOrganization", "name": info.name, "url": info.base_url},
        "isAccessibleForFree": True,
    }
    if view.section:
        data["articleSection"] = view.section.name
    if view.tags:
        data["keywords"] = [t.name for t in view.tags]
    if view.references:
        data["citation"] = [_citation(ref) for ref in view.references]
    if view.corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c.text, "datePublished": c.at.isoformat()}
            for c in view.corrections
        ]
    if view.retracted:
        data["creativeWorkStatus"] = "Retracted"
        if view.retraction:
            data["correction"] = [
                *data.get("correction", []),
                {"@type": "CorrectionComment", "text": f"Retracted: {view.retraction}"},
            ]
    return data


def _citation(ref: Any) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "CreativeWork", "name": ref.title}
    if ref.publisher:
        item["publisher"] = {"@type": "Organization", "name": ref.publisher}
    if ref.author:
        item["author"] = ref.author
    if ref.date:
        item["datePublished"] = ref.date.isoformat()
    if ref.url:
        item["url"] = ref.url
    return item


def script_json(data: dict[str, Any]) -> str:
    """JSON safe inside ``<script type="application/ld+json">``: no ``</script>``, no
    comment opener, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
