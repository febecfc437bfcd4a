from __future__ import annotations

from pathlib import Path

import pytest

from editorial.newsroom.article import load_article
from editorial.newsroom.document import parse_document, read_document
from editorial.newsroom.edit import render_document
from editorial.newsroom.text import LineIndex, Position, decode

TEXT = """\
---
title: "Panel"
slug: panel
authors:
  - ana-ruiz
people:
  - id: okafor
    name: Amara Okafor
---
First line of the body.
Second line, with “curly quotes”.
"""


def test_line_index_maps_offsets_to_lines_and_columns() -> None:
    index = LineIndex("ab\ncd\n\nef")
    assert index.position(0) == Position(1, 1)
    assert index.position(3) == Position(2, 1)
    assert index.position(4) == Position(2, 2)
    assert index.position(6) == Position(3, 1)
    assert index.position(7) == Position(4, 1)
    assert index.position(99) == Position(4, 3)
    assert index.offset(2, 2) == 4
    assert index.line_text(2) == "cd"
    assert index.line_count == 4


def test_body_positions_count_the_front_matter() -> None:
    doc = parse_document(TEXT, "drafts/panel.md")
    assert doc.problems == []
    offset = doc.body.index("curly")
    assert doc.body_position(offset) == Position(11, 20)
    assert doc.body_position(0) == Position(10, 1)


def test_field_lines() -> None:
    doc = parse_document(TEXT)
    assert doc.field_line(["title"]) == 2
    assert doc.field_line(["authors", 0]) == 5
    assert doc.field_line(["people", 0, "name"]) == 8
    assert doc.field_line(["people", 3, "name"]) == 6  # missing index: its parent
    assert doc.field_line(["nothing"]) == 1


def test_crlf_and_bom() -> None:
    text = "\ufeff---\r\ntitle: T\r\nslug: t\r\nauthors: [a]\r\n---\r\nBody\r\nmore\r\n"
    doc = parse_document(text)
    assert doc.problems == []
    assert doc.meta["title"] == "T"
    assert doc.body == "Body\r\nmore\r\n"
    assert doc.body_position(doc.body.index("more")) == Position(7, 1)


def test_blank_line_after_closing_boundary_stays_in_body() -> None:
    doc = parse_document("---\ntitle: T\n---\n\n\nBody\n")
    assert doc.body == "\n\nBody\n"


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("", "empty", 1),
        ("   \n\n", "empty", 1),
        ("Just text\n", "no front matter", 1),
        ("---\ntitle: x\n", "not closed", 1),
        ("---\ntitle: x\n  bad: [\n---\n", "not valid YAML", 3),
        ("---\n- a\n- b\n---\n", "must be a mapping", 2),
    ],
)
def test_problems(text: str, message: str, line: int) -> None:
    doc = parse_document(text)
    assert len(doc.problems) == 1
    assert message in doc.problems[0].message
    assert doc.problems[0].line == line


def test_decode_names_line_and_column_of_a_bad_byte() -> None:
    with pytest.raises(ValueError, match=r"byte 0xe9 at line 2, column 4"):
        decode("ok\ncaf\xe9\n".encode("latin-1"))
    assert decode(b"\xef\xbb\xbfhi") == "hi"


def test_render_keeps_key_order_and_body_bytes(tmp_path: Path) -> None:
    doc = parse_document(TEXT)
    meta = dict(doc.meta)
    meta["state"] = "in_review"
    out = render_document(meta, doc.body)
    assert out.endswith(doc.body)
    again = parse_document(out)
    assert list(again.meta) == [*list(doc.meta), "state"]
    assert again.body == doc.body
    assert again.meta["people"][0]["name"] == "Amara Okafor"


def test_read_document_missing_and_latin1(tmp_path: Path) -> None:
    missing = read_document(tmp_path / "nope.md")
    assert "cannot read" in missing.problems[0].message
    latin = tmp_path / "latin.md"
    latin.write_bytes("---\ntitle: café\n---\n".encode("latin-1"))
    doc = read_document(latin)
    assert doc.problems[0].line == 2
    assert "UTF-8" in doc.problems[0].message


def test_validation_points_at_the_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text(
        "---\ntitle: T\nslug: bad\nauthors: [ana-ruiz]\npeople:\n  - id: x\n    name: ''\n---\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.meta is None
    assert article.problems[0].field == "people.0.name"
    assert article.problems[0].line == 7


def test_slug_must_match_file_name(tmp_path: Path) -> None:
    path = tmp_path / "other.md"
    path.write_text("---\ntitle: T\nslug: panel\nauthors: [a]\n---\n", encoding="utf-8")
    article = load_article(path)
    assert article.meta is not None
    assert "does not match the file name" in article.problems[0].message


def test_hostile_transcript_names_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text(
        "---\ntitle: T\nslug: t\nauthors: [a]\ntranscripts: [../../etc/passwd]\n---\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.meta is None
    assert "transcripts" in article.problems[0].message
    assert article.problems[0].line == 5


def test_a_key_given_twice_is_a_problem_at_its_second_line() -> None:
    doc = parse_document("---\ntitle: A\nslug: a\ntitle: B\n---\nBody.\n")
    assert [(p.message, p.line) for p in doc.problems] == [
        ("front matter has the key 'title' twice: keep one", 4)
    ]


def test_values_yaml_cannot_build_are_problems_not_errors() -> None:
    for value in ("2025-02-30", "0000-00-00"):
        doc = parse_document(f"---\ntitle: A\nwhen: {value}\n---\nBody.\n")
        assert len(doc.problems) == 1
        assert doc.problems[0].message.startswith("front matter has a value that cannot be read")
