from __future__ import annotations

from editorial.lint.quotes.finder import find_quotations, is_term


def texts(body: str) -> list[str]:
    found = find_quotations(body)
    return [q.text(found.masked) for q in found.quotations]


def test_marks_of_every_kind() -> None:
    body = 'A “curly one, here.” B "straight one, here." C «guillemets, here» D „German, here“ E.'
    assert texts(body) == [
        "curly one, here.",
        "straight one, here.",
        "guillemets, here",
        "German, here",
    ]


def test_nested_single_and_double_quotes() -> None:
    body = (
        "“She told me ‘never again,’ and meant it,” he said. “He said «no, never» twice,” she said."
    )
    assert texts(body) == ["She told me ‘never again,’ and meant it,", "He said «no, never» twice,"]


def test_terms_are_not_quotations() -> None:
    found = find_quotations("The “drought clause” and the “Paris Agreement” and a “crisis.”")
    assert [q.text(found.masked) for q in found.terms] == ["drought clause", "Paris Agreement"]
    assert [q.text(found.masked) for q in found.quotations] == ["crisis."]
    assert (
        is_term("two sentences long") and not is_term("Stop.") and not is_term("one two three four")
    )


def test_multi_paragraph_quotation() -> None:
    body = "“First paragraph.\n\n“Second paragraph.\n\n“Last one,” she said.\n\nAfter."
    found = find_quotations(body)
    [q] = found.quotations
    assert q.text(found.masked) == "First paragraph. Second paragraph. Last one,"
    assert q.start == 0 and body[q.end - 1] == "”"
    assert found.unbalanced == []


def test_unclosed_and_stray_marks() -> None:
    found = find_quotations("“Never closed, he said.\n\nNext paragraph.\n\nA stray” mark.")
    assert [(u.mark, u.opening) for u in found.unbalanced] == [("“", True), ("”", False)]
    assert texts("“Never closed, he said.\n\nNext.") == ["Never closed, he said."]


def test_block_quotes_and_dash_lines() -> None:
    found = find_quotations(
        "> The basin does not care\n> about borders.\n> — Lucía Fernández\n\nText."
    )
    [q] = found.quotations
    assert q.kind == "block"
    assert q.text(found.masked) == "The basin does not care about borders."
    assert q.dash_attribution is not None


def test_pull_quote_heading() -> None:
    found = find_quotations("## “The basin does not care about borders”\n\nText.\n")
    assert [q.kind for q in found.quotations] == ["heading"]


def test_code_links_and_comments_are_masked() -> None:
    body = 'Use `print("hello, world")` and [a link](https://x.org/"a,b") <!-- “not, a quote” -->\n\n```\n"code, here"\n```\n'
    assert texts(body) == []


def test_inches_and_apostrophes() -> None:
    assert texts("He is 5'10\" tall and it's fine.") == []


def test_positions_are_body_offsets() -> None:
    body = "Intro.\n\nShe said “one, two, three, four.”"
    found = find_quotations(body)
    [q] = found.quotations
    assert body[q.start] == "“" and body[q.end - 1] == "”"


def test_one_paragraph_a_line() -> None:
    body = (
        "The mayor spoke first.\n“We will rebuild the bridge, and soon,” Ruiz said.\n"
        "Then the crowd left.\n“Another quotation, on its own line.”\n"
    )
    found = find_quotations(body)
    assert [b.kind for b in found.blocks] == ["paragraph"] * 4
    assert [body[q.start] for q in found.quotations] == ["“", "“"]
    assert [q.block for q in found.quotations] == [1, 3]
