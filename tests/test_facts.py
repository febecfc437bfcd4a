from __future__ import annotations

import datetime as dt

import pytest

from editorial.lint.facts.analysis import match_fact, within_tolerance, written_like
from editorial.lint.facts.citations import find_citations
from editorial.lint.facts.dates import find_dates
from editorial.lint.facts.figures import Figure, find_figures
from editorial.model.fact import Fact


def one(text: str) -> Figure:
    [figure] = find_figures(text)
    return figure


@pytest.mark.parametrize(
    ("text", "value", "kind", "unit", "qualifier", "rate"),
    [
        ("Courts issued 4,000 eviction orders.", 4000, "count", "eviction order", None, None),
        ("It drew 4,200.5 cubic hectometres.", 4200.5, "count", "cubic hectometre", None, None),
        ("About 60% of voters agreed.", 60, "percent", "%", "about", None),
        ("Turnout was 60 percent.", 60, "percent", "%", None, None),
        ("Turnout rose 3.5 percentage points.", 3.5, "percent", "%", None, None),
        ("The city spends $2.4 million a year.", 2_400_000, "money", "USD", None, "year"),
        ("It cost 18 billion pesos.", 18e9, "money", "ARS", None, None),
        ("A €4bn plan.", 4e9, "money", "EUR", None, None),
        ("A US$2,500 fine.", 2500, "money", "USD", None, None),
        ("Some thirty thousand children.", 30_000, "count", "children", "some", None),
        ("Two and a half million tonnes.", 2_500_000, "count", "tonne", None, None),
        ("More than 4,000 evictions annually.", 4000, "count", "eviction", "more than", "year"),
        ("Over 4,000 evictions a year.", 4000, "count", "eviction", "over", "year"),
        ("Nearly 1,500 people died.", 1500, "count", "people", "nearly", None),
        ("At least 300 firefighters.", 300, "count", "firefighter", "at least", None),
        ("Water flows at 1,200 litres every minute.", 1200, "count", "litre", None, "minute"),
        (
            "It lost 2.3 million hectares of crops.",
            2_300_000,
            "count",
            "hectare of crop",
            None,
            None,
        ),
    ],
)
def test_number_forms(
    text: str, value: float, kind: str, unit: str, qualifier: str | None, rate: str | None
) -> None:
    figure = one(text)
    assert (figure.value, figure.kind, figure.unit, figure.qualifier, figure.rate) == (
        value,
        kind,
        unit,
        qualifier,
        rate,
    )


def test_the_same_claim_in_two_wordings() -> None:
    a = one("More than 4,000 evictions annually.")
    b = one("Over 4,000 evictions a year.")
    assert a.key == b.key and a.value == b.value


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 1998 and revised in 2024.",
        "They met on March 14 and again on 3 April.",
        "The bus leaves at 6 a.m. and at 10:30.",
        "It was the 3rd time; the score was 4-3.",
        "She has worked there for forty years, 12 days a month.",
        "“We lost 5,000 jobs,” he said.",
        "See [the report](https://x.org/4000-people) and `4,000 people` [@r-2024].",
        "Forty-five people came, and 45 people left.",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


def fact(value: float, tolerance: float, unit: str = "evictions") -> Fact:
    return Fact(id="f", value=value, unit=unit, keywords=["eviction orders"], tolerance=tolerance)


@pytest.mark.parametrize(
    ("text", "value", "tolerance", "ok"),
    [
        ("4,100 evictions", 4100, 0.0, True),
        ("4,000 evictions", 4100, 0.05, True),
        ("3,800 evictions", 4100, 0.05, False),
        ("about 3,900 evictions", 4100, 0.0, True),  # "about" allows 5%
        ("more than 4,000 evictions", 4100, 0.05, True),
        ("more than 4,000 evictions", 4500, 0.05, True),  # up to 15% above
        ("more than 4,000 evictions", 5000, 0.05, False),
        ("more than 4,500 evictions", 4100, 0.05, False),
        ("nearly 4,200 evictions", 4100, 0.02, True),
        ("nearly 1,500 evictions", 1140, 0.02, False),
        ("up to 4,000 evictions", 4100, 0.05, True),
    ],
)
def test_qualifiers_and_tolerance(text: str, value: float, tolerance: float, ok: bool) -> None:
    assert within_tolerance(one(text), fact(value, tolerance)) is ok


def test_registry_matching() -> None:
    people = Fact(id="pop", value=12e6, unit="people", keywords=["depend on the river"])
    deaths = Fact(id="heat", value=1140, unit="heat-related deaths", keywords=["died from heat"])
    water = Fact(id="w", value=4200, unit="cubic hectometres", keywords=["withdrawals"])
    facts = [people, deaths, water]
    sentence = "Nearly 1,500 people died from heat."
    assert match_fact("", one(sentence), sentence, facts) == deaths
    sentence = "More than 12 million people depend on the river."
    assert match_fact("", one(sentence), sentence, facts) == people
    sentence = "It drew 4,000 cubic hectometres."
    assert match_fact("", one(sentence), sentence, facts) == water
    sentence = "The fire drew 300 firefighters."
    assert match_fact("", one(sentence), sentence, facts) is None
    sentence = "About 2,000 people came to the market."
    assert match_fact("", one(sentence), sentence, facts) is None


MODIFIED = [
    Fact(id="roads", value=3100, unit="fatalities", keywords=["traffic fatalities"]),
    Fact(id="drugs", value=2100, unit="arrests", keywords=["drug-related arrests"]),
    Fact(id="evict", value=4100, unit="evictions", keywords=["eviction orders"]),
]


