"""The newsroom configuration read from ``editorial.toml``."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from editorial.model.slug import check_slug
from editorial.model.state import Role

Severity = Literal["error", "warning", "info"]


class _Section(BaseModel):
    # an unknown key is an error, so that a typo ("ignroe", "[lnit]") is not silently a no-op
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class NewsroomInfo(_Section):
    name: str = "Newsroom"
    base_url: str = "https://example.org"
    language: str = "en"

    @field_validator("base_url")
    @classmethod
    def _no_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")


class StaffMember(_Section):
    """A member of staff; the table key is the user name used with ``--as``."""

    name: str
    author: str | None = None
    email: str | None = None
    roles: list[Role] = Field(default_factory=list)

    @field_validator("author")
    @classmethod
    def _author_slug(cls, value: str | None) -> str | None:
        return None if value is None else check_slug(value)

    def has(self, role: Role) -> bool:
        """True when the member holds ``role`` (admins hold every role)."""
        return role in self.roles or Role.ADMIN in self.roles


class LintSettings(_Section):
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict,
        alias="per-file-ignores",
        description="glob of paths (from the newsroom folder) -> codes or prefixes ignored "
        "in those files",
    )
    max_article_bytes: int = Field(
        default=5_000_000,
        ge=1,
        description="a larger article is reported (M001) and not checked, so no file can "
        "hold up the desk's lint run",
    )
    max_transcript_bytes: int = Field(
        default=50_000_000,
        ge=1,
        description="a larger transcript is reported (M003) and not read (a ten-hour Zoom "
        "transcript is about 5 MB)",
    )


DEFAULT_CREDIT = "First published by {newsroom} at {url}."


class Partner(_Section):
    """A syndication partner (delivery is described in SPEC section 5)."""

    name: str
    format: str = Field(
        description="rss | atom | jsonfeed | ninjs | html | markdown, or a plugin's"
    )
    delivery: Literal["webhook", "directory"] = "directory"
    url: str | None = None
    path: str | None = None
    secret_env: str | None = None
    sections: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    delay_minutes: int = Field(default=0, ge=0)
    credit: str = DEFAULT_CREDIT  # {newsroom} {url} {title} {byline} {date}
    licence: str | None = None  # usage terms sent with each article
    canonical: bool = True  # carry rel=canonical back to the article
    noindex: bool = False  # ask the partner's page not to be indexed
    timeout_seconds: float = Field(default=10.0, gt=0, le=300)
    max_attempts: int = Field(default=4, ge=1, le=20)
    retry_base_seconds: float = Field(default=1.0, ge=0, le=60)

    @model_validator(mode="after")
    def _target(self) -> Partner:
        if self.delivery == "webhook" and not self.url:
            raise ValueError("a webhook partner needs 'url'")
        if (
            self.delivery == "webhook"
            and self.url
            and not self.url.startswith(("http://", "https://"))
        ):
            raise ValueError("'url' must be an http:// or https:// address")
        if self.delivery == "directory" and not self.path:
            raise ValueError("a directory partner needs 'path'")
        return self


class GitSettings(_Section):
    commit: bool = False


class SiteSettings(_Section):
    """``[site]``: where ``editorial build`` writes and what the pages show."""

    out: str = "site"
    templates: str = "templates"  # a newsroom's own templates override the built-in ones
    per_page: int = Field(default=10, ge=1, le=1000)
    feed_items: int = Field(default=20, ge=1, le=10000)
    show_sources: bool = False


class Config(_Section):
    """The whole of ``editorial.toml``."""

    newsroom: NewsroomInfo = Field(default_factory=NewsroomInfo)
    staff: dict[str, StaffMember] = Field(default_factory=dict)
    lint: LintSettings = Field(default_factory=LintSettings)
    partners: dict[str, Partner] = Field(default_factory=dict)
    git: GitSettings = Field(default_factory=GitSettings)
    site: SiteSettings = Field(default_factory=SiteSettings)
