"""``editorial serve``: the built site on localhost, rebuilt when the newsroom changes."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from editorial.errors import EditorialError, UsageError
from editorial.newsroom.newsroom import Newsroom
from editorial.publish.site import build_site


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def make_server(folder: Path, port: int = 8000, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """An HTTP server for ``folder`` on ``host:port`` (port 0: any free port)."""
    handler = functools.partial(_Quiet, directory=str(folder))
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def watch(
    newsroom: Newsroom,
    out: Path,
    stop: threading.Event,
    interval: float = 1.0,
    report: Callable[[str], None] = print,
) -> None:
    """Rebuild every ``interval`` seconds until ``stop`` is set (an unchanged newsroom costs
    a hash of each file and writes nothing)."""
    while not stop.wait(interval):
        try:
            result = build_site(newsroom, out)
        except EditorialError as exc:
            report(f"build failed: {exc}")
            continue
        if result.written or result.removed:
            report(f"rebuilt: {len(result.written)} written, {len(result.removed)} removed")
