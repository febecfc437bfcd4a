"""Who said each quotation, and how we know: deterministic, explainable cues.

In order of trust, for each quotation:

1. a pull-quote heading: the first person named in the section beneath it;
2. the sentence: a speech verb after the quotation (“…,” said X / “…,” X said) or before
   it (X said: “…” / X said the river “…”), with appositives and titles; ``according to
   X``; ``X's remarks:``; ``X: “…”``; ``X, calling it “…”``; a pronoun resolves to the
   person last named, a role noun ("the minister") to the one person with that role;
3. a block quote's ``— Name`` line;
4. another quotation of the same paragraph whose speaker is known (continuation);
5. a paragraph that is only a quotation, after a paragraph ending with a speaker's
   quotation or with a colon introducing it;
6. a heading naming a person, for the quotations of its section.

Nothing is guessed beyond these: a quotation with no cue has no speaker (rule Q001).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from editorial.lint.quotes.finder import Found, Quotation
from editorial.lint.quotes.names import (
    NameIndex,
    Speaker,
    key,
    looks_like_name,
    name_pattern,
    pronoun_gender,
    strip_titles,
    title_gender,
)
from editorial.lint.quotes.scan import Block, skeleton
from editorial.lint.quotes.words import (
    alternation,
    attribution_nouns,
    not_names,
    speech_verbs,
    word_list,
)

SpeakerKind = Literal["person", "name", "description"]
MARK = "\x07"  # stands for the characters of a quotation in the skeleton
_ABBREVIATIONS = {
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
_PRONOUNS = {"he", "she", "they"}
PRONOUN_REACH = 3  # paragraphs naming someone that a pronoun may reach back over
_KIN = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w’'-]+['’]s)\s+(?:\w+\s+)?(?P<noun>father|mother|brother|sister|"
    r"husband|wife|son|daughter|grandfather|grandmother|uncle|aunt|nephew|niece|boyfriend|"
    r"girlfriend|stepfather|stepmother)\b"
)
_NOUN_GENDER = {
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
_NOT_SPEAKERS = {"way", "time", "day", "year", "fact", "thing", "things", "figure", "figures"}
_DETERMINERS = (
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
_ADVERB = (
    r"(?:\s+(?:also|later|then|again|once|simply|flatly|bluntly|quietly|only|further|"
    r"earlier|recently|previously|now|often|\w+ly))*"
)


@dataclass(frozen=True)
class Attribution:
    """A quotation's speaker (None when unknown), how it was found, and what kind of
    speaker it is: a known ``person``, a ``name`` not among the people, or a
    ``description`` of an unnamed source ("a tenant who asked not to be named")."""

    quote: Quotation
    speaker: Speaker | None
    cue: str | None
    kind: SpeakerKind | None = None
    via: Literal["direct", "inferred"] | None = None


@dataclass(frozen=True)
class _Who:
    speaker: Speaker
    kind: SpeakerKind
    pronoun: bool = False


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    verb = rf"(?:{speech_verbs()})"
    name = name_pattern()
    return {
        "verb": re.compile(rf"(?<![\w’'-]){verb}(?![\w’'-])"),
        "verb_first": re.compile(rf"^{verb}(?![\w’'-])\s+"),
        "according_right": re.compile(r"^according\s+to\s+", re.I),
        "according_left": re.compile(
            r"(?:according\s+to|in\s+the\s+words\s+of)\s+(?P<who>[^,:\x07]{2,80}?)\s*,?\s*$", re.I
        ),
        "according_start": re.compile(
            r"^\s*(?:according\s+to|in\s+the\s+words\s+of)\s+(?P<who>[^,:\x07]{2,80}?)\s*,", re.I
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
        "dash_line": re.compile(r"^\s*(?:—|–|--|―)\s*(?P<who>[^\n]+?)\s*$"),
    }


def attribute(found: Found, names: NameIndex) -> list[Attribution]:
    """The attribution of every quotation in ``found``, in order."""
    return _Attributor(found, names).run()


class _Attributor:
    def __init__(self, found: Found, names: NameIndex) -> None:
        self.found = found
        self.names = names
        chars = list(skeleton(found.masked))
        for q in found.quotations:
            for i in range(q.start, min(q.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = MARK
        for term in found.terms:  # keep a term's words, drop its marks
            for i in (term.start, term.end - 1):
                if 0 <= i < len(chars):
                    chars[i] = " "
        self.skel = "".join(chars)
        self.names = names = names.with_discovered(self._discover())
        full = sorted(
            (self.skel.find(person.name), person.id)
            for person in names.known.values()
            if self.skel.find(person.name) >= 0
        )
        names.prefer = [pid for _at, pid in full]
        self.mentions = [m for m in names.mentions(self.skel) if MARK not in self.skel[m[0] : m[1]]]
        self.mentions = sorted(self.mentions + self._role_mentions())
        self.questions = [
            b
            for b in found.blocks
            if b.kind == "paragraph" and _is_question(found.masked[b.start : b.end])
        ]
        # names not among the people, and unnamed sources, that speak: pronoun antecedents
        self.spoken: list[tuple[int, Speaker, SpeakerKind]] = []
        self.genders = self._infer_genders()
        self._prescan()

    # -- driver ---------------------------------------------------------------------

    def run(self) -> list[Attribution]:
        results: list[Attribution] = []
        direct: dict[int, Attribution] = {}
        quotes = self.found.quotations
        for i, q in enumerate(quotes):
            found = self._pull_quote(q) if q.kind == "heading" else self._sentence(q)
            if found is None and q.kind == "block":
                found = self._dash(q)
            if found is not None:
                direct[i] = found
        dropped: list[Quotation] = []
        for i, q in enumerate(quotes):
            if i in direct:
                results.append(direct[i])
                continue
            inferred = self._inferred(i, q, direct)
            if q.short and (inferred is None or inferred.cue != "continuation"):
                dropped.append(q)  # a short span nobody is said to have said: a term
                continue
            if inferred is None and self._is_title(q):
                dropped.append(q)  # a title or a sign: "a report titled “…”"
                continue
            results.append(inferred or Attribution(q, None, None))
        if dropped:
            self.found.quotations = [q for q in quotes if q not in dropped]
            self.found.terms.extend(dropped)
        return results

    def _inferred(self, i: int, q: Quotation, direct: dict[int, Attribution]) -> Attribution | None:
        quotes = self.found.quotations
        # the same paragraph: the nearest quotation before it with a speaker; or after it,
        # when the quotation opens the paragraph ("“A.” “B,” she said.")
        same = [j for j in direct if quotes[j].block == q.block and quotes[j].kind == q.kind]
        before = [j for j in same if j < i]
        after = [j for j in same if j > i]
        opens = not self.skel[self.found.blocks[q.block].start : q.start].strip(" *_>")
        pick = before[-1] if before else (after[0] if after and opens else None)
        if pick is not None and not self._other_named_between(
            quotes[pick], q, direct[pick].speaker
        ):
            d = direct[pick]
            return Attribution(q, d.speaker, "continuation", d.kind, "inferred")
        if self._only_quotes(q.block) and q.block > 0:
            prev_index = q.block - 1
            prev = self.found.blocks[prev_index]
            if prev.kind != "heading":
                tail = self.skel[prev.start : prev.end].rstrip()
                if tail.endswith(":"):  # "Ortiz put it bluntly:" then the quotation
                    who = self._left_cues(self._sentence_start(prev.start, prev.end), prev.end)
                    if who is not None:
                        return Attribution(q, who[0].speaker, who[1], who[0].kind, "direct")
                prev_quotes = [j for j in direct if quotes[j].last_block == prev_index]
                if prev_quotes and self._ends_block(quotes[prev_quotes[-1]], prev_index):
                    d = direct[prev_quotes[-1]]
                    return Attribution(q, d.speaker, "continuation", d.kind, "inferred")
        paraphrase = self._paraphrase_before(q)
        if paraphrase is not None:
            return Attribution(q, paraphrase.speaker, "continuation", paraphrase.kind, "inferred")
        heading = self._section_speaker(q)
        if heading is not None:
            return Attribution(q, heading.speaker, "heading", heading.kind, "inferred")
        return None

    # -- sentence cues ----------------------------------------------------------------

    def _sentence(self, q: Quotation) -> Attribution | None:
        first = self.found.blocks[q.block]
        last = self.found.blocks[q.last_block]
        right_end = self._sentence_end(q.end, last.end)
        right = self.skel[q.end : right_end]
        found = self._right_cues(right, q.end)
        if found is None:
            left_start = self._sentence_start(first.start, q.start)
            found = self._left_cues(left_start, q.start)
        if found is None:
            return None
        who, cue = found
        return Attribution(q, who.speaker, cue, who.kind, "direct")

    def _sentence_end(self, start: int, limit: int) -> int:
        text = self.skel[start:limit]
        for match in re.finditer(r"[.!?](?=\s+[A-Z\x07“\"(]|\s*$)", text):
            if not self._is_abbreviation(text, match.start()):
                return start + match.end()
        return limit

    def _sentence_start(self, block_start: int, at: int) -> int:
        """The body offset where the sentence holding ``at`` begins (within its block)."""
        text = self.skel[block_start : at + 1]
        best = 0
        for match in re.finditer(r"(?:[.!?]|\x07)\s+(?=[A-Z\x07(\"“])", text):
            if match.end() > at - block_start:
                break
            char = text[match.start()]
            if char == MARK:
                inner = self.found.masked[
                    block_start + match.start() - 1 : block_start + match.start()
                ]
                if not inner or inner not in ".!?":
                    continue
            elif self._is_abbreviation(text, match.start()):
                continue
            best = match.end()
        return block_start + best

    @staticmethod
    def _is_abbreviation(text: str, dot: int) -> bool:
        if text[dot] != ".":
            return False
        word = re.search(r"([\w.]+)$", text[:dot])
        if word is None:
            return False
        token = word.group(1).lower()
        return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())

    def _right_cues(self, right: str, at: int) -> tuple[_Who, str] | None:
        dash = re.match(r"^[\s,.]*(?:—|–|―|--)\s*(?P<who>[^\n,.;:(\x07]{2,80})", right)
        if dash is not None:  # “…” — Amara Okafor Nwosu
            who = self._classify(dash.group("who"), at + dash.start("who"))
            if who is not None and who.kind != "description":
                return who, "dash"
        lead = re.match(r"^[\s,;:—–\-)\]]*", right)
        skip = lead.end() if lead else 0
        text = right[skip:]
        base = at + skip
        pats = _patterns()
        inner = self.found.masked[at - 2 : at].rstrip("”»“\"'’ ")
        if inner[-1:] in (".", "!", "?", "…") and (text[:1].isupper() or text[:1] == MARK):
            # the quotation ended its sentence: only "Name said" may follow as its cue
            match = pats["verb"].search(text)
            if match is None or MARK in text[: match.start()]:
                return None
            who = self._subject_before(text[: match.start()], base, whole=True)
            if who is None or who.pronoun or who.kind == "description":
                return None
            return who, "verb"
        according = pats["according_right"].match(text)
        if according:
            who = self._subject_after(text[according.end() :], base + according.end())
            if who is not None:
                return who, "according-to"
        verb = pats["verb_first"].match(text)
        if verb:
            who = self._subject_after(text[verb.end() :], base + verb.end())
            if who is not None:
                return who, self._cue(who, "verb")
        for match in pats["verb"].finditer(text):
            if MARK in text[: match.start()] or match.start() > 200:
                break
            who = self._subject_before(text[: match.start()], base, whole=True)
            if who is not None:
                return who, self._cue(who, "verb")
            break
        return None

    def _left_cues(self, start: int, at: int) -> tuple[_Who, str] | None:
        left = self.skel[start:at]
        pats = _patterns()
        stripped = left.rstrip()
        for pattern in ("according_left", "according_start"):
            according = pats[pattern].search(stripped)
            if according:
                who = self._classify(according.group("who"), start + according.start("who"))
                if who is not None:
                    return who, "according-to"
        own = pats["own_words"].search(stripped)
        if own:
            who = self._pronoun(own.group("who"), start + own.start("who"))
            if who is not None:
                return who, "according-to"
        if stripped.endswith(":"):
            found = self._colon(stripped, start, fallback=False)
            if found is not None:
                return found
        possessive = pats["possessive"].search(stripped)
        if possessive:
            if possessive.group("pronoun"):
                who = self._pronoun(
                    possessive.group("pronoun"), start + possessive.start("pronoun")
                )
                if who is not None:
                    return who, "possessive"
            else:
                who = self._classify(possessive.group("who"), start + possessive.start("who"))
                if who is not None:
                    return who, "possessive"
        calling = pats["calling"].search(left.rstrip(" ,:"))
        if calling:
            region = left[: calling.start()]
            who = (
                self._subject_before(region, start, whole=False)
                if not region.rstrip().endswith(",")
                else None
            )
            who = who or self._sentence_subject(region, start)
            if who is not None:
                return who, "calling"
        verbs = [m for m in pats["verb"].finditer(left) if MARK not in left[m.end() : m.end() + 1]]
        infinitive = pats["infinitive"].search(left.rstrip(" ,:"))
        if infinitive and MARK not in left[: infinitive.start()]:
            who = self._sentence_subject(left[: infinitive.start()], start)
            if who is not None:
                return who, self._cue(who, "verb")  # "used her speech to promise “…”"
        participles = list(pats["participle"].finditer(left))
        if participles and (not verbs or participles[-1].start() > verbs[-1].start()):
            last = participles[-1]
            if MARK not in left[last.end() :] and left[: last.start()].rstrip().endswith(","):
                who = self._sentence_subject(left[: last.start()], start)
                if who is not None:
                    return who, self._cue(who, "verb")
        for match in reversed(verbs):
            region = left[: match.start()]
            who = self._subject_before(region, start, whole=False)
            if who is None and re.search(r"\b(?:and|but|then|to)\s*$", region):
                who = self._sentence_subject(region, start)  # "X told the crowd … and replied:"
            if who is not None:
                return who, self._cue(who, "verb")
            after = self._subject_after(left[match.end() :], start + match.end(), strict=True)
            if after is not None:
                return after, self._cue(after, "verb")
            break
        if ":" in stripped:  # "Almada began with a confession: his ban lasted “…”"
            return self._colon(stripped[: stripped.rindex(":") + 1], start, fallback=True)
        return None

    def _colon(self, stripped: str, start: int, *, fallback: bool) -> tuple[_Who, str] | None:
        """A colon introduction: "Lindqvist: “…”", "the governor was dismissive: “…”",
        "Alvear put it simply: “…”" (the sentence's subject, when it is a person)."""
        pats = _patterns()
        colon = pats["colon"].search(stripped)
        if colon:
            who = self._classify(colon.group("who"), start + colon.start("who"))
            if who is not None and (who.kind != "description" or who.speaker.id is not None):
                return who, "colon"
        was = pats["was_colon"].search(stripped)
        if was:
            who = self._classify(was.group("who"), start + was.start("who"))
            if who is not None and who.kind == "person":
                return who, self._cue(who, "colon")
        if fallback and MARK not in stripped:
            who = self._sentence_subject(stripped, start)
            if who is not None and who.kind == "person":
                return who, self._cue(who, "colon")
        return None

    @staticmethod
    def _cue(who: _Who, cue: str) -> str:
        return "pronoun" if who.pronoun else cue

    # -- subjects ------------------------------------------------------------------------

    def _subject_before(self, region: str, base: int, *, whole: bool) -> _Who | None:
        """The speaker named at the end of ``region`` (the text before a speech verb).

        With ``whole`` the region must be nothing but the subject (the text between a
        quotation and its verb); otherwise the subject is at its end.
        """
        text = re.sub(rf"{_ADVERB}\s*$", "", region.rstrip())
        text = re.sub(
            r"\s+(?:has|have|had|was|is|will|would|may|might|could|did|does|once|had\s+earlier)$",
            "",
            text,
        )
        if text.endswith(","):  # an appositive: "X, a hydrologist at the university, said"
            inner = text[:-1]
            depth = inner.rfind(",")
            while depth != -1:
                candidate = inner[:depth]
                who = self._subject_at_end(candidate, base, whole=whole)
                if who is not None:
                    return who
                segment = inner[depth + 1 :].strip()  # "Your captain, Camila Ríos, says"
                if segment and MARK not in segment:
                    named = self._classify(segment, base + depth + 1)
                    if named is not None and (
                        named.kind == "person"
                        or (named.kind == "name" and len(segment.split()) >= 2)
                    ):
                        return named
                depth = inner.rfind(",", 0, depth)
            return None
        if MARK in text and whole:
            return None
        return self._subject_at_end(text, base, whole=whole)

    def _subject_at_end(self, text: str, base: int, *, whole: bool) -> _Who | None:
        stripped = text.rstrip()
        if not stripped:
            return None
        end = base + len(stripped)
        for start, stop, speaker in reversed(self.mentions):
            touches_end = stop == end or (stop <= end and not self.skel[stop:end].strip(" ’'s"))
            before = self.skel[base:start]
            if (
                touches_end
                and start >= base
                and (
                    not whole
                    or not before.strip(" ,—–-")
                    or re.fullmatch(r"\s*(?:[a-z][\w'’-]*\s+){1,4}", before)
                )
            ):
                return _Who(speaker, _kind(speaker))
            if stop < base:
                break
        last = re.search(r"(?:^|(?<=[\s(—–\-,;]))([\w’'-]+)$", stripped)
        if last and last.group(1).lower() in _PRONOUNS:
            if whole and stripped[: last.start(1)].strip(" ,—–-"):
                return None
            return self._pronoun(last.group(1), base + last.start(1))
        names = list(re.finditer(rf"(?:{name_pattern()})", stripped))
        if names and names[-1].end() == len(stripped):
            found = names[-1]
            prefix = stripped[: found.start()]
            descriptor = re.fullmatch(r"\s*(?:[a-z][\w'’-]*\s+){1,4}", prefix)  # "chief executive"
            if not whole or not prefix.strip(" ,—–-") or descriptor:
                who = self._classify(found.group(0), base + found.start())
                if who is not None and (who.kind != "description" or not prefix.strip()):
                    return who
        description = self._description(stripped, whole=whole)
        if description is not None:
            return description
        return None

    def _description(self, text: str, *, whole: bool) -> _Who | None:
        """An unnamed source: "a tenant who asked not to be named", "the union", "his older
        brother", "Valentina's mother", "officials"."""
        clause = re.split(r"[;,]|(?<=[.!?])\s|\b(?:which|that|because|whom|while|when)\b", text)
        clause_text = clause[-1].strip(" ,—–-") if not whole else text.strip(" ,—–-")
        words = clause_text.split()
        if not words or len(words) > 14:
            return None
        first = words[0].lower()
        possessive = re.match(r"^(\S+)['’]s$", words[0])
        if first in _DETERMINERS or (possessive and len(words) >= 2):
            head = _head_noun(words)
            if head is None:
                return None
            by_role = (
                self.names.by_role(head)
                if first in ("the", "his", "her", "their", "its") or possessive
                else None
            )
            if by_role is not None:
                return _Who(by_role, _kind(by_role))
            if head in _NOT_SPEAKERS:
                return None
            return _Who(Speaker(None, clause_text[0].lower() + clause_text[1:]), "description")
        if len(words) <= 3 and first in _group_nouns():
            return _Who(Speaker(None, clause_text), "description")
        return None

    def _sentence_subject(self, region: str, base: int) -> _Who | None:
        """The subject at the start of a sentence: "Lindqvist criticised the clause, …"."""
        stripped = region.lstrip(" \n*_")
        offset = base + len(region) - len(stripped)
        if MARK in stripped:
            return None
        return self._subject_after(stripped, offset)

    def _subject_after(self, text: str, base: int, *, strict: bool = False) -> _Who | None:
        """The speaker right after a speech verb: "said Sen. Maria Ortiz, a Democrat"."""
        stripped = text.lstrip()
        offset = base + len(text) - len(stripped)
        for start, stop, speaker in self.mentions:
            if start == offset:
                rest = self.skel[stop : stop + 3]
                if not strict or re.match(r"^\s*[,:]", rest) or not rest.strip():
                    return _Who(speaker, _kind(speaker))
            if start > offset:
                break
        first = re.match(r"^([\w’'-]+)\b", stripped)
        if first and first.group(1).lower() in _PRONOUNS and not strict:
            return self._pronoun(first.group(1), offset)
        found = re.match(rf"(?:{name_pattern()})", stripped)
        if found:
            rest = stripped[found.end() : found.end() + 3]
            if strict and not re.match(r"^\s*[,:]", rest):
                return None
            who = self._classify(found.group(0), offset)
            if who is not None:
                return who
        article = re.match(r"^(?:the|a|an)\s+[^,.;:\x07]{1,80}", stripped, re.I)
        if article and not strict:
            return self._description(article.group(0), whole=True)
        return None

    def _classify(self, raw: str, at: int) -> _Who | None:
        text = raw.strip(" ,:—–-*_")
        if not text:
            return None
        known = self.names.resolve(text)
        if known is not None:
            return _Who(known, _kind(known))
        lowered = text.lower()
        if lowered in _PRONOUNS:
            return self._pronoun(text, at)
        if lowered.split()[0] in _DETERMINERS or re.match(r"^\S+['’]s\s+\w", text):
            return self._description(text, whole=True)
        if text.split()[0].lower() in _group_nouns() and len(text.split()) <= 2:
            return _Who(Speaker(None, text), "description")
        if looks_like_name(text):
            speaker = Speaker(None, text)
            if all(s != at for s, _w, _k in self.spoken):
                self.spoken.append((at, speaker, "name"))
            return _Who(speaker, "name")
        return None

    def _pronoun(self, word: str, at: int) -> _Who | None:
        """The person a pronoun at ``at`` stands for, or None."""
        who = self._last_named(at, pronoun_gender(word))
        return None if who is None else _Who(who.speaker, who.kind, pronoun=True)

    def _last_named(self, at: int, gender: str | None = None) -> _Who | None:
        """The person named last before ``at`` (outside quotations, within a few
        paragraphs), whose gender, when known, agrees with ``gender``. A possessive
        mention ("Okeke's buildings") yields to another person named in its sentence."""
        floor = self._reach_floor(at)
        asked = [b for b in self.questions if b.end < at]
        candidates: list[tuple[int, _Who, bool]] = [
            (start, _Who(speaker, _kind(speaker)), self._possessive(stop))
            for start, stop, speaker in self.mentions
            if floor <= start < at and not any(b.start <= start < b.end for b in asked)
        ]
        candidates += [
            (start, _Who(speaker, kind), False)
            for start, speaker, kind in self.spoken
            if floor <= start < at
        ]
        candidates.sort(key=lambda c: c[0])
        fallback: _Who | None = None
        kin: _Who | None = None
        for start, who, possessive in reversed(candidates):
            known = self._gender_of(who.speaker)
            if gender is not None and known not in (None, gender):
                continue
            if gender is not None and known is None and _is_institution(who.speaker):
                continue  # "he" is not "the union"
            if who.kind == "description" and known is not None:
                kin = kin or who  # "her father": only when no one named fits
                continue
            if possessive:
                fallback = fallback or who
                sentence = self._sentence_start(self._block_of(start).start, start)
                if any(sentence <= s < start and not p for s, _w, p in candidates):
                    continue
            return who
        return fallback or kin

    def _possessive(self, stop: int) -> bool:
        return self.skel[stop : stop + 2] in ("'s", "’s") or self.skel[stop : stop + 1] in "'’"

    def _reach_floor(self, at: int) -> int:
        """Where a pronoun's search for its person stops: after passing a few paragraphs
        that name someone (paragraphs naming no one, such as interview questions, are free)."""
        if not self.found.blocks:
            return 0
        index = self._block_index(at)
        passed = 0
        for i in range(index - 1, -1, -1):
            block = self.found.blocks[i]
            if any(block.start <= s < block.end for s, _e, _w in self.mentions):
                passed += 1
                if passed >= PRONOUN_REACH:
                    return block.start
        return 0

    def _block_index(self, offset: int) -> int:
        for i, block in enumerate(self.found.blocks):
            if block.start <= offset <= block.end:
                return i
            if block.start > offset:
                return max(0, i - 1)
        return max(0, len(self.found.blocks) - 1)

    def _block_of(self, offset: int) -> Block:
        return self.found.blocks[self._block_index(offset)]

    def _gender_of(self, speaker: Speaker) -> str | None:
        if speaker.id is None:
            words = key(speaker.name).split()
            for word in reversed(words):
                if word in _NOUN_GENDER:
                    return _NOUN_GENDER[word]
        return self.genders.get(speaker.id or speaker.name)

    def _discover(self) -> list[str]:
        """Full names the text gives to people who are not among the article's people, so
        that their later surnames and pronouns resolve to them. A name counts when it is a
        speech verb's subject or object ("said Julián Méndez"), has a title ("Sen. Maria
        Ortega") or an age ("Rosa Aliaga, 45,"), follows a lowercase role ("crane operator
        Lucas Paz"), or has its surname or first name used again on its own. Names with an
        organisation's or a place's word ("National University") do not count."""
        verb = _patterns()["verb"].pattern
        orgs = _org_words()
        found: list[str] = []
        for match in re.finditer(name_pattern(), self.skel):
            text = " ".join(match.group(0).split())
            bare = strip_titles(text)
            words = bare.split()
            if not 2 <= len(words) <= 4 or any(w.strip(".,") in orgs for w in words):
                continue
            if not looks_like_name(text) or any(
                self.names.resolve(" ".join(words[i:])) for i in range(len(words))
            ):
                continue  # "Transport Minister Silvia Varela" is Varela, who is listed
            after = self.skel[match.end() : match.end() + 160]
            before = self.skel[max(0, match.start() - 40) : match.start()]
            speaks = re.match(
                rf"^(?:\s*,[^,.;{MARK}]{{1,120}},)?\s+(?:\w+ly\s+)?(?:{verb})(?![\w-])", after
            ) or re.search(rf"(?<![\w-])(?:{verb})\s+$", before)
            aged = re.match(r"^,\s+\d{1,3},", after)
            noun = re.search(r"\b([a-z][\w-]+)\s+$", before)
            role = noun is not None and noun.group(1) in _person_nouns()
            reused = any(
                re.search(rf"(?<![\w’'-]){re.escape(w)}(?![\w’'-])", self.skel[match.end() :])
                for w in (words[-1], words[0])
                if len(w) > 2 and w not in not_names()
            )
            if bare != text or speaks or aged or role or reused:
                found.append(bare)
        return list(dict.fromkeys(found))

    def _role_mentions(self) -> list[tuple[int, int, Speaker]]:
        """ "The president", "the mayor": a role noun that names one of the people."""
        found = []
        pattern = r"\b[Tt]he\s+(?P<first>[a-z][\w-]+)(?:\s+(?P<second>[a-z][\w-]+))?"
        offices = _offices()
        for match in re.finditer(pattern, self.skel):
            who, end = None, match.end("first")
            if match.group("second") in offices:
                who, end = self.names.by_role(match.group("second")), match.end("second")
            if who is None and match.group("first") in offices:
                who, end = self.names.by_role(match.group("first")), match.end("first")
            if who is not None and not any(s <= match.start() < e for s, e, _w in self.mentions):
                found.append((match.start(), end, who))
        return found

    def _infer_genders(self) -> dict[str, str]:
        """Each person's gender, from the pronouns that refer back to them.

        Only a person named as the subject of a sentence votes: a pronoun usually stands
        for the last sentence's subject, not for a name in a subordinate clause. Strong
        evidence (3): a title (Mrs., Mr.); reported speech ("Ortiz said his members…");
        the next sentence opening with "She added". Medium (2): the next sentence is
        "“…,” he said". Weak (1): the first "he" or "she" after the name.
        """
        votes: dict[str, dict[str, int]] = {}
        verb = _patterns()["verb"].pattern
        reported = re.compile(
            rf"^(?:\s*,[^,{MARK}]{{0,80}},)?\s+(?:{verb})\s+(?:that\s+)?(he|she|his|her)\b", re.I
        )
        opener = re.compile(rf"^[\s,.;:!?—–-]*(he|she)\s+(?:\w+\s+)?(?:{verb})\b", re.I)
        after_quote = re.compile(rf"^\s*{MARK}+[\s,.;:!?—–-]*(he|she)\s+(?:{verb})\b", re.I)
        plain = [m for m in self.mentions if not self._possessive(m[1])]
        for i, (start, stop, speaker) in enumerate(plain):
            tally = votes.setdefault(speaker.id or speaker.name, {})

            def vote(gender: str | None, weight: int, tally: dict[str, int] = tally) -> None:
                if gender:
                    tally[gender] = tally.get(gender, 0) + weight

            vote(title_gender(self.skel[start:stop]), 3)
            block = self._block_of(start)
            end = self._sentence_end(stop, block.end)
            said = reported.match(self.skel[stop:end])
            if said:
                vote(pronoun_gender(said.group(1)), 3)
            if not self._is_subject(start, block):
                continue
            following = self.skel[
                end : self._sentence_end(end, block.end) if end < block.end else end
            ]
            for pattern, weight in ((opener, 3), (after_quote, 2)):
                match = pattern.match(following)
                if match:
                    vote(pronoun_gender(match.group(1)), weight)
            limit = plain[i + 1][0] if i + 1 < len(plain) else len(self.skel)
            weak = re.search(r"\b(he|she)\b", self.skel[stop : min(limit, stop + 160)], re.I)
            if weak:
                vote(pronoun_gender(weak.group(1)), 1)
        genders = {}
        for ident, tally in votes.items():
            if tally:
                best = max(tally, key=lambda g: tally[g])
                if list(tally.values()).count(tally[best]) == 1:
                    genders[ident] = best
        return genders

    def _is_subject(self, start: int, block: Block) -> bool:
        """True when a mention opens its sentence (after a quotation, a title or a
        determiner): the sentence is about that person."""
        sentence = self._sentence_start(block.start, start)
        before = self.skel[sentence:start].replace(MARK, " ")
        if before.rstrip().endswith(",") and len(before.split()) <= 6:
            before = ""  # an opening phrase: "In bed 14, Ernesto Moreno …"
        words = [w for w in re.split(r"[\s,;:“”\"—–-]+", before) if w]
        return len(words) <= 2

    def _other_named_between(self, a: Quotation, b: Quotation, speaker: Speaker | None) -> bool:
        """True when someone other than ``speaker`` is named between two quotations."""
        lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
        return any(lo <= s < hi and w != speaker for s, _e, w in self.mentions) or any(
            lo <= s < hi and w != speaker for s, w, _k in self.spoken
        )

    def _paraphrase_before(self, q: Quotation) -> _Who | None:
        """The speaker of the sentence just before ``q``, when that sentence reports
        speech ("Adeyemi said the system failed. “We warned…”") or is a short beat of one
        person ("He pauses. “…”"). For a paragraph that is only a quotation, the last
        sentence of the paragraph before it counts."""
        block = self.found.blocks[q.block]
        start = self._sentence_start(block.start, q.start)
        if self.skel[start : q.start].strip(" *_"):
            return None
        if start > block.start:
            previous = self._sentence_start(block.start, start - 1)
            return self._reported_speaker(self.skel[previous:start], previous)
        if q.block == 0 or not self._only_quotes(q.block):
            return None
        prev = self.found.blocks[q.block - 1]
        if prev.kind not in ("paragraph", "item"):
            return None
        text = self.skel[prev.start : prev.end].rstrip()
        last = self._sentence_start(prev.start, prev.start + len(text) - 1)
        return self._reported_speaker(self.skel[last : prev.start + len(text)], last)

    def _reported_speaker(self, sentence: str, base: int) -> _Who | None:
        if MARK in sentence:
            return None
        for match in _patterns()["verb"].finditer(sentence):
            who = self._subject_before(sentence[: match.start()], base, whole=False)
            if who is None and re.search(r"\b(?:and|but|then)\s*$", sentence[: match.start()]):
                who = self._sentence_subject(sentence[: match.start()], base)
            if who is not None and who.kind != "description":
                return who
            break
        words = sentence.split()
        if 1 < len(words) <= 7 and not re.search(r"[,;:]", sentence.rstrip(" .")):
            who = self._sentence_subject(sentence, base)  # a beat: "She laughs."
            people = {s for s0, _e, s in self.mentions if base <= s0 < base + len(sentence)}
            if who is not None and who.kind == "person" and len(people) <= 1:
                return who
        return None

    def _prescan(self) -> None:
        """Remember every subject of a speech verb that is not a known person, and every
        "her father", so that a later pronoun can stand for it ("Valentina's mother …
        said …. “…,” she said.")."""
        verb = _patterns()["verb"]
        for kin in _KIN.finditer(self.skel):
            before = self.skel[max(0, kin.start() - 30) : kin.start()]
            if re.search(rf"(?:{verb.pattern})\s+(?:that\s+)?$", before):
                continue  # "said her daughter used to be shy": what was said, not who
            if re.match(r"^,?\s+[A-Z]", self.skel[kin.end() : kin.end() + 3]):
                continue  # "Her son Luca": the name that follows is the mention
            phrase = " ".join(kin.group(0).split())
            self.spoken.append(
                (kin.start(), Speaker(None, phrase[0].lower() + phrase[1:]), "description")
            )
        for block in self.found.blocks:
            if block.kind == "heading":
                continue
            text = self.skel[block.start : block.end]
            for match in verb.finditer(text):
                if MARK in text[max(0, match.start() - 3) : match.end() + 3]:
                    continue
                sentence = self._sentence_start(block.start, block.start + match.start())
                region = self.skel[sentence : block.start + match.start()]
                if MARK in region:
                    continue
                who = self._subject_before(region, sentence, whole=False)
                if who is not None and who.kind == "description" and not who.pronoun:
                    self.spoken.append((sentence, who.speaker, "description"))

    # -- structural cues --------------------------------------------------------------

    def _pull_quote(self, q: Quotation) -> Attribution | None:
        blocks = self.found.blocks
        heading = blocks[q.block]
        for block in blocks[q.block + 1 :]:
            if block.kind == "heading" and block.level <= max(heading.level, 1):
                break
            for start, _stop, speaker in self.mentions:
                if block.start <= start < block.end:
                    return Attribution(q, speaker, "pull-quote", "person", "inferred")
        return None

    def _dash(self, q: Quotation) -> Attribution | None:
        if q.dash_attribution is not None:
            a, b = q.dash_attribution
            raw = self.skel[a:b]
        else:
            following = self.found.blocks[q.last_block + 1 : q.last_block + 2]
            if not following:
                return None
            match = _patterns()["dash_line"].match(self.skel[following[0].start : following[0].end])
            if match is None:
                return None
            raw = match.group("who")
            a = following[0].start + match.start("who")
        who = self._classify(raw.split(",")[0], a)
        if who is None:
            return None
        return Attribution(q, who.speaker, "dash", who.kind, "direct")

    def _section_speaker(self, q: Quotation) -> _Who | None:
        """The person a heading (or a bold speaker line) above the quotation names."""
        for block in reversed(self.found.blocks[: q.block]):
            if block.kind == "paragraph":
                line = _SPEAKER_LINE.match(self.found.masked[block.start : block.end])
                if line is not None:
                    who = self._classify(line.group("name"), block.start)
                    if who is not None and who.kind != "description":
                        return who
                continue
            if block.kind != "heading":
                continue
            text = self.skel[block.start : block.end]
            if MARK in text:
                return None
            match = _patterns()["heading"].match(text)
            if match is None:
                return None
            known = self.names.resolve(match.group("who"))
            if known is None:
                for start, _stop, speaker in self.mentions:
                    if (
                        block.start <= start < block.end
                        and not self.skel[block.start : start].strip()
                    ):
                        known = speaker
                        break
            return None if known is None else _Who(known, _kind(known))
        return None

    def _is_title(self, q: Quotation) -> bool:
        """True when the quotation is the title of a work or the words of a sign."""
        block = self.found.blocks[q.block]
        left = self.skel[max(block.start, q.start - 60) : q.start]
        return _TITLE_CUE.search(left) is not None

    def _only_quotes(self, index: int) -> bool:
        block = self.found.blocks[index]
        rest = self.skel[block.start : block.end].replace(MARK, "")
        return not re.sub(r"[\s.,;:!?—–\-*_()]", "", rest)

    def _ends_block(self, q: Quotation, index: int) -> bool:
        block = self.found.blocks[index]
        tail = self.skel[q.end : block.end]
        return len(tail.strip()) < 80 and MARK not in tail


# Words after which quotation marks hold a title or a sign, not someone's words.
_TITLE_CUE = re.compile(
    r"(?:\b(?:titled|entitled|headlined|captioned|subtitled|slogan|motto|hashtag)"
    r"|\b(?:signs?|banners?|placards?|posters?|billboards?|t-shirts?|graffiti)\b[^.!?\x07]{0,40}"
    r"\b(?:reads?|reading|read|saying|says)|\b(?:signs?|banners?|placards?))\s*[:,]?\s*$",
    re.IGNORECASE,
)

# A paragraph that is a speaker's name in bold, maybe with a role: "**Ana Ruiz**, moderator".
_SPEAKER_LINE = re.compile(
    r"^\s*(\*\*|__)(?P<name>[^*_\n:]{3,80}?):?\1\s*(?:[,:—–-][^\n]{0,120})?\s*$"
)


def _kind(speaker: Speaker) -> SpeakerKind:
    """A person of the article's people, or a name the text gives that is not among them."""
    return "person" if speaker.id is not None else "name"


@cache
def _person_nouns() -> frozenset[str]:
    return frozenset(word_list("person_nouns"))


@cache
def _org_words() -> frozenset[str]:
    return frozenset(word_list("org_words"))


def _is_institution(speaker: Speaker) -> bool:
    """True when a description names an institution ("the union"), not a person."""
    if speaker.id is not None:
        return False
    words = _head_noun(["the", *speaker.name.split()])
    return words is not None and words in _institutions()


@cache
def _offices() -> frozenset[str]:
    return frozenset(word_list("offices"))


@cache
def _institutions() -> frozenset[str]:
    return frozenset(word_list("institution_nouns"))


def _is_question(text: str) -> bool:
    """A paragraph set entirely in bold: an interviewer's question in a Q&A."""
    stripped = text.strip()
    return stripped.startswith("**") or (stripped.startswith("__") and len(stripped) < 600)


def _head_noun(words: list[str]) -> str | None:
    stop = {"who", "that", "which", "of", "from", "at", "in", "with", "for", "on", "whose", "close"}
    head = None
    for word in words[1:]:
        bare = word.strip(",.;:").lower()
        if bare in stop:
            break
        head = bare
    return head


@cache
def _group_nouns() -> frozenset[str]:
    return frozenset(word_list("group_nouns"))


def same_speaker(a: Speaker | None, b: Speaker | None) -> bool:
    """True when two speakers are the same person (by id, or by name as written)."""
    if a is None or b is None:
        return False
    if a.id is not None and b.id is not None:
        return a.id == b.id
    ka, kb = key(a.name).split(), key(b.name).split()
    return bool(ka and kb) and (set(ka) <= set(kb) or set(kb) <= set(ka))
