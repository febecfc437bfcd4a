"""Names of a package that load on first use (PEP 562), so that importing the package, or
one small module of it, does not import everything it exports."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(
    package: str, table: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: each name in ``table`` is imported
    from its module when first asked for, then kept in the package's ``namespace``."""

    def getattr_(name: str) -> object:
        if name in table:
            value = getattr(importlib.import_module(table[name]), name)
            namespace[name] = value
            return value
        raise AttributeError(f"module '{package}' has no attribute {name!r}")

    def dir_() -> list[str]:
        return sorted(namespace.get("__all__", table))

    return getattr_, dir_
