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
        root = Path(tmp)
        (root / "editorial.toml").write_text(CONFIG, encoding="utf-8")
        (root / "authors").mkdir()
        (root / "authors" / "ana-ruiz.md").write_text(BIO.format(name="Ana Ruiz"), encoding="utf-8")
        (root / "drafts").mkdir()
        path = root / "drafts" / "fuzz.md"
        path.write_bytes(data)
        article = load_article(path)
        assert article.meta is not None or article.problems
        report = run_lint(Newsroom.open(root))
        for finding in report.findings:
            assert finding.line >= 1 and finding.column >= 1
        assert isinstance(json.loads(render(report, "json")), list)
