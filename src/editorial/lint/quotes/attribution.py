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
from typing import Literal

from editorial.lint.quotes.cues import (
    ADVERB,
    DETERMINERS,
    KIN,
    MARK,
    NOT_SPEAKERS,
    PRONOUNS,
    SPEAKER_LINE,
    TITLE_CUE,
    SpeakerKind,
    Who,
    group_nouns,
    patterns,
    speaker_kind,
)
from editorial.lint.quotes.finder import Found, Quotation
from editorial.lint.quotes.names import (
    NameIndex,
    Speaker,
    looks_like_name,
    name_pattern,
    strip_titles,
)
from editorial.lint.quotes.referents import Referents
from editorial.lint.quotes.words import head_noun, word_set

# Words before a name that describe the person: "chief executive", "Republican strategist",
# "White House press secretary", "super PAC spokeswoman".
DESCRIPTOR = re.compile(
    r"(?!\s*(?:until|when|while|after|before|because|as|and|but|since|if|though|although|"
    r"where|so|then|that|which|who|whom|whose|than|or|nor|for|with|to|by|of)\b)"
    r"(?:\s*(?:[a-z][\w'’-]*\s+){1,4}|\s*(?:[\w'’.-]+\s+){0,6}[a-z][\w'’-]*\s+)"
)
# An opening phrase before a sentence's subject: "On Tuesday, ", "But after the debate, ".
_INTRO = re.compile(
    r"(?:(?:But|And|So|Yet|Still|Also|Meanwhile|Instead|Later|Earlier|Then|Now|However|"
    r"Indeed|Separately|Previously)\b,?\s+)?(?:(?:In|On|At|After|Before|During|Since|"
    r"Following|With|Without|Speaking|Asked|Last|This|When|While|As|Despite|Amid|Through|"
    r"Over|Under|Unlike|Like|For|From|By|Addressing|Responding|Writing|Appearing|Earlier|"
    r"Later|Meanwhile|Yesterday|Today)\b[^,\x07]{0,100},(?:\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,)?\s+)"
)
# After a verb, the start of the speech it reports: "said that …", "said he would …".
_REPORTS = re.compile(
    r"^\s*(?:that|he|she|they|it|we|I|there|his|her|their|the|a|an|this|these|those)\b"
    r"|\b(?:that|whether|if)\b"
)


def _is_voice(noun: str) -> bool:
    """True for what speaks for its owner: "Castro's ruling", "the mayor's statement",
    "Trump's spokesman"."""
    lowered = noun.lower()
    return (
        lowered in word_set("document_nouns")
        or lowered in word_set("attribution_nouns")
        or lowered in _AGENTS
    )


_AGENTS = frozenset(
    ("campaign", "office", "spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney")
)
# Where the occasion ends and the speaker begins in a section heading: "Keynote Address –",
# "Opening Remarks:", "Closing remarks by", "Panel —", "In conversation with".
_OCCASION = re.compile(r"(?:\s[-–—|]\s*|:\s*|\s(?:by|with|from)\s+)(?=[^-–—|:]*$)")


def _semicolon(match: re.Match[str]) -> str:
    """A separator as long as what it replaces, so that offsets stay put."""
    return ";".ljust(len(match.group(0)))


