"""The checks across articles (Q006, F006) when only some articles are linted: the other
articles are analysed only when a quick look cannot rule out a conflict, and the findings
are exactly those of a run that analyses every article."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editorial.lint.engine import run_lint
from editorial.lint.rules._facts_fixtures import FACTS
from editorial.newsroom.newsroom import Newsroom
from tests.conftest import Room

PEOPLE = """people:
  - {id: okafor, name: Amara Okafor}
  - {id: mensah, name: Kwame Mensah}
"""
FRONT = '---\ntitle: "{slug}"\nslug: {slug}\nauthors: [ana-ruiz]\n'


def article(slug: str, body: str) -> str:
    return FRONT.format(slug=slug) + PEOPLE + "---\n" + body + "\n"


def cross(findings: list, path: str) -> set[tuple[str, int, str]]:  # type: ignore[type-arg]
    return {(f.code, f.line, f.message) for f in findings if f.code in ("Q006", "F006")}


def test_one_file_finds_conflicts_without_analysing_unrelated_articles(room: Room) -> None:
    room.write("sources/facts.yaml", FACTS)
    room.write(
        "published/other.md",
        article(
            "other",
            "“The channel was simply too shallow for a loaded carrier,” Mensah said.\n\n"
            "The courts issued 5,200 eviction orders last year [@x].",
        ),
    )
    for n in range(30):
        room.write(
            f"published/unrelated-{n}.md",
            article(
                f"unrelated-{n}", f"“Bridge number {n} opens in spring as planned,” Okafor said."
            ),
        )
    target = room.write(
        "drafts/mine.md",
        article(
            "mine",
            "“Last season the channel was simply too shallow for a loaded carrier,” Okafor "
            "said.\n\nCourts issued 4,900 eviction orders last year [@x].",
        ),
    )
    report = run_lint(Newsroom.open(room.root), [target], use_cache=False)
    codes = {f.code for f in report.findings}
    assert {"Q006", "F006"} <= codes
    assert report.compared == 1  # only published/other.md needed a look


WORDS = ["river", "port", "grain", "ships", "don't", "dry", "30", "thirty", "per", "cent", "the"]
phrase = st.lists(st.sampled_from(WORDS), min_size=5, max_size=9).map(" ".join)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@example(  # a numeral: the shorter quotation is found by its words, not as a phrase
    quotes=[("30 port port port port", "Okafor"), ("30 port port port port river", "Mensah")],
    values=[4100, 4100],
)
@given(
    quotes=st.lists(
        st.tuples(phrase, st.sampled_from(["Okafor", "Mensah"])), min_size=2, max_size=6
    ),
    values=st.lists(st.sampled_from([4100, 4900, 3000]), min_size=2, max_size=6),
)
def test_linting_one_file_agrees_with_analysing_everything(
    room: Room, quotes: list[tuple[str, str]], values: list[int]
) -> None:
    shutil.rmtree(room.root / "published", ignore_errors=True)
    shutil.rmtree(room.root / ".editorial", ignore_errors=True)
    room.write("sources/facts.yaml", FACTS)
    paths = []
    for i, (words, who) in enumerate(quotes):
        value = values[i % len(values)]
        body = (
            f"“{words},” {who} said.\n\nThe court issued {value:,} eviction orders last year [@x]."
        )
        if i % 2:  # a shorter quotation inside a longer one, opened mid-sentence
            body = f"{who} called it “{words.split(' ', 1)[-1]}.”\n\n" + body
        paths.append(room.write(f"published/a{i}.md", article(f"a{i}", body)))
    newsroom = Newsroom.open(room.root)
    everything = run_lint(newsroom, [room.root / "published"], use_cache=False)
    for path in paths:
        alone = run_lint(Newsroom.open(room.root), [path], use_cache=False)
        where = newsroom.relative(path)
        expected = cross([f for f in everything.findings if f.path == where], where)
        assert cross(alone.findings, where) == expected


def test_a_warm_run_compares_only_when_some_article_changed(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cross-article findings of a run stand while no article has changed: the next
    run answers them without building the ledger; an edit to another article, which the
    linted files do not include, is still seen."""
    import editorial.lint.engine as engine

    quote = "“The channel was simply too shallow for a loaded carrier,” {} said."
    room.write("published/other.md", article("other", quote.format("Mensah")))
    target = room.write("drafts/mine.md", article("mine", quote.format("Okafor")))
    newsroom = Newsroom.open(room.root)
    first = run_lint(newsroom, [target])
    assert "Q006" in [f.code for f in first.findings]
    built: list[int] = []
    real = engine.Ledger

    def counting(*args: object) -> object:
        built.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "Ledger", counting)
    again = run_lint(newsroom, [target])
    assert again.findings == first.findings and built == []
    room.write("published/other.md", article("other", quote.format("Okafor")))
    after = run_lint(newsroom, [target])
    assert "Q006" not in [f.code for f in after.findings] and built == [1]
    assert run_lint(newsroom, [target], use_cache=False).findings == after.findings


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    quotes=st.lists(
        st.tuples(phrase, st.sampled_from(["Okafor", "Mensah"])), min_size=3, max_size=6
    ),
    edits=st.lists(
        st.tuples(
            st.integers(0, 5),
            phrase,
            st.sampled_from(["Okafor", "Mensah"]),
            st.sampled_from(["all", "one", "drafts"]),
            st.booleans(),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_a_warm_run_after_edits_agrees_with_a_cold_one(
    room: Room, quotes: list[tuple[str, str]], edits: list[tuple[int, str, str, str, bool]]
) -> None:
    """The kept cross-article findings are reused only where nothing they depend on has
    changed: after any edits, a warm run (of everything, one file, or another folder)
    gives exactly the findings of a run without the cache."""
    for folder in ("published", "drafts", ".editorial"):
        shutil.rmtree(room.root / folder, ignore_errors=True)
    room.write("sources/facts.yaml", FACTS)

    def write(i: int, words: str, who: str, lead: bool = False) -> Path:
        folder = "drafts" if i % 3 == 2 else "published"
        value = 4100 if (i + len(words)) % 2 else 4900
        body = (
            f"“{words},” {who} said.\n\nThe court issued {value:,} eviction orders last year [@x]."
        )
        if i % 2:
            body = f"{who} called it “{words.split(' ', 1)[-1]}.”\n\n" + body
        if lead:
            body = "The hearing ran late.\n\n" + body
        return room.write(f"{folder}/a{i}.md", article(f"a{i}", body))

    paths = [write(i, words, who) for i, (words, who) in enumerate(quotes)]
    run_lint(Newsroom.open(room.root), [room.root])
    for i, words, who, scope, lead in edits:
        if i < len(paths) and lead:  # the same words, further down
            words, who = quotes[i] if i < len(quotes) else (words, who)
        if i < len(paths):
            paths[i].unlink()
            paths[i] = write(i, words, who, lead)
        else:
            paths.append(write(len(paths), words, who, lead))
        given = {"all": [room.root], "one": [paths[0]], "drafts": [room.root / "drafts"]}[scope]
        warm = run_lint(Newsroom.open(room.root), given)
        cold = run_lint(Newsroom.open(room.root), given, use_cache=False)
        assert warm.findings == cold.findings


def test_a_rule_reading_the_whole_ledger_runs_again_on_every_run(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A house rule that compares articles without promising ``ledger_reach = "shared"``
    sees every article and is run again each time: an unrelated new article counts."""
    from collections.abc import Iterator

    from editorial.lint import registry
    from editorial.lint.rule import NewsroomContext, Rule, Violation

    class LedgerSize(Rule):
        """How many articles the ledger holds."""

        code = "X901"
        name = "ledger-size"
        severity = "warning"
        scope = "newsroom"
        ledger_parts = frozenset({"quotes"})

        def check_newsroom(self, ctx: NewsroomContext) -> Iterator[Violation]:
            for quote in ctx.mine.quotes[:1]:
                yield Violation(quote.start, quote.end, f"{len(ctx.ledger.contributions)} articles")

    real = registry.all_rules()
    monkeypatch.setattr(registry, "all_rules", lambda: {**real, "X901": LedgerSize})
    quote = "“The channel was simply too shallow for a loaded carrier,” Okafor said."
    target = room.write("drafts/mine.md", article("mine", quote))
    room.write("published/a.md", article("a", "“Bridges open in spring as planned,” Mensah said."))

    def sizes() -> list[str]:
        report = run_lint(Newsroom.open(room.root), [target])
        return [f.message for f in report.findings if f.code == "X901"]

    assert sizes() == ["2 articles"]
    assert sizes() == ["2 articles"]
    room.write("published/b.md", article("b", "“Ferries run late in winter,” Mensah said."))
    assert sizes() == ["3 articles"]


WORDS = ["the", "port", "was", "too", "shallow", "for", "a", "loaded", "ship", "last"]


@settings(max_examples=150, deadline=None)
@given(
    text=st.lists(st.sampled_from(WORDS), min_size=0, max_size=60),
    quotations=st.lists(
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=9), min_size=0, max_size=80
    ),
)
def test_a_sketch_finds_a_quotation_whole_by_its_runs_as_by_searching(
    text: list[str], quotations: list[list[str]]
) -> None:
    """With many quotations the sketch looks them up by their first five words; it must
    answer as a plain search of the text would."""
    from editorial.lint.ledger import FEW_PHRASES, Sketch, Wanted

    sketch = Sketch("“" + " ".join(text) + "”")
    wanted = Wanted()
    for words in quotations:
        wanted.add_whole(tuple(words))
    searched = any(phrase in sketch.words for phrase in wanted.whole)
    assert sketch._holds_whole(wanted) == searched
    if len(wanted.whole) > FEW_PHRASES and not wanted.runs and not wanted.loose:
        assert sketch.may_quote(wanted) == searched
