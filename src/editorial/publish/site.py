"""``editorial build``: published/ rendered into a static site with feeds and sitemaps.

Builds are incremental. Each article's view is cached under the hash of its file (and of
everything else a page shows: config, templates, bios, transcripts); each output file is
keyed by what it was made from. A build with no change renders nothing and writes nothing;
a changed article re-renders its page and the listings and feeds it appears in, and only
files whose bytes differ are written.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout
from pydantic import BaseModel, ValidationError

from editorial._types import StrPath
from editorial._version import __version__
from editorial.errors import InputError, LockedError, UsageError
from editorial.model.state import State
from editorial.newsroom.article import load_article
from editorial.newsroom.newsroom import AUTHORS, DRAFTS, PUBLISHED, SOURCES, Newsroom
from editorial.newsroom.storage import STATE_DIR, atomic_write
from editorial.publish import feeds
from editorial.publish.jsonld import news_article, script_json
from editorial.publish.templates import Templates
from editorial.publish.views import ArticleView, AuthorCard, Term, article_view, author_card

MANIFEST_VERSION = 2
STATIC = ("style.css", "favicon.svg")  # copied from the templates as they are


@dataclass
class BuildReport:
    """What a build did: files written (new or changed), left as they were, and removed."""

    out: Path
    articles: int = 0
    rendered: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # broken articles: "path:line: message"


class _Cached(BaseModel):
    source: str
    key: str = ""  # the digest of the view, for the outputs that show it
    view: ArticleView


class _Manifest(BaseModel):
    version: int = MANIFEST_VERSION
    site_key: str = ""
    articles: dict[str, _Cached] = {}
    outputs: dict[str, str] = {}


@dataclass
class Page:
    """One page of a paginated listing."""

    number: int
    count: int
    articles: list[ArticleView]
    previous: str | None
    next: str | None


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()[:32]


def _files_digest(folders: Iterable[Path]) -> str:
    """A digest of every file's name, size and modification time under ``folders``: cheap
    on every build, even with hours of transcripts in sources/."""
    h = hashlib.sha256()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = path.stat()
            h.update(f"{path.as_posix()}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return h.hexdigest()[:32]


def output_dir(newsroom: Newsroom, out: StrPath | None = None) -> Path:
    """The folder a build writes to, refused when it would overwrite the newsroom."""
    chosen = Path(out) if out is not None else Path(newsroom.config.site.out)
    folder = (chosen if chosen.is_absolute() else newsroom.root / chosen).resolve()
    protected = [newsroom.root / name for name in (DRAFTS, PUBLISHED, AUTHORS, SOURCES, STATE_DIR)]
    if folder == newsroom.root or folder in newsroom.root.parents:
        raise UsageError(f"refusing to build into {folder}: it holds the newsroom")
    for guarded in protected:
        if folder == guarded or guarded in folder.parents:
            raise UsageError(f"refusing to build into {folder}: it is inside {guarded.name}/")
    return folder


class _Builder:
    def __init__(self, newsroom: Newsroom, out: Path, now: dt.datetime, force: bool) -> None:
        self.newsroom = newsroom
        self.out = out
        self.now = now
        self.site = newsroom.config.site
        self.info = newsroom.config.newsroom
        self.templates = Templates(newsroom.root / self.site.templates)
        self.state_dir = newsroom.root / STATE_DIR / "build"
        self.manifest_path = self.state_dir / f"{_digest(str(out))}.json"
        self.old = _Manifest() if force else self._read_manifest()
        self.new = _Manifest()
        self.report = BuildReport(out)
        self.view_keys: dict[str, str] = {}

    def _read_manifest(self) -> _Manifest:
        try:
            return _Manifest.model_validate_json(self.manifest_path.read_bytes())
        except (OSError, ValidationError, ValueError):
            return _Manifest()

    # -- inputs ------------------------------------------------------------------------

    def site_key(self) -> str:
        config = self.newsroom.config.model_dump_json(include={"newsroom", "site"})
        folders = [self.newsroom.authors_dir, *self.templates.folders]
        if self.site.show_sources:
            folders.append(self.newsroom.sources_dir)
        return _digest(__version__, str(MANIFEST_VERSION), config, _files_digest(folders))

    def views(self) -> list[ArticleView]:
        reuse = self.old.site_key == self.new.site_key and self.old.version == MANIFEST_VERSION
        sources: dict[Path, str] = {}
        fresh: list[Path] = []
        for path in self.newsroom.article_paths(PUBLISHED):
            sources[path] = _digest(path.read_bytes())
            cached = self.old.articles.get(path.stem) if reuse else None
            if cached is None or cached.source != sources[path]:
                fresh.append(path)
        made = dict(_map_views(self.newsroom, fresh, self.site.show_sources) if fresh else ())
        views = []
        for path, source in sources.items():
            if path in made:
                outcome = made[path]
                if isinstance(outcome, str):
                    self.report.skipped.append(outcome)
                    continue
                if outcome is None:
                    continue
                view = outcome
                self.report.rendered += 1
            else:
                cached = self.old.articles[path.stem]
                view = cached.view
                if cached.key:
                    self.view_keys[view.slug] = cached.key
            self.new.articles[path.stem] = _Cached(source=source, key=self.key_of(view), view=view)
            views.append(view)
        return views

    # -- outputs -----------------------------------------------------------------------

    def key_of(self, view: ArticleView) -> str:
        if view.slug not in self.view_keys:
            self.view_keys[view.slug] = _digest(view.model_dump_json())
        return self.view_keys[view.slug]

    def emit(
        self, path: str, deps: Sequence[ArticleView], render: Callable[[], str], *extra: str
    ) -> None:
        key = _digest(self.new.site_key, path, *extra, *(self.key_of(v) for v in deps))
        self.new.outputs[path] = key
        target = self.out / path
        if self.old.outputs.get(path) == key and target.is_file():
            self.report.unchanged += 1
            return
        text = render()
        try:
            if target.read_text(encoding="utf-8") == text:
                self.report.unchanged += 1
                return
        except (OSError, ValueError):
            pass
        atomic_write(target, text, durable=False)  # the site can always be built again
        self.report.written.append(path)

    def page(self, template: str, path: str, **context: Any) -> str:
        depth = path.count("/")
        return self.templates.render(
            template,
            site=self.info,
            root="../" * depth,
            canonical=f"{self.info.base_url}/{path.removesuffix('index.html')}",
            **context,
        )

    def listing(
        self,
        base: str,
        views: list[ArticleView],
        template: str = "list.html",
        extra: str = "",
        later: Callable[[], dict[str, Any]] | None = None,
        **context: Any,
    ) -> None:
        """Paginated listing pages of ``views``; ``later`` gives context that is costly
        to make (an author's bio), asked for only when a page is rendered."""
        per = self.site.per_page
        count = max(1, math.ceil(len(views) / per))
        for number in range(1, count + 1):
            chunk = views[(number - 1) * per : number * per]
            page = Page(
                number=number,
                count=count,
                articles=chunk,
                previous=None if number == 1 else _page_path(base, number - 1),
                next=_page_path(base, number + 1) if number < count else None,
            )
            path = _page_path(base, number) + "index.html"
            self.emit(
                path,
                chunk,
                functools.partial(self._listing_page, template, path, page, later, context),
                str(number),
                str(count),
                extra,
            )

    def _listing_page(
        self,
        template: str,
        path: str,
        page: Page,
        later: Callable[[], dict[str, Any]] | None,
        context: dict[str, Any],
    ) -> str:
        return self.page(template, path, page=page, **context, **(later() if later else {}))

    def run(self) -> BuildReport:
        self.new.site_key = self.site_key()
        every = self.views()
        live = [v for v in every if self._live(v)]
        live.sort(key=lambda v: (v.published_at, v.slug), reverse=True)
        self.report.articles = len(live)
        sections = sorted(
            {v.section.slug: v.section for v in live if v.section}.values(),
            key=lambda t: t.name.lower(),
        )
        common: dict[str, Any] = {"sections": sections}
        nav = "|".join(s.slug + ":" + s.name for s in sections)
        for static in STATIC:
            self.emit(static, [], functools.partial(self.templates.source, static))
        for view in live:
            self.emit(
                f"{view.slug}/index.html",
                [view],
                functools.partial(self._article_page, view, common),
                nav,
            )
        self.listing("", live, extra=nav, heading=None, **common)
        sections_of = _groups(live, lambda v: [v.section] if v.section else [])
        for section, chosen in sections_of.values():
            self.listing(section.path, chosen, extra=nav, heading=section.name, **common)
        tags = _groups(live, lambda v: v.tags)
        for tag, chosen in tags.values():
            self.listing(tag.path, chosen, extra=nav, heading=f"Tagged “{tag.name}”", **common)
        authors = _groups(live, lambda v: v.authors)
        for card, chosen in authors.values():
            self.listing(
                card.path,
                chosen,
                template="author.html",
                extra=nav + card.model_dump_json(),
                later=functools.partial(self._author_context, card.slug),
                **common,
            )
        recent = live[: self.site.feed_items]
        self.emit("feed.xml", recent, lambda: feeds.rss(recent, self.info))
        self.emit("atom.xml", recent, lambda: feeds.atom(recent, self.info))
        self.emit("feed.json", recent, lambda: feeds.json_feed(recent, self.info))
        urls = self._sitemap_urls(
            live, sections, [t for t, _ in tags.values()], [a for a, _ in authors.values()]
        )
        self.emit("sitemap.xml", live, lambda: feeds.sitemap(urls), json.dumps(urls, default=str))
        fresh = [
            v for v in live if not v.retracted and v.published_at >= self.now - feeds.NEWS_WINDOW
        ]
        self.emit("news-sitemap.xml", fresh, lambda: feeds.news_sitemap(fresh, self.info, self.now))
        self.emit("robots.txt", [], self._robots)
        self._remove_stale()
        self._save()
        return self.report

    def _author_context(self, slug: str) -> dict[str, Any]:
        return {"author": author_card(self.newsroom, slug)}

    def _article_page(self, view: ArticleView, common: dict[str, Any]) -> str:
        jsonld = script_json(news_article(view, self.info))
        return self.page(
            "article.html", f"{view.slug}/index.html", article=view, jsonld=jsonld, **common
        )

    def _live(self, view: ArticleView) -> bool:
        return view.published_at <= self.now and (
            view.embargoed_until is None or view.embargoed_until <= self.now
        )

    def _robots(self) -> str:
        base = self.info.base_url
        return (
            "User-agent: *\nAllow: /\n"
            f"Sitemap: {base}/sitemap.xml\nSitemap: {base}/news-sitemap.xml\n"
        )

    def _sitemap_urls(
        self,
        live: list[ArticleView],
        sections: list[Term],
        tags: list[Term],
        authors: list[AuthorCard],
    ) -> list[tuple[str, dt.datetime | None]]:
        base = self.info.base_url
        newest = feeds.latest(live) if live else None
        urls: list[tuple[str, dt.datetime | None]] = [(f"{base}/", newest)]
        urls += [(v.url, v.modified_at) for v in live]
        urls += [(f"{base}/{t.path}", None) for t in [*sections, *tags]]
        urls += [(f"{base}/{a.path}", None) for a in authors]
        return urls

    def _remove_stale(self) -> None:
        for path in sorted(set(self.old.outputs) - set(self.new.outputs)):
            target = self.out / path
            if target.is_file():
                target.unlink()
                self.report.removed.append(path)
                folder = target.parent
                while folder != self.out and folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
                    folder = folder.parent

    def _save(self) -> None:
        if (
            not self.report.rendered
            and self.old.site_key == self.new.site_key
            and self.old.outputs == self.new.outputs
            and {k: v.source for k, v in self.old.articles.items()}
            == {k: v.source for k, v in self.new.articles.items()}
        ):
            return  # nothing changed: the manifest on disk is this one
        text = self.new.model_dump_json()
        try:
            if self.manifest_path.read_text(encoding="utf-8") == text:
                return
        except OSError:
            pass
        atomic_write(self.manifest_path, text)


PARALLEL_MIN = 24  # articles to render before spreading the work over processes
_WORKER: dict[str, Any] = {}
Outcome = ArticleView | str | None  # a view, a broken article's one line, or not live


def _view_of(path: Path) -> tuple[Path, Outcome]:
    """The view of one published article (run in this process or a worker)."""
    newsroom: Newsroom = _WORKER["newsroom"]
    article = load_article(path, newsroom.root)
    if article.meta is None:
        problem = article.problems[0]
        return path, f"{newsroom.relative(path)}:{problem.line}: {problem.message}"
    if article.meta.state not in (State.PUBLISHED, State.RETRACTED):
        return path, None
    return path, article_view(newsroom, article, show_sources=_WORKER["show_sources"])


def _start_worker(root: str, show_sources: bool) -> None:
    _WORKER.update(newsroom=Newsroom.open(Path(root)), show_sources=show_sources)


def _map_views(
    newsroom: Newsroom, paths: list[Path], show_sources: bool
) -> list[tuple[Path, Outcome]]:
    """The views of ``paths``: over every core when there are many to render (Markdown
    and the quotation analysis of the sources box are most of a cold build)."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_MIN or workers < 2 or not hasattr(os, "fork"):
        _WORKER.update(newsroom=newsroom, show_sources=show_sources)
        return [_view_of(path) for path in paths]
    chunk = max(1, min(32, len(paths) // (workers * 4)))
    with ProcessPoolExecutor(
        workers,
        mp_context=get_context("fork"),
        initializer=_start_worker,
        initargs=(str(newsroom.root), show_sources),
    ) as pool:
        return list(pool.map(_view_of, paths, chunksize=chunk))


G = TypeVar("G", Term, AuthorCard)


def _groups(
    views: list[ArticleView], keys: Callable[[ArticleView], Sequence[G]]
) -> dict[str, tuple[G, list[ArticleView]]]:
    """The views grouped by section, tag or author (by slug, in order of first appearance)."""
    groups: dict[str, tuple[G, list[ArticleView]]] = {}
    for view in views:
        for key in keys(view):
            groups.setdefault(key.slug, (key, []))[1].append(view)
    return groups


def _page_path(base: str, number: int) -> str:
    return base if number == 1 else f"{base}page/{number}/"


def build_site(
    newsroom: Newsroom,
    out: StrPath | None = None,
    *,
    now: dt.datetime | None = None,
    force: bool = False,
) -> BuildReport:
    """Render the newsroom's published articles into ``out`` (default ``[site] out``).

    Articles embargoed or dated after ``now`` appear nowhere. ``force`` ignores the
    build cache (files whose bytes are unchanged are still left alone)."""
    folder = output_dir(newsroom, out)
    moment = now or dt.datetime.now(dt.UTC)
    lock_dir = newsroom.root / STATE_DIR
    lock_dir.mkdir(exist_ok=True)
    try:
        with FileLock(str(lock_dir / "build.lock"), timeout=30):
            folder.mkdir(parents=True, exist_ok=True)
            return _Builder(newsroom, folder, moment, force).run()
    except Timeout as exc:
        raise LockedError("another build is writing this site", path=folder) from exc
    except OSError as exc:
        raise InputError(f"cannot write the site: {exc.strerror or exc}", path=folder) from exc
