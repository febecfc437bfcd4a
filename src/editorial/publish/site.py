"""``editorial build``: published/ rendered into a static site with feeds and sitemaps.

Builds are incremental. A build's record, a SQLite database in ``.editorial/build/``,
keeps each article's view under the hash of its file (and of everything else a page
shows: config, templates, bios, transcripts), with the file's size, times and inode so
that an unchanged file is not read again, and the key of each output file, made from
what it shows. A build with no change renders nothing and writes nothing; a changed
article re-renders its page, its feeds and the listings whose teaser of it changed, and
only files whose bytes differ are written.

Only the articles' summaries (what listings show) are held in memory; a page or a feed
loads the full views it shows from the record when it is rendered. When there are many
pages to render they are rendered and written over every core.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import math
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from filelock import FileLock, Timeout

from editorial._parallel import worker_count
from editorial._types import StrPath
from editorial._version import __version__
from editorial.errors import InputError, LockedError, UsageError
from editorial.model.config import NewsroomInfo
from editorial.newsroom import cachedb
from editorial.newsroom.newsroom import AUTHORS, DRAFTS, PUBLISHED, SOURCES, Newsroom
from editorial.newsroom.storage import STATE_DIR, atomic_write
from editorial.publish import feeds
from editorial.publish.jsonld import news_article, script_json
from editorial.publish.templates import Templates
from editorial.publish.views import (
    ArticleSummary,
    ArticleView,
    AuthorCard,
    Term,
    article_view,
    author_card,
)

RECORD_FORMAT = 3
_NO_STAMP = (-1, -1, -1, -1)  # a file that could not be stated: never trusted unread
STATIC = ("style.css", "favicon.svg")  # copied from the templates as they are
PARALLEL_MIN = 24  # articles to read before spreading the work over processes
PARALLEL_PAGES = 200  # pages to render before spreading the work over processes

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE articles (
    rel TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, ctime INTEGER, inode INTEGER,
    seen INTEGER, source TEXT, key TEXT, teaser TEXT, summary TEXT, view TEXT
) WITHOUT ROWID;
CREATE TABLE outputs (path TEXT PRIMARY KEY, key TEXT) WITHOUT ROWID;
"""


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


@dataclass
class Page:
    """One page of a paginated listing."""

    number: int
    count: int
    articles: list[ArticleSummary]
    previous: str | None
    next: str | None


class _Known(NamedTuple):
    """An article as the record holds it."""

    stamp: tuple[int, int, int, int]
    seen: int
    source: str
    key: str  # the digest of its view: of its page and feeds
    teaser: str  # the digest of its summary: of the listings it appears in
    summary: str


class _Made(NamedTuple):
    """A view made in a worker, as JSON: the whole and its summary, with their digests."""

    source: str
    key: str
    teaser: str
    summary: str
    view: str


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()[:32]


