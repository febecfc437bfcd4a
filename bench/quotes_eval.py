"""Measure quotation attribution and transcript verdicts against the labelled set.

    python bench/quotes_eval.py            # the table of figures
    python bench/quotes_eval.py --errors   # and every disagreement, for error analysis

The set is bench/quotes_eval/: a small newsroom of articles written in the styles of wire
copy, magazine features, event summaries and interviews, and labels.yaml.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from editorial.lint.quotes.analysis import QuoteCheck, analyze
from editorial.lint.quotes.names import key
from editorial.newsroom.article import load_article
from editorial.newsroom.newsroom import Newsroom

HERE = Path(__file__).resolve().parent / "quotes_eval"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _prefix(text: str) -> str:
    return " ".join(key(text).replace(",", " ").split())


def _speaker_matches(check: QuoteCheck, gold: str, names: dict[str, str]) -> bool:
    """True when the predicted speaker is the gold one (``a|b``: either form names them).
    Without the people list, a person id is compared by the person's name."""
    return any(_one_matches(check, option, names) for option in gold.split("|"))


def _one_matches(check: QuoteCheck, gold: str, names: dict[str, str]) -> bool:
    speaker = check.speaker
    if names and speaker is not None and speaker.id is None and gold in names:
        want, got = key(names[gold]).split(), key(speaker.name).split()
        return bool(got) and (set(got) <= set(want) or set(want) <= set(got))
    if speaker is None:
        return False
    if gold.startswith("~") or gold.startswith("="):
        if speaker.id is not None:
            return False
        want, got = key(gold[1:]), key(speaker.name)
        return want in got or got in want
    return speaker.id == gold


def _predicted_verdict(check: QuoteCheck, analysis: object) -> str | None:
    verdict = check.verdict
    speaker = check.speaker
    if verdict is None or speaker is None:
        return None
    if verdict.matches:
        return "v" if verdict.said_by(analysis.is_speaker(speaker)) else "a"  # type: ignore[attr-defined]
    return "m" if analysis.speaker_in_transcripts(speaker) else None  # type: ignore[attr-defined]


@dataclass
class Report:
    articles: int
    quotations: int
    seconds: float
    attribution: Score
    detection: Score
    verdicts: Score


def evaluate(labels_file: str = "labels.yaml", no_people: bool = False) -> Report:
    """Score the articles of one labels file (``no_people``: as if no article listed its
    people, as in a corpus of articles without front matter)."""
    newsroom = Newsroom.open(HERE)
    labels: dict[str, list[list[str]]] = yaml.safe_load((HERE / labels_file).read_text("utf-8"))
    attribution, detection, verdicts = Score(), Score(), Score()
    quotations = 0
    started = time.perf_counter()
    for slug, gold in labels.items():
        article = load_article(HERE / "drafts" / f"{slug}.md")
        assert article.meta is not None, slug
        names: dict[str, str] = {}
        if no_people:
            names = {p.id: p.name for p in article.meta.people}
            article.meta = article.meta.model_copy(update={"people": []})
        analysis = analyze(newsroom, article)
        checks = list(analysis.checks)
        used: set[int] = set()
        for entry in gold:
            speaker, prefix = entry[0] if entry[0] is not None else "none", entry[1]
            quotations += 1
            found = next(
                (
                    i
                    for i, c in enumerate(checks)
                    if i not in used and _prefix(c.text).startswith(_prefix(prefix))
                ),
                None,
            )
            where = f"{slug}: “{prefix}…”"
            if found is None:
                detection.fn += 1
                if speaker != "none":
                    attribution.fn += 1
                detection.errors.append(f"{where} not found")
                continue
            used.add(found)
            detection.tp += 1
            check = checks[found]
            got = check.speaker.name if check.speaker else "none"
            if speaker == "none":
                if check.speaker is not None:
                    attribution.fp += 1
                    attribution.errors.append(
                        f"{where} gold none, got {got} ({check.attribution.cue})"
                    )
            elif check.speaker is None:
                attribution.fn += 1
                attribution.errors.append(f"{where} gold {speaker}, got none")
            elif _speaker_matches(check, speaker, names):
                attribution.tp += 1
            else:
                attribution.fp += 1
                attribution.fn += 1
                attribution.errors.append(
                    f"{where} gold {speaker}, got {got} ({check.attribution.cue})"
                )
            if len(entry) > 2:
                want = entry[2]
                predicted = _predicted_verdict(check, analysis)
                flagged, problem = predicted in ("m", "a"), want in ("m", "a")
                if flagged and predicted == want:
                    verdicts.tp += 1
                elif flagged:
                    verdicts.fp += 1
                    verdicts.errors.append(f"{where} verdict gold {want}, got {predicted}")
                if problem and predicted != want:
                    verdicts.fn += 1
                    verdicts.errors.append(f"{where} verdict gold {want}, got {predicted}")
        for i, c in enumerate(checks):
            if i not in used:
                detection.fp += 1
                detection.errors.append(f"{slug}: “{c.text[:40]}…” found but not labelled")
    elapsed = time.perf_counter() - started
    return Report(len(labels), quotations, elapsed, attribution, detection, verdicts)


def print_report(title: str, report: Report, show_errors: bool) -> None:
    rows = [
        ("attribution", report.attribution),
        ("quotation finding", report.detection),
        ("transcript verdicts (Q003/Q004)", report.verdicts),
    ]
    print(
        f"{title}: {report.articles} articles, {report.quotations} labelled quotations, "
        f"{report.seconds * 1000:.0f} ms\n"
    )
    print(f"{'':34} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>4} {'fn':>4}")
    for name, score in rows:
        print(
            f"{name:34} {score.precision:9.1%} {score.recall:7.1%} "
            f"{score.tp:5d} {score.fp:4d} {score.fn:4d}"
        )
    if show_errors:
        for name, score in rows:
            if score.errors:
                print(f"\n{name}:")
                for error in score.errors:
                    print(f"  {error}")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument(
        "--no-people", action="store_true", help="drop every article's people list first"
    )
    args = parser.parse_args()
    development = evaluate("labels.yaml", args.no_people)
    held_out = evaluate("labels_heldout.yaml", args.no_people)
    print_report("development set", development, args.errors)
    print_report("held-out set", held_out, args.errors)
    both = [development, held_out]
    total = Score(
        tp=sum(r.attribution.tp for r in both),
        fp=sum(r.attribution.fp for r in both),
        fn=sum(r.attribution.fn for r in both),
    )
    print(
        f"all {sum(r.quotations for r in both)} quotations: attribution precision "
        f"{total.precision:.1%}, recall {total.recall:.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