_PARENTHESIS = re.compile(r"\s\([^()\x07\n]{1,40}\)")
_WHEN = re.compile(
    r"(?:\s+(?:on|late|early|later|earlier|last|this|next))?\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|morning|afternoon|evening|"
    r"night|week|weekend)(?:\s+(?:morning|afternoon|evening|night))?$"
)
_DESCRIBED = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,4}(?:[a-z][\w'’-]*\s+){1,3}(?=[A-Z])")


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
    candidates: tuple[Speaker, ...] = ()  # with no speaker: who is named just before it


def attribute(found: Found, names: NameIndex) -> list[Attribution]:
    """The attribution of every quotation in ``found``, in order."""
    return _Attributor(found, names).run()


class _Attributor(Referents):
    def __init__(self, found: Found, names: NameIndex) -> None:
        super().__init__(found, names)
        self._prescan()

    # -- driver ---------------------------------------------------------------------

    def run(self) -> list[Attribution]:
        results: list[Attribution] = []
        direct: dict[int, Attribution] = {}
        quotes = self.found.quotations
        for i, q in enumerate(quotes):
            found = self._sentence(q)  # a pull quote may carry its own cue: “…,” says X
            if found is None and q.kind == "heading":
                found = self._pull_quote(q)
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
            results.append(inferred or Attribution(q, None, None, candidates=self._candidates(q)))
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

    def _right_cues(self, right: str, at: int) -> tuple[Who, str] | None:
        dash = re.match(r"^[\s,.]*(?:—|–|―|--)\s*(?P<who>[^\n,.;:(\x07]{2,80})", right)
        if dash is not None:  # “…” — Amara Okafor Nwosu
            who = self._classify(dash.group("who"), at + dash.start("who"))
            if who is not None and who.kind != "description":
                return who, "dash"
        lead = re.match(r"^[\s,;:—–\-)\]]*", right)
        skip = lead.end() if lead else 0
        text = right[skip:]
        base = at + skip
        pats = patterns()
        inner = self.found.masked[at - 2 : at].rstrip("”»“\"'’ ")
        if inner[-1:] in (".", "!", "?", "…") and (text[:1].isupper() or text[:1] == MARK):
            # the quotation ended its sentence: only "Name said" may follow as its cue
            match = pats["verb"].search(text)
            if match is None or MARK in text[: match.start()]:
                return None
            rest = text[match.end() :]
            if re.match(rf"^[^.!?{MARK}]{{0,60}}?[,:]?\s*{MARK}", rest):
                return None  # "Trump replied: “…”": the cue of the next quotation
            clause = re.match(r"^[^.,;:!?\x07]*", rest)
            if clause is not None and _REPORTS.search(clause.group(0)):
                return None  # "Rubio said he does support …": a new sentence's own report
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

    def _left_cues(self, start: int, at: int) -> tuple[Who, str] | None:
        left = self.skel[start:at]
        pats = patterns()
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
        if calling and pats["passive"].search(left[: calling.start()]):
            return None  # "Blake was described as “…”": who was spoken of
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
                who = None
                if verbs:  # "Hollande said Tuesday, noting …": the clause's speaker
                    who = self._subject_before(left[: verbs[-1].start()], start, whole=False)
                who = who or self._sentence_subject(left[: last.start()], start)
                if who is not None:
                    return who, self._cue(who, "verb")
        for n, match in enumerate(reversed(verbs)):
            region = left[: match.start()]
            if pats["passive"].search(region) and not match.group(0).endswith("ing"):
                break  # "X was described as “…”": X is who was spoken of, not who spoke
            who = self._subject_before(region, start, whole=False)
            if who is None and re.search(r"\b(?:and|but|then|to)\s*$", region):
                who = self._sentence_subject(region, start)  # "X told the crowd … and replied:"
            if who is None:
                who = self._relative_subject(region, start)
            if who is not None and (n == 0 or who.kind != "description"):
                return who, self._cue(who, "verb")
            if n == 0 and pats["verb_first"].match(match.group(0) + " "):
                after = self._subject_after(left[match.end() :], start + match.end(), strict=True)
                if after is not None:
                    return after, self._cue(after, "verb")
            # no subject here ("… a letter that said “…”"): the speech act it depends on,
            # earlier in the sentence ("X accused Y of a record that is “…”"), by its subject
        if ":" in stripped:  # "Almada began with a confession: his ban lasted “…”"
            return self._colon(stripped[: stripped.rindex(":") + 1], start, fallback=True)
        return None

    def _colon(self, stripped: str, start: int, *, fallback: bool) -> tuple[Who, str] | None:
        """A colon introduction: "Lindqvist: “…”", "the governor was dismissive: “…”",
        "Alvear put it simply: “…”" (the sentence's subject, when it is a person)."""
        pats = patterns()
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

    def _relative_subject(self, region: str, base: int) -> Who | None:
        """The person a relative "who" stands for: "Jones, who has long argued “…”"."""
        rel = re.search(r",?\s+who(?:\s+(?:has|had|have|also|once|then|\w+ly))*\s*$", region)
        if rel is None:
            return None
        who = self._subject_before(region[: rel.start()], base, whole=False)
        return who if who is not None and who.kind != "description" else None

    @staticmethod
    def _cue(who: Who, cue: str) -> str:
        return "pronoun" if who.pronoun else cue

    # -- subjects ------------------------------------------------------------------------

    def _subject_before(self, region: str, base: int, *, whole: bool) -> Who | None:
        """The speaker named at the end of ``region`` (the text before a speech verb).

        With ``whole`` the region must be nothing but the subject (the text between a
        quotation and its verb); otherwise the subject is at its end.
        """
        region = _PARENTHESIS.sub(lambda m: " " * len(m.group(0)), region)  # "(D-Ill.)"
        text = re.sub(rf"{ADVERB}\s*$", "", region.rstrip())
        text = _WHEN.sub("", text)  # "Priebus later Thursday told"
        for _ in range(2):  # "has been", "had earlier"
            text = re.sub(
                r"\s+(?:has|have|had|was|were|is|are|been|will|would|may|might|could|did|does|"
                r"once|earlier|also|not|never)$",
                "",
                text,
            )
        if text.endswith(","):  # an appositive: "X, a hydrologist at the university, said"
            inner = text[:-1]
            depth = inner.rfind(",")
            while depth != -1:
                candidate = inner[:depth]
                tail = candidate[candidate.rfind(",") + 1 :].strip(" *_")
                # a name inside an adjunct is not the subject: "Clinton, during a town hall
                # in Columbus, Ohio, said"
                who = (
                    self._subject_at_end(candidate, base, whole=whole)
                    if not tail[:1].islower() or "," not in candidate
                    else None
                )
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

    def _subject_at_end(self, text: str, base: int, *, whole: bool) -> Who | None:
        stripped = text.rstrip()
        if not stripped:
            return None
        end = base + len(stripped)
        for start, stop, speaker in reversed(self._mentions_in(base, end + 1)):
            touches_end = stop == end or (stop <= end and not self.skel[stop:end].strip(" ’'s"))
            before = self.skel[base:start]
            if (
                touches_end
                and start >= base
                and (not whole or not before.strip(" ,—–-") or DESCRIPTOR.fullmatch(before))
            ):
                return Who(speaker, speaker_kind(speaker))
            if stop < base:
                break
        last = re.search(r"(?:^|(?<=[\s(—–\-,;]))([\w’'-]+)$", stripped)
        if last and last.group(1).lower() in PRONOUNS:
            if whole and stripped[: last.start(1)].strip(" ,—–-"):
                return None
            return self._pronoun(last.group(1), base + last.start(1))
        names = list(re.finditer(rf"(?:{name_pattern()})", stripped))
        if names and names[-1].end() == len(stripped):
            found = names[-1]
            prefix = stripped[: found.start()]
            descriptor = DESCRIPTOR.fullmatch(prefix)  # "chief executive"
            if not whole or not prefix.strip(" ,—–-") or descriptor:
                who = self._classify(found.group(0), base + found.start())
                if who is not None and (who.kind != "description" or not prefix.strip()):
                    return who
        description = self._description(stripped, whole=whole)
        if description is not None:
            return description
        return None

    def _description(self, text: str, *, whole: bool) -> Who | None:
        """An unnamed source: "a tenant who asked not to be named", "the union", "his older
        brother", "Valentina's mother", "officials"."""
        clause = re.split(r"[;,]|(?<=[.!?])\s|\b(?:which|that|because|whom|while|when)\b", text)
        clause_text = clause[-1].strip(" ,—–-") if not whole else text.strip(" ,—–-")
        words = clause_text.split()
        if not words or len(words) > 14 or MARK in clause_text:
            return None
        first = words[0].lower()
        possessive = re.match(r"^(\S+)['’]s$", words[0])
        if first in DETERMINERS or (possessive and len(words) >= 2):
            head = head_noun(words)
            if head is None:
                return None
            owner = self.names.resolve(possessive.group(1)) if possessive else None
            if owner is not None and len(words) == 2 and _is_voice(head):
                return Who(owner, speaker_kind(owner))  # "Castro's ruling": Castro's words
            by_role = (
                self.names.by_role(head)
                if first in ("the", "his", "her", "their", "its") or possessive
                else None
            )
            if by_role is not None:
                return Who(by_role, speaker_kind(by_role))
            if head in NOT_SPEAKERS:
                return None
            proper = all(w[:1].isupper() for w in words[1:])  # "The Post", "The New York Times"
            named = clause_text if proper else clause_text[0].lower() + clause_text[1:]
            return Who(Speaker(None, named), "description")
        if len(words) <= 3 and first in group_nouns():
            return Who(Speaker(None, clause_text), "description")
        return None

    def _sentence_subject(self, region: str, base: int) -> Who | None:
        """The subject at the start of a sentence: "Lindqvist criticised the clause, …"."""
        stripped = region.lstrip(" \n*_")
        offset = base + len(region) - len(stripped)
        if MARK in stripped:
            return None
        who = self._subject_after(stripped, offset)
        intro = _INTRO.match(stripped)  # "At a press conference, Trump launched …"
        if intro is not None and (who is None or who.kind == "description"):
            later = self._subject_after(stripped[intro.end() :], offset + intro.end())
            if later is not None and later.kind != "description":
                return later
        return who

    def _subject_after(self, text: str, base: int, *, strict: bool = False) -> Who | None:
        """The speaker right after a speech verb: "said Sen. Maria Ortiz, a Democrat"."""
        stripped = text.lstrip()
        offset = base + len(text) - len(stripped)
        for start, stop, speaker in self._mentions_in(offset, offset + 1):
            if start == offset:
                rest = self.skel[stop : stop + 3]
                owned = re.match(r"['’]s?\s+([\w-]+)", self.skel[stop : stop + 40])
                if owned and not strict and not _is_voice(owned.group(1)):
                    break  # "Trump's excesses are …": the subject is what is his
                if not strict or re.match(r"^\s*[,:]", rest) or not rest.strip():
                    return Who(speaker, speaker_kind(speaker))
            if start > offset:
                break
        first = re.match(r"^([\w’'-]+)\b", stripped)
        if first and first.group(1).lower() in PRONOUNS and not strict:
            return self._pronoun(first.group(1), offset)
        described = _DESCRIBED.match(stripped)  # "said Republican strategist Ryan Williams"
        if described is not None:
            who = self._subject_after(
                stripped[described.end() :], offset + described.end(), strict=strict
            )
            if who is not None and who.kind != "description":
                return who
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

    def _classify(self, raw: str, at: int) -> Who | None:
        text = raw.strip(" ,:—–-*_")
        if not text or MARK in text:
            return None  # a speaker's name never holds the words of a quotation
        known = self.names.resolve(text)
        if known is not None:
            return Who(known, speaker_kind(known))
        lowered = text.lower()
        if lowered in PRONOUNS:
            return self._pronoun(text, at)
        if lowered.split()[0] in DETERMINERS or re.match(r"^\S+['’]s\s+\w", text):
            return self._description(text, whole=True)
        if text.split()[0].lower() in group_nouns() and len(text.split()) <= 2:
            return Who(Speaker(None, text), "description")
        if looks_like_name(text):
            speaker = Speaker(None, text)
            if all(s != at for s, _w, _k in self.spoken):
                self.spoken.append((at, speaker, "name"))
            return Who(speaker, "name")
        return None

    def _candidates(self, q: Quotation) -> tuple[Speaker, ...]:
        """The people named in the quotation's paragraph before it and in the paragraph
        before that: whom an editor would choose among for a quotation with no cue."""
        first = self.found.blocks[max(0, q.block - 1)].start
        named = [w for _s, _e, w in self._mentions_in(first, q.start)]
        named += [w for at, w, kind in self.spoken if first <= at < q.start and kind == "name"]
        return tuple(dict.fromkeys(w for w in named if MARK not in w.name))

    def _other_named_between(self, a: Quotation, b: Quotation, speaker: Speaker | None) -> bool:
        """True when someone other than ``speaker`` is named between two quotations, outside
        the cue that follows the first ("“…,” said X, an adviser to Y. “…”")."""
        lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
        if a.end <= b.start and self._sentence_end(lo, hi) >= hi - 1:
            return False  # only the first quotation's own cue lies between them
        return any(w != speaker for _s, _e, w in self._mentions_in(lo, hi)) or any(
            lo <= s < hi and w != speaker for s, w, _k in self.spoken
        )

    def _paraphrase_before(self, q: Quotation) -> Who | None:
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

    def _reported_speaker(self, sentence: str, base: int) -> Who | None:
        if MARK in sentence:
            return None
        for match in patterns()["verb"].finditer(sentence):
            who = self._subject_before(sentence[: match.start()], base, whole=False)
            if who is None and re.search(r"\b(?:and|but|then)\s*$", sentence[: match.start()]):
                who = self._sentence_subject(sentence[: match.start()], base)
            if who is not None and who.kind != "description":
                return who
            break
        words = sentence.split()
        if 1 < len(words) <= 7 and not re.search(r"[,;:]", sentence.rstrip(" .")):
            who = self._sentence_subject(sentence, base)  # a beat: "She laughs."
            people = {s for _s0, _e, s in self._mentions_in(base, base + len(sentence))}
            if who is not None and who.kind == "person" and len(people) <= 1:
                return who
        return None

    def _prescan(self) -> None:
        """Remember every subject of a speech verb that is not a known person, and every
        "her father", so that a later pronoun can stand for it ("Valentina's mother …
        said …. “…,” she said.")."""
        verb = patterns()["verb"]
        for kin in KIN.finditer(self.skel):
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
            for _start, _stop, speaker in self._mentions_in(block.start, block.end):
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
            match = patterns()["dash_line"].match(self.skel[following[0].start : following[0].end])
            if match is None:
                return None
            raw = match.group("who")
            a = following[0].start + match.start("who")
        who = self._classify(raw.split(",")[0], a)
        if who is None:
            return None
        return Attribution(q, who.speaker, "dash", who.kind, "direct")

    def _section_speaker(self, q: Quotation) -> Who | None:
        """The person the heading of the quotation's section names ("Keynote Address –
        Adm. Lena Varga", "Opening Remarks: Ambassador Ruiz", "Closing remarks by Dr. Kim"),
        or a bold speaker line above it. A heading naming two or more people (a panel)
        gives no speaker; a heading naming nobody hands over to the heading above it."""
        level = 99
        for block in reversed(self.found.blocks[: q.block]):
            if block.kind == "paragraph" and level == 99:
                line = SPEAKER_LINE.match(self.found.masked[block.start : block.end])
                if line is not None:
                    who = self._classify(line.group("name"), block.start)
                    if who is not None and who.kind != "description":
                        return who
                continue
            if block.kind != "heading" or block.level >= level:
                continue
            level = block.level
            if MARK in self.skel[block.start : block.end]:
                return None  # a pull quote heads this section
            named = self._heading_people(block.start, block.end)
            if len(named) == 1:
                return named[0]
            if named or level <= 1:
                return None
        return None

    def _heading_people(self, start: int, end: int) -> list[Who]:
        """The people a heading names as its speakers: the whole heading, or the part after
        the occasion ("Keynote Address –", "Opening Remarks:", "… by", "Panel —"), each of
        its names when it lists several ("Ana Ruiz and Tom Becker")."""
        text = self.skel[start:end]
        match = patterns()["heading"].match(text)
        if match is not None:  # the heading opens with the name: "Ana Ruiz, moderator"
            known = self.names.resolve(match.group("who"))
            if known is None:
                opening = self._mentions_in(start, end)
                known = next((w for s0, _e, w in opening if not text[: s0 - start].strip()), None)
            if known is not None:
                return [Who(known, speaker_kind(known))]
        cut = _OCCASION.search(text)
        if cut is None:
            return []
        tail_start = start + cut.end()
        # several names: a panel ("Ana Ruiz and Tom Becker", "Ruiz, Becker & Kim")
        tail = re.sub(r"\s(?:and|with|y)\s", _semicolon, self.skel[tail_start:end])
        parts = [
            (tail_start + m.start(), tail_start + m.end(), m.group(0))
            for m in re.finditer(r"[^,;&]+", tail)
            if m.group(0).strip()
        ]
        found: list[Who] = []
        for a, b, part in parts:
            raw = part.strip(" *_#")
            raw = re.split(r"\s+(?:on|of|at|about)\s|\s[-–—(|:]", raw)[0]
            if not raw:
                continue
            who = self._classify(raw, a)
            if who is not None and who.kind == "name" and len(strip_titles(raw).split()) < 2:
                who = None  # "Panel — Water": one capitalised word is no speaker
            if who is None:  # the part is one mention and nothing more ("Minister Okafor")
                mentioned = [
                    w
                    for s0, e0, w in self._mentions_in(a, b)
                    if not strip_titles(self.skel[a:s0].strip()) and not self.skel[e0:b].strip(" .")
                ]
                who = Who(mentioned[0], speaker_kind(mentioned[0])) if mentioned else None
            if (
                who is not None
                and who.kind != "description"
                and not who.pronoun
                and all(w.speaker != who.speaker for w in found)
            ):
                found.append(who)
        return found

    def _is_title(self, q: Quotation) -> bool:
        """True when the quotation is the title of a work or the words of a sign."""
        block = self.found.blocks[q.block]
        left = self.skel[max(block.start, q.start - 60) : q.start]
        return TITLE_CUE.search(left) is not None

    def _only_quotes(self, index: int) -> bool:
        block = self.found.blocks[index]
        rest = self.skel[block.start : block.end].replace(MARK, "")
        return not re.sub(r"[\s.,;:!?—–\-*_()]", "", rest)

    def _ends_block(self, q: Quotation, index: int) -> bool:
        block = self.found.blocks[index]
        tail = self.skel[q.end : block.end]
        return len(tail.strip()) < 80 and MARK not in tail
