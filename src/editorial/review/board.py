"""The board: every article with its state, authors, assignee and age."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel

from editorial.model.state import State
from editorial.newsroom.article import Article
from editorial.newsroom.newsroom import Newsroom


class BoardRow(BaseModel):
    """One article on the board (``editorial status --format json`` prints these)."""

    slug: str
    path: str
    title: str
    state: State | None
    authors: list[str]
    assignee: str | None
    section: str | None
    updated: dt.datetime
    age_days: float
    errors: int | None = None
    problem: str | None = None


def _last_change(article: Article) -> dt.datetime:
    meta = article.meta
    if meta is not None:
        times = [entry.at for entry in meta.history]
        times += [t for t in (meta.updated_at, meta.published_at, meta.created_at) if t]
        aware = [t if t.tzinfo else t.replace(tzinfo=dt.UTC) for t in times]
        if aware:
            return max(aware)
    mtime = article.path.stat().st_mtime
    return dt.datetime.fromtimestamp(mtime, dt.UTC).replace(microsecond=0)


def board(
    newsroom: Newsroom,
    *,
    states: Sequence[State] = (),
    author: str | None = None,
    now: dt.datetime | None = None,
    lint_errors: bool = False,
) -> list[BoardRow]:
    """Every article of drafts/ and published/, filtered by state and author; with
    ``lint_errors``, each article's count of lint errors, published ones too (from the lint
    cache when fresh)."""
    now = now or dt.datetime.now(dt.UTC)
    errors: dict[str, int] = {}
    if lint_errors:
        from editorial.lint.engine import run_lint

        for finding in run_lint(newsroom, [newsroom.root]).findings:
            if finding.severity == "error":
                errors[finding.path] = errors.get(finding.path, 0) + 1
    rows = []
    for article in newsroom.articles():
        meta = article.meta
        if states and (meta is None or meta.state not in states):
            continue
        if author and (meta is None or author not in meta.authors):
            continue
        updated = _last_change(article)
        problem = None if meta else article.problems[0].message
        rows.append(
            BoardRow(
                slug=article.slug,
                path=newsroom.relative(article.path),
                title=meta.title if meta else "(unreadable)",
                state=meta.state if meta else None,
                authors=list(meta.authors) if meta else [],
                assignee=meta.assignee if meta else None,
                section=meta.section if meta else None,
                updated=updated,
                age_days=round((now - updated).total_seconds() / 86400, 1),
                errors=errors.get(newsroom.relative(article.path), 0) if lint_errors else None,
                problem=problem,
            )
        )
    order = {state: i for i, state in enumerate(State)}
    rows.sort(key=lambda r: (order.get(r.state, len(order)) if r.state else len(order), r.slug))
    return rows


def describe_age(days: float) -> str:
    """A short human age: ``3h``, ``2d``, ``5w``."""
    if days < 1:
        return f"{max(days * 24, 0):.0f}h"
    if days < 14:
        return f"{days:.0f}d"
    return f"{days / 7:.0f}w"
