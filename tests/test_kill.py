"""Transitions killed at random moments (SIGKILL) leave the article whole, in one place, and
finishable: a kill loop over publish and correct counts no stuck, lost or duplicated
article and no temporary file left behind."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import yaml

from tests.conftest import Room, without_root_powers

ARTICLE = """---
title: "Panel weighs the river treaty"
slug: panel
authors: [ana-ruiz]
state: draft
section: events
history: []
---
The panel met in Rosario on a dry morning.
"""


def _run(room: Room, *args: str, stderr: int = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    env = {**os.environ, "EDITORIAL_ROOT": str(room.root)}
    return subprocess.Popen(
        [sys.executable, "-m", "editorial", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        preexec_fn=without_root_powers,
    )


def _copies(room: Room) -> list[str]:
    return [
        f"{folder}/panel.md"
        for folder in ("drafts", "published")
        if (room.root / folder / "panel.md").exists()
    ]


def _edit(room: Room, i: int) -> None:
    """Change the published text, as a correction needs (an unchanged one is refused)."""
    path = room.root / "published" / "panel.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f" Updated {i}.\n", encoding="utf-8")


def _approved(room: Room) -> None:
    """The article in drafts/, submitted and approved for real."""
    room.write("drafts/panel.md", ARTICLE)
    assert room.run("--as", "ana", "submit", "panel").exit_code == 0
    assert room.run("--as", "tom", "approve", "panel").exit_code == 0


def _next_round(room: Room, i: int) -> tuple[str, list[str]]:
    """The article's state and the command of round ``i``: publish it, or once published,
    edit it and correct it."""
    state = _meta(room)["state"]
    if state != "published":
        return state, ["--as", "pat", "publish", "panel"]
    _edit(room, i)
    return state, ["--as", "pat", "correct", "panel", "-m", f"Correction {i}."]


def _meta(room: Room) -> dict:  # type: ignore[type-arg]
    (where,) = _copies(room)
    text = (room.root / where).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_killed_transitions_leave_one_whole_article(room: Room) -> None:
    _approved(room)
    rng = random.Random(13)
    killed = 0
    for i in range(25):
        state, args = _next_round(room, i)
        proc = _run(room, *args)
        time.sleep(rng.uniform(0.05, 0.6))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        copies = _copies(room)
        assert len(copies) == 1, copies  # never lost, never in both folders
        meta = _meta(room)  # whole: it parses
        assert meta["state"] in ("approved", "published")
        # whatever the kill interrupted, running the command again finishes it
        again = _run(room, *args[:4]) if state != "published" else None
        if again is not None:
            assert again.wait(timeout=60) in (0, 1)
    assert killed >= 3  # the loop really interrupted commands
    _edit(room, 99)
    assert room.run("--as", "pat", "correct", "panel", "-m", "Last.").exit_code == 0
    assert _copies(room) == ["published/panel.md"]
    meta = _meta(room)
    assert meta["state"] == "published"
    versions = [h for h in meta["history"] if h["action"] == "publish"]
    assert len(versions) == 1  # published once
    leftovers = [p.name for f in ("drafts", "published") for p in (room.root / f).iterdir()]
    assert not [name for name in leftovers if name.endswith(".tmp")], leftovers


def test_a_temporary_file_left_by_a_killed_writer_is_swept(room: Room) -> None:
    room.write("drafts/panel.md", ARTICLE)
    stale = room.root / "drafts" / ".panel.md.k1ll3d.tmp"
    stale.write_text("half an article", encoding="utf-8")
    assert room.run("--as", "ana", "submit", "panel").exit_code == 0
    assert not stale.exists()
    assert _copies(room) == ["drafts/panel.md"]


def test_killed_transitions_with_read_only_folders_stay_whole_and_retry(room: Room) -> None:
    """Rounds of publish and correct, some killed, some run while drafts/ or published/ is
    read-only: every refusal is one clear line, and the article is never stuck, lost or in
    two places; once the folder is writable again, the same command finishes the job."""
    probe = room.root / "probe"
    probe.mkdir(mode=0o555)
    check = _run(room, "--version")  # the child can start without root's powers
    assert check.wait(timeout=60) == 0
    writer = subprocess.run(
        [sys.executable, "-c", f"open({str(probe / 'x')!r}, 'w')"],
        preexec_fn=without_root_powers,
        capture_output=True,
        check=False,
    )
    assert writer.returncode != 0, "a read-only folder must refuse the test's commands"
    probe.rmdir()

    _approved(room)
    rng = random.Random(29)
    refused = 0
    for i in range(24):
        state, args = _next_round(room, i)
        locked = rng.choice(["drafts", "published", "drafts", "published", None])
        if locked:
            (room.root / locked).chmod(0o555)
        proc = _run(room, *args, stderr=subprocess.PIPE)
        if rng.random() < 0.3:
            time.sleep(rng.uniform(0.05, 0.5))
            proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate(timeout=60)
        if locked:
            (room.root / locked).chmod(0o755)
        if proc.returncode > 0:
            refused += 1
            message = err.decode()
            assert proc.returncode in (1, 2), message
            assert "Traceback" not in message and "internal error" not in message, message
            assert len(message.strip().splitlines()) == 1, message
        copies = _copies(room)
        assert len(copies) == 1, copies
        assert _meta(room)["state"] in ("approved", "published")
        # the same command, now that the folder is writable, finishes the job
        if state != "published":
            again = _run(room, *args[:4], stderr=subprocess.PIPE)
            _out, err = again.communicate(timeout=60)
            assert again.returncode == 0 or b"it is published, not" in err, err
        assert _copies(room) == (["published/panel.md"] if state != "published" else copies)
    assert refused >= 5  # read-only folders really refused commands
    meta = _meta(room)
    assert meta["state"] == "published"
    assert len([h for h in meta["history"] if h["action"] == "publish"]) == 1
    leftovers = [p.name for f in ("drafts", "published") for p in (room.root / f).iterdir()]
    assert not [name for name in leftovers if name.endswith(".tmp")], leftovers