@pytest.mark.parametrize(
    ("sentence", "fact_id", "agrees"),
    [
        ("There were over 12,500 annual statewide traffic fatalities in 2019.", "roads", False),
        ("Police made 2,300 drug-related arrests.", "drugs", False),
        ("Judges signed 4,100 eviction orders last year.", "evict", True),
        ("Judges signed 4,100 contested residential eviction orders.", "evict", True),
        ("The state logged 3,100 serious traffic fatalities.", "roads", True),
        ("The city has 12,500 annual visitors and traffic is heavy.", None, None),
    ],
)
def test_registry_facts_through_modifiers(
    sentence: str, fact_id: str | None, agrees: bool | None
) -> None:
    """The fact's unit or keyword anywhere in the figure's noun phrase: a wrong number is
    then a contradiction of the registry (F002), not an unsupported figure (F001)."""
    figure = one(sentence)
    matched = match_fact("", figure, sentence, MODIFIED)
    assert (matched.id if matched else None) == fact_id
    if matched is not None:
        assert within_tolerance(figure, matched) is agrees


def test_stale_facts() -> None:
    old = Fact(id="o", value=1, unit="x", as_of=dt.date(2020, 1, 1), max_age_days=365)
    assert old.is_stale(dt.date(2021, 1, 2))
    assert not old.is_stale(dt.date(2020, 12, 31))
    assert not Fact(id="n", value=1, unit="x").is_stale(dt.date(2030, 1, 1))


@pytest.mark.parametrize(
    ("text", "weekday", "date"),
    [
        ("Thursday, February 29, 2024", "Thursday", dt.date(2024, 2, 29)),
        ("Tuesday, 29 February 2000", "Tuesday", dt.date(2000, 2, 29)),
        ("Monday, March 1, 2100", "Monday", dt.date(2100, 3, 1)),
        ("Friday, March 14", "Friday", dt.date(2025, 3, 14)),
        ("the 14th of March", None, dt.date(2025, 3, 14)),
    ],
)
def test_dates(text: str, weekday: str | None, date: dt.date) -> None:
    [mention] = find_dates(text, 2025)
    assert mention.weekday == weekday
    assert mention.date == date


def test_dates_that_do_not_exist() -> None:
    [feb] = find_dates("Friday, February 29, 2023", 2025)
    assert feb.date is None
    [century] = find_dates("February 29, 1900", 2025)  # 1900 was not a leap year
    assert century.date is None
    assert find_dates("May I say something?", 2025) == []


def test_citation_syntax() -> None:
    found = find_citations(
        "A [@one]. B [@two; @three, p. 4]. C [-@four]. D[^n]. E `[@code]`. F [x](http://y).\n\n[^n]: Note.\n"
    )
    assert [m.key for m in found.markers if not m.footnote] == ["one", "two", "three", "four"]
    assert [m.key for m in found.markers if m.footnote] == ["n"]
    assert found.footnotes == {"n": found.footnotes["n"]}


def test_fact_rules_on_the_cli(tmp_path: object) -> None:
    from tests.conftest import BIO, CONFIG, Room

    room = Room(tmp_path / "r")  # type: ignore[operator]
    room.write("editorial.toml", CONFIG)
    room.write("authors/ana-ruiz.md", BIO.format(name="Ana Ruiz"))
    room.write(
        "sources/facts.yaml",
        "facts:\n  - {id: ev, value: 4100, unit: evictions, keywords: [eviction orders], tolerance: 0.05,"
        " as_of: 2015-01-01, max_age_days: 365, source: {title: Orders, publisher: Courts}}\n",
    )
    room.write(
        "drafts/a.md",
        "---\ntitle: A\nslug: a\nauthors: [ana-ruiz]\ncitations:\n  - {id: r, title: R}\n---\n"
        "Courts issue 2,000 eviction orders a year. On Tuesday, March 3, 2025, $5 million went.\n",
    )
    import json

    findings = json.loads(room.run("lint", "--format", "json").output)
    assert sorted(f["code"] for f in findings) == ["C002", "C003", "F001", "F002", "F004", "F005"]


def test_small_sums_are_figures_only_with_a_rate() -> None:
    assert find_figures("She paid $20 for a taxi.") == []
    [wage] = find_figures("Drivers earn $20 an hour.")
    assert (wage.value, wage.rate) == (20, "hour")


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "written"),
    [
        ("The plan costs $40 million a year.", 38_500_000, "dollars", "$38.5 million"),
        ("It spends $48m on heat.", 38_500_000, "dollars", "$38.5m"),
        ("A budget of US$ 2.5 billion.", 2_300_000_000, "dollars", "US$ 2.3 billion"),
        ("It cost 18 billion pesos.", 17_250_000_000, "pesos", "17.25 billion pesos"),
        ("Nearly 1,500 people died.", 1140, "heat-related deaths", "1,140 heat-related deaths"),
        ("About 12 million people live there.", 12_500_000, "people", "12.5 million people"),
        ("Turnout was 45% this year.", 52.5, "percent", "52.5%"),
        ("Turnout was 45 per cent this year.", 52.5, "percent", "52.5 per cent"),
        ("Some 15000 tonnes a year.", 12000, "tonnes", "12000 tonnes"),
        ("Some thirty thousand children.", 41_000, "children", "41,000 children"),
    ],
)
def test_registry_values_are_written_the_way_the_article_writes_figures(
    sentence: str, value: float, unit: str, written: str
) -> None:
    assert written_like(value, unit, one(sentence)) == written
