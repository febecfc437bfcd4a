"""An article on disk: its document, its validated front matter, and where it lives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from editorial.model.article import ArticleMeta
from editorial.newsroom.document import Document, Problem, read_document


@dataclass
class Article:
    """A parsed article; ``meta`` is None when the front matter does not validate."""

    document: Document
    meta: ArticleMeta | None
    problems: list[Problem]
    unknown_keys: list[str]

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def body(self) -> str:
        return self.document.body

    @property
    def slug(self) -> str:
        if self.meta is not None:
            return self.meta.slug
        return self.document.path.stem

    @property
    def raw(self) -> dict[str, Any]:
        """The front matter as written, in its key order (what writes start from)."""
        return self.document.meta


def validate_meta(document: Document) -> tuple[ArticleMeta | None, list[Problem]]:
    """Validate a document's front matter; each failing field becomes a problem at its line."""
    if document.problems:
        return None, list(document.problems)
    try:
        meta = ArticleMeta.model_validate(document.meta)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = [part for part in error["loc"] if isinstance(part, str | int)]
            name = ".".join(str(part) for part in loc) or "front matter"
            message = error["msg"]
            if error["type"] == "missing":
                message = f"'{name}' is required"
            else:
                message = f"'{name}': {message}"
            problems.append(Problem(message, document.field_line(loc), field=name))
        return None, problems
    problems = []
    if meta.slug != document.path.stem and document.path.suffix == ".md":
        problems.append(
            Problem(
                f"slug '{meta.slug}' does not match the file name '{document.path.name}'",
                document.field_line(["slug"]),
                field="slug",
            )
        )
    return meta, problems


def load_article(path: Path) -> Article:
    """Read an article file; never raises for bad content (see ``Article.problems``)."""
    document = read_document(path)
    meta, problems = validate_meta(document)
    known = ArticleMeta.known_keys()
    unknown = [key for key in document.meta if key not in known]
    return Article(document=document, meta=meta, problems=problems, unknown_keys=unknown)
