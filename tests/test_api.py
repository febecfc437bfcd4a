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
