"""The lazy lending of names the services' façades (`database`, `vocabulary`) give their clients: each
name is imported from its module when first asked for, so a command that needs none of them loads no
SQLAlchemy through a façade."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lender(facade: str, where: Mapping[str, str], into: dict[str, Any]) -> Callable[[str], Any]:
    """A module `__getattr__` for `facade`: `name` from the module `where[name]`, kept in `into` (the
    façade's globals) so the next use is a plain lookup."""

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {facade!r} has no attribute {name!r}")
        value = getattr(import_module(where[name]), name)
        into[name] = value
        return value

    return __getattr__
