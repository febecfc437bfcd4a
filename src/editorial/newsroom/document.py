"""Reading a Markdown file with YAML front matter, keeping exact positions.

A :class:`Document` is the text of one file split into front matter and body. Parsing never
raises for bad content: problems (broken YAML, no front matter, a mapping that is not one)
are collected with their line, so that ``lint`` can report them as findings and go on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from editorial.newsroom.text import LineIndex, Position, decode

# A '---' line. python-frontmatter's own boundary pattern lets trailing whitespace run over
# blank lines, which would move the body's first byte; this one stays on its line.
_BOUNDARY = re.compile(r"^-{3}[ \t]*\r?$", re.MULTILINE)
# libyaml's C parser when PyYAML was built with it (about twenty times faster); its nodes
# carry the same line marks as the pure-Python one.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a file's form, at a 1-based line (and column when known)."""

    message: str
    line: int = 1
    column: int = 1
    field: str | None = None


@dataclass
class Document:
    """One file: its full text, parsed front matter with positions, and body."""

    path: Path
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    node: yaml.Node | None = None
    front_matter_line: int = 1
    front_matter_end: int = 0  # offset of the closing '---' line
    body_offset: int = 0
    has_front_matter: bool = False
    problems: list[Problem] = field(default_factory=list)
    data: bytes | None = None  # the file's bytes as read, when read from a file
    index: LineIndex = field(init=False)

    def __post_init__(self) -> None:
        self.index = LineIndex(self.text)

    @property
    def body(self) -> str:
        return self.text[self.body_offset :]

    def body_position(self, offset: int) -> Position:
        """The file position of a character offset into the body."""
        return self.index.position(self.body_offset + offset)

    def field_line(self, loc: Sequence[str | int]) -> int:
        """The file line of a front matter field, given its path (``("people", 0, "name")``).

        The deepest part of the path that exists is used, so a missing key points at its
        parent; with no front matter at all, line 1.
        """
        return self.field_span(loc)[0].line

    def field_span(self, loc: Sequence[str | int]) -> tuple[Position, Position]:
        """Start and end (exclusive) of a front matter field in the file.

        For a mapping key: from the key to the end of its value when the value stays on the
        key's line, else to the end of that line. For a list item: the item itself.
        """
        node = self.node
        first = self.front_matter_line
        if not self.has_front_matter:
            return Position(1, 1), Position(1, len(self.index.line_text(1)) + 1)
        start: yaml.Mark | None = None
        end: yaml.Mark | None = None
        for part in loc:
            found: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode) and key.value == part:
                        start, end, found = key.start_mark, value.end_mark, value
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                found = node.value[part]
                start, end = found.start_mark, found.end_mark
            if found is None:
                break
            node = found
        if start is None or end is None:
            line = max(first - 1, 1)
            return Position(line, 1), Position(line, len(self.index.line_text(line)) + 1)
        line = first + start.line
        begin = Position(line, start.column + 1)
        if end.line == start.line:
            return begin, Position(line, end.column + 1)
        return begin, Position(line, len(self.index.line_text(line)) + 1)


def parse_document(text: str, path: Path | str = "<text>") -> Document:
    """Split ``text`` into front matter and body, recording every problem with its line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    doc = Document(path=Path(path), text=text)
    if not text.strip():
        doc.problems.append(Problem("the file is empty: an article needs YAML front matter"))
        return doc
    opening = _BOUNDARY.match(text)
    if opening is None:
        doc.problems.append(
            Problem("no front matter: the file must begin with a '---' line, then YAML, then '---'")
        )
        return doc
    closing = _BOUNDARY.search(text, opening.end())
    if closing is None:
        doc.problems.append(Problem("front matter is not closed: no second '---' line"))
        return doc
    yaml_start = _after_line_break(text, opening.end())
    doc.has_front_matter = True
    doc.front_matter_line = doc.index.position(yaml_start).line
    doc.body_offset = _after_line_break(text, closing.end())
    doc.front_matter_end = closing.start()
    source = text[yaml_start : closing.start()]
    try:
        doc.node, data = load_yaml(source, doc.front_matter_line)
    except YamlFault as fault:
        doc.problems.append(fault.problem)
        doc.node = None
        return doc
    duplicate = _duplicate_key(doc.node)
    if duplicate is not None:
        name, mark = duplicate
        doc.problems.append(
            Problem(
                f"front matter has the key '{name}' twice: keep one",
                doc.front_matter_line + mark.line,
                mark.column + 1,
            )
        )
    if data is None:
        data = {}
    if not isinstance(data, dict):
        doc.problems.append(
            Problem("front matter must be a mapping of keys to values", doc.front_matter_line)
        )
        return doc
    doc.meta = {str(key): value for key, value in data.items()}
    return doc


def read_document(
    path: Path, root: Path | None = None, data: bytes | None = None, max_bytes: int | None = None
) -> Document:
    """Read and parse a file; an unreadable or non-UTF-8 file becomes a document problem,
    and so does, with the newsroom's ``root``, a link from inside it to outside it."""
    if root is not None:
        from editorial.newsroom.newsroom import escapes

        if escapes(root, path):
            doc = Document(path=path, text="")
            doc.problems.append(
                Problem("this file is a link to a file outside the newsroom; it is not read")
            )
            return doc
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            doc = Document(path=path, text="")
            doc.problems.append(Problem(f"cannot read the file: {exc.strerror or exc}"))
            return doc
    if max_bytes is not None and len(data) > max_bytes:
        doc = Document(path=path, text="")
        doc.problems.append(
            Problem(
                f"the file is {len(data):,} bytes, more than [lint] max_article_bytes "
                f"({max_bytes:,}); it is not checked"
            )
        )
        return doc
    try:
        text = decode(data)
    except ValueError as exc:
        message, line = exc.args
        # Keep a readable text so positions are right; no body is checked.
        text = data.decode("utf-8", errors="replace")
        doc = Document(path=path, text=text, body_offset=len(text))
        doc.problems.append(Problem(message, line))
        return doc
    doc = parse_document(text, path)
    doc.data = data
    return doc


