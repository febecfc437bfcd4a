"""Attribution, cue by cue: each case is a body, and the speaker and cue of its quotations."""

from __future__ import annotations

import pytest

from editorial.lint.quotes.attribution import attribute
from editorial.lint.quotes.finder import find_quotations
from editorial.lint.quotes.names import NameIndex
from editorial.model.article import Person

PEOPLE = [
    Person(
        id="okafor",
        name="Amara Okafor Nwosu",
        title="Minister",
        role="Minister of Water Resources",
        aliases=["Okafor Nwosu"],
    ),
    Person(
        id="fernandez", name="Lucía Fernández", title="Dr.", role="hydrologist at the university"
    ),
    Person(id="ortiz", name="Rafael Ortiz", role="chair of the farmers' cooperative"),
    Person(
        id="lindqvist", name="Hannah Lindqvist", role="senior counsel at the Basin Law Institute"
    ),
]
NAMES = NameIndex(PEOPLE, [("ana-ruiz", "Ana Ruiz")])


def attributions(body: str) -> list[tuple[str | None, str | None]]:
    found = find_quotations(body)
    return [(a.speaker.name if a.speaker else None, a.cue) for a in attribute(found, NAMES)]


CASES = [
    # speech verb after the quotation, both orders, appositives and titles
    ("“We need rain,” said Rafael Ortiz.", [("Rafael Ortiz", "verb")]),
    ("“We need rain,” Ortiz said.", [("Rafael Ortiz", "verb")]),
    (
        "“We need rain,” Ortiz, who chairs the cooperative, said on Friday.",
        [("Rafael Ortiz", "verb")],
    ),
    (
        "“We need rain,” said Dr. Lucía Fernández, a hydrologist at the university.",
        [("Lucía Fernández", "verb")],
    ),
    (
        "“We need rain,” said Sen. Maria Ortega, a Democrat from Ohio.",
        [("Maria Ortega", "verb")],
    ),
    ("“We need rain,” the minister said.", [("Amara Okafor Nwosu", "verb")]),
    ("“We need rain,” added the hydrologist.", [("Lucía Fernández", "verb")]),
    ("“Why now?” Ortiz asked.", [("Rafael Ortiz", "verb")]),
    # speech verb before: colon, that, partial quotes inside paraphrase
    ("Rafael Ortiz said: “We need rain.”", [("Rafael Ortiz", "verb")]),
    (
        "Minister Okafor told reporters on Friday that “the treaty is dead.”",
        [("Amara Okafor Nwosu", "verb")],
    ),
    (
        "Dr. Lucía Fernández, a hydrologist at the university, said the river carried “about thirty percent less water” in 2024.",
        [("Lucía Fernández", "verb")],
    ),
    (
        "Okafor Nwosu said she could support a trigger, but not one “that only one country measures.”",
        [("Amara Okafor Nwosu", "verb")],
    ),
    # colon, possessive, according to, calling it
    (
        "Hannah Lindqvist: “A treaty without a trigger is a promise without a date.”",
        [("Hannah Lindqvist", "colon")],
    ),
    (
        "The minister's remarks: “No treaty survives a drought it was never written for.”",
        [("Amara Okafor Nwosu", "possessive")],
    ),
    (
        "Ortiz’s answer was short: “We need to know what we will get.”",
        [("Rafael Ortiz", "possessive")],
    ),
    (
        "According to Lindqvist, “nobody agrees on what triggers it.”",
        [("Hannah Lindqvist", "according-to")],
    ),
    (
        "“Nobody agrees on what triggers it,” according to Hannah Lindqvist.",
        [("Hannah Lindqvist", "according-to")],
    ),
    (
        "Lindqvist criticised the clause, calling it “a promise without a date, and a bad one.”",
        [("Hannah Lindqvist", "calling")],
    ),
    (
        "Ortiz called the cuts “a surprise that no farmer can plan for.”",
        [("Rafael Ortiz", "calling")],
    ),
    # pronouns and possessives resolve to the person last named
    (
        "Rafael Ortiz spoke last. “We need to know what we will get,” he said.",
        [("Rafael Ortiz", "pronoun")],
    ),
    (
        "Hannah Lindqvist drafted the clause.\n\nShe added: “Every party knows the rule in advance.”",
        [("Hannah Lindqvist", "pronoun")],
    ),
    (
        "Dr. Fernández was blunt. Her verdict: “We guess, and we guess wrong.”",
        [("Lucía Fernández", "possessive")],
    ),
    # continuation in a paragraph, and across paragraphs
    (
        "“We took the same volume out of a smaller river,” Fernández said. “The aquifers made up the difference.”",
        [("Lucía Fernández", "verb"), ("Lucía Fernández", "continuation")],
    ),
    (
        "Rafael Ortiz said allocations were cut twice after planting. “Some of our members lost the whole crop.”",
        [("Rafael Ortiz", "continuation")],
    ),
    (
        "“We need rain,” Ortiz said.\n\n“And we need to know how much water we will get.”",
        [("Rafael Ortiz", "verb"), ("Rafael Ortiz", "continuation")],
    ),
    (
        "Ortiz put it bluntly:\n\n“We need to know how much water we will get.”",
        [("Rafael Ortiz", "verb")],
    ),
    # two speakers in one paragraph
    (
        "“The gauges have to be joint,” Okafor Nwosu said. “And honest,” Fernández replied.",
        [("Amara Okafor Nwosu", "verb"), ("Lucía Fernández", "verb")],
    ),
    # headings: a speaker section, and a pull quote
    (
        "## Hannah Lindqvist, Basin Law Institute\n\nThe clause is two sentences long.\n\n“A treaty without a trigger is a promise without a date.”",
        [("Hannah Lindqvist", "heading")],
    ),
    (
        "## “The basin does not care about borders”\n\nDr. Lucía Fernández opened the panel.",
        [("Lucía Fernández", "pull-quote")],
    ),
    # block quotes with a dash line
    (
        "> The basin does not care about borders.\n> — Lucía Fernández",
        [("Lucía Fernández", "dash")],
    ),
    (
        "> The basin does not care about borders.\n\n— Dr. Fernández, at the panel",
        [("Lucía Fernández", "dash")],
    ),
    # unnamed sources, unknown names, and nothing
    (
        "A tenant who asked not to be named said: “We moved three times in two years.”",
        [("a tenant who asked not to be named", "verb")],
    ),
    ("Officials said “the review is ongoing and will take months.”", [("Officials", "verb")]),
    ("“Owners are not banks,” said Julián Méndez.", [("Julián Méndez", "verb")]),
    ("The river is low. “We will need every drop we can find.”", [(None, None)]),
    ("The sign read “No swimming after dark, by order of the council.” Nobody obeyed.", []),
    # scare quotes are not quotations
    ("The so-called “drought clause” has never been used, Ortiz said.", []),
    # the author counts as a person
    ("“I asked the panel about the gauges,” Ana Ruiz said.", [("Ana Ruiz", "verb")]),
]


