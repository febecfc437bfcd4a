"""Pydantic types of the newsroom: no I/O here."""

from editorial.model.article import ArticleMeta, Citation, Correction, Event, HistoryEntry, Person
from editorial.model.author import Author, AuthorMeta
from editorial.model.config import Config, LintSettings, NewsroomInfo, Partner, StaffMember
from editorial.model.fact import Fact, FactRegistry, FactSource
from editorial.model.slug import check_slug, is_slug, slugify
from editorial.model.state import Role, State

__all__ = [
    "ArticleMeta",
    "Author",
    "AuthorMeta",
    "Citation",
    "Config",
    "Correction",
    "Event",
    "Fact",
    "FactRegistry",
    "FactSource",
    "HistoryEntry",
    "LintSettings",
    "NewsroomInfo",
    "Partner",
    "Person",
    "Role",
    "StaffMember",
    "State",
    "check_slug",
    "is_slug",
    "slugify",
]
