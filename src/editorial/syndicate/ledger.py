"""The syndication ledger: a JSON Lines file in the newsroom (``syndication/ledger.jsonl``,
under version control) with one record per event: an attempt before each send, then its
outcome. A run killed midway leaves an attempt without an outcome; the next run sends that
item again with the same delivery id, so the partner can drop the duplicate (Standard
Webhooks' ``webhook-id``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ValidationError

from editorial.errors import InputError

LEDGER = "syndication/ledger.jsonl"
Status = Literal["attempt", "delivered", "failed", "disabled", "enabled"]
Kind = Literal["publish", "update", "cancel"]


class Record(BaseModel):
    """One line of the ledger."""

    at: dt.datetime
    partner: str
    status: Status
    article: str | None = None
    version: int | None = None
    kind: Kind | None = None
    delivery_id: str | None = None
    format: str | None = None
    attempts: int | None = None
    detail: str | None = None


def delivery_id(partner: str, article: str, version: int, kind: Kind) -> str:
    """The id of one delivery: the same for every try of the same item."""
    canceled = "cancel" if kind == "cancel" else "usable"
    digest = hashlib.sha256(f"{partner}\0{article}\0{version}\0{canceled}".encode()).hexdigest()
    return f"msg_{digest[:26]}"


@dataclass
class Ledger:
    """The ledger file of a newsroom, read once and appended to."""

    path: Path
    records: list[Record]
    broken_lines: list[int]

    @classmethod
    def open(cls, root: Path) -> Ledger:
        path = root / LEDGER
        records: list[Record] = []
        broken: list[int] = []
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(path, records, broken)
        except OSError as exc:
            raise InputError(f"cannot read the ledger: {exc.strerror or exc}", path=LEDGER) from exc
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(Record.model_validate_json(line))
            except (ValidationError, ValueError):
                broken.append(number)  # a line cut short by a crash: the item is sent again
        return cls(path, records, broken)

    def append(self, record: Record) -> None:
        """Add one record, on disk before this returns (one ``write`` of one line)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = record.model_dump_json(exclude_none=True).encode("utf-8") + b"\n"
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            if self._needs_newline():
                os.write(fd, b"\n")
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
        self.records.append(record)

    def _needs_newline(self) -> bool:
        with contextlib.suppress(OSError), self.path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            if handle.tell() == 0:
                return False
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) != b"\n"
        return False

    # -- questions -----------------------------------------------------------------------

    def delivered(self, partner: str, article: str) -> list[Record]:
        """Deliveries of ``article`` that reached ``partner``, oldest first."""
        return [
            r
            for r in self.records
            if r.partner == partner and r.article == article and r.status == "delivered"
        ]

    def has_delivered(self, partner: str, article: str, version: int, kind: Kind) -> bool:
        wanted = delivery_id(partner, article, version, kind)
        return any(r.delivery_id == wanted for r in self.delivered(partner, article))

    def disabled(self, partner: str) -> Record | None:
        """The record that disabled ``partner`` (a 410), unless it was enabled since."""
        last = None
        for record in self.records:
            if record.partner == partner and record.status in ("disabled", "enabled"):
                last = record
        return last if last is not None and last.status == "disabled" else None

    def latest(self) -> Iterator[Record]:
        """The newest record of each partner and article, in ledger order."""
        newest: dict[tuple[str, str | None], Record] = {}
        for record in self.records:
            newest[(record.partner, record.article)] = record
        yield from newest.values()


def dump(records: list[Record]) -> str:
    """Records as one JSON array (``syndicate status --format json``)."""
    return json.dumps([r.model_dump(mode="json", exclude_none=True) for r in records], indent=2)