class _Record:
    """The build's record for one output folder (see the module's docstring). One that
    cannot be written lives in memory for the build."""

    def __init__(self, path: Path, site_key: str, force: bool, keep: bool = True) -> None:
        self.path = path
        db = cachedb.open_db(path, _SCHEMA, {"format": str(RECORD_FORMAT)}) if keep else None
        self.shared = db is not None
        self.db = db if db is not None else cachedb.in_memory(_SCHEMA)
        self.pid = os.getpid()
        with self.db:
            kept = self.db.execute("SELECT value FROM meta WHERE name = 'site'").fetchone()
            if force or kept is None or kept[0] != site_key:  # views of another site: drop
                self.db.execute("DELETE FROM articles")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('site', ?)", (site_key,))
            if force:
                self.db.execute("DELETE FROM outputs")

    @property
    def _db(self) -> sqlite3.Connection:
        if os.getpid() != self.pid:  # a worker: a connection of its own
            self.db = cachedb.connect(str(self.path))
            self.pid = os.getpid()
        return self.db

    def known(self) -> dict[str, _Known]:
        rows = self._db.execute(
            "SELECT rel, size, mtime, ctime, inode, seen, source, key, teaser, summary"
            " FROM articles"
        )
        return {row[0]: _Known(tuple(row[1:5]), *row[5:]) for row in rows}

    def put(self, rel: str, stamp: cachedb.Stamp | None, seen: int, made: _Made) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (rel, *(stamp or _NO_STAMP), seen, *made),
        )

    def touch(self, rel: str, stamp: cachedb.Stamp | None, seen: int) -> None:
        """Record that ``rel``, read again, is as it was."""
        self._db.execute(
            "UPDATE articles SET size = ?, mtime = ?, ctime = ?, inode = ?, seen = ? WHERE rel = ?",
            (*(stamp or _NO_STAMP), seen, rel),
        )

    def forget(self, rels: Iterable[str]) -> None:
        self._db.executemany("DELETE FROM articles WHERE rel = ?", [(r,) for r in rels])

    def view(self, rel: str) -> ArticleView:
        (text,) = self._db.execute("SELECT view FROM articles WHERE rel = ?", (rel,)).fetchone()
        return ArticleView.model_validate_json(text)

    def outputs(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT path, key FROM outputs"))

    def keep_outputs(self, old: dict[str, str], new: dict[str, str]) -> None:
        """Record the outputs written (after they are on disk)."""
        db = self._db
        db.executemany("DELETE FROM outputs WHERE path = ?", [(p,) for p in old.keys() - new])
        db.executemany(
            "INSERT OR REPLACE INTO outputs VALUES (?, ?)",
            [(p, k) for p, k in new.items() if old.get(p) != k],
        )

    def commit(self) -> None:
        with contextlib.suppress(sqlite3.OperationalError):  # a record that cannot be kept
            self._db.commit()


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
    def __init__(
        self,
        newsroom: Newsroom,
        out: Path,
        now: dt.datetime,
        force: bool,
        keep: bool = True,
        staging: Path | None = None,
    ) -> None:
        self.newsroom = newsroom
        self.out = out
        # where the files are written: ``out``, or for a site not built yet an empty
        # folder that becomes ``out`` at the end (see :func:`_build_into`)
        self.dest = staging or out
        self.staged = staging is not None
        self.now = now
        self.site = newsroom.config.site
        self.info = newsroom.config.newsroom
        self.templates = Templates(newsroom.root / self.site.templates)
        self.site_key = self._site_key()
        state = newsroom.root / STATE_DIR / "build"
        name = _digest(str(out))
        with contextlib.suppress(OSError):  # the JSON manifest of earlier versions
            (state / f"{name}.json").unlink()
        self.record = _Record(state / f"{name}.db", self.site_key, force, keep)
        self.old_outputs = self.record.outputs()
        self.outputs: dict[str, str] = {}
        self.pending: list[tuple[str, Callable[[], str]]] = []
        self.report = BuildReport(out)
        self.keys: dict[str, tuple[str, str]] = {}  # slug -> view and summary digests
        self.rels: dict[str, str] = {}  # slug -> the article's file, as the record names it

    # -- inputs ------------------------------------------------------------------------

    def _site_key(self) -> str:
        config = self.newsroom.config.model_dump_json(include={"newsroom", "site"})
        folders = [self.newsroom.authors_dir, *self.templates.folders]
        if self.site.show_sources:
            folders.append(self.newsroom.sources_dir)
        return _digest(__version__, str(RECORD_FORMAT), config, *cachedb.files_under(folders))

    def summaries(self) -> list[ArticleSummary]:
        """The summary of every published article: from the record when its file is
        unchanged, else made now (over every core when there are many)."""
        known = self.record.known()
        now = time.time_ns()
        found: list[tuple[str, str, str, str]] = []  # rel, key, teaser, summary
        fresh: list[tuple[Path, str, cachedb.Stamp | None]] = []
        for path in self.newsroom.article_files(PUBLISHED):
            rel = self.newsroom.relative(path)
            stamp = cachedb.stamp(path)
            row = known.get(rel)
            if row is not None and not cachedb.unchanged(stamp, row.stamp, row.seen):
                try:
                    same = _digest(Path(path).read_bytes()) == row.source
                except OSError:
                    same = False
                if same:
                    self.record.touch(rel, stamp, now)
                else:
                    row = None
            if row is None:
                fresh.append((Path(path), rel, stamp))
            else:
                found.append((rel, row.key, row.teaser, row.summary))
        self.record.forget(known.keys() - {rel for rel, *_ in found} - {r for _, r, _ in fresh})
        made = _map_views(self.newsroom, [path for path, _, _ in fresh], self.site.show_sources)
        for (_, rel, stamp), outcome in zip(fresh, made, strict=True):
            if isinstance(outcome, str):
                self.report.skipped.append(outcome)
            elif outcome is not None:
                self.record.put(rel, stamp, now, outcome)
                self.report.rendered += 1
                found.append((rel, outcome.key, outcome.teaser, outcome.summary))
        self.record.commit()  # workers rendering pages read the views from the record
        summaries = []
        for rel, key, teaser, text in found:
            summary = ArticleSummary.model_validate_json(text)
            self.keys[summary.slug] = (key, teaser)
            self.rels[summary.slug] = rel
            summaries.append(summary)
        return summaries

    def views(self, summaries: Iterable[ArticleSummary]) -> list[ArticleView]:
        """The full views of ``summaries``, from the record."""
        return [self.record.view(self.rels[s.slug]) for s in summaries]

    # -- outputs -----------------------------------------------------------------------

    def emit(self, path: str, keys: Iterable[str], render: Callable[[], str], *extra: str) -> None:
        """Make ``path`` with ``render`` unless the record holds it with the same key (of
        ``keys``, the digests of what it shows, and ``extra``)."""
        key = _digest(self.site_key, path, *extra, *keys)
        self.outputs[path] = key
        if self.old_outputs.get(path) == key and (self.dest / path).is_file():
            self.report.unchanged += 1
        else:
            self.pending.append((path, render))

    def teasers(self, summaries: Iterable[ArticleSummary]) -> list[str]:
        """The digests of what listings show of ``summaries``."""
        return [self.keys[s.slug][1] for s in summaries]

    def wholes(self, summaries: Iterable[ArticleSummary]) -> list[str]:
        """The digests of the full views of ``summaries``."""
        return [self.keys[s.slug][0] for s in summaries]

    def write(self, index: int) -> bool:
        """Render pending output ``index``; write it if its bytes differ from the file's."""
        path, render = self.pending[index]
        text = render()
        target = self.dest / path
        if self.staged:  # a folder no one sees yet: written straight, nothing to compare
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
            return True
        try:
            if target.read_text(encoding="utf-8") == text:
                return False
        except (OSError, ValueError):
            pass
        atomic_write(target, text, durable=False)  # the site can always be built again
        return True

    def flush(self) -> None:
        """Render and write the pending outputs."""
        for (path, _), written in zip(self.pending, _map_writes(self), strict=True):
            if written:
                self.report.written.append(path)
            else:
                self.report.unchanged += 1
        self.pending = []

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
        summaries: list[ArticleSummary],
        template: str = "list.html",
        extra: str = "",
        later: Callable[[], dict[str, Any]] | None = None,
        **context: Any,
    ) -> None:
        """Paginated listing pages of ``summaries``; ``later`` gives context that is costly
        to make (an author's bio), asked for only when a page is rendered."""
        per = self.site.per_page
        count = max(1, math.ceil(len(summaries) / per))
        for number in range(1, count + 1):
            chunk = summaries[(number - 1) * per : number * per]
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
                self.teasers(chunk),
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
        every = self.summaries()
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
                self.wholes([view]),
                functools.partial(self._article_page, view.slug, common),
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
        for name, feed in (("feed.xml", feeds.rss), ("atom.xml", feeds.atom)):
            self.emit(name, self.wholes(recent), functools.partial(self._feed, feed, recent))
        self.emit(
            "feed.json", self.wholes(recent), functools.partial(self._feed, feeds.json_feed, recent)
        )
        urls = self._sitemap_urls(
            live, sections, [t for t, _ in tags.values()], [a for a, _ in authors.values()]
        )
        self.emit(
            "sitemap.xml",
            self.teasers(live),
            lambda: feeds.sitemap(urls),
            json.dumps(urls, default=str),
        )
        fresh = [
            v for v in live if not v.retracted and v.published_at >= self.now - feeds.NEWS_WINDOW
        ]
        self.emit(
            "news-sitemap.xml",
            self.teasers(fresh),
            lambda: feeds.news_sitemap(fresh, self.info, self.now),
        )
        self.emit("robots.txt", [], self._robots)
        self.flush()
        self._remove_stale()
        self.record.keep_outputs(self.old_outputs, self.outputs)
        self.record.commit()
        return self.report

    def _feed(
        self, feed: Callable[[list[ArticleView], NewsroomInfo], str], recent: list[ArticleSummary]
    ) -> str:
        return feed(self.views(recent), self.info)

    def _author_context(self, slug: str) -> dict[str, Any]:
        return {"author": author_card(self.newsroom, slug)}

    def _article_page(self, slug: str, common: dict[str, Any]) -> str:
        view = self.record.view(self.rels[slug])
        jsonld = script_json(news_article(view, self.info))
        return self.page(
            "article.html", f"{view.slug}/index.html", article=view, jsonld=jsonld, **common
        )

    def _live(self, view: ArticleSummary) -> bool:
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
        live: list[ArticleSummary],
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
        for path in sorted(set(self.old_outputs) - set(self.outputs)):
            target = self.dest / path
            if target.is_file():
                target.unlink()
                self.report.removed.append(path)
                folder = target.parent
                while folder != self.dest and folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
                    folder = folder.parent


