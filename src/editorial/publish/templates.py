"""The page templates: Jinja2, a newsroom's ``templates/`` folder first, then the ones that
ship with editorial. Autoescaping is on; only sanitized HTML is marked safe."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editorial.errors import InputError

if TYPE_CHECKING:
    import jinja2

BUILTIN = "editorial.publish"


def date_text(value: dt.date | dt.datetime) -> str:
    """A date as readers see it: ``13 February 2025``."""
    return f"{value.day} {value.strftime('%B %Y')}"


class Templates:
    """Templates looked up in ``folder`` (a newsroom's overrides), then the built-in ones."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @cached_property
    def env(self) -> jinja2.Environment:
        import jinja2  # loaded when a page is rendered, not on every build

        loaders: list[jinja2.BaseLoader] = []
        if self.folder.is_dir():
            loaders.append(jinja2.FileSystemLoader(self.folder))
        loaders.append(jinja2.PackageLoader(BUILTIN, "templates"))
        env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # one build: no stat of every template for every page
        )
        env.filters["date_text"] = date_text
        return env

    def render(self, name: str, **context: Any) -> str:
        import jinja2

        try:
            return self.env.get_template(name).render(**context)
        except jinja2.TemplateSyntaxError as exc:
            raise InputError(
                f"template error: {exc.message}", path=exc.filename, line=exc.lineno
            ) from exc
        except jinja2.TemplateError as exc:
            raise InputError(f"template {name}: {exc}", path=self.folder / name) from exc

    @property
    def folders(self) -> list[Path]:
        """The newsroom's template folder and the built-in one (what a build's key covers)."""
        return [self.folder, Path(str(files(BUILTIN).joinpath("templates")))]

    def source(self, name: str) -> str:
        """A static file (the stylesheet): the newsroom's own, else the built-in one."""
        own = self.folder / name
        if own.is_file():
            return own.read_text(encoding="utf-8")
        return files(BUILTIN).joinpath("templates", name).read_text(encoding="utf-8")
