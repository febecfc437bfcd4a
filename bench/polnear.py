"""Score speaker attribution on PolNeAR, real news text annotated by people.

    python bench/polnear.py ../shared/corpora/polnear            # dev split, the table
    python bench/polnear.py CORPUS --split train --errors 40     # and 40 disagreements
    make bench-polnear                                          # the dev table

CORPUS is a folder holding PolNeAR converted to JSON Lines (``train.jsonl``, ``dev.jsonl``:
one article a line, ``text`` and ``quotes`` with ``start``, ``end``, ``source`` and
``source_is_pronoun``). The texts are read from there at run time and never copied.

Scoring, as is usual on this corpus: a predicted speaker is correct when it shares a name
word with the annotated source, titles removed. Precision is correct / quotations with a
named source that were given a speaker; recall is correct / quotations with a named source
(not a pronoun). Each split is scored twice: with every article's ``people`` built from its
annotated named sources, as a reporter's source list would be, and with no ``people``.
Quotations whose source is a pronoun or not annotated are counted apart.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from editorial.lint.quotes.attribution import Attribution, attribute
from editorial.lint.quotes.finder import find_quotations
from editorial.lint.quotes.names import NameIndex, fold
from editorial.lint.quotes.words import titles
from editorial.model.article import Person

STOP = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "for",
    "in",
    "on",
    "at",
    "to",
    "s",
    "his",
    "her",
    "their",
    "its",
    "who",
    "with",
    "by",
    "from",
}
ORG_WORDS = re.compile(
    r"\b(?:Times|Post|Journal|News|Press|Reuters|Agency|Association|Committee|Campaign|"
    r"Party|Department|Ministry|Council|Institute|Foundation|Center|Centre|University|"
    r"Commission|Bureau|Office|Organization|Network|Magazine|Hill|Politico|PolitiFact|"
    r"Republicans|Democrats|Inc|Corp|Group|Union|Court|Senate|House|Congress|Administration)\b"
)
CONNECTORS = {"of", "de", "la", "van", "von", "der", "da", "bin", "al", "del", "le", "du"}


def words(text: str) -> set[str]:
    """The name words of a speaker or source: lowercase, no titles, no function words."""
    found = re.findall(r"[a-z][a-z'’-]*", fold(text).lower())
    cut = {w.strip("'’-").removesuffix("'s").removesuffix("’s") for w in found}
    return {w for w in cut if w and w not in STOP and w not in _titles()}


@cache
def _titles() -> frozenset[str]:
    found = {w.lower().strip(".") for title in titles() for w in title.split()}
    return frozenset(found | {"president", "mr", "mrs", "ms", "sen", "rep", "gov", "dr"})


# -- a reporter's source list from the annotated sources -----------------------------------


def _name_of(source: str) -> tuple[str, str | None] | None:
    """The proper name in an annotated source and what precedes it ("White House press
    secretary Josh Earnest" -> "Josh Earnest", "White House press secretary"); None for a
    source that names nobody ("the report", "a friend", "he")."""
    head = re.split(r",|\s\(|\s+who\s|\s+whose\s", source.strip(" ,"))[0].strip()
    head = re.sub(r"['’]s$", "", head)
    tokens = head.split()
    if not tokens:
        return None
    if tokens[0].lower() in ("the", "a", "an") and not ORG_WORDS.search(head):
        return None
    if (ORG_WORDS.search(head) and tokens[0][:1].isupper()) or tokens[0] == "The":
        return head.removeprefix("The ").removeprefix("the "), None
    run: list[str] = []
    for token in reversed(tokens):
        bare = token.strip(".")
        if token[:1].isupper() or (run and token.lower() in CONNECTORS):
            if bare.lower() in _titles() and run:
                break
            run.append(token)
            continue
        break
    run.reverse()
    while run and run[0].lower() in CONNECTORS:
        run.pop(0)
    if not run or all(t.strip(".").lower() in _titles() for t in run):
        return None
    role = " ".join(tokens[: len(tokens) - len(run)]) or None
    return " ".join(run), role


def people_of(sources: Iterable[str]) -> list[Person]:
    """One person (or organization) per surname among the named sources, under the fullest
    form of the name, as a reporter's list of who was quoted would have it."""
    groups: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for source in sources:
        named = _name_of(source)
        if named is None:
            continue
        last = re.sub(r"\W", "", fold(named[0].split()[-1]).lower())
        if last:
            groups[last].append(named)
    people: list[Person] = []
    used: set[str] = set()
    for last, forms in groups.items():
        name, role = max(forms, key=lambda f: (len(f[0].split()), f[1] is not None))
        if name.isupper():
            name = name.title()
        slug = re.sub(r"[^a-z0-9]+", "-", fold(name).lower()).strip("-") or last
        while slug in used:
            slug += "-x"
        used.add(slug)
        organization = ORG_WORDS.search(name) is not None
        people.append(
            Person.model_validate(
                {
                    "id": slug,
                    "name": name,
                    "role": role if not organization else None,
                    "kind": "organization" if organization else "person",
                }
            )
        )
    return people


# -- scoring -----------------------------------------------------------------------------


@dataclass
class Tally:
    named: int = 0  # quotations whose annotated source is a name
    given: int = 0  # of those, given a speaker
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.given if self.given else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.named if self.named else 1.0


@dataclass
class Result:
    overall: Tally = field(default_factory=Tally)
    by_cue: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_publisher: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    pronoun: Tally = field(default_factory=Tally)  # source is a pronoun: given a speaker
    missed: int = 0  # named-source quotations the finder did not find
    errors: list[str] = field(default_factory=list)
    articles: int = 0
    seconds: float = 0.0


def articles(corpus: Path, split: str) -> Iterator[dict[str, object]]:
    path = corpus / f"{split}.jsonl"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _match(gold_start: int, gold_end: int, spans: list[Attribution]) -> Attribution | None:
    best, overlap = None, 0
    for a in spans:
        common = min(gold_end, a.quote.end) - max(gold_start, a.quote.start)
        if common > overlap:
            best, overlap = a, common
    if best is None or overlap * 2 < min(gold_end - gold_start, best.quote.end - best.quote.start):
        return None
    return best


def score(corpus: Path, split: str, with_people: bool) -> Result:
    result = Result()
    started = time.perf_counter()
    for article in articles(corpus, split):
        result.articles += 1
        text = str(article["text"])
        quotes = article["quotes"]
        assert isinstance(quotes, list)
        named_sources = [q["source"] for q in quotes if q["source"] and not q["source_is_pronoun"]]
        people = people_of(named_sources) if with_people else []
        found = find_quotations(text)
        attributions = attribute(found, NameIndex(people, []))
        publisher = str(article["publisher"])
        for gold in quotes:
            got = _match(gold["start"], gold["end"], attributions)
            speaker = got.speaker if got is not None else None
            if gold["source"] is None:
                continue
            if gold["source_is_pronoun"]:
                result.pronoun.named += 1
                result.pronoun.given += speaker is not None
                continue
            if got is None:
                result.missed += 1
            cue = (got.cue or "none") if got is not None else "not found"
            right = speaker is not None and bool(words(speaker.name) & words(gold["source"]))
            for tally in (result.overall, result.by_cue[cue], result.by_publisher[publisher]):
                tally.named += 1
                tally.given += speaker is not None
                tally.correct += right
            if not right:
                said = speaker.name if speaker is not None else "none"
                where = text[max(0, gold["start"] - 90) : gold["start"]].replace("\n", " ")
                after = text[gold["end"] : gold["end"] + 60].replace("\n", " ")
                result.errors.append(
                    f"{article['id']} [{cue}] gold {gold['source']!r} got {said!r}\n"
                    f"    …{where}[{text[gold['start'] : gold['end']][:70]}]{after}…"
                )
    result.seconds = time.perf_counter() - started
    return result


def _row(label: str, t: Tally) -> str:
    return (
        f"  {label:24} {t.named:6d} {t.given:6d} {t.correct:7d} {t.precision:9.1%} {t.recall:7.1%}"
    )


def report(split: str, with_people: bool, result: Result, errors: int) -> None:
    title = "with people" if with_people else "without people"
    print(
        f"PolNeAR {split}, {title}: {result.articles} articles, "
        f"{result.overall.named} quotations with a named source, {result.seconds:.1f} s"
    )
    print(f"  {'':24} {'named':>6} {'given':>6} {'correct':>7} {'precision':>9} {'recall':>7}")
    print(_row("all", result.overall))
    print("  by cue:")
    for cue, tally in sorted(result.by_cue.items(), key=lambda kv: -kv[1].named):
        print(_row("  " + cue, tally))
    print("  by publisher:")
    for publisher, tally in sorted(result.by_publisher.items()):
        print(_row("  " + publisher, tally))
    pronoun = result.pronoun
    print(
        f"  source a pronoun: {pronoun.named} quotations, {pronoun.given} given a speaker; "
        f"named source not found as a quotation: {result.missed}"
    )
    for line in result.errors[:errors]:
        print("  " + line)
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder holding train.jsonl and dev.jsonl")
    parser.add_argument("--split", default="dev", help="dev (default) or train")
    parser.add_argument("--errors", type=int, default=0, help="print N disagreements")
    parser.add_argument(
        "--people", choices=("both", "with", "without"), default="both", help="which scorings"
    )
    args = parser.parse_args(argv)
    if not (args.corpus / f"{args.split}.jsonl").is_file():
        print(f"{args.corpus}/{args.split}.jsonl: no such file", file=sys.stderr)
        return 2
    modes = {"both": (True, False), "with": (True,), "without": (False,)}[args.people]
    for with_people in modes:
        report(args.split, with_people, score(args.corpus, args.split, with_people), args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