_WORKER: dict[str, Any] = {}
Outcome = _Made | str | None  # a view, a broken article's one line, or not live


def _view_of(path: Path) -> Outcome:
    """The view of one published article (run in this process or a worker)."""
    from editorial.model.state import State
    from editorial.newsroom.article import load_article

    newsroom: Newsroom = _WORKER["newsroom"]
    try:
        data: bytes | None = path.read_bytes()
    except OSError:
        data = None
    article = load_article(path, newsroom.root, data)
    if article.meta is None or data is None:
        problem = article.problems[0]
        return f"{newsroom.relative(path)}:{problem.line}: {problem.message}"
    if article.meta.state not in (State.PUBLISHED, State.RETRACTED):
        return None
    view = article_view(
        newsroom, article, show_sources=_WORKER["show_sources"], cards=_WORKER["cards"]
    )
    whole = view.model_dump_json()
    summary = view.summary_json()
    return _Made(_digest(data), _digest(whole), _digest(summary), summary, whole)


def _start_worker(root: str, show_sources: bool) -> None:
    _WORKER.update(newsroom=Newsroom.open(Path(root)), show_sources=show_sources, cards={})


def _workers(work: int, least: int) -> int:
    """How many processes to spread ``work`` items over (1: this one)."""
    return worker_count(work, least) if hasattr(os, "fork") else 1


