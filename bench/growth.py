"""How lint time grows with hostile input: each input at three sizes, each size double the
last. Linear passes show a ratio near 2 from one size to the next; a ratio near 4 is a
quadratic pass. ``python bench/growth.py`` (``make bench-growth``) prints the table.

Each run is ``editorial lint --no-cache`` on one generated article in a fresh process,
with a time limit (a hang detector, not a benchmark target).
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import run

EDITORIAL = Path(sys.executable).parent / "editorial"
FRONT = "---\ntitle: Growth\nslug: growth\nauthors: [bench-author]\n---\n"
CONFIG = '[newsroom]\nname = "Growth"\nbase_url = "https://growth.example.org"\n'
BIO = "---\nname: Bench Author\n---\n" + "Bench Author writes long articles for tests. " * 5


def quotations_in_one_paragraph(n: int) -> str:
    return " ".join(f"“Words number {i} were said here,” Ruiz said." for i in range(n))


def figures(n: int) -> str:
    return " ".join(f"The port handled {1000 + i:,} ships last year." for i in range(n))


def comment_openers(n: int) -> str:
    return "Text " + "<!-- " * n


def prose_kb(n: int) -> str:
    sentence = "The river carried less water this season than in any year the port recalls. "
    return sentence * (n * 1024 // len(sentence))


def quotation_marks(n: int) -> str:
    return "“" * n


def spaced_cues(n: int) -> str:
    """Runs of ``n`` spaces inside an "according to" cue and a block quotation's dash line,
    where an ambiguous pattern used to try every way of splitting them (minutes at 2,000)."""
    gap = " " * n
    return (
        f"According to{gap}x{gap}y “The river fell by half,” she said.\n\n"
        f"> “We will build the dams.”\n> —{gap}x{gap}\n> y\n"
    )


def reporting_kb(n: int) -> str:
    """Event write-ups (speaker sections, quotations, names, figures) run together."""
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import archive

    rng = random.Random(5)
    event = archive._event(rng, 0)
    parts: list[str] = []
    size = 0
    number = 0
    while size < n * 1024:
        body = archive._article(rng, number, event).split("---\n", 2)[2]
        parts.append(body)
        size += len(body.encode("utf-8"))
        number += 1
    return "\n\n".join(parts)


def transcript_mb(n: int) -> tuple[str, str]:
    """A draft with one quotation, citing a Zoom transcript of ``n`` megabytes."""
    body = "“The river fell by half in a decade,” Ruiz said.\n"
    blocks = ["WEBVTT\n"]
    size, i = 0, 0
    while size < n * 1024 * 1024:
        speaker = ("Ana Ruiz: ", "Lee Park: ", "")[i % 3]
        block = (
            f"{i + 1}\n{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000 --> "
            f"{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}.900\n"
            f"{speaker}Cue {i} of the panel, where the water talks went on past midnight.\n"
        )
        blocks.append(block)
        size += len(block) + 1
        i += 1
    return body, "\n".join(blocks)


INPUTS: list[tuple[str, Callable[[int], str | tuple[str, str]], list[int]]] = [
    ("quotations in one paragraph", quotations_in_one_paragraph, [500, 1000, 2000]),
    ("figures", figures, [1000, 2000, 4000]),
    ("'<!--' openers", comment_openers, [5000, 10000, 20000]),
    ("prose (KB)", prose_kb, [256, 512, 1024]),
    ("quotation marks", quotation_marks, [25000, 50000, 100000]),
    ("event write-ups (KB)", reporting_kb, [256, 512, 1024]),
    ("spaces in cues", spaced_cues, [8000, 16000, 32000]),
    ("transcript (MB)", transcript_mb, [10, 20, 40]),
]


def lint_run(root: Path, made: str | tuple[str, str], limit: float) -> tuple[float, float] | None:
    """Seconds and peak RSS (MB) of linting ``made``; None past ``limit`` seconds."""
    front = FRONT
    if isinstance(made, tuple):
        body, transcript = made
        (root / "sources" / "growth.vtt").write_text(transcript, encoding="utf-8")
        front = FRONT.replace("authors:", "transcripts: [growth.vtt]\nauthors:")
    else:
        body = made
    (root / "drafts" / "growth.md").write_text(front + body + "\n", encoding="utf-8")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(EDITORIAL), "lint", "--no-cache", "drafts/growth.md"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    ended = run.wait_peak(proc, start + limit)
    return (time.perf_counter() - start, ended[1]) if ended else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=120, help="seconds before a run is a hang")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for folder in ("drafts", "authors", "sources"):
            (root / folder).mkdir()
        (root / "editorial.toml").write_text(CONFIG, encoding="utf-8")
        (root / "authors" / "bench-author.md").write_text(BIO, encoding="utf-8")
        for name, make, sizes in INPUTS:
            runs = [lint_run(root, make(size), args.limit) for size in sizes]
            times = [r[0] if r else None for r in runs]
            shown = [f"{t:.2f} s" if t is not None else f"> {args.limit:.0f} s" for t in times]
            ratios = [f"{b / a:.1f}" if a and b else "-" for a, b in itertools.pairwise(times)]
            memory = " / ".join(f"{r[1]:.0f}" if r else "-" for r in runs)
            sized = " / ".join(f"{s:,}" for s in sizes)
            rows.append((name, sized, " / ".join(shown), " ".join(ratios), memory))
            print(f"{name}: {' / '.join(shown)}", file=sys.stderr)
    head = ("input", "sizes", "lint time", "growth per doubling", "peak RSS (MB)")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for row in [head, tuple("-" * w for w in widths), *rows]:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
