"""A realistic newsroom archive for the comparison benchmarks, deterministic for a seed.

``archive(root, n)`` writes a newsroom of ``n`` published event write-ups of about 1,000
words each: speaker sections ("Opening Remarks: Ambassador Name"), quotations in the
styles real copy uses (``“…,” Name said``, ``Name said: “…”``, ``calling it “…”``, a
quotation continuing in its own paragraph), figures with citations and a register of
checked facts, a Zoom transcript per event, several authors with bios, and a few defects
(a misquote, a misattribution, an uncited figure) as a newsroom really has.

Run it alone to look at the output: ``python bench/archive.py /tmp/archive 50``.
"""

from __future__ import annotations

import random
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

NOUNS = [
    "river",
    "port",
    "harbour",
    "channel",
    "basin",
    "drought",
    "farmers",
    "council",
    "budget",
    "school",
    "teachers",
    "families",
    "market",
    "prices",
    "wages",
    "season",
    "harvest",
    "bridge",
    "ferry",
    "road",
    "hospital",
    "doctors",
    "nurses",
    "children",
    "housing",
    "rent",
    "court",
    "judge",
    "ruling",
    "province",
    "ministry",
    "government",
    "treaty",
    "plan",
    "money",
    "community",
    "future",
    "question",
    "answer",
    "problem",
    "cargo",
    "freight",
    "rail",
    "grain",
    "carrier",
    "dock",
    "evictions",
    "tenants",
    "landlords",
    "clinic",
    "heat",
    "summer",
    "reservoir",
    "pipeline",
    "tariff",
    "subsidy",
    "contract",
    "tender",
    "dredging",
    "levee",
    "flood",
    "insurance",
    "pension",
    "workers",
    "union",
    "strike",
    "vote",
    "election",
    "mayor",
    "district",
    "village",
    "coast",
    "fishery",
    "catch",
    "quota",
    "permit",
    "inspector",
    "audit",
]
# Real copy draws on thousands of words, most of them rare: the common nouns above, then
# made-up ones from syllables, picked with Zipf's weights (the n-th word about 1/n as often).
_SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "ten",
    "sul",
    "var",
    "do",
    "be",
    "li",
    "nor",
    "pa",
    "que",
    "tas",
    "ri",
    "mon",
    "gel",
    "fi",
    "sa",
    "tor",
    "ven",
]
RARE = sorted(
    {a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in ("", "s", "n", "ter", "ment")}
)
VOCABULARY = NOUNS + RARE
WEIGHTS = [1 / (rank + 10) for rank in range(len(VOCABULARY))]
VERBS = [
    "needs",
    "cuts",
    "builds",
    "protects",
    "delays",
    "doubles",
    "funds",
    "blocks",
    "reviews",
    "expands",
    "replaces",
    "moves",
    "carries",
    "closes",
    "opens",
    "measures",
    "shares",
    "raises",
    "lowers",
    "covers",
    "threatens",
    "supports",
]
ADJECTIVES = [
    "shallow",
    "public",
    "regional",
    "national",
    "local",
    "fragile",
    "costly",
    "cheaper",
    "new",
    "old",
    "dry",
    "early",
    "late",
    "fair",
    "open",
    "long",
    "short",
    "rural",
    "urban",
    "coastal",
    "careful",
    "honest",
    "serious",
]
OPENERS = (
    "We", "They", "Our members", "The province", "Every family", "Nobody", "The ministry",
    "This plan", "The council", "What we saw",
)  # fmt: skip
LINKS = ("but", "and", "because", "so", "while", "although", "unless", "when")

