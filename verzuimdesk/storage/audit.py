"""The append-only audit log: a keyed hash chain, anchored outside the table, guarded by triggers.

Each row carries an HMAC-SHA256 over its fields and the HMAC of the row before. The key is derived
from the database's data key, so nobody without a password can recompute the chain after changing,
adding or removing a row. The head of the chain (how many rows, the last HMAC) is kept in the key
slots file as well, itself keyed, after every commit that adds a row: deleting the last rows, or all
of them, shows as a head that no longer matches. Triggers (migration 0008) refuse UPDATE and DELETE
on the table unless a row in `audit_permit` says retention is purging (see `purging`).

A database without a data key (an unencrypted demo file, or PostgreSQL, whose server encrypts) has
a chain with a fixed, public key: it still shows accidental changes, and the triggers still refuse
them, but someone with write access to the tables can recompute it. On PostgreSQL the server's own
rights (no UPDATE/DELETE/TRUNCATE on audit_log for the app's role) and its logs are the guard.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from verzuimdesk.storage import vault
from verzuimdesk.storage.audit_chain import (
    PUBLIC_KEY,
    Head,
    anchor_problem,
    audit_key,
    broken_text,
    first_broken,
)
from verzuimdesk.storage.audit_chain import digest as _digest
from verzuimdesk.storage.audit_chain import seal as _seal
from verzuimdesk.storage.models import AuditEntry, AuditPermit

WRITE_LOCK = 8818  # storage.database.WRITE_LOCK (database imports this module)
_KEY = "audit_key"
_SLOTS = "audit_slots"
_DIRTY = "audit_dirty"
_HEAD = "audit_head"


def _key(session: Session) -> bytes:
    key = session.info.get(_KEY, PUBLIC_KEY)
    return key if isinstance(key, bytes) else PUBLIC_KEY


def append(session: Session, *, user: str, action: str, entity: str = "", entity_id: int | None = None,
           pupil_id: int | None = None, detail: dict[str, Any] | None = None) -> None:
    """Add one row in the caller's transaction, chained to the last one.

    On a server, the writers' advisory lock is taken first and held to the commit: a second writer
    reads the last row only after the first one's row is committed, so two writers cannot both chain
    to the same row (the chain stays one chain). SQLite's single writer does the same by itself.
    """
    if session.get_bind().dialect.name != "sqlite":
        session.execute(text(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})"))
        # Through the owner's rights (0013): row-level security may hide the last row from this user.
        prev = session.scalar(text("SELECT vd_audit_last_hash()")) or ""
    else:
        prev = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)) or ""
    at = datetime.now().replace(microsecond=0)
    body = json.dumps(detail or {}, ensure_ascii=False, default=str, sort_keys=True)
    session.add(AuditEntry(at=at, user=user, action=action, entity=entity, entity_id=entity_id,
                           pupil_id=pupil_id, detail=body, prev_hash=prev,
                           hash=_digest(_key(session), prev, at, user, action, entity, entity_id, pupil_id, body)))
    session.info[_DIRTY] = True


def verify(session: Session) -> int | None:
    """The id of the first row whose chain is broken, or None when the chain holds."""
    rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id))
    return first_broken(_key(session), ((r.id, r.at, r.user, r.action, r.entity, r.entity_id, r.pupil_id, r.detail,
                                         r.prev_hash, r.hash) for r in rows))


# -- the head, anchored in the key slots file --------------------------------------------------


def head(session: Session) -> Head:
    count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    last = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)) or ""
    return Head(count, last)


def _hash_at(session: Session, n: int) -> str | None:
    """The hash of the n-th row (1-based) in the order of the chain."""
    return session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id).offset(n - 1).limit(1))


def sees_whole_log(session: Session) -> bool:
    """Whether `session` sees every row of the log: a leerkracht on a server sees only the rows of her own
    pupils (row-level security), and a chain with rows left out looks broken; checking it is the IB-er's."""
    return session.get_bind().dialect.name == "sqlite" or head(session).count == session.scalar(
        text("SELECT vd_audit_count()"))


