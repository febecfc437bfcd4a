"""With ``[git] commit = true``, each workflow transition is one git commit by the acting
user, so the newsroom's git log is its audit trail and teams share the workflow through
their git host."""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

from editorial.review.identity import Actor

if TYPE_CHECKING:
    from editorial.newsroom.newsroom import Newsroom
    from editorial.review.workflow import Outcome


class GitError(Exception):
    """A git command failed (the transition itself was made)."""


def commit_transition(newsroom: Newsroom, outcome: Outcome, actor: Actor, note: str | None) -> None:
    """Commit the moved or rewritten article as the acting user (when configured)."""
    if not newsroom.config.git.commit:
        return
    name = actor.member.name
    email = actor.member.email or f"{actor.user}@localhost"
    message = f"{outcome.action} {outcome.slug}: {outcome.before.value} -> {outcome.after.value}"
    if note:
        message += f"\n\n{note.strip()}"
    run = ["git", "-C", str(newsroom.root)]
    try:
        subprocess.run(
            [*run, "add", "-A", "--", "drafts", "published"], check=True, capture_output=True
        )
        subprocess.run(
            [
                *run,
                "-c",
                f"user.name={name}",
                "-c",
                f"user.email={email}",
                "commit",
                "-q",
                "--author",
                f"{name} <{email}>",
                "-m",
                message,
            ],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        raise GitError(detail.decode("utf-8", "replace").strip() or str(exc)) from exc
