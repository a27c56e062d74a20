"""Listing pupils for the app's lists: plain rows, one query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from verzuimdesk.domain.dutch import full_name, sort_key, sort_name
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Group, Pupil


@dataclass(frozen=True, slots=True)
class PupilRow:
    id: int
    number: str
    name: str
    sort_name: str  # dutch.sort_name: `Vries, Jan de`
    group: str
    birth_date: date | None
    enrolled_from: date
    enrolled_until: date | None


def list_pupils(db: Database) -> list[PupilRow]:
    q = (select(Pupil.id, Pupil.number, Pupil.first_name, Pupil.prefix, Pupil.last_name, Group.name,
                Pupil.birth_date, Pupil.enrolled_from, Pupil.enrolled_until)
         .join(Group))
    with db.read() as session:
        found = sorted(session.execute(q), key=lambda r: (r[5], sort_key(r[2], r[3], r[4])))
    return [PupilRow(pid, number, full_name(first, prefix, last), sort_name(first, prefix, last), group, birth,
                     efrom, euntil)
            for pid, number, first, prefix, last, group, birth, efrom, euntil in found]


def school_name(db: Database) -> str:
    from verzuimdesk.storage import school_rows
    from verzuimdesk.storage.loading import session_run

    with db.read() as session:
        return school_rows.school_name(session_run(session))