def problem(session: Session) -> str | None:
    """What is wrong with the log, in Dutch, or None when the chain and its anchor hold."""
    if not sees_whole_log(session):
        return None
    broken = verify(session)
    if broken is not None:
        return broken_text(broken)
    slots = session.info.get(_SLOTS)
    if not isinstance(slots, Path):
        return None
    return anchor_problem(_key(session), vault.read_anchor(slots), head(session).count,
                          lambda n: _hash_at(session, n))


def _before_commit(session: Session) -> None:
    if session.info.get(_DIRTY):
        session.flush()
        session.info[_HEAD] = head(session)


def _after_commit(session: Session) -> None:
    h = session.info.pop(_HEAD, None)
    session.info.pop(_DIRTY, None)
    slots = session.info.get(_SLOTS)
    if isinstance(h, Head) and isinstance(slots, Path) and slots.exists():
        vault.write_anchor(slots, h.count, h.last, _seal(_key(session), h))


def _after_rollback(session: Session) -> None:
    session.info.pop(_HEAD, None)
    session.info.pop(_DIRTY, None)


def install(sessions: sessionmaker[Session], data_key: bytes | None, slots: Path | None) -> None:
    """Give the sessions the chain's key and, for an encrypted file, keep its anchor after each commit."""
    from sqlalchemy import event

    sessions.kw.setdefault("info", {})
    sessions.kw["info"] = {**sessions.kw["info"], _KEY: audit_key(data_key)}
    if data_key is not None and slots is not None:
        sessions.kw["info"][_SLOTS] = slots
        event.listen(sessions, "before_commit", _before_commit)
        event.listen(sessions, "after_commit", _after_commit)
        event.listen(sessions, "after_soft_rollback", lambda s, _tx: _after_rollback(s))


# -- retention's purge: the only change the triggers let through -------------------------------


@contextmanager
def purging(session: Session) -> Iterator[None]:
    """Let this transaction redact or delete audit rows (retention only), then re-chain the log."""
    session.execute(insert(AuditPermit).values(id=1))
    try:
        yield
        session.flush()
        rechain(session)
    finally:
        session.execute(delete(AuditPermit))
    session.info[_DIRTY] = True


def redact(session: Session, pupil_id: int) -> int:
    """Blank the details of every row about the pupil; returns how many rows. Only inside `purging`."""
    ids = list(session.scalars(select(AuditEntry.id).where(AuditEntry.pupil_id == pupil_id)))
    if ids:
        session.execute(update(AuditEntry).where(AuditEntry.id.in_(ids))
                        .values(detail=json.dumps({"verwijderd": "bewaartermijn"}), pupil_id=None))
    return len(ids)


def chain_rows(rows: list[dict[str, Any]], key: bytes, prev: str = "") -> str:
    """Set `prev_hash` and `hash` of audit rows (as mappings, in the chain's order) under `key`, continuing
    from `prev`; returns the last hash. For a copy that fills the log in batches (then `rechain` finds
    nothing to change)."""
    for r in rows:
        r["prev_hash"] = prev
        r["hash"] = prev = _digest(key, prev, r["at"], r["user"], r["action"], r["entity"], r["entity_id"],
                                   r["pupil_id"], r["detail"])
    return prev


def rechain(session: Session, key: bytes | None = None) -> None:
    """Recompute every row's hash (after a purge, or a migration that changes the key)."""
    key = key or _key(session)
    prev = ""
    rows = session.execute(select(AuditEntry.id, AuditEntry.at, AuditEntry.user, AuditEntry.action,
                                  AuditEntry.entity, AuditEntry.entity_id, AuditEntry.pupil_id, AuditEntry.detail,
                                  AuditEntry.prev_hash, AuditEntry.hash).order_by(AuditEntry.id)).all()
    for r in rows:
        h = _digest(key, prev, r.at, r.user, r.action, r.entity, r.entity_id, r.pupil_id, r.detail)
        if r.prev_hash != prev or r.hash != h:
            session.execute(update(AuditEntry).where(AuditEntry.id == r.id).values(prev_hash=prev, hash=h))
        prev = h
