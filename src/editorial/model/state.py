"""Workflow states of an article."""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    """Where an article stands in the workflow (SPEC section 3)."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    RETRACTED = "retracted"

    @property
    def folder(self) -> str:
        """The newsroom folder that holds articles in this state."""
        return "published" if self in (State.PUBLISHED, State.RETRACTED) else "drafts"


class Role(StrEnum):
    """What a member of staff may do."""

    AUTHOR = "author"
    EDITOR = "editor"
    PUBLISHER = "publisher"
    ADMIN = "admin"
