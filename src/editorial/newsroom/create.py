"""Creating a newsroom skeleton and new drafts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from editorial._types import StrPath
from editorial.errors import RefusedError, UsageError
from editorial.model.config import Config
from editorial.model.slug import is_slug, slugify
from editorial.newsroom.config import CONFIG_NAME
from editorial.newsroom.edit import render_document
from editorial.newsroom.newsroom import DRAFTS, FACTS, Newsroom
from editorial.newsroom.storage import atomic_write, newsroom_lock

# What `new` puts in a draft's body; a draft still holding it fails lint (rule M004).
TEMPLATE_TEXT = "Write the article here."

_CONFIG = """\
[newsroom]
name = "{name}"
base_url = "https://example.org"
language = "en"

# Who works here: a reporter who writes, an editor who reviews and publishes (an editor
# may not approve their own byline). Replace them with your desk; --as NAME picks one.
[staff.reporter]
name = "Example Author"
author = "example-author"
email = "reporter@example.org"
roles = ["author"]

[staff.editor]
name = "Example Editor"
email = "editor@example.org"
roles = ["editor", "publisher"]

[lint]
ignore = []
"""

_AUTHOR = """\
---
name: Example Author
title: Staff writer
affiliation: "{name}"
---
Example Author writes about public policy, courts and the environment for {name}. Before
joining the newsroom, they reported for regional papers and a wire service for eight years.
"""

_FACTS = """\
# The newsroom's register of checked facts. See docs/formats.md.
facts: []
"""

_GITIGNORE = ".editorial/\nsite/\n"


def init_newsroom(folder: StrPath, name: str | None = None) -> Path:
    """Create a newsroom skeleton in ``folder``: config, folders, an author and a draft.

    Refused when ``folder`` already holds an ``editorial.toml``; any other file already
    there (an author, a draft, the register, .gitignore) is kept as it is, never
    overwritten. Returns the config path.
    """
    root = Path(folder).resolve()
    config = root / CONFIG_NAME
    if config.exists():
        raise RefusedError("already exists; nothing was changed", path=config)
    title = (name or root.name.replace("-", " ").title() or "Newsroom").replace('"', "'")
    for sub in (DRAFTS, "published", "authors", "sources"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    _create(root / "authors" / "example-author.md", _AUTHOR.format(name=title))
    _create(root / "sources" / FACTS, _FACTS)
    _create(root / ".gitignore", _GITIGNORE)
    newsroom = Newsroom(root, Config())
    welcome = "Welcome to your newsroom"
    if not (root / DRAFTS / f"{slugify(welcome)}.md").exists():
        new_article(newsroom, welcome, "example-author", section="news")
    atomic_write(config, _CONFIG.format(name=title))
    return config


def _create(path: Path, text: str) -> None:
    """Write ``path`` unless something is there already."""
    if not path.exists() and not path.is_symlink():
        atomic_write(path, text)


def new_article(
    newsroom: Newsroom,
    title: str,
    author: str,
    *,
    section: str | None = None,
    slug: str | None = None,
) -> Path:
    """Create ``drafts/<slug>.md`` in state ``draft``; refused when the slug is taken."""
    title = title.strip()
    if not title:
        raise UsageError("the title is empty")
    if not is_slug(author):
        raise UsageError(
            f"author '{author}' is not a valid slug (lowercase letters, digits, hyphens)"
        )
    chosen = slug if slug is not None else slugify(title)
    if not is_slug(chosen):
        raise UsageError(
            f"slug '{chosen}' is not valid: use lowercase letters, digits and single hyphens"
        )
    meta: dict[str, Any] = {"title": title, "slug": chosen, "authors": [author], "state": "draft"}
    if section:
        meta["section"] = section
    meta["summary"] = ""
    meta["created_at"] = dt.datetime.now(dt.UTC).replace(microsecond=0)
    meta["people"] = []
    meta["transcripts"] = []
    meta["citations"] = []
    meta["history"] = []
    path = newsroom.drafts_dir / f"{chosen}.md"
    body = f"\n# {title}\n\n{TEMPLATE_TEXT}\n"
    with newsroom_lock(newsroom.root):
        for folder in (newsroom.drafts_dir, newsroom.published_dir):
            taken = folder / f"{chosen}.md"
            if taken.exists():
                raise RefusedError(
                    "already exists; choose another title or pass --slug",
                    path=newsroom.relative(taken),
                )
        atomic_write(path, render_document(meta, body))
    return path
