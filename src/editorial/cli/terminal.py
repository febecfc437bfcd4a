"""Rich output on a terminal: Markdown rendered, progress bars, in colours that read on
light and dark backgrounds alike.

Only the 16 standard colours are used, which every terminal theme maps to readable
shades of its own; never a background, never white, black or yellow (the styles of rich
that use them are replaced). rich is imported only when a command needs it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

# rich's styles with a background, black, grey or yellow, restyled for any background
STYLES = {
    "markdown.code": "bold cyan",
    "markdown.code_block": "cyan",
    "markdown.link": "blue",
    "markdown.kbd": "bold",
    "bar.back": "dim",
    "bar.complete": "magenta",
    "bar.finished": "green",
    "bar.pulse": "magenta",
    "progress.elapsed": "cyan",
    "progress.percentage": "magenta",
    "progress.remaining": "cyan",
}


def console(colour: bool, *, stderr: bool = False, terminal: bool | None = None) -> Console:
    """A rich console on stdout (or stderr), coloured only when ``colour`` says so; it
    draws as on a terminal when ``terminal`` (default: when coloured)."""
    from rich.console import Console
    from rich.theme import Theme

    return Console(
        file=sys.stderr if stderr else sys.stdout,
        force_terminal=colour if terminal is None else terminal,
        no_color=not colour,
        color_system="standard" if colour else None,
        highlight=False,
        emoji=False,
        theme=Theme(STYLES),
    )


def markdown(text: str, colour: bool) -> None:
    """Print Markdown: rendered on a coloured terminal, as written otherwise (a pipe or a
    file gets the source, as `ruff rule` prints it)."""
    if not colour:
        print(text)
        return
    from rich.markdown import Markdown

    console(colour).print(Markdown(text, code_theme="ansi_dark", inline_code_lexer=None))


ProgressFn = Callable[[int, int], None]


@contextmanager
def progress_bar(label: str, minimum: int, colour: bool) -> Iterator[ProgressFn | None]:
    """A progress bar on stderr for ``(done, total)`` updates, shown only when stderr is
    a terminal and ``total`` reaches ``minimum``; it disappears when the work is done."""
    if not sys.stderr.isatty():
        yield None
        return
    bar: Any = None
    task: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar, task
        if total < minimum:
            return
        if bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            bar = Progress(
                f"[bold]{label}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console(colour, stderr=True, terminal=True),
                transient=True,
            )
            bar.start()
            task = bar.add_task(label, total=total)
            bar.update(task, completed=done, total=total, refresh=True)  # shown at once
            return
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()
