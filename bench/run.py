"""editorial against the tools a newsroom would otherwise run, on one corpus, in one run.

``python bench/run.py --n 1000`` (``make bench``; ``make bench N=10000``) generates the
archive (``bench/archive.py``), installs what it compares against when missing (Hugo from
Debian's packages; Pelican and proselint from PyPI, each in its own virtual environment
under ``.bench/``), runs every task at least three times and prints one table: tool, task,
N, median seconds, articles per second, peak memory of the process tree, and the ratio of
editorial's time to the other tool's, with the target it is held to.

Every task is a command run as a user runs it, in a fresh process; setup (removing a
cache, changing a file) happens before the clock starts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import archive  # noqa: E402

ROOT = HERE.parent
WORK = ROOT / ".bench"
EDITORIAL = Path(sys.executable).parent / "editorial"
PELICAN = "pelican[markdown]==4.12.0"
PROSELINT = "proselint==0.16.0"


@dataclass
class Row:
    tool: str
    task: str
    n: int
    seconds: float
    rss_mb: float
    per_article: bool = True
    ratio: float | None = None
    target: str = ""
    met: bool | None = None


@dataclass
class Sample:
    seconds: float
    rss_mb: float
    code: int


def run(cmd: Sequence[str | Path], cwd: Path, env: dict[str, str] | None = None) -> Sample:
    """Run ``cmd`` to completion: wall time, and the peak resident memory of the process and
    the children it waited for (``wait4``'s rusage, in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(c) for c in cmd],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    ended = wait_peak(proc)
    assert ended is not None
    code, rss_mb = ended
    seconds = time.perf_counter() - start
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, cmd))} failed ({code}): {err[-800:]!r}")
    return Sample(seconds, rss_mb, code)


