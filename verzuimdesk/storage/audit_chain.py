"""The audit log's keyed hash chain and its anchor, as plain functions of rows (no SQLAlchemy): the
session's check (storage/audit.py) and the command line's read without SQLAlchemy
(services/status_quick.py) judge a log the same way."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from verzuimdesk.storage.raw import Run, as_datetime

_INFO = b"verzuimdesk audit-log v1"
PUBLIC_KEY = b"verzuimdesk: geen gegevenssleutel"  # the key of a chain in a database without a data key

# One row of the chain: id, at, user, action, entity, entity_id, pupil_id, detail, prev_hash, hash.
ChainRow = tuple[int, datetime, str, str, str, "int | None", "int | None", str, str, str]


def audit_key(data_key: bytes | None) -> bytes:
    """The chain's key: derived from the data key, never the data key itself."""
    return PUBLIC_KEY if data_key is None else hmac.new(data_key, _INFO, hashlib.sha256).digest()


def digest(key: bytes, prev: str, at: datetime, user: str, action: str, entity: str, entity_id: int | None,
           pupil_id: int | None, detail: str) -> str:
    payload = json.dumps([prev, at.isoformat(), user, action, entity, entity_id, pupil_id, detail])
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Head:
    count: int
    last: str


def seal(key: bytes, h: Head) -> str:
    return hmac.new(key, f"anker|{h.count}|{h.last}".encode(), hashlib.sha256).hexdigest()


def first_broken(key: bytes, rows: Iterable[ChainRow]) -> int | None:
    """The id of the first row whose chain is broken, or None when the chain holds."""
    prev = ""
    for row_id, at, user, action, entity, entity_id, pupil_id, detail, prev_hash, row_hash in rows:
        expected = digest(key, prev, at, user, action, entity, entity_id, pupil_id, detail)
        if prev_hash != prev or not hmac.compare_digest(row_hash, expected):
            return row_id
        prev = row_hash
    return None


def broken_text(row_id: int) -> str:
    return (f"Het logboek is buiten VerzuimDesk om gewijzigd: de keten klopt niet meer vanaf regel {row_id}. "
            "Meld dit aan de directie en de functionaris gegevensbescherming.")


def anchor_problem(key: bytes, anchor: tuple[int, str, str] | None, now: int,
                   hash_at: Callable[[int], str | None]) -> str | None:
    """What the anchor kept in the key slots file says against the log's `now` rows, in Dutch, or None."""
    if anchor is None:
        return None  # no row written since this version: the first commit writes the anchor
    count, last, kept_seal = anchor
    if not hmac.compare_digest(kept_seal, seal(key, Head(count, last))):
        return ("Het anker van het logboek in het sleutelbestand klopt niet: het is buiten VerzuimDesk om "
                "gewijzigd. Meld dit aan de directie en de functionaris gegevensbescherming.")
    if now < count or (count and hash_at(count) != last):
        return (f"Er zijn regels uit het logboek verwijderd: het telde er {count}, nu {now}. "
                "Meld dit aan de directie en de functionaris gegevensbescherming.")
    return None


def problem_in_file(run: Run, key: bytes, anchor: tuple[int, str, str] | None) -> str | None:
    """`audit.problem` for a SQLite file read through a bare connection (`anchor`: the slots file's, or
    None for a file without one)."""
    rows = run('SELECT id, at, "user", action, entity, entity_id, pupil_id, detail, prev_hash, hash '
               "FROM audit_log ORDER BY id", {})
    broken = first_broken(key, ((r[0], as_datetime(r[1]), *r[2:]) for r in rows))
    if broken is not None:
        return broken_text(broken)

    def hash_at(n: int) -> str | None:
        return str(rows[n - 1][9]) if 0 < n <= len(rows) else None

    return anchor_problem(key, anchor, len(rows), hash_at)
