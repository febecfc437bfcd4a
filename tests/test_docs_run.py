"""The docs run as written: every shell block of README.md and docs/tutorial-*.md, command
by command, in order, in a real shell, each command's exit status checked against the one
its comment promises ("# exit 1: ..."; 0 when the comment says nothing).

The README's "Using it" starts from the repository folder and makes a newsroom with
`init`; the tutorials start from the repository folder and work in a copy of the demo
newsroom. Here the "repository folder" is a temporary copy of the demo newsroom's files
with a `.venv/bin/activate` that puts this interpreter's `editorial` on PATH, as
activating the real `.venv` does. A block after ``<!-- docs: not run -->`` is skipped (the
quick start, which runs this very suite).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("tutorial-*.md"))]
DEMO = ["editorial.toml", "drafts", "published", "authors", "sources"]
FENCE = re.compile(
    r"(<!-- docs: not run -->\s*)?^```(?:sh|bash|shell|console)\n(.*?)^```$", re.M | re.S
)
HEREDOC = re.compile(r"<<-?\s*'?(\w+)'?")
PROMISE = re.compile(r"\bexit (\d+)\b")
FAILED = 97  # the script's own status when a command breaks its promise


@dataclass(frozen=True)
class Command:
    text: str  # as written, a heredoc's lines included
    expected: int
    line: int  # in the Markdown file


def _comment(line: str) -> tuple[str, str]:
    """``line`` split into its command and its comment (a ``#`` outside quotes, after a
    space)."""
    quote = None
    for i, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip(), line[i + 1 :].strip()
    return line.rstrip(), ""


def commands(path: Path) -> list[Command]:
    """Every command of the file's shell blocks, in order."""
    text = path.read_text(encoding="utf-8")
    found: list[Command] = []
    for block in FENCE.finditer(text):
        if block.group(1):
            continue
        first_line = text.count("\n", 0, block.start(2)) + 1
        lines = block.group(2).splitlines()
        i = 0
        while i < len(lines):
            command, comment = _comment(lines[i])
            start = i
            i += 1
            if not command:
                continue
            heredoc = HEREDOC.search(command)
            if heredoc:  # the document's lines up to the terminator belong to it
                body = []
                while i < len(lines) and lines[i] != heredoc.group(1):
                    body.append(lines[i])
                    i += 1
                command = "\n".join([command, *body, heredoc.group(1)])
                i += 1
            promise = PROMISE.search(comment)
            found.append(
                Command(command, int(promise.group(1)) if promise else 0, first_line + start)
            )
    return found


def script(doc: Path, steps: list[Command]) -> str:
    """A bash script that runs ``steps`` and stops at the first broken promise."""
    out = ["set -u"]
    for step in steps:
        said = shlex.quote(step.text.splitlines()[0])
        out += [
            step.text,
            f"rc=$?; if [ $rc -ne {step.expected} ]; then echo "
            f'"{doc.name}:{step.line}: exit $rc, the text promises {step.expected}: "{said} >&2; '
            f"exit {FAILED}; fi",
        ]
    return "\n".join(out) + "\n"


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The repository folder as a reader has it after `make demo`: the demo newsroom and
    a `.venv` to activate."""
    folder = tmp_path / "editorial"
    folder.mkdir()
    for name in DEMO:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns(".*"))
        else:
            shutil.copy2(source, folder / name)
    activate = folder / ".venv" / "bin" / "activate"
    activate.parent.mkdir(parents=True)
    activate.write_text(f'export PATH={shlex.quote(str(Path(sys.executable).parent))}:"$PATH"\n')
    return folder


def run_doc(doc: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("EDITORIAL_", "VIRTUAL_ENV", "COASTDAILY"))
    }
    env.update(NO_COLOR="1", HOME=str(folder.parent), GIT_CONFIG_NOSYSTEM="1")
    env["PATH"] = "/usr/bin:/bin"  # editorial only from the activated .venv
    return subprocess.run(
        ["bash", "-c", script(doc, commands(doc))],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_the_docs_run_as_written(doc: Path, checkout: Path) -> None:
    assert commands(doc), f"{doc.name} has no shell commands"
    result = run_doc(doc, checkout)
    assert result.returncode == 0, (
        f"{result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ''}\n"
        f"--- stdout (end)\n{result.stdout[-3000:]}\n--- stderr (end)\n{result.stderr[-3000:]}"
    )


def test_a_broken_promise_stops_the_run_and_names_the_line(checkout: Path) -> None:
    doc = checkout / "tutorial-broken.md"
    doc.write_text(
        "# Broken\n\n```sh\n. .venv/bin/activate\n"
        "editorial lint drafts/water-treaty-panel.md   # all clean, it says\n"
        "touch never-reached\n```\n"
    )
    result = run_doc(doc, checkout)
    assert result.returncode == FAILED
    assert result.stderr.strip().endswith(
        "tutorial-broken.md:5: exit 1, the text promises 0: editorial lint "
        "drafts/water-treaty-panel.md"
    )
    assert not (checkout / "never-reached").exists()


def test_the_parser_reads_promises_heredocs_and_skips() -> None:
    sample = ROOT / "README.md"
    steps = commands(sample)
    texts = [s.text for s in steps]
    assert not any(t.startswith("make ") for t in texts)  # the quick start is not run
    lint = next(s for s in steps if s.text == "editorial lint")
    assert lint.expected == 1
    heredoc = next(s for s in steps if s.text.startswith("cat > drafts/"))
    assert heredoc.text.endswith("\nEOF") and "transcripts: [river-panel.txt]" in heredoc.text
    assert _comment('editorial correct x -m "a # b"  # exit 1: no') == (
        'editorial correct x -m "a # b"',
        "exit 1: no",
    )
