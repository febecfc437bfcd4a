"""Who is who: resolving names in text and in transcripts to the article's people.

A person is found by full name, by each alias, by surname (any name after the first, and
the last two for long names), by first name + surname, and by any title + surname
("Dr. Becker", "Minister Okafor"). Matching ignores accents and a trailing possessive. A
form shared by two people resolves to neither. The article's authors count as people.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Literal

from editorial.data import word_list
from editorial.lint.quotes.words import head_noun, not_names, title_pattern, titles, word_set
from editorial.model.article import Person

SourceKind = Literal["person", "organization", "document"]


@dataclass(frozen=True)
class Speaker:
    """Who said a quotation: ``id`` is a person's id (or an author's slug), None when the
    name is not among the article's people. ``kind`` says whether the source is a person,
    an organization ("the ministry said") or a document ("the report found"); it is worked
    out from the name when not given."""

    id: str | None
    name: str
    kind: SourceKind | None = field(default=None, compare=False)

    @property
    def source_kind(self) -> SourceKind:
        return self.kind or source_kind(self.name)

    def to_json(self) -> dict[str, str | None]:
        return {"id": self.id, "name": self.name, "kind": self.source_kind}


def source_kind(name: str) -> SourceKind:
    """What a source not among the people is, by its head noun or its name: "the 2024
    report" is a document, "the ministry" and "Basin Water Authority" organizations,
    anyone else a person."""
    words = re.findall(r"[\w'’-]+", name)
    head = head_noun(["the", *words])
    if any(w in word_set("org_words") for w in words[1:] or words):  # "The Post"
        return "organization"
    if head is not None and head in word_set("document_nouns"):
        return "document"
    if head is not None and head in word_set("institution_nouns"):
        return "organization"
    return "person"


def fold(text: str) -> str:
    """Accents removed, one character for one character (offsets are kept)."""
    if text.isascii():
        return text
    return text.translate(_FOLD)


class _FoldTable(dict[int, str]):
    """A translation table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        decomposed = unicodedata.normalize("NFKD", char)
        folded = decomposed[0] if decomposed and decomposed[0].isascii() else char
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def key(text: str) -> str:
    """The form names are compared in: folded, lowercase, no periods, one space."""
    text = fold(text).replace("’", "'").lower().replace(".", " ")
    text = re.sub(r"'s$", "", text.strip())
    return " ".join(text.split())


_PARTICLES = frozenset(word_list("particles"))
DISCOVERED = "~"
_ROLE_STOP = {"of", "the", "a", "an", "at", "for", "and", "in", "on", "to", "who", "with"}


@dataclass(frozen=True)
class Known:
    id: str
    name: str
    title: str | None
    role: str | None
    aliases: tuple[str, ...]
    kind: SourceKind = "person"


