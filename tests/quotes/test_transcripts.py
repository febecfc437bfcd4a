from __future__ import annotations

from pathlib import Path

import pytest

from editorial.errors import InputError
from editorial.newsroom.transcripts import clean_speaker, parse_text, parse_vtt, read_transcript

ZOOM = """WEBVTT

1
00:00:02.310 --> 00:00:08.940
Ana Ruiz: Good evening, and welcome.

2
00:00:08.940 --> 00:00:16.120
Ana Ruiz: Specifically, about the treaty.

3
00:00:33.020 --> 00:00:41.600
Amara Okafor Nwosu (she/her): Thank you, Ana. The treaty was signed in 1998,

4
00:00:41.600 --> 00:00:47.350
in a wet decade.
"""

TEAMS = """WEBVTT

a1b2/12-0
00:00:01.000 --> 00:00:04.000
<v Lucía Fernández>The basin does not care about borders.</v>

a1b2/13-0
00:00:04.000 --> 00:00:07.000
<v Rafael Ortiz - Delta Farmers' Cooperative>We are not asking for more water.</v>
"""


def test_zoom_speakers_and_continuation() -> None:
    t = parse_vtt(ZOOM, "zoom.vtt")
    assert [u.speaker for u in t.utterances] == [
        "Ana Ruiz",
        "Ana Ruiz",
        "Amara Okafor Nwosu",
        "Amara Okafor Nwosu",
    ]
    assert t.utterances[3].text == "in a wet decade."
    assert t.utterances[2].line == 12
    assert t.utterances[2].timestamp == "00:00:33"
    assert t.speakers == ["Ana Ruiz", "Amara Okafor Nwosu"]


def test_teams_voice_spans() -> None:
    t = parse_vtt(TEAMS, "teams.vtt")
    assert [u.speaker for u in t.utterances] == ["Lucía Fernández", "Rafael Ortiz"]
    assert t.utterances[0].text == "The basin does not care about borders."


def test_invalid_vtt() -> None:
    with pytest.raises(InputError, match="not a valid WebVTT"):
        parse_vtt("hello\n", "bad.vtt")


def test_text_transcript_paragraphs() -> None:
    text = (
        "Roundtable on housing\nRecorded 22 April 2025.\n\n"
        "Tom Becker: Welcome.\n\n**Inés Villalba:** Thank you, Tom.\nA second line.\n\n"
        "The city cannot stop a court order.\n\nDiego Salas: Mediation without money.\n"
    )
    t = parse_text(text, "r.txt")
    assert [(u.speaker, u.text) for u in t.utterances] == [
        ("Tom Becker", "Welcome."),
        ("Inés Villalba", "Thank you, Tom. A second line."),
        ("Inés Villalba", "The city cannot stop a court order."),
        ("Diego Salas", "Mediation without money."),
    ]
    assert t.utterances[1].line == 6


def test_otter_style_headers() -> None:
    text = "Ana Ruiz  0:02\nGood evening.\n\nAmara Okafor Nwosu  1:03:15\nThank you.\nMore words.\n"
    t = parse_text(text, "otter.txt")
    assert [(u.speaker, u.text) for u in t.utterances] == [
        ("Ana Ruiz", "Good evening."),
        ("Amara Okafor Nwosu", "Thank you. More words."),
    ]


@pytest.mark.parametrize(
    ("label", "clean"),
    [
        ("Ana Ruiz (she/her)", "Ana Ruiz"),
        ("Rafael Ortiz - Coop", "Rafael Ortiz"),
        ("**Tom**", "Tom"),
    ],
)
def test_clean_speaker(label: str, clean: str) -> None:
    assert clean_speaker(label) == clean


def test_read_transcript_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_transcript(tmp_path / "missing.vtt")
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Ana: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        read_transcript(bad)
    good = tmp_path / "ok.md"
    good.write_text("**Ana Ruiz:** Hello there.\n", encoding="utf-8")
    assert read_transcript(good).utterances[0].speaker == "Ana Ruiz"


def test_a_cue_with_a_broken_timing_line_is_reported_with_its_line() -> None:
    text = ZOOM.replace("00:00:08.940 --> 00:00:16.120", "00:00:08,940 -> 00:00:16,120")
    transcript = parse_vtt(text, "panel.vtt")
    assert transcript.problems == [
        (8, "line 8: cue timing is not 'HH:MM:SS.mmm --> HH:MM:SS.mmm'; the cue is skipped")
    ]
    # the cues after it keep their own lines
    assert [u.line for u in transcript.utterances] == [4, 12, 16]


