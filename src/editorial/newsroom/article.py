"""An article on disk: its document, its validated front matter, and where it lives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import TypeAdapter, ValidationError

from editorial._types import StrPath
from editorial.model.article import ArticleMeta
from editorial.model.state import State
from editorial.newsroom.document import Document, Problem, read_document


@dataclass
class Article:
    """A parsed article; ``meta`` is None when the front matter does not validate."""

    document: Document
    meta: ArticleMeta | None
    problems: list[Problem]
    unknown_keys: list[str]
    lenient: ArticleMeta | None = None

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


def lenient_meta(document: Document) -> ArticleMeta | None:
    """The front matter's valid fields, when some field fails the schema: what the checks of
    the body (quotations, figures) can still use. None when the YAML itself is broken."""
    if document.problems or not document.has_front_matter:
        return None
    data: dict[str, Any] = {}
    for name, info in ArticleMeta.model_fields.items():
        key = info.alias or name
        if key not in document.meta or info.annotation is None:
            continue
        value = document.meta[key]
        try:
            data[name] = TypeAdapter(info.annotation).validate_python(value)
        except ValidationError:
            items = get_args(info.annotation)
            if get_origin(info.annotation) is list and isinstance(value, list) and items:
                adapter: TypeAdapter[Any] = TypeAdapter(items[0])
                data[name] = [v for v in (_try(adapter, item) for item in value) if v is not None]
    title = document.meta.get("title")
    data.setdefault("title", title if isinstance(title, str) else document.path.stem)
    data.setdefault("slug", document.path.stem)
    data.setdefault("state", State.DRAFT)
    for name in ("authors", "tags", "people", "transcripts", "citations", "history", "corrections"):
        data.setdefault(name, [])
    for name, info in ArticleMeta.model_fields.items():
        if name not in data and not info.is_required():
            data[name] = info.get_default(call_default_factory=True)
    return ArticleMeta.model_construct(**data)


def _try(adapter: TypeAdapter[Any], value: Any) -> Any:
    try:
        return adapter.validate_python(value)
    except ValidationError:
        return None


def load_article(
    path: StrPath,
    root: StrPath | None = None,
    data: bytes | None = None,
    max_bytes: int | None = None,
) -> Article:
    """Read an article file; never raises for bad content (see ``Article.problems``).

    With the newsroom's ``root``, a file inside it that is a link to outside it is not
    read (a problem says so). ``data``: the file's bytes, when they have been read;
    ``max_bytes``: a larger file is a problem and is not parsed."""
    document = read_document(Path(path), Path(root) if root is not None else None, data, max_bytes)
    meta, problems = validate_meta(document)
    known = ArticleMeta.known_keys()
    unknown = [key for key in document.meta if key not in known]
    lenient = lenient_meta(document) if meta is None else None
    return Article(document, meta, problems, unknown, lenient)
