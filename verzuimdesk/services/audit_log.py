"""Reading the audit log for the IB-er: who viewed, changed, exported or logged in, in Dutch words,
filterable by pupil, user, kind and period."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, or_, select

from verzuimdesk.domain.dutch import full_name
from verzuimdesk.services.audit_words import KINDS, VERB_NL, describe, kind_of
from verzuimdesk.services.permissions import Actor, Permission, require
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import AuditEntry, Group, Pupil, Staff

ACTION_NL = VERB_NL  # kept for callers of the old name
UNKNOWN_USER = "onbekend (geen account)"


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    user: str  # "Juf Ans (juf)": the staff member's name and user name; never empty
    action: str
    entity: str
    pupil: str  # "1001 Zoë van der Berg", or "" when the row is about no pupil
    detail: str  # the Dutch line: "verzuim toegevoegd: 3 nov, Z, groep 5"
    kind: str = ""  # one of audit_words.KINDS, or ""


@dataclass(frozen=True, slots=True)
class AuditLog:
    rows: tuple[AuditRow, ...]
    users: tuple[str, ...]  # the user names found in the log, for the filter
    broken_at: int | None  # the first row whose hash chain does not hold: someone changed the log
    kinds: tuple[str, ...] = tuple(KINDS)


def _parsed(text: str) -> object:
    try:
        return json.loads(text) if text else {}
    except ValueError:
        return text


def read_audit_log(db: Database, *, by: Actor, pupil_number: str = "", pupil: str = "", user: str = "",
                   kind: str = "", start: date | None = None, end: date | None = None, limit: int = 2000) -> AuditLog:
    """The newest `limit` entries that pass every filter: `pupil` matches a number or part of a name
    (`pupil_number` only the exact number), `user` a user name, `kind` is one of KINDS, `start`/`end`
    include both days. Only for a role that may read the log (`by`)."""
    require(by, Permission.AUDIT)
    q = (select(AuditEntry, Pupil.number, Pupil.first_name, Pupil.prefix, Pupil.last_name, Group.name)
         .outerjoin(Pupil, Pupil.id == AuditEntry.pupil_id).outerjoin(Group, Group.id == Pupil.group_id)
         .order_by(AuditEntry.id.desc()).limit(limit))
    if pupil_number:
        q = q.where(Pupil.number == pupil_number)
    if pupil.strip():
        like = f"%{pupil.strip().lower()}%"
        full = func.lower(Pupil.first_name + " " + func.coalesce(Pupil.prefix, "") + " " + Pupil.last_name)
        q = q.where(or_(Pupil.number == pupil.strip(), full.like(like),
                        func.lower(Pupil.first_name + " " + Pupil.last_name).like(like)))
    if user:
        q = q.where(AuditEntry.user == user)
    if kind in KINDS:
        covers = KINDS[kind]
        q = q.where(or_(AuditEntry.entity.in_(covers), AuditEntry.action.in_(covers)))
    if start is not None:
        q = q.where(AuditEntry.at >= datetime.combine(start, time()))
    if end is not None:
        q = q.where(AuditEntry.at < datetime.combine(end + timedelta(days=1), time()))
    with db.read() as session:
        names = {u: n for u, n in session.execute(select(Staff.username, Staff.name)) if u}
        rows = []
        for entry, number, first, prefix, last, group in session.execute(q):
            who = " ".join(p for p in (number, full_name(first, prefix, last)) if p)
            rows.append(AuditRow(entry.id, entry.at, _user_words(entry.user, names), entry.action, entry.entity,
                                 who, describe(entry.action, entry.entity, _parsed(entry.detail), group or ""),
                                 kind_of(entry.action, entry.entity)))
        users = tuple(sorted({u for (u,) in session.execute(select(AuditEntry.user).distinct()) if u}))
        broken = audit.verify(session)
    return AuditLog(tuple(rows), users, broken)


def _user_words(username: str, names: dict[str, str]) -> str:
    if not username:
        return UNKNOWN_USER
    name = names.get(username, "")
    return f"{name} ({username})" if name and name != username else username


def audit_problem(db: Database) -> str | None:
    """Whether the log's keyed chain and its anchor in the key slots file hold: a Dutch warning, or None.

    Every command and the app's start ask this, so a log changed outside the app does not go unseen.
    """
    with db.read() as session:
        return audit.problem(session)
