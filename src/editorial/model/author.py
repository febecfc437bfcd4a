"""An author and the bio shown under "About the authors"."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class AuthorMeta(BaseModel):
    """Front matter of ``authors/<slug>.md``; the body of the file is the bio."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    name: str = Field(min_length=1)
    title: str | None = None
    affiliation: str | None = None
    email: str | None = None
    links: list[str] | dict[str, str] = Field(default_factory=list)
    image: str | None = None


class Author(BaseModel):
    """An author of the newsroom: their slug, front matter and bio."""

    slug: str
    meta: AuthorMeta
    bio: str

    @property
    def name(self) -> str:
        return self.meta.name

    @property
    def bio_words(self) -> int:
        """How many words the bio has."""
        return len(self.bio.split())
