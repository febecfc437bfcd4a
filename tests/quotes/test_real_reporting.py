"""Families of ordinary reporting the attribution must read: speaker sections, no guessing
across people, speech acts beyond "said", and organizations and documents as sources."""

from __future__ import annotations

import pytest

from editorial.lint.quotes.attribution import attribute
from editorial.lint.quotes.finder import find_quotations
from editorial.lint.quotes.names import NameIndex
from editorial.model.article import Person

PEOPLE = [
    Person(id="varga", name="Lena Varga", title="Admiral", role="commander of the fleet"),
    Person(id="ruiz", name="Ana Ruiz", title="Ambassador", role="ambassador to Chile"),
    Person(id="kim", name="Min-jun Kim", title="Dr.", role="economist"),
    Person(id="ortega", name="Maria Ortega", title="Sen.", role="senator"),
    Person(id="blake", name="Tom Blake", role="mayor"),
    Person(id="ministry", name="Ministry of Water", kind="organization", aliases=["the ministry"]),
]
NAMES = NameIndex(PEOPLE)


def speakers(body: str) -> list[tuple[str | None, str | None, str | None]]:
    found = find_quotations(body)
    return [
        (a.speaker.name if a.speaker else None, a.cue, a.speaker.source_kind if a.speaker else None)
        for a in attribute(found, NAMES)
    ]


def names(body: str) -> list[str | None]:
    return [name for name, _cue, _kind in speakers(body)]


# -- 1. speaker sections ---------------------------------------------------------------

EVENT = """\
## Keynote Address – Admiral Lena Varga

Admiral Varga has commanded the fleet since 2021. She served under President Obama and
Minister Lopez before that, and trained in Norfolk.

“The sea does not wait for treaties, and neither will we.”

### The patrols

“We will patrol every mile of this coast, every night of the year.”

## Opening Remarks: Ambassador Ana Ruiz

“Welcome to all of you who travelled so far to be here.”

## Closing remarks by Dr. Kim

“Thank you for staying until the very end of a long day.”

## Panel — Ana Ruiz and Lena Varga

“Nobody agreed on anything today, which is a kind of progress.”

“The fleet will stay,” Varga said.

## Background

“This sentence has no speaker anywhere near it at all.”
"""


def test_speaker_sections_give_their_quotations_to_the_heading_speaker() -> None:
    assert speakers(EVENT) == [
        ("Lena Varga", "heading", "person"),
        ("Lena Varga", "heading", "person"),
        ("Ana Ruiz", "heading", "person"),
        ("Min-jun Kim", "heading", "person"),
        (None, None, None),  # a panel: each quotation needs its own cue
        ("Lena Varga", "verb", "person"),
        (None, None, None),
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "Keynote Address – Admiral Varga",
        "Keynote Address — Adm. Lena Varga",
        "Opening Remarks: Admiral Lena Varga",
        "Closing remarks by Admiral Varga",
        "In conversation with Lena Varga",
        "Lena Varga, commander of the fleet",
        "Keynote Address – Rear Admiral Lena Varga",
        "Remarks by Vice Adm. Varga",
        "Opening Remarks: Consul General Lena Varga",
        "Address — Lt. Gen. Lena Varga",
    ],
)
def test_heading_forms(heading: str) -> None:
    body = f"## {heading}\n\nA short bio with no quotation.\n\n“We sail at dawn, whatever the weather.”\n"
    assert speakers(body) == [("Lena Varga", "heading", "person")]


def test_a_heading_about_someone_is_not_their_section() -> None:
    body = "## Reactions — Admiral Varga's plan\n\n“Nobody in this town likes the plan.”\n"
    assert names(body) == [None]


def test_an_unlisted_speaker_in_a_heading_is_a_name() -> None:
    body = "## Keynote Address – General Ada Okonkwo\n\n“We sail at dawn, whatever the weather.”\n"
    assert speakers(body) == [("Ada Okonkwo", "heading", "person")]
    assert attribute(find_quotations(body), NAMES)[0].kind == "name"  # so Q002, not Q001


# -- 2. no guessing across people --------------------------------------------------------


def test_a_lone_quotation_after_a_paragraph_naming_two_people_has_no_speaker() -> None:
    body = (
        "Sen. Ortega and Mayor Blake toured the plant on Friday.\n\n"
        "“This is the worst flood we have seen in forty years.”\n"
    )
    assert names(body) == [None]


