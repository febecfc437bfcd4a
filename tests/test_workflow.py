"""Every transition and every refusal of the workflow, through the command line."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from editorial.newsroom.storage import _umask, atomic_write
from tests.conftest import Room

CLEAN = """---
title: "Panel weighs the river treaty"
slug: panel
authors: [ana-ruiz]
state: {state}
section: events
history: []
---
The panel met in Rosario.
"""


def meta(path: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def article(room: Room, state: str = "draft", folder: str = "drafts", text: str = CLEAN) -> Path:
    if state == "approved" and folder == "drafts":  # approved for real: publish checks it
        path = room.write(f"{folder}/panel.md", text.format(state="draft"))
        for user, action in (("ana", "submit"), ("tom", "approve")):
            result = room.run("--as", user, action, "panel")
            assert result.exit_code == 0, result.output
        return path
    return room.write(f"{folder}/panel.md", text.format(state=state))


# -- transitions that succeed -----------------------------------------------------------


def test_submit_by_an_author(room: Room) -> None:
    path = article(room)
    result = room.run("--as", "ana", "submit", "panel")
    assert result.exit_code == 0, result.output
    assert result.output == "submit panel: draft -> in_review (drafts/panel.md)\n"
    data = meta(path)
    assert data["state"] == "in_review"
    [entry] = data["history"]
    assert (entry["by"], entry["action"], entry["from"], entry["to"], entry["note"]) == (
        "ana",
        "submit",
        "draft",
        "in_review",
        None,
    )
    assert isinstance(entry["at"], dt.datetime)
    assert path.read_text(encoding="utf-8").endswith("---\nThe panel met in Rosario.\n")


def test_as_after_the_command_and_from_the_environment(room: Room) -> None:
    article(room)
    assert room.run("submit", "panel", "--as", "tom").exit_code == 0  # tom is an editor
    article(room, "in_review")
    result = room.run("approve", "panel", "-m", "Checked.", env={"EDITORIAL_USER": "tom"})
    assert result.exit_code == 0, result.output
    assert meta(room.root / "drafts/panel.md")["history"][-1]["note"] == "Checked."


def test_identity_from_git_email(room: Room) -> None:
    article(room)
    subprocess.run(["git", "init", "-q", str(room.root)], check=True)
    subprocess.run(
        ["git", "-C", str(room.root), "config", "user.email", "ANA@example.org"], check=True
    )
    result = room.run("submit", "panel")
    assert result.exit_code == 0, result.output
    assert meta(room.root / "drafts/panel.md")["history"][-1]["by"] == "ana"


def test_assign(room: Room) -> None:
    path = article(room, "in_review")
    result = room.run("--as", "tom", "assign", "panel", "--to", "tom")
    assert result.exit_code == 0, result.output
    assert result.output == "assign panel: in_review (drafts/panel.md)\n"
    assert meta(path)["assignee"] == "tom"


def test_request_changes_then_resubmit(room: Room) -> None:
    path = article(room, "in_review")
    result = room.run("--as", "tom", "request-changes", "panel", "-m", "Source the figure.")
    assert result.exit_code == 0
    assert meta(path)["state"] == "changes_requested"
    assert room.run("--as", "ana", "submit", "panel").exit_code == 0
    assert meta(path)["state"] == "in_review"


def test_publish_moves_the_file(room: Room) -> None:
    article(room, "approved")
    result = room.run("--as", "pat", "publish", "panel")
    assert result.exit_code == 0, result.output
    assert result.output == "publish panel: approved -> published (published/panel.md)\n"
    assert not (room.root / "drafts/panel.md").exists()
    data = meta(room.root / "published/panel.md")
    assert data["state"] == "published"
    assert data["version"] == 1
    assert data["canonical_url"] == "https://example.org/panel/"
    assert isinstance(data["published_at"], dt.datetime)


def test_publish_at_schedules_and_due_publishes(room: Room) -> None:
    path = article(room, "approved")
    soon = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    result = room.run("--as", "pat", "publish", "panel", "--at", soon)
    assert result.exit_code == 0, result.output
    assert meta(path)["state"] == "scheduled"
    early = room.run("--as", "pat", "publish", "--due")
    assert early.output == "Nothing is due.\n"
    assert path.exists()
    time.sleep(2.2)
    due = room.run("--as", "pat", "publish", "--due")
    assert due.exit_code == 0
    assert due.output == "publish panel: scheduled -> published (published/panel.md)\n"
    assert room.run("--as", "pat", "publish", "--due").output == "Nothing is due.\n"


def test_a_future_publish_at_in_front_matter_schedules(room: Room) -> None:
    text = CLEAN.replace("history: []", "publish_at: 2999-01-01T00:00:00Z\nhistory: []")
    path = article(room, "approved", text=text)
    assert room.run("--as", "pat", "publish", "panel").output.startswith(
        "publish panel: approved -> scheduled"
    )
    assert meta(path)["state"] == "scheduled"


def test_a_scheduled_article_is_rescheduled_published_now_or_unscheduled(room: Room) -> None:
    path = article(room, "approved")
    assert (
        room.run("--as", "pat", "publish", "panel", "--at", "2999-01-01T00:00:00Z").exit_code == 0
    )
    moved = room.run("--as", "pat", "publish", "panel", "--at", "2998-06-01T12:00:00Z")
    assert moved.output == "publish panel: scheduled (drafts/panel.md)\n"
    assert meta(path)["publish_at"] == dt.datetime(2998, 6, 1, 12, tzinfo=dt.UTC)
    off = room.run("--as", "pat", "unschedule", "panel")
    assert off.output == "unschedule panel: scheduled -> approved (drafts/panel.md)\n"
    assert "publish_at" not in meta(path)
    assert room.run("--as", "pat", "unschedule", "panel").exit_code == 1  # not scheduled now
    assert (
        room.run("--as", "pat", "publish", "panel", "--at", "2999-01-01T00:00:00Z").exit_code == 0
    )
    now = room.run("--as", "pat", "publish", "panel")
    assert now.output == "publish panel: scheduled -> published (published/panel.md)\n"
    data = meta(room.root / "published/panel.md")
    assert "publish_at" not in data
    assert [h["action"] for h in data["history"]][-5:] == [
        "publish",
        "publish",
        "unschedule",
        "publish",
        "publish",
    ]


def test_correct_and_retract(room: Room) -> None:
    path = article(room, "published", "published")
    result = room.run(
        "--as", "pat", "correct", "panel", "-m", "The panel met on Friday, not Thursday."
    )
    assert result.exit_code == 0, result.output
    data = meta(path)
    assert data["version"] == 2
    assert data["corrections"][0]["text"] == "The panel met on Friday, not Thursday."
    assert data["corrections"][0]["by"] == "pat"
    result = room.run("--as", "pat", "retract", "panel", "-m", "The event did not take place.")
    assert result.exit_code == 0
    data = meta(path)
    assert data["state"] == "retracted"
    assert data["retraction"] == "The event did not take place."
    assert path.exists()


# -- refusals: exit 1, a message naming the rule, the file unchanged ---------------------


@pytest.mark.parametrize(
    ("state", "folder", "args", "message"),
    [
        (
            "draft",
            "drafts",
            ["--as", "pat", "submit", "panel"],
            "refused (author rule) pat is neither an author of 'panel' nor an editor",
        ),
        (
            "in_review",
            "drafts",
            ["--as", "ana", "approve", "panel"],
            "refused (two-person rule) ana is an author of 'panel' and cannot approve it",
        ),
        (
            "draft",
            "drafts",
            ["--as", "tom", "approve", "panel"],
            "refused (state rule) cannot approve 'panel': it is draft, not in_review",
        ),
        (
            "approved",
            "drafts",
            ["--as", "tom", "publish", "panel"],
            "refused (role rule) publish needs the publisher role; tom does not have it",
        ),
        (
            "draft",
            "drafts",
            ["--as", "pat", "publish", "panel"],
            "refused (state rule) cannot publish 'panel': it is draft, not approved",
        ),
        (
            "in_review",
            "drafts",
            ["--as", "tom", "request-changes", "panel", "-m", " "],
            "refused (note rule) request-changes needs a note",
        ),
        (
            "in_review",
            "drafts",
            ["--as", "ana", "assign", "panel", "--to", "pat"],
            "refused (assign rule) pat does not have the editor role",
        ),
        (
            "in_review",
            "drafts",
            ["--as", "ana", "assign", "panel", "--to", "zoe"],
            "refused (assign rule) 'zoe' is not in [staff]",
        ),
        (
            "published",
            "published",
            ["--as", "tom", "correct", "panel", "-m", "x"],
            "refused (role rule) correct needs the publisher role",
        ),
        (
            "draft",
            "drafts",
            ["--as", "pat", "retract", "panel", "-m", "x"],
            "refused (state rule) cannot retract 'panel': it is draft, not published",
        ),
        (
            "retracted",
            "published",
            ["--as", "pat", "retract", "panel", "-m", "x"],
            "refused (state rule)",
        ),
        (
            "in_review",
            "drafts",
            ["--as", "ana", "submit", "panel"],
            "refused (state rule) cannot submit 'panel': it is in_review, not approved or changes_requested or draft",
        ),
    ],
)
def test_refusals(room: Room, state: str, folder: str, args: list[str], message: str) -> None:
    path = article(room, state, folder)
    before = path.read_bytes()
    result = room.run(*args)
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"error: {message}")
    assert result.output.rstrip().endswith("nothing was changed")
    assert path.read_bytes() == before


def test_pat_cannot_approve_because_role(room: Room) -> None:
    path = article(room, "in_review")
    # pat has no byline; the role rule refuses before the two-person rule
    result = room.run("--as", "pat", "approve", "panel")
    assert "refused (role rule) approve needs the editor role" in result.output
    assert meta(path)["state"] == "in_review"


def test_lint_gate(room: Room) -> None:
    text = CLEAN.replace("The panel met in Rosario.", "“We need rain,” said Julián Méndez.")
    path = article(room, "draft", text=text)
    before = path.read_bytes()
    result = room.run("--as", "ana", "submit", "panel")
    assert result.exit_code == 1
    assert result.output.startswith(
        "error: refused (lint gate) drafts/panel.md has 1 lint error (Q002 at 9:1); "
        "run 'editorial lint drafts/panel.md'; nothing was changed"
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--as", "zoe", "submit", "panel"],
            "error: 'zoe' is not in [staff] of editorial.toml (staff: ana, pat, tom)\n",
        ),
        (["--as", "ana", "submit", "nope"], "error: no article 'nope' in drafts/ or published/\n"),
        (["--as", "pat", "publish"], "error: publish needs a SLUG (or --due)\n"),
        (["--as", "pat", "publish", "panel", "--due"], "error: --due takes no SLUG and no --at\n"),
        (
            ["--as", "pat", "publish", "panel", "--at", "tomorrow"],
            "error: --at: 'tomorrow' is not a date and time (use 2025-03-14T12:00:00Z)\n",
        ),
    ],
)
def test_usage_errors(room: Room, args: list[str], message: str) -> None:
    article(room, "approved")
    result = room.run(*args)
    assert result.exit_code == 2
    assert result.output == message


def test_no_identity(room: Room, monkeypatch: pytest.MonkeyPatch) -> None:
    article(room)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_SYSTEM", "/dev/null")
    result = room.run("submit", "panel")
    assert result.exit_code == 2
    assert result.output == "error: who is acting? pass --as USER or set EDITORIAL_USER\n"


# -- the full life of an article ----------------------------------------------------------


def test_full_life(room: Room) -> None:
    assert room.run("new", "Panel weighs the river treaty", "--author", "ana-ruiz").exit_code == 0
    slug = "panel-weighs-the-river-treaty"
    draft = room.root / "drafts" / f"{slug}.md"
    draft.write_text(
        draft.read_text().replace("Write the article here.", "The panel met in Rosario."),
        encoding="utf-8",
    )
    steps = [
        ["--as", "ana", "submit", slug],
        ["--as", "tom", "assign", slug, "--to", "tom"],
        ["--as", "tom", "request-changes", slug, "-m", "Add the date."],
        ["--as", "ana", "submit", slug],
        ["--as", "tom", "approve", slug, "-m", "Good."],
        ["--as", "ana", "publish", slug],
        ["--as", "pat", "correct", slug, "-m", "Corrected the date."],
        ["--as", "pat", "retract", slug, "-m", "Retracted at the source's request."],
    ]
    published = room.root / "published" / f"{slug}.md"
    for step in steps:
        if step[2] == "correct":
            # a correction must change what readers have, and keeps what they saw before
            unchanged = room.run(*step)
            assert unchanged.exit_code == 1
            assert "(correction rule)" in unchanged.output and "unchanged" in unchanged.output
            seen = published.read_text(encoding="utf-8")
            published.write_text(seen.replace("in Rosario.", "in Rosario on Tuesday."), "utf-8")
        result = room.run(*step)
        assert result.exit_code == 0, (step, result.output)
        if step[2] == "correct":
            kept = room.root / "published" / ".versions" / slug
            assert (kept / "v1.md").read_text(encoding="utf-8") == seen
            assert "on Tuesday" in (kept / "v2.md").read_text(encoding="utf-8")
            (entry,) = meta(published)["corrections"]
            assert entry["previous"] == f"published/.versions/{slug}/v1.md"
    history = room.run("history", slug)
    lines = history.output.splitlines()
    assert [line.split()[3] for line in lines] == [
        "submit",
        "assign",
        "request-changes",
        "submit",
        "approve",
        "publish",
        "correct",
        "retract",
    ]
    assert [line.split()[2] for line in lines] == [
        "ana",
        "tom",
        "tom",
        "ana",
        "tom",
        "ana",
        "pat",
        "pat",
    ]
    assert lines[-1].endswith("published -> retracted  “Retracted at the source's request.”")
    data = meta(room.root / "published" / f"{slug}.md")
    assert data["state"] == "retracted" and data["version"] == 2
    import json

    entries = json.loads(room.run("history", slug, "--format", "json").output)
    assert entries[0]["from"] == "draft" and entries[-1]["to"] == "retracted"
    board = json.loads(room.run("status", "--format", "json").output)
    assert board[0]["state"] == "retracted"


def test_history_of_a_new_article(room: Room) -> None:
    article(room)
    assert room.run("history", "panel").output == "panel: no history yet (draft)\n"


def test_status_counts_lint_errors(room: Room) -> None:
    text = CLEAN.replace("The panel met in Rosario.", "“We need rain,” said Julián Méndez.")
    article(room, "draft", text=text)
    import json

    rows = json.loads(room.run("status", "--format", "json").output)
    assert rows[0]["errors"] == 1
    assert "  1 error  " in room.run("status").output
    assert (
        json.loads(room.run("status", "--format", "json", "--no-lint").output)[0]["errors"] is None
    )


# -- git -----------------------------------------------------------------------------------


def test_each_transition_is_a_git_commit(room: Room) -> None:
    config = (room.root / "editorial.toml").read_text()
    room.write("editorial.toml", config + "\n[git]\ncommit = true\n")
    article(room)
    git = ["git", "-C", str(room.root)]
    subprocess.run([*git[:1], "init", "-q", str(room.root)], check=True)
    subprocess.run([*git, "-c", "user.name=Setup", "-c", "user.email=s@x", "add", "-A"], check=True)
    subprocess.run(
        [*git, "-c", "user.name=Setup", "-c", "user.email=s@x", "commit", "-qm", "init"], check=True
    )
    assert room.run("--as", "ana", "submit", "panel").exit_code == 0
    log = subprocess.run(
        [*git, "log", "-1", "--format=%an <%ae>|%s"], capture_output=True, text=True, check=True
    )
    assert log.stdout.strip() == "Ana Ruiz <ana@example.org>|submit panel: draft -> in_review"


def test_git_failure_is_a_warning(room: Room) -> None:
    config = (room.root / "editorial.toml").read_text()
    room.write("editorial.toml", config + "\n[git]\ncommit = true\n")
    path = article(room)
    result = room.run("--as", "ana", "submit", "panel")  # not a git repository
    assert result.exit_code == 0
    assert "warning: the transition was made, but git commit failed" in result.output
    assert meta(path)["state"] == "in_review"


# -- concurrency: real processes racing -----------------------------------------------------


def test_four_processes_racing_one_wins(room: Room) -> None:
    path = article(room)
    env = {**os.environ, "EDITORIAL_ROOT": str(room.root)}
    env.pop("EDITORIAL_USER", None)
    users = ["ana", "tom", "ana", "tom"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "editorial", "--as", user, "submit", "panel"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for user in users
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        results.append((proc.returncode, out, err))
    codes = sorted(code for code, _out, _err in results)
    assert codes == [0, 1, 1, 1], results
    for code, _out, err in results:
        if code == 1:
            assert "refused (state rule) cannot submit 'panel': it is in_review" in err
    data = meta(path)
    assert data["state"] == "in_review"
    assert len(data["history"]) == 1
    assert [p.name for p in (room.root / "drafts").iterdir()] == ["panel.md"]


def test_a_transition_keeps_the_body_bytes_and_key_order(room: Room) -> None:
    body = "Línea uno.\r\n\r\n“Quoted,” she said — twice.\r\n"
    text = (
        "---\nslug: panel\ntitle: Panel\nauthors: [ana-ruiz]\nzeta: keep me\nstate: draft\n---\n"
        + body
    )
    path = room.write("drafts/panel.md", text)
    assert room.run("--as", "tom", "submit", "panel").exit_code in (0, 1)
    room.write("drafts/panel.md", text.replace("“Quoted,” she said — twice.", "Plain words."))
    assert room.run("--as", "tom", "submit", "panel").exit_code == 0
    raw = path.read_bytes().decode("utf-8")
    assert raw.endswith("---\n" + body.replace("“Quoted,” she said — twice.", "Plain words."))
    keys = [
        line.split(":")[0]
        for line in raw.split("---\n")[1].splitlines()
        if not line.startswith(" ")
    ]
    assert keys[:6] == ["slug", "title", "authors", "zeta", "state", "history"]


def test_publish_that_cannot_move_changes_nothing_and_can_be_retried(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = article(room, "approved")
    before = path.read_bytes()

    def read_only(source: Path, target: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("editorial.review.workflow.atomic_move", read_only)
    result = room.run("--as", "pat", "publish", "panel")
    assert result.exit_code == 2
    assert "cannot move to published/: Permission denied; nothing was changed" in result.output
    assert path.read_bytes() == before
    assert not (room.root / "published" / "panel.md").exists()
    monkeypatch.undo()
    assert room.run("--as", "pat", "publish", "panel").exit_code == 0
    assert meta(room.root / "published" / "panel.md")["state"] == "published"


def test_publish_whose_write_fails_is_rolled_back(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = article(room, "approved")
    before = path.read_bytes()

    def disk_full(target: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("editorial.review.workflow.atomic_write", disk_full)
    result = room.run("--as", "pat", "publish", "panel")
    assert result.exit_code == 2
    assert path.read_bytes() == before
    assert not (room.root / "published" / "panel.md").exists()


def test_publish_interrupted_after_the_move_is_finished_by_running_it_again(room: Room) -> None:
    path = article(room, "approved")
    moved = room.root / "published" / "panel.md"
    path.replace(moved)  # killed between the move and the write
    result = room.run("--as", "pat", "publish", "panel")
    assert result.exit_code == 0, result.output
    assert meta(moved)["state"] == "published"
    assert not path.exists()


def test_writes_keep_the_file_mode(room: Room) -> None:
    path = article(room, "draft")
    path.chmod(0o640)
    assert room.run("--as", "ana", "submit", "panel").exit_code == 0
    assert path.stat().st_mode & 0o777 == 0o640
    fresh = room.root / "drafts" / "new-one.md"
    atomic_write(fresh, "text")
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_slugs_with_a_trailing_newline_are_refused(room: Room) -> None:
    from editorial.model.slug import is_slug

    assert not is_slug("panel\n")
    assert is_slug("panel")
    result = room.run("show", "panel\n")
    assert result.exit_code == 2 and "not a valid slug" in result.output


# -- no edit is lost, and the gate checks what is written -------------------------------------

ERROR_BODY = "A figure without its source [@missing].\n"


def test_an_edit_saved_during_the_gate_is_kept_and_the_command_refused(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editorial.review import workflow

    path = article(room)
    real = workflow.run_lint

    def slow_gate(*args: object, **kwargs: object) -> object:
        report = real(*args, **kwargs)  # type: ignore[arg-type]
        path.write_text(path.read_text(encoding="utf-8") + "A late paragraph.\n", encoding="utf-8")
        return report

    monkeypatch.setattr(workflow, "run_lint", slow_gate)
    result = room.run("--as", "ana", "submit", "panel")
    assert result.exit_code == 1
    assert "(edit rule) drafts/panel.md kept changing while it was being checked" in result.output
    assert path.read_text(encoding="utf-8").endswith("A late paragraph.\n")
    assert meta(path)["state"] == "draft"


def test_the_gate_never_passes_bytes_it_did_not_check(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editorial.lint import engine

    path = article(room)
    clean = path.read_text(encoding="utf-8")
    real = engine._read

    def racing_read(job: engine.Job) -> engine.Result:
        # an editor saves an article with an error after the run hashed the clean one
        path.write_text(clean + ERROR_BODY, encoding="utf-8")
        return real(job)

    monkeypatch.setattr(engine, "_read", racing_read)
    result = room.run("--as", "ana", "submit", "panel")
    assert result.exit_code == 1
    assert "C001" in result.output  # the gate checked the bytes that were saved
    monkeypatch.setattr(engine, "_read", real)
    assert meta(path)["state"] == "draft"
    again = room.run("--as", "ana", "submit", "panel")  # the cache holds no clean verdict for it
    assert again.exit_code == 1
    assert "C001" in again.output


# -- publish checks what it publishes ---------------------------------------------------------


def test_publish_needs_an_approval_of_the_content_as_it_is(room: Room) -> None:
    # written by hand: state approved, no approval in its history
    forged = room.write("drafts/panel.md", CLEAN.format(state="approved"))
    refused = room.run("--as", "pat", "publish", "panel")
    assert refused.exit_code == 1
    assert "(approval rule) drafts/panel.md has no approval in its history" in refused.output
    forged.unlink()

    path = article(room, "approved")
    path.write_text(
        path.read_text(encoding="utf-8").replace("met in Rosario", "met in Paraná"),
        encoding="utf-8",
    )
    changed = room.run("--as", "pat", "publish", "panel")
    assert changed.exit_code == 1
    assert "changed after tom approved it" in changed.output
    assert "editorial submit panel" in changed.output
    assert meta(path)["state"] == "approved"
    assert room.run("--as", "ana", "submit", "panel").exit_code == 0  # back to review
    assert room.run("--as", "tom", "approve", "panel").exit_code == 0
    assert room.run("--as", "pat", "publish", "panel").exit_code == 0


def test_an_approval_forged_by_an_author_is_refused(room: Room) -> None:
    path = article(room, "approved")
    text = path.read_text(encoding="utf-8").replace(
        "by: tom, action: approve", "by: mira, action: approve"
    )
    text = text.replace("by: tom\n  action: approve", "by: mira\n  action: approve")
    path.write_text(text, encoding="utf-8")
    refused = room.run("--as", "pat", "publish", "panel")
    assert refused.exit_code == 1
    assert "(approval rule)" in refused.output and "mira" in refused.output


def test_a_git_commit_holds_only_the_article_it_changed(room: Room) -> None:
    config = (room.root / "editorial.toml").read_text()
    room.write("editorial.toml", config + "\n[git]\ncommit = true\n")
    article(room)
    git = ["git", "-C", str(room.root)]
    subprocess.run(["git", "init", "-q", str(room.root)], check=True)
    setup = [*git, "-c", "user.name=Setup", "-c", "user.email=s@x"]
    subprocess.run([*setup, "add", "-A"], check=True)
    subprocess.run([*setup, "commit", "-qm", "init"], check=True)
    other = room.write("drafts/other.md", "someone's work in progress\n")
    room.write("published/unrelated.md", "not ready\n")
    assert room.run("--as", "ana", "submit", "panel").exit_code == 0
    shown = subprocess.run(
        [*git, "show", "--name-only", "--format="], capture_output=True, text=True, check=True
    )
    assert shown.stdout.split() == ["drafts/panel.md"]
    status = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True)
    assert "?? drafts/other.md" in status.stdout and other.exists()


def test_the_lint_gate_runs_without_holding_the_newsroom_lock(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editorial.newsroom.newsroom import Newsroom
    from editorial.review import workflow

    article(room)
    real = workflow.run_lint
    seen = []

    def gate(*args: object, **kwargs: object) -> object:
        with Newsroom.open(room.root).lock(timeout=0.5):  # another command gets the lock
            seen.append("free")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(workflow, "run_lint", gate)
    result = room.run("--as", "ana", "submit", "panel")
    assert result.exit_code == 0, result.output
    assert seen == ["free"]


def test_a_correction_passes_the_lint_gate_and_the_board_counts_published_errors(
    room: Room,
) -> None:
    article(room, "approved")
    assert room.run("--as", "pat", "publish", "panel").exit_code == 0
    path = room.root / "published" / "panel.md"
    seen = path.read_text(encoding="utf-8")
    path.write_text(seen.replace("in Rosario.", "in Rosario [@nowhere]."), encoding="utf-8")
    refused = room.run("--as", "pat", "correct", "panel", "-m", "Added the source.")
    assert refused.exit_code == 1
    assert "refused (lint gate) published/panel.md has 1 lint error (C001" in refused.output
    assert meta(path).get("version") == 1 and "corrections" not in meta(path)
    import json

    rows = json.loads(room.run("status", "--format", "json").output)
    assert [(r["slug"], r["state"], r["errors"]) for r in rows] == [("panel", "published", 1)]
