from __future__ import annotations

import json

import pytest

from tests.conftest import Room

BROKEN_YAML = '---\ntitle: "Unclosed\nslug: broken\nauthors: [ana-ruiz]\n---\nBody.\n'
UNKNOWN_AUTHOR = "---\ntitle: T\nslug: stranger\nauthors: [ana-ruiz, zoe-lane]\n---\nBody.\n"


def test_clean_lint(room: Room) -> None:
    room.article("panel")
    result = room.run("lint")
    assert result.exit_code == 0
    assert result.output == "All checks passed (1 file).\n"


def test_text_output_groups_by_file(room: Room) -> None:
    room.write("drafts/stranger.md", UNKNOWN_AUTHOR)
    result = room.run("lint")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "drafts/stranger.md",
        "  4:21     error   A001  author 'zoe-lane' has no file authors/zoe-lane.md  [author-unknown]",
        "                         suggestion: known authors: ana-ruiz, tom-becker",
        "",
        "Found 1 problem (1 error, 0 warnings) in 1 file.",
    ]


def test_broken_files_do_not_stop_the_others(room: Room) -> None:
    room.write("drafts/broken.md", BROKEN_YAML)
    room.write("drafts/latin.md", "---\ntitle: caf\xe9\n---\n".encode("latin-1").decode("latin-1"))
    (room.root / "drafts" / "latin.md").write_bytes("---\ntitle: caf\xe9\n---\n".encode("latin-1"))
    room.write("drafts/empty.md", "")
    room.write("drafts/plain.md", "Just some text without front matter.\n")
    room.write("drafts/stranger.md", UNKNOWN_AUTHOR)
    result = room.run("lint", "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.output)
    by_path = {f["path"]: f for f in findings}
    assert by_path["drafts/broken.md"]["code"] == "M001"
    assert by_path["drafts/broken.md"]["line"] == 2
    assert by_path["drafts/latin.md"]["line"] == 2
    assert "UTF-8" in by_path["drafts/latin.md"]["message"]
    assert "empty" in by_path["drafts/empty.md"]["message"]
    assert "no front matter" in by_path["drafts/plain.md"]["message"]
    assert by_path["drafts/stranger.md"]["code"] == "A001"
    assert set(findings[0]) == {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "rule",
        "severity",
        "message",
        "suggestion",
    }


def test_unknown_key_is_a_warning(room: Room) -> None:
    room.write(
        "drafts/typo.md",
        "---\ntitle: T\nslug: typo\nauthors: [ana-ruiz]\ntranscript: [a.vtt]\n---\nB\n",
    )
    result = room.run("lint", "--format", "json")
    assert result.exit_code == 0
    [finding] = json.loads(result.output)
    assert finding["code"] == "M002"
    assert finding["severity"] == "warning"
    assert finding["line"] == 5
    assert finding["suggestion"] == "did you mean 'transcripts'?"


def test_select_and_ignore_by_prefix(room: Room) -> None:
    room.write("drafts/stranger.md", UNKNOWN_AUTHOR.replace("authors:", "auther: x\nauthors:"))
    codes = lambda *args: sorted(
        f["code"] for f in json.loads(room.run("lint", "--format", "json", *args).output)
    )
    assert codes() == ["A001", "M002"]
    assert codes("--select", "A") == ["A001"]
    assert codes("--ignore", "A") == ["M002"]
    assert codes("--select", "A,M", "--ignore", "M002") == ["A001"]
    assert codes("--ignore", "A", "--select", "A001") == [
        "A001"
    ]  # select A001 is longer than ignore A
    assert codes("--select", "ALL", "--ignore", "M00") == ["A001"]


def test_unknown_code_is_bad_usage(room: Room) -> None:
    result = room.run("lint", "--select", "Z999")
    assert result.exit_code == 2
    assert result.output == "error: --select: 'Z999' matches no rule code\n"


def test_config_ignore_and_severity(room: Room) -> None:
    room.write("drafts/stranger.md", UNKNOWN_AUTHOR.replace("authors:", "auther: x\nauthors:"))
    config = (room.root / "editorial.toml").read_text()
    room.write(
        "editorial.toml", config + '\n[lint]\nignore = ["A"]\nseverity = { M002 = "error" }\n'
    )
    result = room.run("lint", "--format", "json")
    findings = json.loads(result.output)
    assert [(f["code"], f["severity"]) for f in findings] == [("M002", "error")]
    assert result.exit_code == 1


def test_inline_suppression(room: Room) -> None:
    text = "---\ntitle: T\nslug: s\nauthors: [ana-ruiz]\n# <!-- not yaml comment -->\nauther: x\n---\nB\n"
    room.write("drafts/s.md", text)
    assert room.run("lint").exit_code == 0
    assert "M002" in room.run("lint").output
    room.write(
        "drafts/s.md", text.replace("auther: x", "auther: x  # <!-- editorial: ignore M002 -->")
    )
    assert "M002" not in room.run("lint").output
    room.write("drafts/s.md", text + "<!-- editorial: ignore-file M -->\n")
    assert room.run("lint").output == "All checks passed (1 file).\n"


def test_github_format(room: Room) -> None:
    room.write("drafts/stranger.md", UNKNOWN_AUTHOR)
    result = room.run("lint", "--format", "github")
    assert result.exit_code == 1
    assert result.output == (
        "::error file=drafts/stranger.md,line=4,col=21,endLine=4,endColumn=29,"
        "title=A001 author-unknown::author 'zoe-lane' has no file authors/zoe-lane.md "
        "(suggestion%3A known authors%3A ana-ruiz, tom-becker)\n".replace(
            "(suggestion%3A known authors%3A", "(suggestion: known authors:"
        )
    )


def test_sarif_format(room: Room) -> None:
    room.write("drafts/stranger.md", UNKNOWN_AUTHOR)
    result = room.run("lint", "--format", "sarif")
    sarif = json.loads(result.output)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    codes = [r["id"] for r in run["tool"]["driver"]["rules"]]
    [res] = run["results"]
    assert res["ruleId"] == "A001"
    assert codes[res["ruleIndex"]] == "A001"
    assert res["level"] == "error"
    region = res["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 4, "startColumn": 21, "endLine": 4, "endColumn": 29}


def test_lint_given_files_and_folders(room: Room) -> None:
    room.write("drafts/stranger.md", UNKNOWN_AUTHOR)
    room.article("old", "published")
    assert room.run("lint", str(room.root / "published")).exit_code == 0
    assert room.run("lint", str(room.root / "drafts" / "stranger.md")).exit_code == 1
    missing = room.run("lint", str(room.root / "nope.md"))
    assert missing.exit_code == 2
    assert missing.output == f"error: no such file or folder: {room.root / 'nope.md'}\n"


def test_exit_zero(room: Room) -> None:
    room.write("drafts/stranger.md", UNKNOWN_AUTHOR)
    assert room.run("lint", "--exit-zero").exit_code == 0


def test_missing_transcript_option(room: Room) -> None:
    room.article("panel")
    result = room.run("lint", "--transcript", str(room.root / "nope.vtt"))
    assert result.exit_code == 2
    assert result.output.startswith("error: no such transcript:")


def test_bio_rule_reports_on_the_byline(room: Room) -> None:
    room.write("authors/tom-becker.md", "---\nname: Tom Becker\n---\nToo short.\n")
    room.write(
        "drafts/pair.md",
        "---\ntitle: T\nslug: pair\nauthors:\n  - ana-ruiz\n  - tom-becker\n---\nB\n",
    )
    findings = json.loads(room.run("lint", "--format", "json").output)
    assert [(f["code"], f["line"]) for f in findings] == [("A002", 6)]
    assert (
        findings[0]["message"]
        == "authors/tom-becker.md has a bio of 2 words (at least 20 expected)"
    )


@pytest.mark.parametrize("code", ["M001", "m001", "front-matter-invalid"])
def test_rule_command(room: Room, code: str) -> None:
    result = room.run("rule", code)
    assert result.exit_code == 0
    assert result.output.startswith("# front-matter-invalid (M001)\n\nDefault severity: error\n")
    assert "**How to fix.**" in result.output


def test_rule_list_and_json(room: Room) -> None:
    result = room.run("rule")
    assert result.output.splitlines()[0].startswith("A001  author-unknown")
    data = json.loads(room.run("rule", "A002", "--format", "json").output)
    assert data["name"] == "bio-missing"
    everything = json.loads(room.run("rule", "--format", "json").output)
    assert {r["code"] for r in everything} >= {"A001", "A002", "M001", "M002"}


def test_rule_unknown(room: Room) -> None:
    result = room.run("rule", "X123")
    assert result.exit_code == 2
    assert result.output == "error: unknown rule 'X123' (run 'editorial rule' for the list)\n"


def test_invalid_front_matter_still_checks_the_body(room: Room) -> None:
    room.write(
        "drafts/lenient.md",
        "---\ntitle: T\nslug: lenient\nauthors: Ana Ruiz\npeople:\n  - {id: ok, name: Rafael Ortiz}\n"
        "  - {name: no id}\n---\n“Owners are not banks, and never were,” said Julián Méndez.\n",
    )
    findings = json.loads(room.run("lint", "--format", "json").output)
    assert [(f["code"], f["line"]) for f in findings] == [("M001", 4), ("M001", 7), ("Q002", 9)]


def test_linting_the_newsroom_folder_skips_bios_and_sources(room: Room) -> None:
    room.article("panel")
    room.article("old", "published")
    room.write("sources/notes.md", "Ana Ruiz: a transcript in Markdown.\n")
    result = room.run("lint", str(room.root), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == []
    everything = room.run("lint", str(room.root / "sources"))
    assert everything.output == "All checks passed (0 files).\n"


def test_concise_format_is_one_line_a_finding(room: Room) -> None:
    room.write("drafts/stranger.md", UNKNOWN_AUTHOR)
    result = room.run("lint", "--format", "concise")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "drafts/stranger.md:4:21: A001 author 'zoe-lane' has no file authors/zoe-lane.md",
        "Found 1 problem (1 error, 0 warnings) in 1 file.",
    ]


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ([], {}, False),  # a pipe: no colour
        (["--color", "always"], {}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (["--color", "always"], {"NO_COLOR": "1"}, True),  # the flag outranks the variables
    ],
)
def test_colour_follows_the_flag_then_no_color_then_force_color(
    room: Room, args: list[str], env: dict[str, str], coloured: bool
) -> None:
    room.write("drafts/stranger.md", UNKNOWN_AUTHOR)
    result = room.run(*args, "lint", env={"NO_COLOR": "", "FORCE_COLOR": "", **env}, color=True)
    assert ("\x1b[" in result.output) is coloured, result.output


def test_the_summary_counts_infos_and_says_one_not_ones() -> None:
    from editorial.lint.engine import LintReport
    from editorial.lint.finding import Finding
    from editorial.lint.output import render

    def finding(severity: str, line: int) -> Finding:
        return Finding(
            path="drafts/a.md", line=line, column=1, end_line=line, end_column=2, code="Q005",
            rule="first-reference", severity=severity, message="m",
        )  # fmt: skip

    report = LintReport(
        findings=[finding("error", 1), finding("info", 2), finding("info", 3)],
        files=["drafts/a.md"],
    )
    assert render(report, "text").splitlines()[-1] == (
        "Found 3 problems (1 error, 0 warnings, 2 infos) in 1 file."
    )


def test_a_closed_pipe_ends_quietly(room: Room) -> None:
    import subprocess
    import sys

    room.write("drafts/stranger.md", UNKNOWN_AUTHOR)
    proc = subprocess.Popen(
        [sys.executable, "-m", "editorial", "--root", str(room.root), "rule"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader has gone before a line is written, as after `| head -0`
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 141
    assert err == b""
