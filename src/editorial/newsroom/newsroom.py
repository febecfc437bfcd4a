"""The newsroom: a folder with ``editorial.toml``, drafts, published articles, authors and
sources. :class:`Newsroom` is the entry point of the library."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from editorial._types import StrPath
from editorial.errors import InputError, NotFoundError, UsageError
from editorial.model.author import Author, AuthorMeta
from editorial.model.config import Config
from editorial.model.fact import FactRegistry
from editorial.model.slug import is_slug
from editorial.newsroom.article import Article, load_article
from editorial.newsroom.config import CONFIG_NAME, find_root, load_config
from editorial.newsroom.document import YamlFault, load_yaml, read_document
from editorial.newsroom.storage import newsroom_lock
from editorial.newsroom.text import decode

DRAFTS = "drafts"
PUBLISHED = "published"
AUTHORS = "authors"
SOURCES = "sources"
FACTS = "facts.yaml"


def escapes(root: Path, path: Path) -> bool:
    """True when ``path`` is inside the newsroom ``root`` by name but a symbolic link (of
    the file or a folder on the way) takes it outside: such files are never read, so a
    draft or a transcript cannot bring in a credentials file."""
    named = absolute(path)
    return named.is_relative_to(root) and not path.resolve().is_relative_to(root)


def _utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# a path that is not in normal form: an empty, "." or ".." part, or a slash at the end
_DOTS = re.compile(rf"{re.escape(os.sep)}(?:\.{{0,2}})(?:{re.escape(os.sep)}|$)")


def absolute(path: Path) -> Path:
    """``path`` made absolute and without "..", by its name only: symbolic links are not
    followed, so a link inside the newsroom keeps its name there (see :func:`escapes`),
    and no system call is made for each folder above a file in an archive of thousands."""
    return Path(os.path.abspath(path))  # noqa: PTH100 (by name: links are not followed)


class Newsroom:
    """A newsroom on disk. Open one with :meth:`Newsroom.open`."""

    def __init__(self, root: Path, config: Config) -> None:
        self.root = root
        self.config = config
        self._authors: dict[str, Author | InputError | None] = {}
        # files of drafts/ or published/ that are not read, and why (shown as warnings)
        self.skipped: dict[Path, str] = {}

    @classmethod
    def open(cls, root: StrPath | None = None, *, start: StrPath | None = None) -> Newsroom:
        """Open the newsroom at ``root``, or find it from ``$EDITORIAL_ROOT`` or ``start``."""
        found = find_root(root, start)
        for name in (DRAFTS, PUBLISHED, AUTHORS, SOURCES, ".editorial"):
            folder = found / name
            if folder.exists() and not folder.is_dir():
                raise InputError(
                    f"{name} is a file, but the newsroom needs it to be a folder: rename it",
                    path=folder,
                )
        return cls(found, load_config(found / CONFIG_NAME))

    # -- folders -----------------------------------------------------------------------

    @property
    def drafts_dir(self) -> Path:
        return self.root / DRAFTS

    @property
    def published_dir(self) -> Path:
        return self.root / PUBLISHED

    @property
    def authors_dir(self) -> Path:
        return self.root / AUTHORS

    @property
    def sources_dir(self) -> Path:
        return self.root / SOURCES

    def relative(self, path: Path | str) -> str:
        """``path`` relative to the root when it is inside it (as findings show it)."""
        text, root, sep = str(path), str(self.root), os.sep
        if text[:1] != sep or _DOTS.search(text):
            text = os.path.abspath(text)  # noqa: PTH100 (by name: relative, or "." parts)
        if text.startswith(root) and text[len(root) : len(root) + 1] == sep:
            return text[len(root) + 1 :].replace(sep, "/")  # most paths: no Path made
        try:
            return absolute(Path(path)).relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    @contextlib.contextmanager
    def lock(self, timeout: float = 10.0) -> Iterator[None]:
        """Hold the newsroom lock (every mutating operation does).

        Articles are written under this lock, so a temporary file found in drafts/ or
        published/ once it is held was left by a writer that was killed: it is removed."""
        with newsroom_lock(self.root, timeout):
            for folder in (self.drafts_dir, self.published_dir):
                for stale in folder.glob(".*.md.*.tmp") if folder.is_dir() else ():
                    with contextlib.suppress(OSError):
                        stale.unlink()
            yield

    # -- articles ----------------------------------------------------------------------

    def article_paths(self, *folders: str) -> list[Path]:
        """Markdown files of the given folders (default drafts/ and published/), sorted."""
        return [Path(path) for path in self.article_files(*folders)]

    def article_files(self, *folders: str) -> list[str]:
        """:meth:`article_paths` as strings (no path object made for each file of an
        archive of thousands)."""
        paths: list[str] = []
        for folder in folders or (DRAFTS, PUBLISHED):
            base = f"{self.root}{os.sep}{folder}"
            if not os.path.isdir(base):  # noqa: PTH112
                continue
            with os.scandir(base) as found:
                names = sorted(e.name for e in found if e.name.endswith(".md") and e.is_file())
            for name in names:
                if _utf8_name(name):
                    paths.append(f"{base}{os.sep}{name}")
                else:
                    self.skipped.setdefault(
                        Path(base, name), "the file name is not valid UTF-8: rename it (not read)"
                    )
        return paths

    def articles(self, *folders: str) -> list[Article]:
        """Every article of the given folders, parsed (broken ones included, with problems)."""
        return [load_article(path, self.root) for path in self.article_paths(*folders)]

    def article_path(self, slug: str) -> Path:
        """Where the article ``slug`` is: drafts/ first, then published/."""
        if not is_slug(slug):
            raise UsageError(f"'{slug}' is not a valid slug (lowercase letters, digits, hyphens)")
        for folder in (self.drafts_dir, self.published_dir):
            path = folder / f"{slug}.md"
            if path.is_file():
                return path
        raise NotFoundError(f"no article '{slug}' in {DRAFTS}/ or {PUBLISHED}/")

    def article(self, slug: str) -> Article:
        """The article ``slug``; raises ``InputError`` when its front matter is broken."""
        article = load_article(self.article_path(slug), self.root)
        if article.meta is None:
            problem = article.problems[0]
            raise InputError(problem.message, path=self.relative(article.path), line=problem.line)
        return article

    # -- authors -----------------------------------------------------------------------

    def author_path(self, slug: str) -> Path:
        return self.authors_dir / f"{slug}.md"

    def author(self, slug: str) -> Author | None:
        """The author ``slug``, None when there is no file; ``InputError`` when it is broken."""
        if slug not in self._authors:
            self._authors[slug] = self._load_author(slug)
        found = self._authors[slug]
        if isinstance(found, InputError):
            raise found
        return found

    def authors(self) -> list[Author]:
        """Every readable author of the newsroom, by slug."""
        found = []
        if self.authors_dir.is_dir():
            for path in sorted(self.authors_dir.glob("*.md")):
                with contextlib.suppress(InputError):
                    author = self.author(path.stem)
                    if author is not None:
                        found.append(author)
        return found

    def _load_author(self, slug: str) -> Author | InputError | None:
        if not is_slug(slug):
            return None
        path = self.author_path(slug)
        if escapes(self.root, path):
            return InputError("a link to a file outside the newsroom; refused", path=path)
        if not path.is_file():
            return None
        document = read_document(path)
        where = self.relative(path)
        if document.problems:
            problem = document.problems[0]
            return InputError(problem.message, path=where, line=problem.line)
        try:
            meta = AuthorMeta.model_validate(document.meta)
        except ValidationError as exc:
            error = exc.errors()[0]
            loc = [part for part in error["loc"] if isinstance(part, str | int)]
            name = ".".join(str(part) for part in loc)
            return InputError(
                f"'{name}': {error['msg']}", path=where, line=document.field_line(loc)
            )
        return Author(slug=slug, meta=meta, bio=document.body.strip())

    # -- sources -----------------------------------------------------------------------

    def version_path(self, slug: str, version: int) -> Path:
        """Where version ``version`` of published ``slug`` is kept as readers were given it
        (``published/.versions/<slug>/v<N>.md``; a hidden folder, never an article)."""
        return self.published_dir / ".versions" / slug / f"v{version}.md"

    def source_path(self, name: str) -> Path:
        """A file under sources/ (``name`` has been checked to stay inside it)."""
        return self.sources_dir / name

    @cached_property
    def facts(self) -> FactRegistry:
        """The fact registry (empty when sources/facts.yaml does not exist)."""
        path = self.sources_dir / FACTS
        if not path.is_file():
            return FactRegistry()
        where = self.relative(path)
        try:
            text = decode(path.read_bytes())
        except ValueError as exc:
            raise InputError(exc.args[0], path=where, line=exc.args[1]) from exc
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=where) from exc
        try:
            _node, data = load_yaml(text, what="the register")
        except YamlFault as fault:
            raise InputError(fault.problem.message, path=where, line=fault.problem.line) from fault
        try:
            return FactRegistry.model_validate(data or {})
        except ValidationError as exc:
            error = exc.errors()[0]
            name = ".".join(str(part) for part in error["loc"])
            raise InputError(f"'{name}': {error['msg']}", path=where) from exc
