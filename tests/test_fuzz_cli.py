"""Property-based, over the whole command line: any command, with hostile arguments, run in a
newsroom whose files are hostile (random bytes, YAML values the models choke on, a broken
register, a transcript that is not WebVTT, a config with wrong types), ends with exit code
0, 1 or 2 and a message, never an "internal error" and never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editorial.cli import cli
from tests.conftest import BIO, CONFIG
from tests.test_fuzz import HOSTILE_VALUES, bodies

SLUGS = st.sampled_from(
    ["panel", "wire", "missing", "../editorial", "panel\n", "", "-x", "PANEL", "a" * 300, "é"]
)
TEXT = st.text(max_size=30) | st.sampled_from(["\x1b]52;c;eA==\x07", "\n| fake | row |", "\x00"])
USERS = st.sampled_from(["ana", "tom", "pat", "nobody", "", "ana@example.org"])
FORMATS = st.sampled_from(["text", "json", "github", "sarif", "concise", "xml"])


def _commands(site: str) -> st.SearchStrategy[list[str]]:
    """Argument vectors for every command but ``serve`` (which blocks by design)."""
    slug = SLUGS
    return st.one_of(
        st.tuples(st.just("lint"), FORMATS).map(lambda a: ["lint", "--format", a[1]]),
        st.just(["lint", "--no-cache", "ROOT/drafts/panel.md", "ROOT/published/wire.md"]),
        st.tuples(slug).map(lambda a: ["lint", f"ROOT/drafts/{a[0]}.md"]),
        st.just(["quotes", "ROOT/drafts/panel.md"]),
        st.just(["quotes", "--format", "json", "ROOT/published/wire.md"]),
        st.just(["status"]),
        st.just(["status", "--format", "json"]),
        slug.map(lambda s: ["show", s]),
        slug.map(lambda s: ["history", s]),
        slug.map(lambda s: ["submit", s]),
        slug.map(lambda s: ["approve", s]),
        st.tuples(slug, USERS).map(lambda a: ["assign", a[0], "--to", a[1]]),
        st.tuples(slug, TEXT).map(lambda a: ["request-changes", a[0], "-m", a[1]]),
        slug.map(lambda s: ["publish", s]),
        st.tuples(slug, st.sampled_from(["2030-01-01T09:00:00Z", "yesterday", "2025-02-30"])).map(
            lambda a: ["publish", a[0], "--at", a[1]]
        ),
        st.just(["publish", "--due"]),
        slug.map(lambda s: ["unschedule", s]),
        st.tuples(slug, TEXT).map(lambda a: ["correct", a[0], "-m", a[1]]),
        st.tuples(slug, TEXT).map(lambda a: ["retract", a[0], "-m", a[1]]),
        TEXT.map(lambda t: ["new", t]),
        TEXT.map(lambda t: ["rule", t]),
        st.just(["rule"]),
        st.just(["build", "--out", site]),
        st.just(["syndicate", "--dry-run"]),
        st.just(["syndicate", "status"]),
    )


def _article(slug: str, state: str) -> st.SearchStrategy[bytes]:
    good = (
        f"---\ntitle: Panel\nslug: {slug}\nauthors: [ana-ruiz]\nstate: {state}\n"
        "transcripts: [panel.vtt]\npeople:\n  - id: ruiz\n    name: Ana Ruiz\n---\n"
    )
    hostile_front = st.tuples(
        st.sampled_from(["title", "slug", "state", "history"]), HOSTILE_VALUES
    )
    return st.one_of(
        bodies.map(lambda b: (good + b).encode("utf-8", "surrogatepass")),
        hostile_front.map(lambda kv: f"---\n{kv[0]}: {kv[1]}\nslug: {slug}\n---\nx\n".encode()),
        st.binary(max_size=200),
    )


FILES = st.fixed_dictionaries(
    {
        "drafts/panel.md": _article("panel", "draft"),
        "published/wire.md": _article("wire", "published"),
    },
    optional={
        "sources/panel.vtt": st.sampled_from(
            [b"WEBVTT\n\n00:01.000 --> 00:02.000\nAna Ruiz: Words.\n", b"not vtt", b"\xff\xfe"]
        )
        | st.binary(max_size=100),
        "sources/facts.yaml": HOSTILE_VALUES.map(lambda v: f"facts: {v}\n".encode())
        | st.binary(max_size=100),
        "authors/ana-ruiz.md": bodies.map(str.encode) | st.binary(max_size=100),
        "editorial.toml": st.sampled_from(
            [
                "",
                "[newsroom\n",
                "[newsroom]\nname = 3\n",
                CONFIG + "\n[lint]\nignore = 5\n",
                CONFIG + "\n[partners.x]\ndelivery = 'webhook'\n",
                CONFIG + "\n[partners.y]\ndelivery = 'directory'\npath = '../../outside'\n",
                CONFIG + "\n[site]\nper_page = -1\n",
            ]
        ).map(str.encode),
    },
)


_GOOD = b"---\ntitle: Panel\nslug: panel\nauthors: [ana-ruiz]\n---\nBody.\n"


# what the fuzz found, each an internal error before: a date that does not exist in the
# register, a value nested thousands deep, a file name longer than the system allows
@example({"drafts/panel.md": _GOOD, "sources/facts.yaml": b"facts: 2025-02-30\n"}, ["lint"], "ana")
@example(
    {"drafts/panel.md": b"---\nstate: " + b"[" * 3000 + b"]" * 3000 + b"\nslug: panel\n---\nx\n"},
    ["lint"],
    "ana",
)
@example({"drafts/panel.md": _GOOD}, ["lint", f"ROOT/drafts/{'a' * 300}.md"], "ana")
@example({"drafts/panel.md": _GOOD}, ["quotes", f"ROOT/drafts/{'a' * 300}.md"], "ana")
@given(FILES, _commands("SITE"), USERS)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_no_command_fails_inside_on_hostile_files(
    files: dict[str, bytes], args: list[str], user: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "newsroom"
        for folder in ("drafts", "published", "authors", "sources"):
            (root / folder).mkdir(parents=True)
        (root / "editorial.toml").write_text(CONFIG, encoding="utf-8")
        (root / "authors" / "ana-ruiz.md").write_text(BIO.format(name="Ana Ruiz"), "utf-8")
        for name, data in files.items():
            (root / name).write_bytes(data)
        args = [a.replace("SITE", f"{tmp}/site").replace("ROOT", str(root)) for a in args]
        result = CliRunner().invoke(
            cli, ["--root", str(root), "--as", user, *args], env={"EDITORIAL_DEBUG": ""}
        )
        output = result.output + (result.stderr if result.stderr_bytes else "")
        assert result.exit_code in (0, 1, 2), (args, output, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args,
            result.exception,
        )
        assert "internal error" not in output, (args, output)
        assert "Traceback" not in output, (args, output)