class NameIndex:
    """The names of the article's people and authors, for resolving and finding mentions."""

    def __init__(
        self,
        people: Iterable[Person],
        authors: Iterable[tuple[str, str]] = (),
        discovered: Iterable[str] = (),
    ) -> None:
        self._people = list(people)
        self._authors = list(authors)
        self.known: dict[str, Known] = {}
        for p in self._people:
            self.known[p.id] = Known(p.id, p.name, p.title, p.role, tuple(p.aliases), p.kind)
        for slug, name in self._authors:
            if slug not in self.known and key(name) not in {
                key(k.name) for k in self.known.values()
            }:
                self.known[slug] = Known(slug, name, None, None, ())
        for name in discovered:  # named in the text, not among the people: "~" ids
            ident = DISCOVERED + "-".join(key(name).split())
            if ident not in self.known and key(name) not in {
                key(k.name) for k in self.known.values()
            }:
                self.known[ident] = Known(ident, name, None, None, ())
        forms: dict[str, set[str]] = defaultdict(set)
        weak: dict[str, set[str]] = defaultdict(set)
        for person in self.known.values():
            strong, loose = _forms(person)
            for form in strong:
                forms[key(form)].add(person.id)
            for form in loose:
                weak[key(form)].add(person.id)
        self._forms = {k: next(iter(v)) for k, v in forms.items() if len(v) == 1}
        # a form two people share ("Russo" for a mother and her son): resolved in text
        # order by ``prefer``, else to no one
        self.shared = {k: sorted(v) for k, v in forms.items() if len(v) > 1}
        self.prefer: list[str] = []
        for k, v in weak.items():
            if k not in forms and len(v) == 1:
                self._forms[k] = next(iter(v))
        self._texts = {form for person in self.known.values() for form in _forms(person)[0]}
        self._texts |= {
            form
            for person in self.known.values()
            for form in _forms(person)[1]
            if self._forms.get(key(form)) == person.id
        }

    def with_discovered(self, names: Iterable[str]) -> NameIndex:
        """This index and the people the text names without listing them."""
        return NameIndex(self._people, self._authors, names)

    def speaker(self, person_id: str) -> Speaker:
        known = self.known[person_id]
        if person_id.startswith(DISCOVERED):
            return Speaker(None, known.name)
        return Speaker(person_id, known.name, known.kind)

    def resolve(self, text: str) -> Speaker | None:
        """The known person ``text`` names, or None (titles and possessives are ignored)."""
        wanted = key(text)
        if not wanted:
            return None
        bare = key(strip_titles(text))
        for form in (wanted, bare):
            if form in self._forms:
                return self.speaker(self._forms[form])
        for form in (wanted, bare):
            if form in self.shared:
                order = [p for p in self.prefer if p in self.shared[form]]
                return self.speaker(order[0]) if order else None
        return None

    def by_role(self, noun: str) -> Speaker | None:
        """The one person whose title or role contains ``noun`` ("minister"), if exactly one."""
        head = key(noun).split()
        if not head:
            return None
        word = head[-1]
        matches = [p.id for p in self.known.values() if word in _role_words(p)]
        if len(matches) == 1:
            return self.speaker(matches[0])
        return None

    @cached_property
    def _mention_forms(self) -> tuple[str, ...]:
        return tuple(sorted({fold(f) for f in self._texts if f.strip()}, key=len, reverse=True))

    def mentions(self, text: str) -> list[tuple[int, int, Speaker]]:
        """Every mention of a known person in ``text``: (start, end, speaker), in order.

        The names are found without a pattern of their own (compiling one for every
        article would cost more than the scan); a title just before a name ("Minister
        Okafor") is taken from a pattern compiled once.
        """
        forms = self._mention_forms
        if not forms:
            return []
        found = []
        folded = fold(text)
        for start, end in find_forms(folded, forms):
            if start and not folded[start - 1].isspace():
                titled = None
            else:
                titled = _title_before().search(folded, max(0, start - 60), start)
            written_at = titled.start() if titled is not None else start
            written = folded[written_at:end]
            who = self.resolve(written)
            if who is None:
                continue
            if " " not in written.strip() and _inside_longer_name(folded, start, end):
                continue  # "Martín" in "Calle San Martín" is a street
            found.append((written_at, end, who))
        return found

    def is_full_reference(self, text: str, person_id: str) -> bool:
        """True when ``text`` gives the person's full name (a title before it is fine)."""
        full = key(self.known[person_id].name)
        written = key(text)
        return written == full or written.endswith(" " + full)  # "Rector Ezequiel Katz"


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _rest_at(text: str, pos: int, words: Sequence[str]) -> int:
    """Where ``words`` end when they follow ``pos`` in ``text``, each after a run of
    spaces; -1 when they do not."""
    size = len(text)
    for word in words:
        after = pos
        while after < size and text[after].isspace():
            after += 1
        if after == pos or not text.startswith(word, after):
            return -1
        pos = after + len(word)
    return pos


def find_forms(text: str, forms: Sequence[str]) -> list[tuple[int, int]]:
    """Where any of ``forms`` stands in ``text`` as whole words (not touching a letter,
    digit, "_" or "-"), a space in a form standing for any run of spaces: (start, end)
    from left to right, never overlapping. Where several start at one place the first
    of ``forms`` wins, as in a regular expression of them in that order. (No pattern is
    compiled: the forms change with every article.)"""
    size = len(text)
    candidates: list[tuple[int, int, int]] = []  # start, rank, end
    for rank, form in enumerate(forms):
        first, *rest = form.split() or [""]
        if not first:
            continue
        at = text.find(first)
        while at >= 0:
            end = _rest_at(text, at + len(first), rest) if rest else at + len(first)
            if (
                end >= 0
                and (at == 0 or not _word_char(text[at - 1]))
                and (end == size or not _word_char(text[end]))
            ):
                candidates.append((at, rank, end))
            at = text.find(first, at + 1)
    spans = []
    reached = 0
    for at, _rank, end in sorted(candidates):
        if at >= reached:
            spans.append((at, end))
            reached = end
    return spans


@cache
def _title_before() -> re.Pattern[str]:
    """Titles ending where a name begins (searched in the text just before the name)."""
    return re.compile(rf"(?<![\w-])(?:{title_pattern()})\s+\Z")


@cache
def _lower_titles() -> frozenset[str]:
    return frozenset(t.lower() for t in titles())


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """True when a one-word name is part of a longer capitalised name around it."""
    gap = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a space or one line break, never a blank line
    before = re.search(rf"([A-Z][\w’'-]*){gap}\Z", text[max(0, start - 30) : start])
    after = re.match(rf"^{gap}([A-Z][\w’'-]*)", text[end : end + 30])
    if after and after.group(1) not in not_names():
        return True
    if before is None:
        return False
    word = before.group(1).rstrip(".")
    preceding = text[: start - len(before.group(0))].rstrip()
    sentence_start = not preceding or preceding[-1] in '.!?:\n"“'
    is_title = word.lower() in _lower_titles()
    return not is_title and not sentence_start and word not in not_names()


