"""Property-based: the reader and lint never raise on arbitrary text or bytes."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editorial.lint.engine import run_lint
from editorial.lint.output import render
from editorial.newsroom.article import load_article
from editorial.newsroom.document import parse_document
from editorial.newsroom.newsroom import Newsroom
from tests.conftest import BIO, CONFIG

front = st.sampled_from(
    [
        "",
        "---\n",
        "---\ntitle: T\nslug: fuzz\nauthors: [ana-ruiz]\n---\n",
        "---\ntitle: [\n---\n",
        "---\n- 1\n---\n",
        "---\ntitle: T\nslug: fuzz\nauthors: [ana-ruiz]\npeople: [{id: x}]\ncitations: 3\n---\n",
    ]
)
quotes = st.sampled_from(
    ["“", "”", '"', "«", "»", "„", "> ", "# ", "[@x]", "<!-- editorial: ignore -->", "\n", "---"]
)
bodies = st.lists(st.one_of(st.text(max_size=40), quotes), max_size=20).map("".join)


def _newsroom(root: Path) -> Path:
    """A newsroom with one author and an empty drafts/ folder, at ``root``."""
    (root / "editorial.toml").write_text(CONFIG, encoding="utf-8")
    (root / "authors").mkdir()
    (root / "authors" / "ana-ruiz.md").write_text(BIO.format(name="Ana Ruiz"), encoding="utf-8")
    (root / "drafts").mkdir()
    return root


@given(front, bodies)
@settings(max_examples=150, deadline=None)
def test_parse_document_never_raises(head: str, body: str) -> None:
    doc = parse_document(head + body)
    assert doc.body_offset <= len(doc.text)


@given(
    st.binary(max_size=300)
    | (front.map(str.encode) | st.just(b"")).flatmap(
        lambda h: bodies.map(lambda b: h + b.encode("utf-8", "surrogatepass"))
    )
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_lint_never_raises(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = _newsroom(Path(tmp))
        path = root / "drafts" / "fuzz.md"
        path.write_bytes(data)
        article = load_article(path)
        assert article.meta is not None or article.problems
        report = run_lint(Newsroom.open(root))
        for finding in report.findings:
            assert finding.line >= 1 and finding.column >= 1
        assert isinstance(json.loads(render(report, "json")), list)


KEYS = st.sampled_from(
    [
        "title",
        "slug",
        "authors",
        "published_at",
        "publish_at",
        "people",
        "citations",
        "event",
        "transcripts",
        "version",
        "tags",
        "history",
        "x-custom",
    ]
)
HOSTILE_VALUES = st.sampled_from(
    [
        "2025-02-30",
        "0000-00-00",
        "2025-13-01T25:61:00Z",
        str(10**400),
        "-" + str(10**400),
        ".inf",
        ".nan",
        "[" * 3000 + "]" * 3000,
        "{a: " * 500 + "1" + "}" * 500,
        "&x [*x]",
        "!!binary aGVsbG8=",
        "!!python/object:os.system {}",
        "!!timestamp nonsense",
        "!!int 12x",
        "[{id: x, name: 3}, {id: x, name: [1]}]",
        "{at: 2025-02-30, by: 3, action: [], from: nowhere}",
        "'\\u0000\\x1b]52;c;eA==\\x07'",
        '"\\ud800"',
        "~",
    ]
)


@given(st.lists(st.tuples(KEYS, HOSTILE_VALUES), min_size=1, max_size=4))
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_no_yaml_value_makes_lint_fail_inside(pairs: list[tuple[str, str]]) -> None:
    """Every value PyYAML or the models can choke on is a finding on that file, and the
    other article of the newsroom is still checked."""
    with tempfile.TemporaryDirectory() as tmp:
        root = _newsroom(Path(tmp))
        front = "".join(f"{key}: {value}\n" for key, value in pairs)
        (root / "drafts" / "bad.md").write_text(f"---\n{front}---\nBody.\n", encoding="utf-8")
        (root / "drafts" / "good.md").write_text(
            "---\ntitle: Good\nslug: good\nauthors: [ana-ruiz]\n---\nA source [@missing].\n",
            encoding="utf-8",
        )
        report = run_lint(Newsroom.open(root), use_cache=False)
        assert "drafts/good.md" in {f.path for f in report.findings}
        assert isinstance(json.loads(render(report, "json")), list)
        render(report, "text")
