"""Listing pupils for the app's lists: plain rows, one query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Group, Pupil


@dataclass(frozen=True, slots=True)
class PupilRow:
    id: int
    number: str
    name: str
    sort_name: str  # achternaam, voornaam tussenvoegsel: how a school sorts
    group: str
    birth_date: date | None
    enrolled_from: date
    enrolled_until: date | None


def list_pupils(db: Database) -> list[PupilRow]:
    q = (select(Pupil.id, Pupil.number, Pupil.first_name, Pupil.prefix, Pupil.last_name, Group.name,
                Pupil.birth_date, Pupil.enrolled_from, Pupil.enrolled_until)
         .join(Group).order_by(Group.name, Pupil.last_name, Pupil.first_name))
    with db.read() as session:
        return [
            PupilRow(pid, number, " ".join(p for p in (first, prefix, last) if p),
                     f"{last}, {first} {prefix}".strip(), group, birth, efrom, euntil)
            for pid, number, first, prefix, last, group, birth, efrom, euntil in session.execute(q)
        ]


def school_name(db: Database) -> str:
    from verzuimdesk.storage.loading import load_school

    with db.read() as session:
        school = load_school(session)
        return school.name if school else ""
