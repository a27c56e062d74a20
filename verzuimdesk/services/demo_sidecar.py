"""The demo school's accounts as the login shows them, read from the file beside its database: light
on purpose (no SQLAlchemy), since the login window is the app's first and must paint at once."""

from __future__ import annotations

import json
from pathlib import Path

from verzuimdesk.storage.files import sqlite_path


def sidecar(target: str) -> Path | None:
    path = sqlite_path(target)
    return path.with_name(path.name + ".demo.json") if path is not None else None


def demo_accounts(target: str) -> list[tuple[str, str, str]]:
    """(role word, user name, password) of a demo school made here; [] for any other database."""
    side = sidecar(target)
    if side is None or not side.is_file():
        return []
    try:
        rows = json.loads(side.read_text(encoding="utf-8"))
        return [(str(w), str(u), str(p)) for w, u, p in rows][:10]
    except (ValueError, TypeError, OSError):
        return []
