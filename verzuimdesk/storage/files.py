"""Where a database lives and whether it is encrypted, without SQLAlchemy or the cryptography: the app
asks this before it paints its first window (the login), and loads the rest while the user types."""

from __future__ import annotations

from pathlib import Path

SLOTS_SUFFIX = ".sleutels"  # the key slots beside an encrypted database (storage/vault.py)


def is_url(target: str) -> bool:
    return "://" in target


def sqlite_path(target: str) -> Path | None:
    """The file behind `target`, or None for a server URL."""
    if not is_url(target):
        return Path(target)
    if target.startswith("sqlite:///"):
        return Path(target.removeprefix("sqlite:///"))
    return None


def slots_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SLOTS_SUFFIX)


def is_encrypted(path: Path) -> bool:
    return slots_path(path).exists()
