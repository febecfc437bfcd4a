"""Who the text names, and who a pronoun stands for.

:class:`Referents` reads an article's skeleton once: the people it names (listed in the
front matter, or discovered in the text), role mentions ("the minister"), each person's
gender as the pronouns that refer back to them show it, and the sentences. A pronoun then
stands for the person last named within a few paragraphs whose gender agrees.
"""

from __future__ import annotations

import bisect
import re

from editorial.lint.quotes.cues import (
    ABBREVIATIONS,
    MARK,
    NOUN_GENDER,
    PRONOUN_REACH,
    SpeakerKind,
    Who,
    given_names,
    is_institution,
    is_question,
    offices,
    org_words,
    patterns,
    person_nouns,
    speaker_kind,
)
from editorial.lint.quotes.finder import Found
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
from editorial.lint.quotes.words import not_names

_WORD = re.compile(r"(?<![\w’'-])[\w’'-]+")


class Referents:
    """The people an article's text names, and the machinery to resolve pronouns."""

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
            if b.kind == "paragraph" and is_question(found.masked[b.start : b.end])
        ]
        # names not among the people, and unnamed sources, that speak: pronoun antecedents
        self.spoken: list[tuple[int, Speaker, SpeakerKind]] = []
        self.genders = self._infer_genders()

    def _sentence_end(self, start: int, limit: int) -> int:
        text = self.skel[start:limit]
        for match in re.finditer(r"[.!?](?=\s+[A-Z\x07“\"(]|\s*$)", text):
            if not self._is_abbreviation(text, match.start()):
                return start + match.end()
        return limit

    def _sentence_start(self, block_start: int, at: int) -> int:
        """The body offset where the sentence holding ``at`` begins (within its block)."""
        ends = self._sentence_breaks(block_start)
        i = bisect.bisect_right(ends, at - block_start)
        return block_start + (ends[i - 1] if i else 0)

    def _sentence_breaks(self, block_start: int) -> list[int]:
        """Where sentences begin in the block that starts at ``block_start`` (offsets from
        it, ascending), found once per block: asking for the sentence of each mention
        stays linear in a paragraph of thousands of quotations."""
        cache: dict[int, list[int]] = self.__dict__.setdefault("_breaks", {})
        if block_start in cache:
            return cache[block_start]
        block = self._block_of(block_start)
        end = block.end if block.start <= block_start <= block.end else len(self.skel)
        text = self.skel[block_start : end + 1]
        found = []
        for match in re.finditer(r"(?:[.!?]|\x07)\s+(?=[A-Z\x07(\"“])", text):
            char = text[match.start()]
            if char == MARK:
                inner = self.found.masked[
                    block_start + match.start() - 1 : block_start + match.start()
                ]
                if not inner or inner not in ".!?":
                    continue
            elif self._is_abbreviation(text, match.start()):
                continue
            found.append(match.end())
        cache[block_start] = found
        return found

    @staticmethod
    def _is_abbreviation(text: str, dot: int) -> bool:
        if text[dot] != ".":
            return False
        # the word before the dot (a window: an abbreviation is short, and slicing all
        # of a long paragraph for each dot would be quadratic)
        word = re.search(r"([\w.]+)$", text[max(0, dot - 40) : dot])
        if word is None:
            return False
        token = word.group(1).lower()
        return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())

    def _pronoun(self, word: str, at: int) -> Who | None:
        """The person a pronoun at ``at`` stands for, or None."""
        who = self._last_named(at, pronoun_gender(word))
        return None if who is None else Who(who.speaker, who.kind, pronoun=True)

    def _last_named(self, at: int, gender: str | None = None) -> Who | None:
        """The person named last before ``at`` (outside quotations, within a few
        paragraphs), whose gender, when known, agrees with ``gender``. A possessive
        mention ("Okeke's buildings") yields to another person named in its sentence."""
        floor = self._reach_floor(at)
        asked = [b for b in self.questions if b.end < at]
        candidates: list[tuple[int, Who, bool]] = [
            (start, Who(speaker, speaker_kind(speaker)), self._possessive(stop))
            for start, stop, speaker in self.mentions
            if floor <= start < at and not any(b.start <= start < b.end for b in asked)
        ]
        candidates += [
            (start, Who(speaker, kind), False)
            for start, speaker, kind in self.spoken
            if floor <= start < at
        ]
        candidates.sort(key=lambda c: c[0])
        fallback: Who | None = None
        kin: Who | None = None
        for start, who, possessive in reversed(candidates):
            known = self._gender_of(who.speaker)
            if gender is not None and known not in (None, gender):
                continue
            if gender is not None and known is None and is_institution(who.speaker):
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
            if self._mentions_in(block.start, block.end):
                passed += 1
                if passed >= PRONOUN_REACH:
                    return block.start
        return 0

    def _mentions_in(self, lo: int, hi: int) -> list[tuple[int, int, Speaker]]:
        """The mentions that start in ``lo``..``hi`` (exclusive), in order: a bisection of
        the sorted mentions, so that looking around each quotation stays linear."""
        if self.__dict__.get("_starts_of") is not self.mentions:
            self.__dict__["_mention_starts"] = [m[0] for m in self.mentions]
            self.__dict__["_starts_of"] = self.mentions
        starts: list[int] = self.__dict__["_mention_starts"]
        return self.mentions[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    def _block_index(self, offset: int) -> int:
        blocks = self.found.blocks
        starts: list[int] = self.__dict__.setdefault("_starts", [b.start for b in blocks])
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and blocks[i].start <= offset <= blocks[i].end:
            return i
        return max(0, min(i, len(blocks) - 1)) if i >= 0 else 0

    def _block_of(self, offset: int) -> Block:
        return self.found.blocks[self._block_index(offset)]

    def _gender_of(self, speaker: Speaker) -> str | None:
        if speaker.id is None:
            words = key(speaker.name).split()
            for word in reversed(words):
                if word in NOUN_GENDER:
                    return NOUN_GENDER[word]
        return self.genders.get(speaker.id or speaker.name)

    def _discover(self) -> list[str]:
        """Full names the text gives to people who are not among the article's people, so
        that their later surnames and pronouns resolve to them. A name counts when it is a
        speech verb's subject or object ("said Julián Méndez"), has a title ("Sen. Maria
        Ortega") or an age ("Rosa Aliaga, 45,"), follows a lowercase role ("crane operator
        Lucas Paz"), or has its surname or first name used again on its own. Names with an
        organisation's or a place's word ("National University") do not count."""
        verb = patterns()["verb"].pattern
        orgs = org_words()
        found: list[str] = []
        # where each word is last written, so "is this name used again later" is a lookup
        last_seen = {m.group(0): m.start() for m in _WORD.finditer(self.skel)}
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
            ) or patterns()["inverted"].search(before)
            aged = re.match(r"^,\s+\d{1,3},", after)
            who_clause = re.match(r"^,?\s+(?:who|whose|whom)\b", after)
            described = re.match(
                r"^,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>[a-z]+)\b", after
            )
            described = (
                described if described and described.group("noun") in person_nouns() else None
            )
            given = words[0] in given_names()
            noun = re.search(r"\b([a-z][\w-]+)\s+$", before)
            role = noun is not None and noun.group(1) in person_nouns()
            reused = any(
                last_seen.get(w, -1) >= match.end()
                for w in (words[-1], words[0])
                if len(w) > 2 and w not in not_names()
            )
            if bare != text or speaks or aged or role or reused or who_clause or described or given:
                found.append(bare)
        found += self._single_speakers(found)
        return list(dict.fromkeys(found))

    def _single_speakers(self, found: list[str]) -> list[str]:
        """One-word names that are a speech verb's subject ("“…,” Inés says"), unless they
        are a found person's surname or first name."""
        verb = patterns()["verb"].pattern
        known = {w for name in found for w in name.split()}
        single = []
        for match in re.finditer(
            rf"(?<![\w’'.-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'-]+)\s+(?:{verb})(?![\w-])", self.skel
        ):
            word = match.group(1)
            if word in known or word in not_names() or word in org_words():
                continue
            if self.names.resolve(word) is None:
                single.append(word)
        return single

    def _role_mentions(self) -> list[tuple[int, int, Speaker]]:
        """ "The president", "the mayor": a role noun that names one of the people."""
        found = []
        pattern = r"\b[Tt]he\s+(?P<first>[a-z][\w-]+)(?:\s+(?P<second>[a-z][\w-]+))?"
        roles = offices()
        for match in re.finditer(pattern, self.skel):
            who, end = None, match.end("first")
            if match.group("second") in roles:
                who, end = self.names.by_role(match.group("second")), match.end("second")
            if who is None and match.group("first") in roles:
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
        verb = patterns()["verb"].pattern
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
            role = re.match(
                r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z]+)\b",
                self.skel[stop : stop + 80],
            )
            if role and role.group("noun") in NOUN_GENDER:  # "Paula Ferreira, a spokeswoman"
                vote(NOUN_GENDER[role.group("noun")], 3)
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