class YamlFault(Exception):
    """YAML that cannot be read, as one problem at its line."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


# What PyYAML and its constructors raise besides YAMLError: a date that does not exist
# (2025-02-30), nesting deeper than Python's stack, a tag they trip over (!!timestamp x).
_VALUE_ERRORS = (
    ValueError,
    OverflowError,
    RecursionError,
    MemoryError,
    AttributeError,
    TypeError,
    KeyError,
    IndexError,
)


def load_yaml(
    source: str, first_line: int = 1, what: str = "front matter"
) -> tuple[yaml.Node | None, Any]:
    """The YAML node tree (with line marks) and its data, parsed once; anything wrong with
    it is a ``YamlFault`` naming ``what`` and the line (``first_line`` is the file line
    ``source`` starts at)."""
    loader = _LOADER(source)
    try:
        node = loader.get_single_node()
        deep = _too_deep(node)
        if deep is not None:
            raise YamlFault(
                Problem(
                    f"{what} is nested more than {MAX_DEPTH} levels deep",
                    first_line + deep.line,
                    deep.column + 1,
                )
            )
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise YamlFault(_yaml_problem(exc, first_line, what)) from exc
    except _VALUE_ERRORS as exc:
        raise YamlFault(_value_problem(exc, first_line, what)) from exc
    finally:
        loader.dispose()
    return node, data


def _duplicate_key(node: yaml.Node | None) -> tuple[str, yaml.Mark] | None:
    """The first key that a mapping in ``node`` holds twice, with where it is repeated."""
    stack = [node] if node is not None else []
    seen_nodes: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen_nodes:
            continue
        seen_nodes.add(id(current))
        if isinstance(current, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        return key.value, key.start_mark
                    keys.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return None


MAX_DEPTH = 50  # lists and mappings inside each other; no article needs more than a few


def _too_deep(node: yaml.Node | None) -> yaml.Mark | None:
    """Where ``node`` nests deeper than ``MAX_DEPTH``: such a value would make the models,
    and Python's own repr of it, run out of stack."""
    stack = [(node, 0)] if node is not None else []
    seen: set[int] = set()
    while stack:
        current, depth = stack.pop()
        if depth > MAX_DEPTH:
            return current.start_mark
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in current.value for child in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in current.value)
    return None


def _value_problem(exc: BaseException, first_line: int, what: str) -> Problem:
    if isinstance(exc, RecursionError):
        return Problem(f"{what} is nested too deeply to read", first_line)
    if isinstance(exc, MemoryError):
        return Problem(f"{what} is too large to read", first_line)
    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if not isinstance(exc, ValueError | OverflowError):
        detail = "a tag or value YAML cannot build"
    return Problem(f"{what} has a value that cannot be read: {detail}", first_line)


def _yaml_problem(exc: yaml.YAMLError, first_line: int, what: str) -> Problem:
    """One problem for a YAML error, at the line where the broken construct starts."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    message = f"{what} is not valid YAML: {problem}"
    if context:
        message += f" {context}"
    if mark is None:
        return Problem(message, first_line)
    return Problem(message, first_line + mark.line, mark.column + 1)


def _after_line_break(text: str, at: int) -> int:
    if text.startswith("\r\n", at):
        return at + 2
    if text.startswith("\n", at):
        return at + 1
    return at