PEOPLE = [
    ("Ambassador", "Helena", "Varga", "ambassador of Hungary to the river commission"),
    ("Admiral", "Jonas", "Pereira", "commander of the coastal fleet"),
    ("Dr.", "Amara", "Okafor", "hydrologist at the Basin Institute"),
    ("Minister", "Lucía", "Fernández", "minister of water resources"),
    ("Mayor", "Rafael", "Ortiz", "mayor of Puerto Sur"),
    ("Professor", "Hannah", "Lindqvist", "professor of economics at Delta University"),
    ("Senator", "Diego", "Salas", "chair of the senate infrastructure committee"),
    ("Captain", "Elena", "Sorrentino", "harbour master of Rosario"),
    ("Dr.", "Kwame", "Mensah", "freight researcher at the Institute for Transport Research"),
    ("Judge", "Marta", "Quiroga", "presiding judge of the housing court"),
    ("Councillor", "Tomás", "Iriarte", "councillor for the river district"),
    ("Dr.", "Priya", "Raman", "epidemiologist at the Ministry of Health"),
    ("Governor", "Sofía", "Benítez", "governor of the province"),
    ("General", "Pablo", "Achával", "head of civil defence"),
    ("Consul", "Ingrid", "Holm", "consul general of Sweden"),
    ("Chief", "Lorenzo", "Duarte", "chief of the river fire brigade"),
    ("Dr.", "Yusuf", "Kaya", "director of the Port Economics Lab"),
    ("Commissioner", "Nadia", "Rossi", "commissioner for the environment"),
    ("Secretary", "Andrés", "Villalba", "secretary of transport"),
    ("Dr.", "Chen", "Wei", "climate scientist at the Southern Observatory"),
]
AUTHORS = [
    ("ana-ruiz", "Ana Ruiz", "covers water, rivers and the provinces that depend on them"),
    ("tom-becker", "Tom Becker", "edits the events desk and reports on transport"),
    ("mira-haddad", "Mira Haddad", "reports on housing, courts and city budgets"),
    ("li-moreno", "Li Moreno", "covers health and the heat season"),
    ("sam-osei", "Sam Osei", "writes about ports, freight and trade"),
    ("eva-lund", "Eva Lund", "is the data editor and keeps the register of facts"),
    ("joao-silva", "João Silva", "reports from the coast on fisheries and storms"),
    ("nora-adler", "Nora Adler", "covers the legislature and its committees"),
]
SECTIONS = ("events", "water", "housing", "transport", "health", "politics")
TAGS = [
    "drought",
    "ports",
    "freight",
    "housing",
    "courts",
    "budget",
    "health",
    "heat",
    "rail",
    "treaty",
    "coast",
    "fisheries",
    "elections",
    "flood",
    "energy",
]
FACTS = [
    ("basin-withdrawals", 4200, "cubic hectometres", ["withdrawals", "water drawn"]),
    ("rosario-evictions", 4100, "eviction orders", ["eviction orders", "evicted households"]),
    ("heat-deaths-2024", 1140, "heat-related deaths", ["heat deaths", "died from heat"]),
    ("port-calls", 2300, "ship calls", ["ship calls", "vessel calls"]),
]
HEADINGS = (
    "Opening Remarks: {title} {first} {last}",
    "Keynote Address – {title} {first} {last}",
    "Closing remarks by {title} {first} {last}",
    "{first} {last}",
)


@dataclass
class Event:
    slug: str
    transcript: str
    speakers: list[tuple[str, str, str, str]]
    said: list[tuple[int, str]]  # (speaker index, sentence)


def _noun(rng: random.Random) -> str:
    return rng.choices(VOCABULARY, WEIGHTS)[0]


def _sentence(rng: random.Random) -> str:
    parts = [
        rng.choice(OPENERS) if rng.random() < 0.3 else f"The {_noun(rng)}",
        rng.choice(VERBS),
        "the",
        rng.choice(ADJECTIVES),
        _noun(rng),
        "of the",
        _noun(rng),
    ]
    if rng.random() < 0.7:
        parts += [rng.choice(LINKS), "the", _noun(rng), rng.choice(VERBS), "our", _noun(rng)]
    return " ".join(parts) + "."


