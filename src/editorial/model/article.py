"""The article's front matter and the parts it is made of."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from editorial.model.slug import Slug
from editorial.model.state import State


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


def _safe_source_name(name: str) -> str:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not name.strip():
        raise ValueError(f"{name!r} must be a file name under sources/, without '..'")
    return name


SourceName = Annotated[str, AfterValidator(_safe_source_name)]


class Event(_Model):
    """The event an article reports on."""

    name: str | None = None
    date: dt.date | None = None
    location: str | None = None


class Person(_Model):
    """Someone quoted in the article, or an organization quoted as a source (``kind``:
    "the ministry said in a statement")."""

    id: Slug
    name: str = Field(min_length=1)
    kind: Literal["person", "organization"] = "person"
    title: str | None = None
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = Field(default_factory=list)


class Citation(_Model):
    """A source the article cites with a ``[@id]`` marker."""

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_][A-Za-z0-9_:.#$%&\-+?<>~/]*$")
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: dt.date | None = None
    author: str | None = None


class HistoryEntry(_Model):
    """One workflow transition, appended by the workflow and never edited by hand."""

    at: dt.datetime
    by: str
    action: str
    from_: State | None = Field(default=None, alias="from")
    to: State | None = None
    note: str | None = None
    content: str | None = None  # approve: the digest of what was approved

    model_config = ConfigDict(populate_by_name=True, extra="ignore")


class Correction(_Model):
    """A dated correction appended to a published article."""

    at: dt.datetime
    by: str | None = None
    text: str = Field(min_length=1)


class ArticleMeta(_Model):
    """Everything the front matter of an article may hold (SPEC section 1)."""

    title: str = Field(min_length=1)
    slug: Slug
    authors: list[Slug] = Field(min_length=1)
    state: State = State.DRAFT
    section: str | None = None
    tags: list[str] = Field(default_factory=list)
    summary: str | None = None
    event: Event | None = None
    people: list[Person] = Field(default_factory=list)
    transcripts: list[SourceName] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    created_at: dt.datetime | None = None
    publish_at: dt.datetime | None = None
    published_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    version: int | None = Field(default=None, ge=1)
    canonical_url: str | None = None
    assignee: str | None = None
    retraction: str | None = None
    history: list[HistoryEntry] = Field(default_factory=list)
    corrections: list[Correction] = Field(default_factory=list)

    @field_validator("tags", mode="before")
    @classmethod
    def _tags_as_strings(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [str(item) if isinstance(item, int | float) else item for item in value]
        return value

    @field_validator("created_at", "publish_at", "published_at", "updated_at")
    @classmethod
    def _aware(cls, value: dt.datetime | None) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value

    @classmethod
    def known_keys(cls) -> frozenset[str]:
        """The front matter keys this model reads."""
        return frozenset(cls.model_fields)