def wait_peak(
    proc: subprocess.Popen[bytes], deadline: float | None = None
) -> tuple[int, float] | None:
    """Reap ``proc``: its exit code and the peak resident memory (MB) of it and the children
    it waited for, from ``wait4``'s rusage; None when ``deadline`` (``perf_counter``) passes
    first, after killing it."""
    while deadline is None or time.perf_counter() < deadline:
        pid, status, usage = os.wait4(proc.pid, 0 if deadline is None else os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage.ru_maxrss / 1024
        time.sleep(0.02)
    proc.kill()
    proc.wait()
    return None


def measure(
    cmd: Sequence[str | Path],
    cwd: Path,
    runs: int,
    before: Callable[[], object] | None = None,
    env: dict[str, str] | None = None,
) -> tuple[float, float]:
    """The median seconds and the largest peak RSS over ``runs`` runs of ``cmd``."""
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        samples.append(run(cmd, cwd, env))
    return statistics.median(s.seconds for s in samples), max(s.rss_mb for s in samples)


# -- the tools compared --------------------------------------------------------------


def venv_tool(name: str, requirement: str, command: str) -> Path | None:
    """``command`` from a virtual environment of its own under .bench/, made when missing."""
    env = WORK / name
    exe = env / "bin" / command
    if exe.exists():
        return exe
    print(f"installing {requirement} into {env} ...", file=sys.stderr)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
        subprocess.run(
            [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", requirement],
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"cannot install {requirement}: {exc}; its rows are left out", file=sys.stderr)
        return None
    return exe


def hugo() -> Path | None:
    """Hugo from Debian's packages (installed when missing and this user may)."""
    found = shutil.which("hugo")
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing hugo from Debian's packages ...", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=False)
        found = shutil.which("hugo")
    if found is None:
        print("hugo is not installed (apt-get install hugo); its rows are left out")
    return Path(found) if found else None


# -- the same content in each tool's layout ------------------------------------------

HUGO_CONFIG = """baseURL = "https://bench.example.org/"
title = "Benchmark Review"
languageCode = "en"
[taxonomies]
tag = "tags"
section = "sections"
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>{{ .Title }}</title>"
        '<link rel=stylesheet href="/style.css"></head><body><header><a href="/">'
        '{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>'
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>'
        '<time>{{ .Date.Format "2 January 2006" }}</time>{{ .Content }}'
        '<ul>{{ range .Params.tags }}<li><a href="/tags/{{ . | urlize }}/">{{ . }}</a></li>'
        "{{ end }}</ul></article>{{ end }}"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}'
        '<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>'
        "<p>{{ .Params.summary }}</p></article>{{ end }}{{ end }}"
    ),
}
PELICAN_CONF = """AUTHOR = "Benchmark Review"
SITENAME = "Benchmark Review"
SITEURL = "https://bench.example.org"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
DEFAULT_PAGINATION = 10
"""


def front_and_body(path: Path) -> tuple[dict[str, object], str]:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def prepare_hugo(corpus: Path, site: Path) -> None:
    """The archive as a Hugo site: the same Markdown, ``date`` from ``published_at``."""
    if (site / "content").is_dir():
        return
    (site / "content" / "posts").mkdir(parents=True)
    for name, text in HUGO_LAYOUTS.items():
        target = site / "layouts" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (site / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for path in sorted((corpus / "published").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta, _ = front_and_body(path)
        date = str(meta["published_at"]).replace(" ", "T").replace("+00:00", "Z")
        text = text.replace("---\n", f"---\ndate: {date}\n", 1)
        (site / "content" / "posts" / path.name).write_text(text, encoding="utf-8")


def prepare_pelican(corpus: Path, site: Path) -> None:
    """The archive as a Pelican site: Pelican's own metadata lines, the same body."""
    if (site / "content").is_dir():
        return
    (site / "content").mkdir(parents=True)
    (site / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    for path in sorted((corpus / "published").glob("*.md")):
        meta, body = front_and_body(path)
        date = meta["published_at"]
        header = [
            f"Title: {meta['title']}",
            f"Date: {date:%Y-%m-%d %H:%M}" if hasattr(date, "year") else f"Date: {date}",
            f"Slug: {meta['slug']}",
            f"Category: {meta['section']}",
            f"Tags: {', '.join(map(str, meta['tags']))}",  # type: ignore[call-overload]
            f"Authors: {', '.join(map(str, meta['authors']))}",  # type: ignore[call-overload]
            f"Summary: {meta['summary']}",
        ]
        (site / "content" / path.name).write_text(
            "\n".join(header) + "\n\n" + body.lstrip(), encoding="utf-8"
        )


# -- the tasks --------------------------------------------------------------------------


def corpus_for(n: int) -> Path:
    root = WORK / f"archive-{n}"
    if not (root / "published").is_dir() or len(list((root / "published").glob("*.md"))) != n:
        shutil.rmtree(root, ignore_errors=True)
        print(f"generating {n} articles in {root} ...", file=sys.stderr)
        archive.archive(root, n)
    return root


def editorial_rows(corpus: Path, n: int, runs: int) -> list[Row]:
    rows: list[Row] = []
    ed = [EDITORIAL]
    cache = corpus / ".editorial"
    one = sorted((corpus / "published").glob("*.md"))[n // 2]
    original = one.read_bytes()

    def lint_row(task: str, cmd: list[str | Path], before: Callable[[], object]) -> Row:
        seconds, rss = measure(ed + cmd, corpus, runs, before)
        return Row("editorial", task, n, seconds, rss)

    def drop_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def change_one() -> None:
        one.write_bytes(one.read_bytes() + b"\nOne more sentence for the benchmark.\n")

    rows.append(lint_row("lint, cold (no cache)", ["lint", "published", "--no-cache"], drop_cache))
    run([*ed, "lint", "published"], corpus)
    rows.append(lint_row("lint, warm, no change", ["lint", "published"], lambda: None))
    rows.append(lint_row("lint, warm, one file changed", ["lint", "published"], change_one))
    one.write_bytes(original)
    single = lint_row("lint one file, fresh clone", ["lint", f"published/{one.name}"], drop_cache)
    single.per_article = False
    rows.append(single)
    site = corpus / "site"

    def cold_build() -> None:
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(cache / "build", ignore_errors=True)

    rows.append(lint_row("build, cold", ["build", "--force"], cold_build))
    run([*ed, "build"], corpus)
    rows.append(lint_row("build, no change", ["build"], lambda: None))
    rows.append(lint_row("build, one article changed", ["build"], change_one))
    one.write_bytes(original)
    for flag in ("--version", "--help"):
        seconds, rss = measure([*ed, flag], corpus, max(runs, 10))
        rows.append(Row("editorial", f"start-up: editorial {flag}", n, seconds, rss, False))
    return rows


def other_rows(corpus: Path, n: int, runs: int, skip: set[str]) -> list[Row]:
    rows: list[Row] = []
    if "proselint" not in skip and (prose := venv_tool("proselint", PROSELINT, "proselint")):
        home = WORK / "proselint-home"

        def fresh_home() -> None:  # no cache between runs
            shutil.rmtree(home, ignore_errors=True)
            home.mkdir(parents=True)

        env = {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
        seconds, rss = measure([prose, "check", "published"], corpus, runs, fresh_home, env)
        rows.append(Row("proselint 0.16", "lint, cold (no cache)", n, seconds, rss))
    if "hugo" not in skip and (exe := hugo()):
        site = WORK / f"hugo-{n}"
        prepare_hugo(corpus, site)

        def clean_hugo() -> None:
            shutil.rmtree(site / "public", ignore_errors=True)
            shutil.rmtree(site / "resources", ignore_errors=True)

        seconds, rss = measure([exe, "--quiet", "-d", "public"], site, runs, clean_hugo)
        rows.append(Row("hugo", "build, cold", n, seconds, rss))
    if "pelican" not in skip and (pel := venv_tool("pelican", PELICAN, "pelican")):
        site = WORK / f"pelican-{n}"
        prepare_pelican(corpus, site)
        output = site / "output"
        seconds, rss = measure(
            [pel, "content", "-o", "output", "-s", "pelicanconf.py", "-q"],
            site,
            runs,
            lambda: shutil.rmtree(output, ignore_errors=True),
        )
        rows.append(Row("pelican 4.12", "build, cold", n, seconds, rss))
    return rows


# -- targets and the table ------------------------------------------------------------


def apply_targets(rows: list[Row], n: int) -> None:
    """Each row's target (SPEC of the performance work) and whether it is met."""
    mine = {r.task: r for r in rows if r.tool == "editorial"}
    for row in rows:
        if row.tool == "editorial":
            continue
        ours = mine.get(row.task)
        if ours is None:
            continue
        row.ratio = ours.seconds / row.seconds
        if row.tool == "hugo":
            limit = 1.0 if n <= 1000 else 1.5
            row.target, row.met = f"ratio ≤ {limit}", row.ratio <= limit
        elif row.tool.startswith("pelican"):
            row.target, row.met = "ratio ≤ 0.125 (8× faster)", row.ratio <= 0.125
        elif row.tool.startswith("proselint"):
            row.target, row.met = "ratio ≤ 0.1 (10× faster)", row.ratio <= 0.1
    for row in mine.values():
        if row.task == "build, no change" and n <= 1000:
            row.target, row.met = "≤ 0.3 s", row.seconds <= 0.3
        elif row.task == "lint one file, fresh clone" and n <= 1000:
            row.target, row.met = "≤ 2 s", row.seconds <= 2.0
        elif row.task == "lint, warm, one file changed" and n >= 10_000:
            row.target, row.met = "≤ 0.5 s", row.seconds <= 0.5
        elif row.task == "start-up: editorial --version":
            row.target, row.met = "≤ 0.15 s", row.seconds <= 0.15
        elif row.task in ("lint, cold (no cache)", "build, cold") and n >= 10_000:
            row.target, row.met = "peak ≤ 400 MB", row.rss_mb <= 400


def table(rows: list[Row]) -> str:
    head = ("tool", "task", "N", "median s", "articles/s", "peak MB", "ratio", "target", "met")
    lines = []
    for r in rows:
        rate = f"{r.n / r.seconds:,.0f}" if r.per_article and r.seconds else ""
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
        met = "" if r.met is None else ("yes" if r.met else "NO")
        lines.append(
            (
                r.tool,
                r.task,
                f"{r.n:,}",
                f"{r.seconds:.3f}",
                rate,
                f"{r.rss_mb:,.0f}",
                ratio,
                r.target,
                met,
            )
        )
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines, strict=True)]
    out = [" | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
    out.append("-|-".join("-" * w for w in widths))
    out += [" | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines]
    return "\n".join("| " + line + " |" for line in out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles in the archive")
    parser.add_argument("--runs", type=int, default=3, help="runs per task (median)")
    parser.add_argument(
        "--skip", action="append", default=[], help="leave out a tool: hugo, pelican, proselint"
    )
    args = parser.parse_args(argv)
    WORK.mkdir(exist_ok=True)
    corpus = corpus_for(args.n)
    print(f"{args.n:,} articles, {os.cpu_count()} cores, {args.runs} runs a task", file=sys.stderr)
    rows = editorial_rows(corpus, args.n, args.runs)
    rows += other_rows(corpus, args.n, args.runs, set(args.skip))
    apply_targets(rows, args.n)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