def _prose(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        words = [_noun(rng) if i % 3 else rng.choice(ADJECTIVES) for i in range(rng.randint(6, 12))]
        words[0] = "the " + words[0]
        out.append(
            f"{words[0].capitalize()} {rng.choice(VERBS)} {' '.join(words[1:])} in the "
            f"{rng.choice(NOUNS)}."
        )
    return " ".join(out)


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return plain.lower()


def _ts(seconds: float) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{int(h):02d}:{int(m):02d}:{s:06.3f}"


def _event(rng: random.Random, number: int) -> Event:
    speakers = rng.sample(PEOPLE, 3)
    lines = ["WEBVTT", ""]
    said: list[tuple[int, str]] = []
    clock = 1.0
    for cue in range(1, 91):
        who = rng.randrange(len(speakers))
        text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 2)))
        said.append((who, text))
        length = len(text.split()) / 2.5
        _t, first, last, _r = speakers[who]
        lines += [str(cue), f"{_ts(clock)} --> {_ts(clock + length)}", f"{first} {last}: {text}"]
        lines.append("")
        clock += length + 0.4
    slug = f"event-{number:04d}"
    return Event(slug, "\n".join(lines), speakers, said)


def _quote(rng: random.Random, event: Event, who: int, defect: str) -> tuple[str, int]:
    """Words of ``who`` from the transcript (a misquote changes one), and who said them."""
    options = [text for i, text in event.said if i == who] or [event.said[0][1]]
    text = rng.choice(options).split(". ")[0].rstrip(".")
    if defect == "misquote":
        text = text.replace(" the ", " this ", 1) + " again"
    return text, who


def _section(rng: random.Random, event: Event, who: int, defects: list[str]) -> list[str]:
    title, first, last, role = event.speakers[who]
    heading = rng.choice(HEADINGS).format(title=title, first=first, last=last)
    paragraphs = [f"## {heading}", f"{title} {first} {last}, {role}, {_prose(rng, 2)[0].lower()}"]
    paragraphs[-1] = f"{title} {first} {last} is the {role}. {_prose(rng, 2)}"
    styles = ["said_after", "said_colon", "calling", "according", "continued", "described"]
    for style in rng.sample(styles, 4):
        defect = defects.pop() if defects and rng.random() < 0.5 else ""
        text, _ = _quote(rng, event, who, defect)
        name = last
        if defect == "misattribute":
            other = (who + 1) % len(event.speakers)
            name = event.speakers[other][2]
        lead = _prose(rng, 1)
        if style == "said_after":
            paragraphs.append(f"{lead} “{text},” {name} said. {_prose(rng, 1)}")
        elif style == "said_colon":
            paragraphs.append(f"{lead} {name} said: “{text}.”")
        elif style == "calling":
            head, _, tail = text.partition(" the ")
            paragraphs.append(f"{name} criticised the plan, calling it “{tail or head}.” {lead}")
        elif style == "according":
            paragraphs.append(f"According to {name}, “{text[0].lower()}{text[1:]}.” {lead}")
        elif style == "continued":
            paragraphs.append(f"“{text},” {name} said.")
            more, _ = _quote(rng, event, who, "")
            paragraphs.append(f"“{more}.”")
        else:
            paragraphs.append(f"{lead} {name} described the outcome as “{text.lower()}.”")
    return paragraphs


def _figures(rng: random.Random, uncited: bool, wrong: bool) -> list[str]:
    _fact, value, _unit, keywords = rng.choice(FACTS)
    if wrong:  # a figure the register contradicts
        value = value * 6 // 5
    cite = "" if uncited else " [@report]"
    money = rng.choice(("$38.5 million", "$2.1 billion", "$640,000", "$12 million"))
    share = rng.randint(5, 60)
    return [
        f"The province recorded {value:,} {keywords[0]} last year{cite}, and the budget set "
        f"aside {money} for the {rng.choice(NOUNS)} programme [@budget]. About {share} percent "
        f"of the {rng.choice(NOUNS)} went unspent [@budget].",
        f"{_prose(rng, 3)} Officials said {rng.randint(2, 90)} {rng.choice(NOUNS)} projects "
        f"were under review, {rng.randint(2, 40)} of them in the river district [@report].",
    ]


