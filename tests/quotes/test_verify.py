from __future__ import annotations

import pytest

from editorial.lint.quotes.names import NameIndex
from editorial.lint.quotes.verify import TranscriptIndex, normal_tokens, quote_pattern
from editorial.model.article import Person
from editorial.newsroom.transcripts import parse_vtt

VTT = """WEBVTT

1
00:00:01.000 --> 00:00:05.000
Amara Okafor Nwosu: The treaty was signed in 1998, in a wet decade — by people who had never seen the river this low.

2
00:00:05.000 --> 00:00:09.000
Amara Okafor Nwosu: No treaty survives a drought it was never written for.

3
00:00:09.000 --> 00:00:14.000
Lucía Fernández: We don’t measure the river; we guess. And we guess wrong.

4
00:00:14.000 --> 00:00:18.000
Rafael Ortiz: We guess wrong every year.

5
00:00:18.000 --> 00:00:22.000
Lucía Fernández: Thank you.

6
00:00:22.000 --> 00:00:26.000
Rafael Ortiz: Thank you.
"""


@pytest.fixture(scope="module")
def index() -> TranscriptIndex:
    people = [
        Person(id="okafor", name="Amara Okafor Nwosu"),
        Person(id="fernandez", name="Lucía Fernández"),
    ]
    return TranscriptIndex([parse_vtt(VTT, "panel.vtt")], NameIndex(people).resolve)


def speakers(index: TranscriptIndex, quote: str) -> list[str]:
    return [m.speaker for m in index.find(quote)]


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        ("No treaty survives a drought it was never written for.", "Amara Okafor Nwosu"),
        ("NO TREATY SURVIVES A DROUGHT, IT WAS NEVER WRITTEN FOR!", "Amara Okafor Nwosu"),
        ("in a wet decade - by people who had never seen the river this low", "Amara Okafor Nwosu"),
        ("in a wet decade -- by people", "Amara Okafor Nwosu"),
        ("We don't measure the river", "Lucía Fernández"),  # straight vs curly apostrophe
        ("We don’t measure the river; we guess.", "Lucía Fernández"),
        (
            "The treaty was signed in 1998 … by people who had never seen the river this low",
            "Amara Okafor Nwosu",
        ),
        ("The treaty was signed in 1998... by people who had never seen", "Amara Okafor Nwosu"),
        ("The treaty was signed . . . in a wet decade", "Amara Okafor Nwosu"),
        ("[The agreement] was signed in 1998", "Amara Okafor Nwosu"),
        ("The treaty was signed in [that year], in a wet decade", "Amara Okafor Nwosu"),
        (
            "had never seen the river this low. No treaty survives a drought",
            "Amara Okafor Nwosu",
        ),  # over two cues
        ("we guess. and we guess wrong", "Lucía Fernández"),
        ("Lucia Fernandez", None),
    ],
)
def test_verbatim(index: TranscriptIndex, quote: str, speaker: str | None) -> None:
    found = speakers(index, quote)
    if speaker is None:
        assert found == []
    else:
        assert found == [speaker]


def test_two_speakers_saying_the_same_words(index: TranscriptIndex) -> None:
    assert speakers(index, "we guess wrong") == ["Lucía Fernández", "Rafael Ortiz"]
    assert speakers(index, "Thank you.") == ["Lucía Fernández", "Rafael Ortiz"]


def test_no_match_across_speakers(index: TranscriptIndex) -> None:
    assert speakers(index, "And we guess wrong. We guess wrong every year.") == []
    assert speakers(index, "And we guess wrong … every year") == []


def test_ellipsis_and_bracket_limits(index: TranscriptIndex) -> None:
    assert speakers(
        index, "[The deal, signed by the three governments long ago in the capital,] was signed"
    ) == ["Amara Okafor Nwosu"]
    assert speakers(index, "signed in 1998 [in a time when people] this low") == []


def test_passage_and_speaker_id(index: TranscriptIndex) -> None:
    [match] = index.find("No treaty survives a drought")
    assert match.text == "No treaty survives a drought"
    assert match.speaker_id == "okafor"
    assert match.timestamp == "00:00:05"
    assert match.line == 8


def test_closest(index: TranscriptIndex) -> None:
    verdict = index.verdict("No treaty can survive a drought it was not written for.")
    assert verdict.status == "closest"
    assert verdict.closest is not None
    assert verdict.closest.speaker == "Amara Okafor Nwosu"
    assert 0.7 <= verdict.closest.score < 1
    assert "No treaty survives a drought it was never written for" in verdict.closest.text
    nothing = index.verdict("Completely unrelated sentence about football tactics.")
    assert nothing.status == "none"


def test_repeated_phrases_each_turn_once(index: TranscriptIndex) -> None:
    assert len(index.find("we guess")) == 2


def test_helpers() -> None:
    assert normal_tokens("Don’t STOP—now, “ok”") == ["dont", "stop", "now", "ok"]
    assert quote_pattern("… [x] …") == []
    assert len(index_words := quote_pattern("a … b")) == 3 and index_words[1].high == 80


def test_numerals_and_number_words_are_one_word() -> None:
    vtt = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:05.000\nLucía Fernández: The river carried about thirty percent less water, some 4,200 cubic hectometres.\n"
    index = TranscriptIndex([parse_vtt(vtt, "x.vtt")])
    assert [m.speaker for m in index.find("about 30% less water")] == ["Lucía Fernández"]
    assert [m.speaker for m in index.find("thirty per cent less")] == ["Lucía Fernández"]
    assert [m.speaker for m in index.find("some 4200 cubic hectometres")] == ["Lucía Fernández"]
    assert index.find("about forty percent less") == []


@pytest.mark.parametrize(
    ("quote", "passage"),
    [
        # a changed first word: the suggestion still starts with the speaker's pronoun
        ("They guess wrong every year.", "We guess wrong every year"),
        ("I guess wrong every year", "We guess wrong every year"),
        # a changed last word: the passage runs to the transcript's word for it
        ("We guess wrong every time", "We guess wrong every year"),
        (
            "by people who had never seen the river this high",
            "by people who had never seen the river this low",
        ),
        # the passage ends where the quotation does, with whole words
        (
            "The treaty was inked in 1998, in a wet decade",
            "The treaty was signed in 1998, in a wet decade",
        ),
        ("people who never saw the river this low", "people who had never seen the river this low"),
    ],
)
def test_the_closest_passage_covers_the_quotation(
    index: TranscriptIndex, quote: str, passage: str
) -> None:
    near = index.verdict(quote).closest
    assert near is not None
    assert near.text == passage
