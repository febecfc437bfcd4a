"""What a lint rule is: a code, a name, a default severity, documentation, examples that
must fail and must pass, and a ``check`` that yields violations for one article."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from editorial.lint.finding import Severity
from editorial.newsroom.article import Article
from editorial.newsroom.document import Document
from editorial.newsroom.newsroom import Newsroom
from editorial.newsroom.text import Position

if TYPE_CHECKING:
    from editorial.lint.ledger import Contribution, Ledger

DEFAULT_FRONT_MATTER = """\
title: "Example article"
slug: example
authors: [ana-ruiz]
"""


@dataclass(frozen=True)
class Example:
    """An article (and any other newsroom files it needs) that a rule must flag or pass.

    ``text`` is the whole article file. ``files`` maps paths relative to the newsroom root
    (``sources/panel.vtt``, ``authors/tom.md``) to their contents.
    """

    text: str
    files: Mapping[str, str] = field(default_factory=dict)


def example(
    body: str,
    front_matter: str = DEFAULT_FRONT_MATTER,
    files: Mapping[str, str] | None = None,
) -> Example:
    """An example article from its body and front matter YAML (default: a minimal valid one)."""
    return Example(text=f"---\n{front_matter}---\n{body}", files=dict(files or {}))


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the file's text from ``start`` to ``end`` (exclusive) with ``content``."""

    start: Position
    end: Position
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that resolve a violation. A safe fix keeps the meaning (punctuation, a weekday
    that the date fixes); an unsafe one changes what the article says (a quotation made
    to match the transcript) and is applied only with ``--unsafe-fixes``."""

    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule reports; the engine adds the path, code, name and severity."""

    start: Position
    end: Position
    message: str
    suggestion: str | None = None
    fix: Fix | None = None


@dataclass
class LintContext:
    """Everything a rule may look at for one article."""

    newsroom: Newsroom
    article: Article
    transcripts: Sequence[Path] = ()
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def document(self) -> Document:
        return self.article.document

    @property
    def body(self) -> str:
        return self.article.body

    def at_body(
        self,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        fix: Fix | None = None,
    ) -> Violation:
        """A violation over body characters ``start:end`` (end exclusive)."""
        doc = self.document
        return Violation(doc.body_position(start), doc.body_position(end), message, suggestion, fix)

    def body_fix(self, start: int, end: int, content: str, *, safe: bool = True) -> Fix:
        """A fix that replaces body characters ``start:end`` with ``content``."""
        doc = self.document
        edit = Edit(doc.body_position(start), doc.body_position(end), content)
        return Fix((edit,), safe)

    def at_field(
        self, loc: Sequence[str | int], message: str, suggestion: str | None = None
    ) -> Violation:
        """A violation on a front matter field (its key and value, or a list item)."""
        start, end = self.document.field_span(loc)
        return Violation(start, end, message, suggestion)

    def at_line(
        self, line: int, message: str, suggestion: str | None = None, column: int = 1
    ) -> Violation:
        """A violation from ``column`` to the end of a file line."""
        index = self.document.index
        line = max(1, min(line, index.line_count))
        length = len(index.line_text(line))
        return Violation(
            Position(line, column),
            Position(line, max(length + 1, column)),
            message,
            suggestion,
        )


@dataclass
class NewsroomContext:
    """What a rule that compares articles sees: one article's contribution to the
    newsroom's ledger, and the whole ledger."""

    path: str
    mine: Contribution
    ledger: Ledger


class Rule:
    """Base class of lint rules. Subclasses set the class attributes and ``check``
    (``scope = "article"``), or ``check_newsroom`` for rules that compare articles
    (``scope = "newsroom"``, run from the cached ledger after every article is read).

    The docstring is the rule's documentation (first line: a one-line summary; then what
    it catches, why it matters, how to fix), shown by ``editorial rule CODE``.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    needs_meta: ClassVar[bool] = True
    scope: ClassVar[Literal["article", "newsroom"]] = "article"
    # what a newsroom rule reads of other articles: their attributed quotations, their
    # comparable figures (an article is analysed for a part only when a rule needs it)
    ledger_parts: ClassVar[frozenset[str]] = frozenset({"quotes", "figures"})
    # "shared": an article's findings depend only on the articles with a quotation holding
    # or held by one of its own, or a figure of the same quantity with another value, and
    # not on where in them those are (Q006, F006), so a warm run compares only around what
    # changed; "all": the rule reads the whole ledger, and every run compares again
    ledger_reach: ClassVar[Literal["shared", "all"]] = "all"
    must_fail: ClassVar[Sequence[Example]] = ()
    must_pass: ClassVar[Sequence[Example]] = ()

    def check(self, ctx: LintContext) -> Iterable[Violation]:
        raise NotImplementedError

    def check_newsroom(self, ctx: NewsroomContext) -> Iterable[Violation]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0] if cls.doc() else ""
