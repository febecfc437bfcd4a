from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editorial.lint.quotes.sheet import short_name
from editorial.lint.rules._fixtures import PANEL_FRONT, PANEL_VTT
from tests.conftest import Room

ARTICLE = f"""---
{PANEL_FRONT}---
Minister Amara Okafor Nwosu opened the panel. “No treaty survives a drought it was never written for,” she said.

“The basin does not care about borders,” Okafor Nwosu added.
"""


def setup(room: Room) -> None:
    room.write("sources/panel.vtt", PANEL_VTT)
    room.write("drafts/example.md", ARTICLE)


def test_quotes_json(room: Room) -> None:
    setup(room)
    result = room.run("quotes", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [r["speaker"]["id"] for r in rows] == ["okafor", "okafor"]
    assert rows[0]["cue"] == "pronoun"
    assert rows[0]["transcript"]["status"] == "verbatim"
    assert rows[1]["transcript"]["speaker"] == "Lucía Fernández"
    assert (rows[0]["line"], rows[0]["column"]) == (11, 47)
    assert set(rows[0]) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "text",
        "speaker",
        "cue",
        "transcript",
    }


def test_quotes_text(room: Room) -> None:
    setup(room)
    result = room.run("quotes")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "drafts/example.md"
    assert "Amara Okafor Nwosu" in lines[2] and "verbatim" in lines[2]
    assert "verbatim (Fernández)" in lines[3]
    assert lines[-1] == "2 quotations, 0 without a speaker."


def test_lint_flags_the_misattribution(room: Room) -> None:
    setup(room)
    result = room.run("lint", "--format", "json")
    findings = json.loads(result.output)
    assert [f["code"] for f in findings] == ["Q004"]
    assert findings[0]["message"].endswith(
        "but Lucía Fernández said it (panel.vtt, line 8, 00:00:06)"
    )
    assert result.exit_code == 1


def test_quotes_extra_transcript_and_skipped(room: Room) -> None:
    setup(room)
    room.write("drafts/broken.md", "---\ntitle: [\n---\n")
    extra = room.write("elsewhere/extra.vtt", PANEL_VTT)
    result = room.run("quotes", "--transcript", str(extra), "--format", "json")
    assert result.exit_code == 0
    assert "warning: skipped drafts/broken.md:3: front matter is not valid YAML" in result.output
    missing = room.run("quotes", "--transcript", str(room.root / "nope.vtt"))
    assert missing.exit_code == 2
    assert missing.output.startswith("error: no such transcript:")


def test_lint_with_extra_transcript(room: Room) -> None:
    room.write("drafts/example.md", ARTICLE.replace("transcripts: [panel.vtt]\n", ""))
    extra = room.write("elsewhere/extra.vtt", PANEL_VTT)
    assert "Q004" not in room.run("lint").output
    assert "Q004" in room.run("lint", "--transcript", str(extra)).output


def test_no_quotations(room: Room) -> None:
    room.article("panel")
    result = room.run("quotes")
    assert result.output == "0 quotations, 0 without a speaker.\n"


def test_quotes_of_a_file_without_front_matter(room: Room) -> None:
    plain = room.write(
        "elsewhere/plain.txt",
        "The mayor, Ana Lopez, spoke first. “We will rebuild the bridge,” Lopez said.\n\n"
        "She added: “It will take two years.”\n",
    )
    rows = json.loads(room.run("quotes", str(plain), "--format", "json").output)
    assert [(r["speaker"], r["cue"]) for r in rows] == [
        ({"id": None, "name": "Ana Lopez", "kind": "person"}, "verb"),
        ({"id": None, "name": "Ana Lopez", "kind": "person"}, "pronoun"),
    ]


def test_a_transcript_named_after_the_article_is_used(room: Room) -> None:
    text = ARTICLE.replace("transcripts: [panel.vtt]\n", "")
    room.write("drafts/example.md", text)
    assert "Q004" not in room.run("lint").output
    room.write("sources/example.vtt", PANEL_VTT)
    assert "Q004" in room.run("lint").output
    (room.root / "sources" / "example.vtt").unlink()
    room.write("drafts/example.vtt", PANEL_VTT)
    assert "Q004" in room.run("lint").output


AUTHORITY = "  - {id: authority, name: River Basin Authority, kind: organization}\n"
SECTIONS = f"""---
{PANEL_FRONT.replace("transcripts:", AUTHORITY + "transcripts:")}---
## Opening Remarks: Minister Amara Okafor Nwosu

Minister Okafor Nwosu has led the ministry since 2022, after a decade at the
river commission and two years with Dr. Fernández's research group.

“No treaty survives a drought it was never written for.”

## Panel — Lucía Fernández and Rafael Ortiz

Fernández and Ortiz disagreed on almost every point.

“We are not asking for more water. We are asking to know how much we will get.”

“The flows will be published every month,” the River Basin Authority said in a release.
"""


def test_speaker_sections_lint_and_the_quote_sheet(room: Room) -> None:
    room.write("sources/panel.vtt", PANEL_VTT)
    room.write("drafts/example.md", SECTIONS)
    sheet = room.run("quotes", "--format", "json")
    assert sheet.exit_code == 0, sheet.output
    rows = json.loads(sheet.output)
    assert [(r["speaker"] and r["speaker"]["id"], r["cue"]) for r in rows] == [
        ("okafor", "heading"),
        (None, None),
        ("authority", "verb"),
    ]
    assert rows[2]["speaker"]["kind"] == "organization"
    result = room.run("lint", "--format", "json")
    findings = json.loads(result.output)
    assert [f["code"] for f in findings] == ["Q001"]
    # the panel's quotation: the candidates, and who said it in the transcript
    suggestion = findings[0]["suggestion"]
    assert "Lucía Fernández and Rafael Ortiz" in suggestion
    assert "panel.vtt gives these words to Rafael Ortiz" in suggestion


@pytest.mark.parametrize(
    ("name", "width", "short"),
    [
        ("Amara Okafor Nwosu", 28, "Amara Okafor Nwosu"),
        ("Amara Okafor Nwosu", 16, "A. Okafor Nwosu"),
        ("María del Carmen Fernández de la Vega", 24, "M. del C. F. de la Vega"),
        (
            "Ministry of Water Resources and Sanitation of the Province",
            27,
            "Ministry of Water…",
        ),
        ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
    ],
)
def test_names_are_shortened_at_words(name: str, width: int, short: str) -> None:
    assert short_name(name, width) == short


@given(
    st.lists(st.text(alphabet="abcdeéABCÉ", min_size=1, max_size=14), min_size=1, max_size=8),
    st.integers(min_value=12, max_value=40),
)
def test_a_shortened_name_never_cuts_a_word(words: list[str], width: int) -> None:
    short = short_name(" ".join(words), width)
    assert len(short) <= width
    kept = short.removesuffix("…").split()
    if len(words[0]) >= width - 1 and kept == [short.removesuffix("…")]:
        return  # a first word longer than the column: nothing whole fits
    for i, word in enumerate(kept):  # each word whole, or the initial of the word there
        assert word in (words[i], words[i][0] + "."), (words, width, short)