@pytest.mark.parametrize(("body", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_attribution(body: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert attributions(body) == expected


def test_name_forms() -> None:
    assert NAMES.resolve("Minister Okafor") is not None
    assert NAMES.resolve("Okafor Nwosu’s") == NAMES.speaker("okafor")
    assert NAMES.resolve("Fernandez") == NAMES.speaker("fernandez")
    assert NAMES.resolve("Ms. Lindqvist") == NAMES.speaker("lindqvist")
    assert NAMES.resolve("Maria Ortiz") is None  # another Ortiz
    assert NAMES.by_role("the hydrologist") == NAMES.speaker("fernandez")
    assert NAMES.by_role("lawyer") is None
    assert NAMES.is_full_reference("Minister Amara Okafor Nwosu", "okafor")
    assert not NAMES.is_full_reference("Okafor Nwosu", "okafor")


def test_ambiguous_surname_resolves_to_no_one() -> None:
    names = NameIndex([Person(id="a", name="Ana Ortiz"), Person(id="b", name="Rafael Ortiz")])
    assert names.resolve("Ortiz") is None
    assert names.resolve("Rafael Ortiz") == names.speaker("b")


def test_bold_speaker_lines_head_their_quotations() -> None:
    body = (
        "**Hannah Lindqvist**, Basin Law Institute\n\nShe spoke second.\n\n"
        "“A treaty without a trigger is a promise without a date.”\n\n"
        "**What about the gauges?**\n\n“They have to be joint and public, every one of them.”\n"
    )
    assert attributions(body) == [("Hannah Lindqvist", "heading"), ("Hannah Lindqvist", "heading")]


def test_a_dash_after_a_quotation_in_running_text() -> None:
    body = "- “No treaty survives a drought it was never written for.” — Amara Okafor Nwosu\n"
    assert attributions(body) == [("Amara Okafor Nwosu", "dash")]


@pytest.mark.parametrize(
    "body",
    [
        "The institute published a report titled “Water for All in a Drying Basin” last week.",
        "Protesters carried a banner reading “No treaty without the people who drink the water.”",
        "A sign on the door reads: “Shake hands before and after every single game.”",
    ],
)
def test_titles_and_signs_are_not_quotations(body: str) -> None:
    assert attributions(body) == []


def test_a_pull_quote_with_its_own_cue() -> None:
    body = "## “No treaty survives a drought,” says the minister\n\nRafael Ortiz spoke first.\n"
    assert attributions(body) == [("Amara Okafor Nwosu", "verb")]


def test_a_full_reference_may_carry_any_title() -> None:
    assert NAMES.is_full_reference("Water Minister Amara Okafor Nwosu", "okafor")
    assert NAMES.is_full_reference("Rector Amara Okafor Nwosu", "okafor")
    assert not NAMES.is_full_reference("Minister Okafor", "okafor")
