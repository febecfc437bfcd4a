"""Shared pieces of the quotation rules' examples: a panel transcript and front matter."""

from __future__ import annotations

from editorial.lint.rule import Example, example

PANEL_VTT = """\
WEBVTT

1
00:00:01.000 --> 00:00:06.000
Amara Okafor Nwosu: No treaty survives a drought it was never written for.

2
00:00:06.000 --> 00:00:12.000
Lucía Fernández: The basin does not care about borders. The water that leaves a field
upstream is the water that is missing in a city downstream.

3
00:00:12.000 --> 00:00:18.000
<v Rafael Ortiz>We are not asking for more water. We are asking to know how much we will get.</v>
"""

PANEL_FRONT = """\
title: "Panel on the river treaty"
slug: example
authors: [ana-ruiz]
people:
  - {id: okafor, name: Amara Okafor Nwosu, title: Minister, role: Minister of Water Resources, aliases: ["Okafor Nwosu"]}
  - {id: fernandez, name: Lucía Fernández, title: Dr., role: hydrologist}
  - {id: ortiz, name: Rafael Ortiz, role: chair of the farmers' cooperative}
transcripts: [panel.vtt]
"""

PEOPLE_FRONT = """\
title: "Panel on the river treaty"
slug: example
authors: [ana-ruiz]
people:
  - {id: okafor, name: Amara Okafor Nwosu, title: Minister, aliases: ["Okafor Nwosu"]}
  - {id: ortiz, name: Rafael Ortiz}
"""


def panel(body: str, files: dict[str, str] | None = None) -> Example:
    """An example article with the panel's people and transcript."""
    return example(body, PANEL_FRONT, {"sources/panel.vtt": PANEL_VTT, **(files or {})})


def people(body: str) -> Example:
    """An example article with two known people and no transcript."""
    return example(body, PEOPLE_FRONT)
