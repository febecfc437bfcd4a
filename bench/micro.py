"""Micro-benchmarks: run ``python bench/micro.py`` (``make bench-micro``) and read the table.

- quote verification: a two-hour transcript and an article of 100 quotations;
- lint: a newsroom of generated drafts, end to end.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from editorial.lint.engine import run_lint
from editorial.lint.quotes.analysis import analyze
from editorial.lint.quotes.verify import TranscriptIndex, _Tokens
from editorial.newsroom.article import load_article
from editorial.newsroom.newsroom import Newsroom
from editorial.newsroom.transcripts import parse_vtt


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """The median of ``repeat`` runs, in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="drafts in the lint benchmark")
    args = parser.parse_args()
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = corpus.newsroom(Path(tmp) / "quotes", articles=1, quotes=100, minutes=120)
        vtt = (root / "sources" / "panel.vtt").read_text(encoding="utf-8")
        transcript = parse_vtt(vtt, "panel.vtt")
        words = sum(len(u.text.split()) for u in transcript.utterances)
        rows.append(
            (
                "transcript parse (2 h)",
                f"{timed(lambda: parse_vtt(vtt, 'x.vtt')) * 1000:.0f} ms",
                f"{words} words",
            )
        )
        build = timed(lambda: _Tokens([transcript]))
        rows.append(
            (
                "transcript index (build)",
                f"{build * 1000:.0f} ms",
                f"{len(transcript.utterances)} cues",
            )
        )
        newsroom = Newsroom.open(root)
        article = load_article(root / "drafts" / "article-00000.md")
        analysis = analyze(newsroom, article)
        checks = len(analysis.checks)
        seconds = timed(lambda: analyze(newsroom, article))
        rows.append(
            (
                "find + attribute + verify",
                f"{seconds * 1000:.0f} ms",
                f"{checks} quotations, {checks / seconds:,.0f}/s",
            )
        )
        index = TranscriptIndex([transcript])
        texts = [c.text for c in analysis.checks]
        verify = timed(lambda: [index.verdict(t) for t in texts])
        rows.append(
            ("verify only", f"{verify * 1000:.1f} ms", f"{len(texts) / verify:,.0f} quotations/s")
        )

        lint_root = corpus.newsroom(
            Path(tmp) / "lint", articles=args.articles, quotes=10, minutes=30
        )
        files = len(Newsroom.open(lint_root).article_paths("drafts"))
        for label, options in (
            ("lint, cold, 1 process", {"use_cache": False, "jobs": 1}),
            ("lint, cold, parallel", {"use_cache": False, "jobs": 0}),
        ):
            seconds = timed(lambda o=options: run_lint(Newsroom.open(lint_root), **o), repeat=1)
            rows.append(
                (f"{label} ({files} drafts)", f"{seconds:.2f} s", f"{files / seconds:,.0f} files/s")
            )
        run_lint(Newsroom.open(lint_root))  # fill the cache
        warm = timed(lambda: run_lint(Newsroom.open(lint_root)), repeat=3)
        report = run_lint(Newsroom.open(lint_root))
        rows.append(
            (
                f"lint, warm cache ({files} drafts)",
                f"{warm:.2f} s",
                f"{report.cached} from cache, {report.read} read",
            )
        )
        rows += build_rows(lint_root)
    width = max(len(r[0]) for r in rows)
    print(f"{'benchmark':<{width}}  {'time':>10}  detail")
    for name, took, detail in rows:
        print(f"{name:<{width}}  {took:>10}  {detail}")
    return 0


def build_rows(root: Path) -> list[tuple[str, str, str]]:
    """``editorial build``: cold, with no change, and with one article changed."""
    from editorial.publish.site import build_site

    published = root / "published"
    published.mkdir(exist_ok=True)
    for path in sorted((root / "drafts").glob("*.md")):
        text = path.read_text(encoding="utf-8").replace(
            "authors: [bench-author]\n",
            "authors: [bench-author]\nstate: published\nsection: events\n"
            "tags: [bench]\npublished_at: 2025-01-01T00:00:00Z\n",
            1,
        )
        (published / path.name).write_text(text, encoding="utf-8")
    count = len(list(published.glob("*.md")))
    rows = []
    cold = timed(
        lambda: build_site(Newsroom.open(root), force=True, out=root / "site-cold"), repeat=1
    )
    rows.append(
        (f"build, cold ({count} articles)", f"{cold:.2f} s", f"{count / cold:,.0f} articles/s")
    )
    build_site(Newsroom.open(root))
    same = timed(lambda: build_site(Newsroom.open(root)), repeat=3)
    report = build_site(Newsroom.open(root))
    rows.append(
        (f"build, no change ({count})", f"{same:.2f} s", f"{len(report.written)} files written")
    )
    first = sorted(published.glob("*.md"))[0]

    def touch_one() -> None:
        first.write_text(first.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        build_site(Newsroom.open(root))

    one = timed(touch_one, repeat=3)
    rows.append(
        (f"build, one article changed ({count})", f"{one:.2f} s", "its page, listings, feeds")
    )
    return rows


if __name__ == "__main__":
    sys.exit(main())
