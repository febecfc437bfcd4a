"""Finding the newsroom root and reading ``editorial.toml``."""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import get_args, get_origin

from pydantic import BaseModel, ValidationError

from editorial._types import StrPath
from editorial.errors import ConfigError
from editorial.model.config import Config
from editorial.newsroom.text import decode

CONFIG_NAME = "editorial.toml"
ROOT_ENV = "EDITORIAL_ROOT"


def find_root(explicit: StrPath | None = None, start: StrPath | None = None) -> Path:
    """The newsroom root: ``explicit`` (``--root``), else ``$EDITORIAL_ROOT``, else the first
    folder from ``start`` (the current directory) upwards that holds ``editorial.toml``."""
    chosen = explicit if explicit is not None else os.environ.get(ROOT_ENV) or None
    if chosen is not None:
        root = Path(chosen).expanduser().resolve()
        if not (root / CONFIG_NAME).is_file():
            raise ConfigError(f"no {CONFIG_NAME} in {root}", path=root / CONFIG_NAME)
        return root
    here = (Path(start) if start is not None else Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ConfigError(
        f"no {CONFIG_NAME} found in {here} or any folder above it "
        "(run 'editorial init', or pass --root DIR)"
    )


def load_config(path: Path) -> Config:
    """Read and validate ``editorial.toml``; errors name the file, the line and the field."""
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    except ValueError as exc:
        raise ConfigError(exc.args[0], path=path, line=exc.args[1]) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = int(match.group(1)) if match else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(f"not valid TOML: {reason}", path=path, line=line) from exc
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        # a misspelt key first: it often explains the "required" error that comes with it
        error = min(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        loc = [str(part) for part in error["loc"]]
        message = f"invalid value for '{'.'.join(loc)}': {error['msg']}"
        if error["type"] == "extra_forbidden":
            message = _unknown(loc)
        raise ConfigError(message, path=path, line=toml_line(text, loc)) from exc


def _unknown(loc: Sequence[str]) -> str:
    """An unknown key or section, with the known name it most looks like."""
    model: type[BaseModel] = Config
    table: list[str] = []
    for part in loc[:-1]:
        field = model.model_fields.get(part) or next(
            (f for f in model.model_fields.values() if f.alias == part), None
        )
        table.append(part)
        annotation = field.annotation if field is not None else None
        inner = get_args(annotation)[-1] if get_origin(annotation) is dict else annotation
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            model = inner
    known = [f.alias or name for name, f in model.model_fields.items()]
    guess = difflib.get_close_matches(loc[-1], known, n=1, cutoff=0.6)
    if not table:
        hint = f"; did you mean [{guess[0]}]?" if guess else f" (known: {', '.join(known)})"
        return f"unknown section [{loc[-1]}]{hint}"
    hint = f"; did you mean '{guess[0]}'?" if guess else f" (known: {', '.join(known)})"
    return f"unknown key '{loc[-1]}' in [{'.'.join(table)}]{hint}"


def toml_line(text: str, loc: Sequence[str]) -> int | None:
    """Best-effort line of a TOML key path: its table header, then the key inside it."""
    lines = text.splitlines()
    for split in range(len(loc), 0, -1):
        table, key = loc[: split - 1], loc[split - 1]
        header = _find_table(lines, table)
        if header is None:
            continue
        key_re = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for number in range(header, len(lines)):
            if number > header and lines[number].lstrip().startswith("["):
                break
            if key_re.match(lines[number]):
                return number + 1
        sub = _find_table(lines, [*table, key])
        if sub is not None:
            return sub + 1
        if table:
            return header + 1
    return None


def _find_table(lines: list[str], table: Sequence[str]) -> int | None:
    if not table:
        return 0
    names = [re.escape(part) for part in table]
    header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(rf"\"?{n}\"?" for n in names) + r"\s*\]")
    for number, line in enumerate(lines):
        if header.match(line):
            return number
    return None
