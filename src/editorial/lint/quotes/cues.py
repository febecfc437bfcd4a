"""The cues of attribution as data and patterns: speech verbs, titles, attribution nouns,
role and group nouns, and the regular expressions that read them. Pure and cached."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from editorial.lint.quotes.names import Speaker, key, name_pattern
from editorial.lint.quotes.words import (
    alternation,
    attribution_nouns,
    head_noun,
    inverting_verbs,
    progressive_acts,
    speech_verbs,
    word_list,
    word_set,
)

SpeakerKind = Literal["person", "name", "description"]

MARK = "\x07"  # stands for the characters of a quotation in the skeleton
ABBREVIATIONS = {
    "dr",
    "mr",
    "mrs",
    "ms",
    "st",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "prof",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "vs",
    "etc",
    "no",
    "mt",
    "ft",
    "ave",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "adm",
    "rev",
    "hon",
    "lic",
    "ing",
}
PRONOUNS = {"he", "she", "they"}
PRONOUN_REACH = 3  # paragraphs naming someone that a pronoun may reach back over
KIN = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w’'-]+['’]s)\s+(?:\w+\s+)?(?P<noun>father|mother|brother|sister|"
    r"husband|wife|son|daughter|grandfather|grandmother|uncle|aunt|nephew|niece|boyfriend|"
    r"girlfriend|stepfather|stepmother)\b"
)
NOUN_GENDER = {
    "spokesman": "m",
    "spokeswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
    "businessman": "m",
    "businesswoman": "f",
    "congressman": "m",
    "congresswoman": "f",
    "actress": "f",
    "actor": "m",
    "waitress": "f",
    "policeman": "m",
    "policewoman": "f",
    "fisherman": "m",
    "fisherwoman": "f",
    "father": "m",
    "brother": "m",
    "husband": "m",
    "son": "m",
    "grandfather": "m",
    "uncle": "m",
    "nephew": "m",
    "boyfriend": "m",
    "stepfather": "m",
    "man": "m",
    "mother": "f",
    "sister": "f",
    "wife": "f",
    "daughter": "f",
    "grandmother": "f",
    "aunt": "f",
    "niece": "f",
    "girlfriend": "f",
    "stepmother": "f",
    "woman": "f",
}
NOT_SPEAKERS = {"way", "time", "day", "year", "fact", "thing", "things", "figure", "figures"}
DETERMINERS = (
    "the",
    "a",
    "an",
    "one",
    "another",
    "two",
    "three",
    "several",
    "many",
    "some",
    "his",
    "her",
    "their",
    "its",
)
ADVERB = (
    r"(?:\s+(?:also|later|then|again|once|simply|flatly|bluntly|quietly|only|further|"
    r"earlier|recently|previously|now|often|\w+ly))*"
)


@dataclass(frozen=True)
class Who:
    speaker: Speaker
    kind: SpeakerKind
    pronoun: bool = False


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    # a finite speech verb, or an -ing form after a form of "be" ("is accusing")
    after_be = "|".join(rf"(?<=\b{aux} )" for aux in ("is", "are", "was", "were", "been"))
    verb = rf"(?:{speech_verbs()}|(?:{after_be})(?:{progressive_acts()}))"
    name = name_pattern()
    return {
        "verb": re.compile(rf"(?<![\w’'-]){verb}(?![\w’'-])"),
        "passive": re.compile(
            r"\b(?:was|were|is|are|been|being|be|get|gets|got)(?:\s+\w+ly)?\s+$", re.I
        ),
        "verb_first": re.compile(rf"^(?:{inverting_verbs()})(?![\w’'-])\s+"),
        "inverted": re.compile(rf"(?<![\w’'-])(?:{inverting_verbs()})\s+$"),
        "according_right": re.compile(r"^according\s+to\s+", re.I),
        "according_left": re.compile(
            r"(?:according\s+to|in\s+the\s+words\s+of)\s+"
            r"(?P<who>[^,:\x07\s][^,:\x07]{0,78}[^,:\x07\s])\s*,?\s*$",
            re.I,
        ),
        "according_start": re.compile(
            r"^\s*(?:according\s+to|in\s+the\s+words\s+of)\s+"
            r"(?P<who>[^,:\x07\s][^,:\x07]{0,78}[^,:\x07\s])\s*,",
            re.I,
        ),
        "own_words": re.compile(
            r"\bin\s+(?P<who>his|her|their)\s+(?:own\s+)?words\b[^\x07]{0,40}?$", re.I
        ),
        "was_colon": re.compile(
            rf"(?P<who>(?:{name})|\b[Tt]he\s+[\w’'-]+|\b(?:[Hh]e|[Ss]he|[Tt]hey))\s+"
            r"(?:was|were|is|are|sounded|seemed|grew|became|remained)\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+\s*:\s*$"
        ),
        "infinitive": re.compile(
            r"\bto\s+(?:say|promise|warn|insist|argue|announce|declare|explain|tell|ask|add|"
            r"call|describe|remind|urge|vow|pledge|predict|boast|complain)\b(?:\s+[\w’'-]+){0,3}\s*$"
        ),
        "participle": re.compile(
            rf"(?<![\w’'-])(?:{alternation(word_list('participles'))})(?![\w’'-])"
        ),
        "colon": re.compile(
            rf"(?:^|[.;!?]\s+|^\s*)(?P<who>(?:{name})|[Tt]he\s+[\w’'-]+(?:\s+[\w’'-]+)?)\s*:\s*$"
        ),
        "possessive": re.compile(
            rf"(?:(?P<who>(?:{name})|\b[Tt]he\s+[\w-]+(?:\s+[\w-]+)?)['’]s?|\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir))\s+"
            rf"(?:[\w’'-]+\s+){{0,3}}?(?:{attribution_nouns()})\b"
            rf"(?:\s+[\w’'-]+){{0,10}}?\s*:\s*$"
        ),
        "calling": re.compile(
            r"(?<![\w’'-])(?:calling|called|calls|describing|described|describes|labell?ing|"
            r"label(?:l)?ed|dubbing|dubbed|terming|termed|branding|branded|deeming|deemed)"
            r"(?:\s+[\w’'-]+){0,5}?(?:\s+as)?\s*$"
        ),
        "heading": re.compile(rf"^\s*(?P<who>{name})\s*(?:$|[,:(|]|\s+[-–—]\s+|\s+on\s|\s+of\s)"),
        "dash_line": re.compile(r"^\s*(?:—|–|--|―)\s*(?P<who>\S(?:[^\n]*\S)?)\s*$"),
    }


# Words after which quotation marks hold a title or a sign, not someone's words.
TITLE_CUE = re.compile(
    r"(?:\b(?:titled|entitled|headlined|captioned|subtitled|slogan|motto|hashtag)"
    r"|\b(?:signs?|banners?|placards?|posters?|billboards?|t-shirts?|graffiti)\b[^.!?\x07]{0,40}"
    r"\b(?:reads?|reading|read|saying|says)|\b(?:signs?|banners?|placards?))\s*[:,]?\s*$",
    re.IGNORECASE,
)

# A paragraph that is a speaker's name in bold, maybe with a role: "**Ana Ruiz**, moderator".
SPEAKER_LINE = re.compile(
    r"^\s*(\*\*|__)(?P<name>[^*_\n:]{3,80}?):?\1\s*(?:[,:—–-][^\n]{0,120})?\s*$"
)


def speaker_kind(speaker: Speaker) -> SpeakerKind:
    """A person of the article's people, or a name the text gives that is not among them."""
    return "person" if speaker.id is not None else "name"


def person_nouns() -> frozenset[str]:
    return word_set("person_nouns")


def given_names() -> frozenset[str]:
    return word_set("given_names")


def org_words() -> frozenset[str]:
    return word_set("org_words")


def is_institution(speaker: Speaker) -> bool:
    """True when a description names an institution ("the union"), not a person."""
    if speaker.id is not None:
        return False
    words = head_noun(["the", *speaker.name.split()])
    return words is not None and words in institutions()


def offices() -> frozenset[str]:
    return word_set("offices")


def institutions() -> frozenset[str]:
    return word_set("institution_nouns")


def is_question(text: str) -> bool:
    """A paragraph set entirely in bold: an interviewer's question in a Q&A."""
    stripped = text.strip()
    return stripped.startswith("**") or (stripped.startswith("__") and len(stripped) < 600)


def group_nouns() -> frozenset[str]:
    return word_set("group_nouns")


def same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    """True when two speakers are the same person (by id, or by name as written)."""
    if a is None or b is None:
        return False
    if a.id is not None and b.id is not None:
        return a.id == b.id
    ka, kb = key(a.name).split(), key(b.name).split()
    return bool(ka and kb) and (set(ka) <= set(kb) or set(kb) <= set(ka))
