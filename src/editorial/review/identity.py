"""Who is acting: ``--as USER``, else ``$EDITORIAL_USER``, else the git user's email matched
to a staff member's ``email``. The user must be in ``[staff]``."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from editorial.errors import UsageError
from editorial.model.config import StaffMember
from editorial.model.state import Role
from editorial.newsroom.newsroom import Newsroom

USER_ENV = "EDITORIAL_USER"


@dataclass(frozen=True)
class Actor:
    """A member of staff acting on the newsroom."""

    user: str
    member: StaffMember

    def has(self, role: Role) -> bool:
        return self.member.has(role)

    @property
    def author(self) -> str | None:
        """The actor's byline slug (``staff.<user>.author``), if any."""
        return self.member.author


def _git_email(newsroom: Newsroom) -> str | None:
    try:
        done = subprocess.run(
            ["git", "config", "user.email"],
            cwd=newsroom.root,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    email = done.stdout.strip()
    return email or None


def identify(newsroom: Newsroom, user: str | None = None) -> Actor:
    """The acting member of staff; ``UsageError`` when there is none or they are unknown."""
    staff = newsroom.config.staff
    chosen = user or os.environ.get(USER_ENV) or None
    if chosen is not None:
        if chosen in staff:
            return Actor(chosen, staff[chosen])
        by_email = [
            name for name, m in staff.items() if m.email and m.email.lower() == chosen.lower()
        ]
        if by_email:
            return Actor(by_email[0], staff[by_email[0]])
        known = ", ".join(sorted(staff)) or "none"
        raise UsageError(f"'{chosen}' is not in [staff] of editorial.toml (staff: {known})")
    email = _git_email(newsroom)
    if email:
        for name, member in staff.items():
            if member.email and member.email.lower() == email.lower():
                return Actor(name, member)
        raise UsageError(
            f"the git user's email {email} matches no [staff] entry; "
            f"pass --as USER or set {USER_ENV}"
        )
    raise UsageError(f"who is acting? pass --as USER or set {USER_ENV}")