def _article(rng: random.Random, number: int, event: Event) -> str:
    slug = f"{event.slug}-report-{number:05d}"
    author_ids = [a[0] for a in rng.sample(AUTHORS, rng.choice((1, 1, 2)))]
    people = "\n".join(
        f"  - id: {_slug(last)}\n    name: {first} {last}\n    title: {title}\n    role: {role}"
        for title, first, last, role in event.speakers
    )
    month, day = 1 + number % 12, 1 + number % 28
    tags = ", ".join(rng.sample(TAGS, 3))
    front = (
        "---\n"
        f'title: "Panel {number}: {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} and the '
        f'{rng.choice(NOUNS)} debate"\n'
        f"slug: {slug}\n"
        f"authors: [{', '.join(author_ids)}]\n"
        "state: published\n"
        f"section: {rng.choice(SECTIONS)}\n"
        f"tags: [{tags}]\n"
        f'summary: "{_prose(rng, 1)}"\n'
        f"published_at: 2025-{month:02d}-{day:02d}T09:00:00Z\n"
        f"people:\n{people}\n"
        f"transcripts: [{event.slug}.vtt]\n"
        "citations:\n"
        "  - id: report\n"
        '    title: "Annual report of the river commission"\n'
        '    publisher: "River Commission"\n'
        '    url: "https://commission.example.org/report"\n'
        "  - id: budget\n"
        '    title: "Provincial budget"\n'
        '    publisher: "Ministry of Finance"\n'
        '    url: "https://finance.example.org/budget"\n'
        "---\n\n"
    )
    defects = []
    if number % 10 == 3:
        defects.append("misquote")
    if number % 25 == 7:
        defects.append("misattribute")
    paragraphs = [
        f"PUERTO SUR — {_prose(rng, 3)}",
        *_figures(rng, uncited=number % 20 == 11, wrong=number % 15 == 4),
    ]
    for who in range(len(event.speakers)):
        paragraphs += _section(rng, event, who, defects)
        paragraphs.append(_prose(rng, 4))
    paragraphs.append("## What comes next")
    paragraphs += [_prose(rng, 5), _prose(rng, 4)]
    bios = " ".join(f"*{name} {about}.*" for aid, name, about in AUTHORS if aid in author_ids)
    paragraphs.append(bios)
    return front + "\n\n".join(paragraphs) + "\n"


CONFIG = """[newsroom]
name = "Benchmark Review"
base_url = "https://bench.example.org"
language = "en"

[staff.ana]
name = "Ana Ruiz"
author = "ana-ruiz"
roles = ["author", "editor", "publisher"]
"""


def archive(root: Path, n: int, seed: int = 11, per_event: int = 5) -> Path:
    """Write a newsroom of ``n`` published articles under ``root`` and return ``root``."""
    rng = random.Random(seed)
    for folder in ("drafts", "published", "authors", "sources"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "editorial.toml").write_text(CONFIG, encoding="utf-8")
    for aid, name, about in AUTHORS:
        (root / "authors" / f"{aid}.md").write_text(
            f"---\nname: {name}\n---\n{name} {about}. Before joining the desk, {name} "
            "spent ten years at regional papers and a wire service, and now also teaches "
            "reporting on public records at the university.\n",
            encoding="utf-8",
        )
    facts = ["facts:"]
    for fid, value, unit, keywords in FACTS:
        facts += [
            f"  - id: {fid}",
            f"    value: {value}",
            f"    unit: {unit}",
            f"    keywords: [{', '.join(keywords)}]",
            "    tolerance: 0.05",
            "    as_of: 2025-06-30",
            "    max_age_days: 3650",
            '    source: {title: "Register", publisher: "Data desk", url: "https://data.example.org"}',
        ]
    (root / "sources" / "facts.yaml").write_text("\n".join(facts) + "\n", encoding="utf-8")
    event: Event | None = None
    for i in range(n):
        if i % per_event == 0:
            event = _event(rng, i // per_event)
            (root / "sources" / f"{event.slug}.vtt").write_text(event.transcript, encoding="utf-8")
        assert event is not None
        text = _article(rng, i, event)
        (root / "published" / f"{event.slug}-report-{i:05d}.md").write_text(text, encoding="utf-8")
    return root


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/archive")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    archive(target, count)
    print(f"{count} articles in {target}")
