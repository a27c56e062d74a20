"""Creating a school and updating its settings and calendar from the school file."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.codes import DEFAULT_CODES
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.schoolfile import SchoolSettings, parse_school_file
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, DatabaseError, open_database
from verzuimdesk.storage.models import (
    AbsenceCodeRow,
    CalendarDay,
    School,
    SchoolYear,
    TimetableSpan,
    Vacation,
)


def read_school_file(path: Path) -> SchoolSettings:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputRefused(str(path), [Problem(None, "", f"kan het bestand niet lezen ({exc})")]) from None
    return parse_school_file(text, path.name)


def _check_protocol(settings: SchoolSettings, source: str) -> None:
    from verzuimdesk.domain.protocol import ProtocolError, load_protocol

    try:
        load_protocol(settings.protocol)
    except ProtocolError as exc:
        raise InputRefused(source, [Problem(None, "", f"'school.protocol': {exc}")]) from None


def create_school(target: str, settings: SchoolSettings, *, user: str = "") -> Database:
    """A new database holding this school; refuses to overwrite one that has a school already."""
    _check_protocol(settings, "schoolbestand")
    db = open_database(target, create=True)
    with db.begin() as session:
        if session.scalar(select(School.id).limit(1)) is not None:
            db.close()
            raise DatabaseError(f"Database '{target}' bevat al een school; "
                                "gebruik 'verzuimdesk school' om die bij te werken.")
        session.add(School(name=settings.name, brin=settings.brin, protocol=settings.protocol))
        ensure_default_codes(session)
        _write_calendar(session, settings)
        audit.append(session, user=user, action="create", entity="school", detail={"naam": settings.name})
    return db


def update_school(db: Database, settings: SchoolSettings, *, user: str = "") -> None:
    """Replace the school's settings, its timetable and the calendar of that school year.

    Other school years keep their calendar, so the status of a past date stays reproducible.
    """
    _check_protocol(settings, "schoolbestand")
    with db.begin() as session:
        school = session.scalar(select(School).limit(1))
        if school is None:
            school = School(name=settings.name)
            session.add(school)
        before = {"naam": school.name, "brin": school.brin, "protocol": school.protocol}
        school.name, school.brin, school.protocol = settings.name, settings.brin, settings.protocol
        ensure_default_codes(session)
        _write_calendar(session, settings)
        audit.append(session, user=user, action="update", entity="school",
                     detail={"voor": before, "na": {"naam": settings.name, "brin": settings.brin,
                                                    "protocol": settings.protocol}})


def ensure_default_codes(session: Session) -> None:
    """The default codes of PROTOCOLS.md §1a exist and keep their category."""
    existing = {c.code: c for c in session.scalars(select(AbsenceCodeRow))}
    for code in DEFAULT_CODES:
        row = existing.get(code.code)
        if row is None:
            session.add(AbsenceCodeRow(code=code.code, label=code.label, category=code.category.value, builtin=True))
        else:
            row.category, row.builtin = code.category.value, True


def _write_calendar(session: Session, s: SchoolSettings) -> None:
    y = s.school_year
    overlapping = session.scalars(
        select(SchoolYear).where(SchoolYear.start <= y.end, SchoolYear.end >= y.start)
    ).all()
    for old in overlapping:  # the same year, possibly with moved dates
        session.execute(delete(Vacation).where(Vacation.start <= old.end, Vacation.end >= old.start))
        session.execute(delete(CalendarDay).where(CalendarDay.day.between(old.start, old.end)))
        session.delete(old)
    session.execute(delete(Vacation).where(Vacation.start <= y.end, Vacation.end >= y.start))
    session.execute(delete(CalendarDay).where(CalendarDay.day.between(y.start, y.end)))
    session.flush()
    session.add(SchoolYear(start=y.start, end=y.end))
    session.add_all(Vacation(name=v.name, start=v.start, end=v.end) for v in s.vacations)
    session.add_all(CalendarDay(day=d, kind="studiedag") for d in s.studiedagen)
    session.add_all(CalendarDay(day=d, kind="feestdag") for d in s.feestdagen)
    # The timetable is the school's current one; it is replaced whole.
    session.execute(delete(TimetableSpan))
    for weekday, spans in s.timetable.items():
        session.add_all(TimetableSpan(group_name=None, weekday=weekday, start=sp.start, end=sp.end) for sp in spans)
    for group, week in s.group_timetables.items():
        for weekday, spans in week.items():
            session.add_all(TimetableSpan(group_name=group, weekday=weekday, start=sp.start, end=sp.end)
                            for sp in spans)
