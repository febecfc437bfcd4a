"""Transitions touch only what they change: comments, quoting, key order, block style and
the body stay byte for byte; no tag, anchor or alias is written (issue: fidelity)."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from editorial.newsroom.document import parse_document
from editorial.newsroom.edit import edit_front_matter
from tests.conftest import Room

NOW = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
TITLES = ['"Panel: weighs the treaty"', "'Panel weighs it'", "Panel weighs the river treaty"]
HISTORIES = [
    None,
    "history: []",
    "history:\n  - {at: 2025-05-02T08:00:00Z, by: ana, action: submit, from: draft, "
    'to: in_review, note: "Ready, I think."}',
    "history:\n- at: 2025-05-02T08:00:00Z\n  by: ana\n  action: submit\n  from: draft\n"
    "  to: in_review\n  note: null\n# reviewed on the phone\n",
]
EXTRAS = [  # at most one of each line
    ["tags: [ports, contracts]", "tags:\n  - ports\n  - contracts"],
    ["summary: >-\n  A long summary folded\n  over two lines."],
    ["# a comment the desk keeps\nsection: events"],
    ["people:\n  - id: ruiz  # the minister\n    name: Ana Ruiz\n    aliases: ['Ruiz']"],
    ["event: {name: 'Water panel', date: 2025-02-11}"],
    ["version: 1"],
    ["publish_at: 2026-05-01T09:00:00Z   # embargo"],
]


def _changes(meta: dict[str, Any], kind: str) -> dict[str, Any]:
    """The front matter after a transition of ``kind``, as the workflow builds it."""
    new = dict(meta)
    entry = {"at": NOW, "by": "pat", "action": kind, "from": "a", "to": "b", "note": "x, y: z"}
    new["history"] = [*(meta.get("history") or []), entry]
    new["state"] = {"submit": "in_review", "publish": "published", "correct": "published"}.get(
        kind, "draft"
    )
    if kind == "publish":
        new.pop("publish_at", None)
        new["published_at"] = NOW
        new["version"] = 1
        new["canonical_url"] = "https://example.org/panel/"
    if kind == "correct":
        new["corrections"] = [*(meta.get("corrections") or []), {"at": NOW, "text": "Fixed."}]
        new["version"] = int(meta.get("version") or 1) + 1
    if kind == "assign":
        new["assignee"] = "tom"
    return new


@st.composite
def articles(draw: st.DrawFn) -> str:
    parts = [f"title: {draw(st.sampled_from(TITLES))}", "slug: panel", "authors: [ana-ruiz]"]
    parts.append(draw(st.sampled_from(["state: draft", "state: draft  # set by the desk"])))
    for choices in EXTRAS:
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(choices)))
    history = draw(st.sampled_from(HISTORIES))
    if history:
        parts.append(history.rstrip("\n"))
    order = draw(st.permutations(parts))
    body = draw(st.sampled_from(["", "Body.\n", "\n# Head\n\nText “quoted,” Ruiz said.\n"]))
    text = "---\n" + "\n".join(order) + "\n---\n" + body
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


def _spans(text: str) -> dict[str, str]:
    """Each top-level key's own lines, as written."""
    doc = parse_document(text)
    assert doc.node is not None
    lines = text.splitlines(keepends=True)
    first = doc.front_matter_line - 1
    keys = [(str(k.value), first + k.start_mark.line) for k, _v in doc.node.value]
    closing = text[: doc.front_matter_end].count("\n")
    out = {}
    for i, (key, start) in enumerate(keys):
        end = keys[i + 1][1] if i + 1 < len(keys) else closing
        while end > start + 1 and lines[end - 1].lstrip()[:1] in ("#", ""):
            end -= 1  # comments and blank lines after a key go with what follows
        out[key] = "".join(lines[start:end])
    return out


@given(articles(), st.sampled_from(["submit", "assign", "publish", "correct"]))
@settings(max_examples=300, deadline=None)
def test_a_transition_changes_only_the_keys_it_sets(text: str, kind: str) -> None:
    doc = parse_document(text)
    assert not doc.problems, doc.problems
    meta = _changes(doc.meta, kind)
    edited = edit_front_matter(doc, meta)
    again = parse_document(edited)
    assert not again.problems and again.meta == meta  # it reads back as what was set
    assert again.body == doc.body  # the body, byte for byte
    front = edited[: again.body_offset]
    assert "!!" not in front and "&id" not in front and "*id" not in front
    before, after = _spans(text), _spans(edited)
    kept = [key for key in before if key in meta and meta[key] == doc.meta[key]]
    for key in kept:  # untouched keys: same text, same order
        assert after[key] == before[key], key
    assert [k for k in after if k in kept] == kept
    for comment in (line for line in text.splitlines() if line.lstrip().startswith("#")):
        if not comment.startswith("# Head"):
            assert comment in edited.splitlines()
    changed = {key for key in before if key not in kept}
    removed = [
        line[2:]
        for line in difflib.ndiff(text.splitlines(), edited.splitlines())
        if line.startswith("- ")
    ]
    own = {line for key in changed for line in before[key].splitlines()}
    assert set(removed) <= own, (removed, changed)


def test_a_transition_on_every_demo_article_changes_only_its_keys(demo: Room) -> None:
    room = demo
    before = {p: p.read_text(encoding="utf-8") for p in room.root.glob("*/*.md")}
    articles = sorted(p for p in before if p.parent.name in ("drafts", "published"))
    for path in articles:
        if path.parent.name == "drafts":
            result = room.run("--as", "tom", "assign", path.stem, "--to", "pat")
        elif "state: retracted" in before[path]:
            continue
        else:
            result = room.run("--as", "pat", "correct", path.stem, "-m", "Fixed: the vote.")
        assert result.exit_code == 0, result.output
        diff = [
            line
            for line in difflib.unified_diff(
                before[path].splitlines(), path.read_text(encoding="utf-8").splitlines(), n=0
            )
            if line[:1] in "+-" and line[:3] not in ("+++", "---")
        ]
        allowed = (
            "-history: []",
            "-version: ",
            "-assignee: ",
            "-updated_at: ",
            "+history:",
            "+  - {at: ",
            "+version: ",
        )
        allowed += ("+assignee: pat", "+corrections:", "+updated_at: ", "+state: ")
        assert diff and all(line.startswith(allowed) for line in diff), (path.name, diff)
