"""The append-only audit log: each row carries the hash of the one before, so tampering shows."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.storage.models import AuditEntry


def _digest(prev: str, at: datetime, user: str, action: str, entity: str, entity_id: int | None,
            pupil_id: int | None, detail: str) -> str:
    payload = json.dumps([prev, at.isoformat(), user, action, entity, entity_id, pupil_id, detail])
    return hashlib.sha256(payload.encode()).hexdigest()


def append(session: Session, *, user: str, action: str, entity: str = "", entity_id: int | None = None,
           pupil_id: int | None = None, detail: dict[str, Any] | None = None) -> None:
    """Add one row in the caller's transaction, chained to the last one."""
    prev = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)) or ""
    at = datetime.now().replace(microsecond=0)
    text = json.dumps(detail or {}, ensure_ascii=False, default=str, sort_keys=True)
    session.add(AuditEntry(at=at, user=user, action=action, entity=entity, entity_id=entity_id,
                           pupil_id=pupil_id, detail=text, prev_hash=prev,
                           hash=_digest(prev, at, user, action, entity, entity_id, pupil_id, text)))


def verify(session: Session) -> int | None:
    """The id of the first row whose chain is broken, or None when the log is intact."""
    prev = ""
    for row in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        expected = _digest(prev, row.at, row.user, row.action, row.entity, row.entity_id, row.pupil_id, row.detail)
        if row.prev_hash != prev or row.hash != expected:
            return row.id
        prev = row.hash
    return None
