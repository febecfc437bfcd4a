"""A real HTTP server on 127.0.0.1 that records what partners receive and answers as
scripted (status, headers, a delay before answering)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import Room

SECRET = "whsec_" + "c2VjcmV0LXNpZ25pbmcta2V5LWZvci10ZXN0cw=="  # base64 of a test key


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Inbox:
    """What the server received, and the answers it will give (first in, first out)."""

    port: int = 0
    received: list[Received] = field(default_factory=list)
    script: list[tuple[int, dict[str, str], float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str = "/inbox") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(
        self, status: int, headers: dict[str, str] | None = None, delay: float = 0.0
    ) -> None:
        self.script.append((status, headers or {}, delay))

    def at(self, path: str) -> list[Received]:
        return [r for r in self.received if r.path == path]


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    box = Inbox()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length)
            with box.lock:
                box.received.append(
                    Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                status, headers, delay = box.script.pop(0) if box.script else (200, {}, 0.0)
            if delay:
                time.sleep(delay)
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", "0")
                self.end_headers()
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    box.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield box
    server.shutdown()
    server.server_close()


PUBLISHED = """\
---
title: "{title}"
slug: {slug}
authors: [ana-ruiz]
state: {state}
section: {section}
tags: [{tags}]
summary: "A dek for {slug}."
citations:
  - id: report
    title: "The report"
    publisher: "The ministry"
    url: "https://example.org/report"
published_at: {published_at}
{extra}version: {version}
---
The minister spoke on Tuesday [@report]. “We will share the river,” she said.
"""


def publish(
    room: Room,
    slug: str,
    *,
    title: str | None = None,
    state: str = "published",
    section: str = "events",
    tags: str = "water",
    published_at: str = "2025-05-01T08:00:00Z",
    version: int = 1,
    extra: str = "",
) -> Path:
    return room.article(
        slug,
        state,
        text=PUBLISHED.format(
            title=title or f"Story {slug}",
            slug=slug,
            state=state,
            section=section,
            tags=tags,
            published_at=published_at,
            version=version,
            extra=extra,
        ),
    )


def partners(room: Room, text: str) -> None:
    config = room.root / "editorial.toml"
    config.write_text(config.read_text() + "\n" + text)
