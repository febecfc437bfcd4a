"""Nothing outside the newsroom is read through a link inside it: an article, a
transcript or a bio that is a symbolic link to a file outside is refused, named."""

from __future__ import annotations

from pathlib import Path

from editorial.lint.engine import run_lint
from editorial.newsroom.newsroom import Newsroom
from tests.conftest import Room

SECRET = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nAna Ruiz: aws_secret_access_key = hunter2 hunter2\n"


def test_links_to_outside_the_newsroom_are_refused(room: Room, tmp_path: Path) -> None:
    secret = tmp_path / "credentials.vtt"
    secret.write_text(SECRET, encoding="utf-8")
    (room.root / "sources" / "panel.vtt").symlink_to(secret)
    (room.root / "drafts" / "leak.md").symlink_to(secret)
    (room.root / "authors" / "mira-haddad.md").unlink(missing_ok=True)
    (room.root / "authors" / "mira-haddad.md").symlink_to(secret)
    draft = room.write(
        "drafts/panel.md",
        "---\ntitle: Panel\nslug: panel\nauthors: [ana-ruiz, mira-haddad]\n"
        "transcripts: [panel.vtt]\n---\n“aws secret access key equals hunter2,” Ruiz said.\n",
    )
    report = run_lint(Newsroom.open(room.root), use_cache=False)
    shown = "\n".join(f"{f.path} {f.code} {f.message} {f.suggestion}" for f in report.findings)
    assert "hunter2 hunter2" not in shown
    assert "drafts/leak.md M001 this file is a link to a file outside the newsroom" in shown
    assert "transcript sources/panel.vtt links outside the newsroom; refused" in shown
    assert "mira-haddad" in shown and "outside the newsroom" in shown.split("mira-haddad", 1)[1]
    assert draft.exists()
    status = room.run("status")
    assert "hunter2" not in status.output
