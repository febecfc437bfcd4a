"""Shared pieces of the figure rules' examples: a fact registry."""

from __future__ import annotations

from editorial.lint.rule import Example, example

FACTS = """\
facts:
  - id: basin-withdrawals
    value: 4200
    unit: cubic hectometres
    keywords: [withdrawals, water drawn]
    tolerance: 0.10
    as_of: 2024-06-30
    max_age_days: 3650
    source: {title: "Basin water balance 2024", publisher: "River Basin Authority", url: "https://rba.example.org"}
  - id: evictions
    value: 4100
    unit: evictions
    keywords: [eviction orders]
    tolerance: 0.05
    as_of: 2015-12-31
    max_age_days: 365
    source: {title: "Eviction orders 2015", publisher: "Provincial Judiciary"}
"""

CITED_FRONT = """\
title: "Example"
slug: example
authors: [ana-ruiz]
citations:
  - {id: report, title: "Basin report", publisher: "River Basin Authority", url: "https://rba.example.org"}
"""


def registry(body: str, front_matter: str | None = None) -> Example:
    """An example article with the fact registry above."""
    if front_matter is None:
        return example(body, files={"sources/facts.yaml": FACTS})
    return example(body, front_matter, {"sources/facts.yaml": FACTS})
