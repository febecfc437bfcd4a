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
    member_name = actor.member.name
    email = actor.member.email or f"{actor.user}@localhost"
    message = f"{outcome.action} {outcome.slug}: {outcome.before.value} -> {outcome.after.value}"
    if note:
        message += f"\n\n{note.strip()}"
    run = ["git", "-C", str(newsroom.root)]
    # only the article this transition changed (where it was and where it is now), never
    # anyone else's work in progress
    name = outcome.path.name
    paths = []
    try:
        for folder in ("drafts", "published"):
            relative = f"{folder}/{name}"
            tracked = subprocess.run(
                [*run, "ls-files", "--", relative], check=True, capture_output=True, text=True
            ).stdout.strip()
            if (newsroom.root / relative).exists():
                subprocess.run([*run, "add", "--", relative], check=True, capture_output=True)
                paths.append(relative)
            elif tracked:
                subprocess.run(
                    [*run, "rm", "--cached", "-q", "--", relative], check=True, capture_output=True
                )
                paths.append(relative)
        versions = f"published/.versions/{outcome.path.stem}"
        if (newsroom.root / versions).is_dir():
            subprocess.run([*run, "add", "--", versions], check=True, capture_output=True)
            paths.append(versions)
        subprocess.run(
            [
                *run,
                "-c",
                f"user.name={member_name}",
                "-c",
                f"user.email={email}",
                "commit",
                "-q",
                "--author",
                f"{member_name} <{email}>",
                "-m",
                message,
                "--",
                *paths,
            ],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        raise GitError(detail.strip() or str(exc)) from exc