def _m003(root: Path, transcripts: str, lint_settings: str = "") -> list[str]:
    """The M003 messages of a draft listing ``transcripts``, in a new newsroom."""
    from editorial.lint.engine import run_lint
    from editorial.newsroom.create import init_newsroom
    from editorial.newsroom.newsroom import Newsroom

    init_newsroom(root)
    config = root / "editorial.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[lint]\n", f"[lint]\n{lint_settings}", 1), encoding="utf-8")
    draft = root / "drafts" / "panel.md"
    draft.write_text(
        "---\ntitle: Panel\nslug: panel\nauthors: [example-author]\n"
        f"transcripts: [{transcripts}]\n---\nBody.\n",
        encoding="utf-8",
    )
    report = run_lint(Newsroom.open(root), [draft], use_cache=False)
    return [f.message for f in report.findings if f.code == "M003"]


def test_lint_reports_a_broken_cue_and_a_transcript_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "panel.vtt").write_text(
        ZOOM.replace("00:00:08.940 --> 00:00:16.120", "00:00:08.940 --> later"), encoding="utf-8"
    )
    (tmp_path / "sources" / "folder.vtt").mkdir()
    assert set(_m003(tmp_path, "panel.vtt, folder.vtt")) == {
        "transcript sources/panel.vtt, line 8: cue timing is not "
        "'HH:MM:SS.mmm --> HH:MM:SS.mmm'; the cue is skipped",
        "transcript sources/folder.vtt is a folder, not a file",
    }


def test_a_transcript_over_the_size_limit_is_reported_not_read(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "panel.vtt").write_text(ZOOM, encoding="utf-8")
    size = len(ZOOM.encode("utf-8"))
    assert _m003(tmp_path, "panel.vtt", "max_transcript_bytes = 100\n") == [
        f"transcript sources/panel.vtt is {size:,} bytes, more than [lint] "
        "max_transcript_bytes (100); quotations are not checked against it"
    ]


def _long_vtt(cues: int) -> str:
    """A Zoom-style transcript of ``cues`` cues, two speakers taking turns every few cues."""
    blocks = ["WEBVTT\n"]
    for i in range(cues):
        speaker = f"{'Ana Ruiz' if i // 3 % 2 == 0 else 'Lee Park'}: " if i % 3 == 0 else ""
        blocks.append(
            f"{i + 1}\n00:{i // 60 % 60:02d}:{i % 60:02d}.000 --> 00:{i // 60 % 60:02d}:"
            f"{i % 60:02d}.900\n{speaker}Cue number {i} says the river fell by {i % 97} percent.\n"
        )
    return "\n".join(blocks)


def test_a_transcript_read_piece_by_piece_is_the_whole_transcript(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editorial.newsroom import transcripts

    text = _long_vtt(400)
    text = text.replace("00:00:20.000 --> 00:00:20.900", "00:00:20,000 -> 00:00:20,900")
    text = text.replace("00:05:00.000 --> 00:05:00.900", "later")
    whole = parse_vtt(text, "long.vtt")
    path = tmp_path / "long.vtt"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(transcripts, "_PIECE_BYTES", 700)  # dozens of pieces
    assert len(list(transcripts._pieces(path, "long.vtt"))) > 20
    read = read_transcript(path)
    assert read.utterances == whole.utterances
    assert read.problems == whole.problems and len(read.problems) == 1
    assert [u.line for u in read.utterances[:3]] == [4, 8, 12]
    assert read.utterances[-1].line == text.splitlines().index("00:06:39.000 --> 00:06:39.900") + 1

    plain = "\n\n".join(f"Speaker {i % 3}: Paragraph {i} of the talk." for i in range(300))
    (tmp_path / "long.txt").write_text(plain, encoding="utf-8")
    assert read_transcript(tmp_path / "long.txt").utterances == parse_text(plain, "x").utterances


def test_a_bad_byte_deep_in_a_long_transcript_names_its_own_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editorial.newsroom import transcripts

    monkeypatch.setattr(transcripts, "_PIECE_BYTES", 700)
    text = _long_vtt(200)
    lines = text.splitlines()
    path = tmp_path / "bad.vtt"
    path.write_bytes("\n".join(lines[:600]).encode() + b"\nAna: caf\xe9\n")
    with pytest.raises(InputError) as caught:
        read_transcript(path)
    assert caught.value.line == 601 and "line 601, column 9" in caught.value.message


def test_a_long_transcript_costs_a_few_bytes_of_memory_a_byte(tmp_path: Path) -> None:
    """Read piece by piece into flat integer arrays: about 8 bytes a byte (32 before)."""
    import tracemalloc

    from editorial.lint.quotes.verify import TranscriptIndex

    path = tmp_path / "long.vtt"
    path.write_text(_long_vtt(12_000), encoding="utf-8")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        index = TranscriptIndex([read_transcript(path)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert index.find("cue number 11999 says the river fell")
    assert peak < 12 * size, f"{peak / size:.1f} bytes of memory a byte of transcript"
