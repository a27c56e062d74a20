"""Reading the audit log for the IB-er: who viewed, changed, exported or logged in, filterable."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import AuditEntry, Pupil

ACTION_NL = {"view": "ingezien", "create": "aangemaakt", "update": "gewijzigd", "delete": "verwijderd",
             "export": "geëxporteerd", "login": "aangemeld", "import": "ingelezen"}


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    user: str
    action: str
    entity: str
    pupil: str  # "1001 Zoë van der Berg", or "" when the row is about no pupil
    detail: str


@dataclass(frozen=True, slots=True)
class AuditLog:
    rows: tuple[AuditRow, ...]
    users: tuple[str, ...]
    broken_at: int | None  # the first row whose hash chain does not hold: someone changed the log


def read_audit_log(db: Database, *, pupil_number: str = "", user: str = "", limit: int = 2000) -> AuditLog:
    q = (select(AuditEntry, Pupil.number, Pupil.first_name, Pupil.prefix, Pupil.last_name)
         .outerjoin(Pupil, Pupil.id == AuditEntry.pupil_id).order_by(AuditEntry.id.desc()).limit(limit))
    if pupil_number:
        q = q.where(Pupil.number == pupil_number)
    if user:
        q = q.where(AuditEntry.user == user)
    with db.read() as session:
        rows = []
        for entry, number, first, prefix, last in session.execute(q):
            who = " ".join(p for p in (number, first, prefix, last) if p)
            detail = json.loads(entry.detail) if entry.detail else {}
            text = ", ".join(f"{k}: {v}" for k, v in detail.items()) if isinstance(detail, dict) else str(detail)
            rows.append(AuditRow(entry.id, entry.at, entry.user, entry.action, entry.entity, who, text))
        users = tuple(sorted({u for (u,) in session.execute(select(AuditEntry.user).distinct()) if u}))
        broken = audit.verify(session)
    return AuditLog(tuple(rows), users, broken)


def audit_problem(db: Database) -> str | None:
    """Whether the log's keyed chain and its anchor in the key slots file hold: a Dutch warning, or None.

    Every command and the app's start ask this, so a log changed outside the app does not go unseen.
    """
    with db.read() as session:
        return audit.problem(session)
