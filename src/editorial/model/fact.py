"""The newsroom's register of checked facts (``sources/facts.yaml``)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class FactSource(BaseModel):
    """Where a registered fact comes from."""

    model_config = ConfigDict(extra="ignore")

    title: str | None = None
    publisher: str | None = None
    url: str | None = None


class Fact(BaseModel):
    """One checked figure: its value, the noun that names it in text, and how fresh it is."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1)
    value: float
    unit: str = Field(min_length=1)
    keywords: list[str] = Field(default_factory=list)
    tolerance: float = Field(default=0.0, ge=0)
    as_of: dt.date | None = None
    max_age_days: int | None = Field(default=None, ge=0)
    source: FactSource | None = None

    def is_stale(self, today: dt.date) -> bool:
        """True when the fact is older than ``max_age_days`` on ``today``."""
        if self.as_of is None or self.max_age_days is None:
            return False
        return (today - self.as_of).days > self.max_age_days


class FactRegistry(BaseModel):
    """The whole of ``sources/facts.yaml``."""

    model_config = ConfigDict(extra="ignore")

    facts: list[Fact] = Field(default_factory=list)