def _forms(person: Known) -> tuple[list[str], list[str]]:
    """(strong forms, weak forms) that name ``person``; weak ones yield to strong ones."""
    words = [w for w in person.name.split() if w]
    strong = [person.name, *person.aliases]
    loose: list[str] = []
    if person.kind != "person":  # "Rosario Port Authority" is never "Rosario"
        return strong, loose
    if len(words) >= 2:
        surnames = [" ".join(words[i:]) for i in range(1, len(words))]
        surnames += [w for w in words[1:-1] if w.lower() not in _PARTICLES]
        strong += surnames
        strong.append(f"{words[0]} {words[-1]}")
        loose.append(words[0])  # first name alone, only when no one else has it
    if person.title:
        strong += [f"{person.title} {s}" for s in strong if s != person.title]
    return strong, loose


def _role_words(person: Known) -> set[str]:
    """The nouns a role is named by: the title, and the role up to its first preposition
    ("president of the electoral court" -> president; never "court")."""
    words = set(re.findall(r"[a-z]+", key(person.title or "")))
    for part in re.split(r",|;|\band\b|\bor\b", key(person.role or "")):
        head = re.split(r"\b(?:of|at|for|in|on|with|from|to|who|whose|that|which)\b", part)[0]
        words |= set(re.findall(r"[a-z]+", head))
    return {w for w in words if w not in _ROLE_STOP}


_TITLE_RE: re.Pattern[str] | None = None


def strip_titles(text: str) -> str:
    """``text`` without leading titles ("Foreign Minister Dr. Ana Ruiz" -> "Ana Ruiz")."""
    global _TITLE_RE
    if _TITLE_RE is None:
        _TITLE_RE = re.compile(
            rf"^(?:[A-Z][a-z]+\s+(?=(?:{title_pattern()})\s))?(?:(?:{title_pattern()})(?:\s+|$))+",
            re.IGNORECASE,
        )
    stripped = _TITLE_RE.sub("", text.strip())
    return stripped if stripped else text.strip()


_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w’'\-]*[\w]|[A-Z]\.(?:[A-Z]\.)*|O[’'][A-Z]\w+)"
_PARTICLE = "|".join(sorted(_PARTICLES, key=len, reverse=True))


@cache
def name_pattern() -> str:
    """A proper name in text: optional titles, then capitalised words and particles; a
    sentence opener ("The", "But", "March") never starts one."""
    openers = "|".join(sorted((re.escape(w) for w in not_names()), key=len, reverse=True))
    # Every title and name word starts with a capital: the lookahead turns every other
    # place away at once, before the long list of titles is tried there.
    return (
        rf"(?=[A-ZÀ-ÖØ-Þ])(?:(?:{title_pattern()})\s+)*(?!(?:{openers})\b){_NAME_WORD}"
        rf"(?:\s+(?:(?:{_PARTICLE})\s+)?{_NAME_WORD}){{0,4}}"
    )


def looks_like_name(text: str) -> bool:
    """True when ``text`` reads as a person's name, not a sentence opener or a month."""
    bare = strip_titles(text)
    words = bare.split()
    if not words:
        return False
    if not all(w[0].isupper() or w.lower() in _PARTICLES for w in words):
        return False
    if len(words) == 1:
        return (words[0].rstrip(".") not in not_names() and bare != text.strip()) or (
            words[0] not in not_names() and not words[0].isupper()
        )
    return words[0] not in not_names() and not all(w.isupper() for w in words)


__all__ = [
    "NameIndex",
    "Speaker",
    "fold",
    "key",
    "looks_like_name",
    "name_pattern",
    "strip_titles",
    "titles",
]


_FEMALE = {"she", "her", "hers", "herself"}
_MALE = {"he", "him", "his", "himself"}
_TITLE_GENDER = {
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "dame": "f",
    "lady": "f",
    "queen": "f",
    "princess": "f",
    "sister": "f",
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "king": "m",
    "prince": "m",
    "father": "m",
}


def pronoun_gender(word: str) -> str | None:
    """``"f"``, ``"m"`` or None for a pronoun."""
    lowered = word.lower()
    if lowered in _FEMALE:
        return "f"
    if lowered in _MALE:
        return "m"
    return None


def title_gender(text: str) -> str | None:
    """The gender a title before a name implies ("Mrs. Ruiz"), if any."""
    first = key(text).split()[:1]
    return _TITLE_GENDER.get(first[0]) if first else None
