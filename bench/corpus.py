"""Generate synthetic material for benchmarks: long transcripts, articles with many
quotations, and whole newsrooms of articles. Deterministic for a given seed."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = [
    "river",
    "water",
    "treaty",
    "basin",
    "drought",
    "farmers",
    "city",
    "council",
    "budget",
    "school",
    "teachers",
    "families",
    "market",
    "prices",
    "wages",
    "rain",
    "season",
    "harvest",
    "bridge",
    "ferry",
    "road",
    "hospital",
    "doctors",
    "nurses",
    "children",
    "housing",
    "rent",
    "court",
    "judge",
    "ruling",
    "province",
    "minister",
    "government",
    "people",
    "years",
    "plan",
    "money",
    "time",
    "work",
    "night",
    "morning",
    "community",
    "future",
    "question",
    "answer",
    "problem",
]
FUNCTION = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "that",
    "it",
    "is",
    "was",
    "for",
    "on",
    "with",
    "as",
    "we",
    "they",
    "not",
    "but",
]
SPEAKERS = [
    ("okafor", "Amara Okafor Nwosu"),
    ("fernandez", "Lucía Fernández"),
    ("ortiz", "Rafael Ortiz"),
    ("lindqvist", "Hannah Lindqvist"),
    ("becker", "Tom Becker"),
    ("salas", "Diego Salas"),
]


def sentence(rng: random.Random, length: int | None = None) -> str:
    n = length or rng.randint(8, 20)
    words = [rng.choice(WORDS if i % 2 else FUNCTION) for i in range(n)]
    return " ".join(words).capitalize() + "."


def transcript(rng: random.Random, minutes: int = 120) -> tuple[str, list[tuple[str, str]]]:
    """A Zoom-style WebVTT transcript (about 150 words a minute) and its utterances."""
    lines = ["WEBVTT", ""]
    said: list[tuple[str, str]] = []
    seconds = 0.0
    cue = 1
    while seconds < minutes * 60:
        _sid, name = rng.choice(SPEAKERS)
        text = " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))
        length = len(text.split()) / 2.5
        start, end = seconds, seconds + length
        lines += [str(cue), f"{_ts(start)} --> {_ts(end)}", f"{name}: {text}", ""]
        said.append((name, text))
        seconds = end + 0.5
        cue += 1
    return "\n".join(lines), said


def _ts(seconds: float) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


def article(
    rng: random.Random, said: list[tuple[str, str]], quotes: int, slug: str, transcript_name: str
) -> str:
    """An article quoting ``quotes`` utterances: most verbatim, some altered, some misattributed."""
    people = "\n".join(f"  - {{id: {sid}, name: {name}}}" for sid, name in SPEAKERS)
    paragraphs = []
    for i in range(quotes):
        name, text = rng.choice(said)
        words = text.split()
        take = " ".join(words[: min(len(words), rng.randint(6, 16))]).rstrip(".")
        kind = i % 10
        if kind == 8:  # altered: a misquote
            take = take.replace(" the ", " this ", 1) + " indeed"
        speaker = name
        if kind == 9:  # misattributed
            speaker = next(n for _s, n in SPEAKERS if n != name)
        paragraphs.append(f"{sentence(rng)} “{take},” {speaker.split()[-1]} said. {sentence(rng)}")
    front = (
        f"---\ntitle: Benchmark article {slug}\nslug: {slug}\nauthors: [bench-author]\n"
        f"people:\n{people}\ntranscripts: [{transcript_name}]\n---\n"
    )
    return front + "\n\n".join(paragraphs) + "\n"


BIO = """---
name: Bench Author
---
Bench Author writes the articles that the benchmarks read: panels, budgets, rivers and
courts, at whatever length the measurement needs, and never complains about deadlines.
"""

CONFIG = '[newsroom]\nname = "Benchmark Desk"\nbase_url = "https://bench.example.org"\n'


def newsroom(root: Path, articles: int, quotes: int, minutes: int, seed: int = 7) -> Path:
    """A newsroom of ``articles`` drafts quoting one transcript of ``minutes`` minutes."""
    rng = random.Random(seed)
    (root / "drafts").mkdir(parents=True, exist_ok=True)
    (root / "authors").mkdir(exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    (root / "editorial.toml").write_text(CONFIG, encoding="utf-8")
    (root / "authors" / "bench-author.md").write_text(BIO, encoding="utf-8")
    text, said = transcript(rng, minutes)
    (root / "sources" / "panel.vtt").write_text(text, encoding="utf-8")
    for i in range(articles):
        slug = f"article-{i:05d}"
        (root / "drafts" / f"{slug}.md").write_text(
            article(rng, said, quotes, slug, "panel.vtt"), encoding="utf-8"
        )
    return root
