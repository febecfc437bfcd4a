"""Slugs: the safe, lowercase names of articles, authors and people."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*\Z"
_SLUG_RE = re.compile(SLUG_PATTERN)
MAX_SLUG_LENGTH = 120


def is_slug(text: str) -> bool:
    """True when ``text`` is a valid slug: lowercase words of a-z and 0-9 joined by hyphens."""
    return len(text) <= MAX_SLUG_LENGTH and _SLUG_RE.fullmatch(text) is not None


def check_slug(text: str) -> str:
    """Return ``text`` when it is a valid slug, else raise ``ValueError`` saying why."""
    if not is_slug(text):
        raise ValueError(
            f"{text!r} is not a valid slug (lowercase letters, digits and single hyphens, "
            f"at most {MAX_SLUG_LENGTH} characters)"
        )
    return text


def slugify(title: str) -> str:
    """Make a slug from a title: accents folded, words joined by hyphens."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    return "-".join(words)[:MAX_SLUG_LENGTH].strip("-")


Slug = Annotated[str, AfterValidator(check_slug)]
