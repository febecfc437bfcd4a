"""Q003's word-by-word differences between a quotation and what was said."""

from __future__ import annotations

import pytest

from editorial.lint.quotes.diff import describe, word_changes

SAID = "We are not asking for more water. We are asking to know how much we will get"


@pytest.mark.parametrize(
    ("quote", "changes"),
    [
        (
            "We are not asking for more water, we are asking to know what we will get",
            ["“what” for “how much”"],
        ),
        (
            "We are not asking for more water. We are really asking to know how much we will get",
            ["“really” added"],
        ),
        (
            "We are not asking for water. We are asking to know how much we will get",
            ["“more” left out"],
        ),
        # an ellipsis marks the words left out, brackets an editor's words: not differences
        ("We are not asking … to know how much we will get", []),
        ("[Farmers] are not asking for more water", []),
        ("WE ARE NOT ASKING FOR MORE WATER!", []),
    ],
)
def test_word_changes(quote: str, changes: list[str]) -> None:
    assert word_changes(quote, SAID) == changes


def test_describe_counts_what_it_does_not_list() -> None:
    changes = [f"“w{i}” added" for i in range(6)]
    assert describe(changes) == "“w0” added; “w1” added; “w2” added; “w3” added; and 2 more"
