from __future__ import annotations

import editorial


def test_all_is_sorted_and_exported() -> None:
    assert editorial.__all__ == sorted(editorial.__all__)
    for name in editorial.__all__:
        assert hasattr(editorial, name), name


def test_library_lints_without_the_cli(tmp_path) -> None:  # type: ignore[no-untyped-def]
    editorial.init_newsroom(tmp_path)
    newsroom = editorial.Newsroom.open(tmp_path)
    report = editorial.run_lint(newsroom)
    assert report.files == ["drafts/welcome-to-your-newsroom.md"]
    assert [f.code for f in report.findings] == ["M004"]  # a template, not yet an article
    rows = editorial.board(newsroom)
    assert [r.slug for r in rows] == ["welcome-to-your-newsroom"]


class Where:
    """An os.PathLike that is neither str nor pathlib.Path."""

    def __init__(self, path: object) -> None:
        self.path = str(path)

    def __fspath__(self) -> str:
        return self.path


def test_every_path_may_be_a_str_or_any_path_like(tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "room"
    for kind in (str, Where):
        editorial.init_newsroom(kind(root / kind.__name__))
        newsroom = editorial.Newsroom.open(kind(root / kind.__name__))
        draft = root / kind.__name__ / "drafts" / "welcome-to-your-newsroom.md"
        transcript = draft.parent.parent / "sources" / "panel.txt"
        transcript.write_text("Ana Ruiz: We met in Rosario.\n", encoding="utf-8")
        report = editorial.run_lint(newsroom, [kind(draft)], transcripts=[kind(transcript)])
        assert [f.code for f in report.findings] == ["M004"]
        sheet = editorial.quote_sheet(newsroom, [kind(draft)], [kind(transcript)])
        assert sheet.rows == []
        article = editorial.load_article(kind(draft), kind(newsroom.root))
        assert article.meta is not None
        assert article.meta.slug == "welcome-to-your-newsroom"
        out = tmp_path / f"site-{kind.__name__}"
        editorial.build_site(newsroom, kind(out))
        assert (out / "index.html").is_file()
