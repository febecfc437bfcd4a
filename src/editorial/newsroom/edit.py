"""Changing front matter the way a careful person would: only the keys that change.

A workflow transition sets a few keys and appends to ``history``. Rewriting the whole front
matter would reflow lists, drop comments, re-quote strings and shift every line below, so a
newsroom kept in git would see noise in every diff. Here each changed key is edited in the
text where it stands: a scalar is replaced in place (a comment after it stays), items
appended to a block list are written after its last item in the same indentation and style,
a removed key loses its lines, a new key goes at the end. Everything else, and the body, is
kept byte for byte. Values are written without tags, anchors or aliases.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import yaml

from editorial.newsroom.document import Document, parse_document


class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key, no anchors, datetimes as ISO 8601."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _datetime(dumper: yaml.SafeDumper, value: dt.datetime) -> yaml.ScalarNode:
    text = value.isoformat()
    if value.utcoffset() == dt.timedelta(0):
        text = text.removesuffix("+00:00") + "Z"
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", text)


_Dumper.add_representer(dt.datetime, _datetime)


def dump(value: Any, flow: bool | None = None) -> str:
    """``value`` as YAML text: block style, or flow for ``flow=True``, or (None) flow only
    for collections of plain values."""
    return yaml.dump(
        value,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=flow,
        width=100_000,
    )


def render_document(meta: dict[str, Any], body: str) -> str:
    """Front matter and body as the text of a new file; the body is kept byte for byte,
    keys in order, lists of mappings one item a line."""
    lines = [line for key, value in meta.items() for line in _key_lines(str(key), value, None)]
    return "---\n" + "".join(lines) + "---\n" + body


def edit_front_matter(doc: Document, meta: dict[str, Any]) -> str:
    """The text of ``doc`` with its front matter changed to ``meta``, touching only the keys
    whose values differ. A document whose front matter could not be parsed is written
    afresh."""
    node = doc.node
    if not isinstance(node, yaml.MappingNode) or not doc.has_front_matter:
        return render_document(meta, doc.body)
    newline = "\r\n" if "\r\n" in doc.text[: doc.body_offset] else "\n"
    lines = doc.text[: doc.front_matter_end].splitlines(keepends=True)
    first = doc.front_matter_line - 1  # index of the first YAML line
    closing = len(lines)
    old = doc.meta
    # edits as (start line, end line, new lines)
    edits: list[tuple[int, int, list[str]]] = []
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in meta and key in old and meta[key] == old[key]:
            continue
        start = first + key_node.start_mark.line
        end = _span_end(lines, first, start, value_node)
        if key not in meta:
            edits.append((start, end, []))
        elif _appends(old.get(key), meta[key], value_node):
            added = meta[key][len(old[key]) :]
            edits.append((end, end, _items(added, value_node, lines, first)))
        elif _inline_scalar(meta[key], value_node, key_node):
            row = first + value_node.start_mark.line
            line = lines[row]
            text = _scalar(meta[key])
            new = line[: value_node.start_mark.column] + text + line[value_node.end_mark.column :]
            edits.append((row, row + 1, [new]))
        else:
            edits.append((start, end, _key_lines(key, meta[key], value_node)))
    added_keys = [key for key in meta if key not in old]
    if added_keys:
        fresh = [line for key in added_keys for line in _key_lines(key, meta[key], None)]
        edits.insert(0, (closing, closing, fresh))
    # from the bottom up; new keys go in first, so that items appended to the last key
    # at the same place land above them
    for start, end, new_lines in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[start:end] = [_ending(line, newline) for line in new_lines]
    text = "".join(lines) + doc.text[doc.front_matter_end :]
    # the edit must read back as exactly ``meta``; if some construct defeats it, the whole
    # front matter is written afresh rather than a wrong value kept
    edited = parse_document(text, doc.path)
    if edited.problems or edited.meta != {str(k): v for k, v in meta.items()}:
        return render_document(meta, doc.body)
    return text


def _ending(line: str, newline: str) -> str:
    return line.rstrip("\r\n") + newline


def _span_end(lines: list[str], first: int, start: int, value: yaml.Node) -> int:
    """The line after ``value`` ends, with blank and comment lines after it left out (they
    belong to what follows)."""
    mark = value.end_mark
    end = first + mark.line + (0 if mark.column == 0 else 1)
    end = min(max(end, start + 1), len(lines))
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip()[0] == "#"):
        end -= 1
    return end


def _appends(before: Any, after: Any, node: yaml.Node) -> bool:
    """Whether ``after`` is ``before`` with items added, in a block list that has items."""
    return (
        isinstance(before, list)
        and isinstance(after, list)
        and isinstance(node, yaml.SequenceNode)
        and not node.flow_style
        and len(node.value) > 0
        and len(after) > len(before)
        and after[: len(before)] == before
    )


def _items(added: list[Any], node: yaml.SequenceNode, lines: list[str], first: int) -> list[str]:
    """New list items written like the list's own: its indentation, and flow mappings when
    its first item is one."""
    item = node.value[0]
    before = lines[first + item.start_mark.line][: item.start_mark.column].rstrip()
    indent = " " * (len(before) - 1 if before.endswith("-") else item.start_mark.column)
    if getattr(item, "flow_style", False):
        return [f"{indent}- {_flow(value)}\n" for value in added]
    return [indent + line for line in dump(added, flow=False).splitlines(keepends=True)]


def _flow(value: Any) -> str:
    """``value`` on one line in flow style, as a person writes it: ``{at: 2025-05-02T08:00:00Z,
    by: ana}`` (PyYAML would quote and tag every timestamp in flow style)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    text = _scalar(value)
    if isinstance(value, str) and not text.startswith(("'", '"')) and _FLOW_MARKS & set(text):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string
    return text


_FLOW_MARKS = frozenset(",[]{}")


def _inline_scalar(value: Any, node: yaml.Node, key: yaml.Node) -> bool:
    """Whether ``value`` can replace ``node`` on its own line: both a one-line scalar."""
    if isinstance(value, dict | list) or not isinstance(node, yaml.ScalarNode):
        return False
    if node.start_mark.line != node.end_mark.line or node.start_mark.line != key.start_mark.line:
        return False
    return "\n" not in _scalar(value)


def _scalar(value: Any) -> str:
    """A scalar as YAML writes it after ``key: ``."""
    return dump({"k": value}, flow=False)[3:].rstrip("\n")


def _key_lines(key: str, value: Any, old: yaml.Node | None) -> list[str]:
    """``key: value`` as lines, in the style of the value it replaces (``old``). A list of
    records is one record a line, as history is kept, unless its records were blocks."""
    if not isinstance(value, dict | list):
        return [f"{key}: {_scalar(value)}\n"]
    first = old.value[0] if isinstance(old, yaml.SequenceNode) and old.value else None
    if value and isinstance(value, list) and all(isinstance(v, dict) for v in value):
        if not (isinstance(first, yaml.MappingNode) and not first.flow_style):
            return [f"{key}:\n", *(f"  - {_flow(v)}\n" for v in value)]
        return dump({key: value}, flow=False).splitlines(keepends=True)
    block = isinstance(old, yaml.CollectionNode) and not old.flow_style
    return dump({key: value}, flow=False if block else None).splitlines(keepends=True)