def _map_views(newsroom: Newsroom, paths: list[Path], show_sources: bool) -> Iterator[Outcome]:
    """The views of ``paths``, one at a time: over every core when there are many to make
    (Markdown and the quotation analysis of the sources box are most of a cold build)."""
    workers = _workers(len(paths), PARALLEL_MIN)
    if workers < 2:
        _WORKER.update(newsroom=newsroom, show_sources=show_sources, cards={})
        yield from (_view_of(path) for path in paths)
        return
    chunk = max(1, min(32, len(paths) // (workers * 4)))
    with ProcessPoolExecutor(
        workers,
        mp_context=get_context("fork"),
        initializer=_start_worker,
        initargs=(str(newsroom.root), show_sources),
    ) as pool:
        yield from pool.map(_view_of, paths, chunksize=chunk)


def _write(index: int) -> bool:
    builder: _Builder = _WORKER["builder"]
    return builder.write(index)


def _map_writes(builder: _Builder) -> list[bool]:
    """Render and write the builder's pending outputs: over every core when there are
    many (the workers are forked with the builder and read views from its record)."""
    count = len(builder.pending)
    workers = _workers(count, PARALLEL_PAGES) if builder.record.shared else 1
    if workers < 2:
        return [builder.write(index) for index in range(count)]
    _WORKER["builder"] = builder
    try:
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            chunk = max(1, min(64, count // (workers * 8)))
            return list(pool.map(_write, range(count), chunksize=chunk))
    finally:
        del _WORKER["builder"]


G = TypeVar("G", Term, AuthorCard)


def _groups(
    views: list[ArticleSummary], keys: Callable[[ArticleSummary], Sequence[G]]
) -> dict[str, tuple[G, list[ArticleSummary]]]:
    """The views grouped by section, tag or author (by slug, in order of first appearance)."""
    groups: dict[str, tuple[G, list[ArticleSummary]]] = {}
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
            return _build_into(newsroom, folder, moment, force)
    except Timeout as exc:
        raise LockedError("another build is writing this site", path=folder) from exc
    except OSError as exc:
        raise InputError(f"cannot write the site: {exc.strerror or exc}", path=folder) from exc


def _build_into(newsroom: Newsroom, folder: Path, moment: dt.datetime, force: bool) -> BuildReport:
    """Build into ``folder`` (the build lock held). A site built for the first time is
    written to a hidden folder beside it, each file straight, and that folder is renamed
    ``folder`` at the end: no temporary file and rename for each of thousands of pages,
    and a build that stops half-way leaves no half-made site."""
    staging = None if folder.exists() else folder.with_name(f".{folder.name}.building")

    def clear() -> None:
        if staging is not None:  # also what a build that was stopped left there
            shutil.rmtree(staging, ignore_errors=True)
        (staging or folder).mkdir(parents=True, exist_ok=True)

    try:
        clear()
        try:
            report = _Builder(newsroom, folder, moment, force, True, staging).run()
        except sqlite3.OperationalError:  # a record that cannot be written: build anew
            clear()
            report = _Builder(newsroom, folder, moment, True, False, staging).run()
        if staging is not None:
            staging.rename(folder)
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return report