def test_a_lone_quotation_after_prose_naming_nobody_has_no_speaker() -> None:
    body = "The river rose all night.\n\n“This is the worst flood we have seen in forty years.”\n"
    assert names(body) == [None]


def test_a_lone_quotation_continues_the_quotation_that_ends_the_paragraph_before() -> None:
    body = (
        "“The levees held,” Blake said.\n\n“This is the worst flood we have seen in forty years.”\n"
    )
    assert names(body) == ["Tom Blake", "Tom Blake"]


def test_a_quotation_after_the_cue_sentence_continues_it_whoever_the_cue_names() -> None:
    body = (
        "“The levees held,” said Blake, who met Sen. Ortega on Friday. “We were lucky "
        "this time, and luck is not a plan.”\n"
    )
    assert names(body) == ["Tom Blake", "Tom Blake"]


# -- 3. speech acts beyond "said" ------------------------------------------------------------

ACTS = [
    ("Ortega accused Blake of a record that is “shameful from start to finish.”", "Maria Ortega"),
    ("Ortega said Blake was “the worst mayor this city has had.”", "Maria Ortega"),
    (
        "Ortega criticized the budget, saying the mayor “has never read a spreadsheet.”",
        "Maria Ortega",
    ),
    ("Blake is insisting that the city has “more than enough money for this.”", "Tom Blake"),
    ("Ortega praised Blake for “keeping the lights on through the storm.”", "Maria Ortega"),
    ("Blake has warned that the levees are “one storm away from failing.”", "Tom Blake"),
    ("Ortega joked that the mayor was “allergic to numbers of any kind.”", "Maria Ortega"),
    ("Blake denied that he had “ever seen the report before Friday.”", "Tom Blake"),
    ("Ortega urged voters to “look at the record before the slogans.”", "Maria Ortega"),
    ("Blake promised Ortega “a full answer by the end of the week.”", "Tom Blake"),
    ("Blake, who has long argued for the levee, called it “a bargain at any price.”", "Tom Blake"),
    (
        "“The budget is a fiction,” Ortega told Blake on Friday. “Nobody believes these numbers.”",
        "Maria Ortega",
    ),
]


@pytest.mark.parametrize(("body", "speaker"), ACTS)
def test_the_speaker_is_the_subject_of_the_speech_act(body: str, speaker: str) -> None:
    assert set(names(body)) == {speaker}


def test_noting_then_added() -> None:
    body = (
        "Ortega, noting that the party's “numbers never add up in an election year,” "
        "added: “We will vote against it.”\n"
    )
    assert names(body) == ["Maria Ortega", "Maria Ortega"]


def test_a_passive_speech_act_does_not_make_its_subject_the_speaker() -> None:
    body = "Blake was described as “the most stubborn mayor in the province.”\n"
    assert names(body) == [None]


def test_the_addressee_of_told_is_not_the_speaker() -> None:
    body = (
        "“The budget is a fiction,” Ortega told CNN Saturday. “Nobody believes it.”\n\n"
        "“We will see,” she added.\n"
    )
    assert names(body) == ["Maria Ortega", "Maria Ortega", "Maria Ortega"]


# -- 4. organizations and documents ------------------------------------------------------

SOURCES = [
    ("“Water use rose by a third in the decade,” the report said.", "the report", "document"),
    (
        "“The mayor has lost the city's trust,” The Post wrote in an editorial.",
        "The Post",
        "organization",
    ),
    (
        "According to the statement, “the plant will reopen when it is safe to do so.”",
        "the statement",
        "document",
    ),
    (
        "“Supplies are secure for the summer,” the ministry said in a release.",
        "Ministry of Water",
        "organization",
    ),
    (
        "The survey found that “most households cut their use by a fifth.”",
        "the survey",
        "document",
    ),
    (
        "“Supplies are secure for the summer,” the union said on Friday.",
        "the union",
        "organization",
    ),
]


@pytest.mark.parametrize(("body", "source", "kind"), SOURCES)
def test_organizations_and_documents_are_sources(body: str, source: str, kind: str) -> None:
    [(name, _cue, got_kind)] = speakers(body)
    assert (name, got_kind) == (source, kind)


def test_a_quotation_without_a_speaker_lists_the_candidates() -> None:
    body = (
        "Sen. Ortega and Mayor Blake toured the plant on Friday.\n\n"
        "“This is the worst flood we have seen in forty years.”\n"
    )
    [attribution] = attribute(find_quotations(body), NAMES)
    assert attribution.speaker is None
    assert [c.name for c in attribution.candidates] == ["Maria Ortega", "Tom Blake"]
