"""No speaker name in any output holds a control character: a property over generated
reporting (quotations nested in cues, appositives, headings, pronouns and sources)."""

from __future__ import annotations

import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editorial.lint.quotes.attribution import attribute
from editorial.lint.quotes.finder import find_quotations
from editorial.lint.quotes.names import NameIndex
from editorial.model.article import Person
from tests.conftest import Room

PEOPLE = [
    Person(id="ortega", name="Maria Ortega", title="Sen.", role="senator"),
    Person(id="blake", name="Tom Blake", role="mayor"),
]
NAMES = NameIndex(PEOPLE)

SUBJECTS = [
    "Ortega",
    "Sen. Maria Ortega",
    "Blake, the mayor,",
    "The party's “numbers never add up,”",
    "Julián Méndez",
    "the report",
    "she",
    "The Post",
    "Ortega, noting that the party's “books are cooked,”",
    "A tenant who asked not to be named",
    "“Blake”",
]
VERBS = ["said", "added:", "accused Blake of", "told CNN that", "is insisting that", "wrote", ""]
QUOTES = [
    "“We will vote against it.”",
    "“the worst mayor this city has had,”",
    "“No,”",
    "“It is a fiction",
    '"Straight quotes, too,"',
    "“Nested ‘inner’ words here.”",
]
TAILS = ["", " she said.", " Ortega added.", " — Tom Blake", ", according to the statement."]
HEADINGS = ["", "## Keynote Address – Sen. Maria Ortega\n\n", "## Panel — Ortega and “Blake”\n\n"]

sentence = st.builds(
    lambda s, v, q, t: f"{s} {v} {q}{t}".replace("  ", " "),
    st.sampled_from(SUBJECTS),
    st.sampled_from(VERBS),
    st.sampled_from(QUOTES),
    st.sampled_from(TAILS),
)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
body = st.builds(
    lambda h, ps: h + "\n\n".join(ps) + "\n",
    st.sampled_from(HEADINGS),
    st.lists(paragraph, min_size=1, max_size=4),
)


def _clean(name: str) -> bool:
    return bool(name.strip()) and not any(unicodedata.category(c) == "Cc" for c in name)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body)
def test_speaker_names_hold_no_control_characters(text: str) -> None:
    found = find_quotations(text)
    for attribution in attribute(found, NAMES):
        names = [c.name for c in attribution.candidates]
        if attribution.speaker is not None:
            names.append(attribution.speaker.name)
        assert all(_clean(name) for name in names), (text, names)


def test_quote_sheet_and_lint_output_hold_no_control_characters(room: Room) -> None:
    paragraphs = [
        f"{s} {v} {q}{t}" for s in SUBJECTS for v in VERBS[:4] for q in QUOTES[:3] for t in TAILS
    ]
    room.write(
        "drafts/example.md",
        "---\ntitle: Example\nslug: example\nauthors: [ana-ruiz]\n---\n"
        + "\n\n".join(paragraphs)
        + "\n",
    )
    rows = json.loads(room.run("quotes", "--format", "json").output)
    assert rows
    assert all(_clean(r["speaker"]["name"]) for r in rows if r["speaker"])
    for fmt in ("json", "text"):
        output = room.run("lint", "--format", fmt).output
        assert "\x07" not in output


def test_every_title_starts_with_a_capital_as_the_name_pattern_assumes() -> None:
    """The name pattern turns away every place not starting with a capital before it
    tries the titles; a title that does not start with one would never be found."""
    import re

    from editorial.lint.quotes.words import titles

    assert all(re.match(r"[A-ZÀ-ÖØ-Þ]", title) for title in titles())


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(["Ana", "Ruiz", "Lo", "Ruiz-Lo", " ", "  ", "\n", "-", "x", ".", "é"]),
        max_size=14,
    ),
    forms=st.sets(st.sampled_from(["Ana", "Ruiz", "Ana Ruiz", "Lo", "Ruiz-Lo", "Ana Ruiz Lo"])),
)
def test_names_are_found_as_a_pattern_of_them_would_find_them(
    text: list[str], forms: set[str]
) -> None:
    """Names are found without compiling a pattern for each article: the same places
    as the pattern of the forms, longest first, as whole words, spaces as any run."""
    import re

    from editorial.lint.quotes.names import find_forms

    ordered = sorted(forms, key=len, reverse=True)
    joined = "".join(text)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)
    pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
    expected = [m.span() for m in pattern.finditer(joined)] if ordered else []
    assert find_forms(joined, ordered) == expected


@settings(max_examples=300, deadline=None)
@given(
    entries=st.lists(st.text(alphabet="abs '-.", min_size=1, max_size=5), min_size=1, max_size=6),
    text=st.text(alphabet="abAs '-.\nx", max_size=15),
    wrap=st.sampled_from(["(?:{})", r"(?<![\w-])(?:{})(?![\w-])", r"(?:{})b", r"^(?:{})\s*$"]),
    flags=st.sampled_from([0, 2]),  # re.I
)
def test_a_word_list_as_a_tree_matches_what_the_flat_list_matches(
    entries: list[str], text: str, wrap: str, flags: int
) -> None:
    """Word lists are written as a tree of shared beginnings: the same matches, in the
    same places, as the list longest first, whatever follows it in a pattern."""
    import re

    from editorial.lint.quotes.words import alternation

    flat = "|".join(
        re.escape(e).replace(r"\ ", r"\s+") for e in sorted(set(entries), key=len, reverse=True)
    )
    expected = [m.span() for m in re.finditer(wrap.format(flat), text, flags)]
    assert [m.span() for m in re.finditer(wrap.format(alternation(entries)), text, flags)] == (
        expected
    )
