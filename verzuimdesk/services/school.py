"""Creating a school and updating its settings and calendar from the school file."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.codes import DEFAULT_CODES
from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.file_errors import file_reason
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.schoolfile import SchoolSettings, parse_school_file
from verzuimdesk.services import protocol_store
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import (
    Database,
    DatabaseError,
    create_encrypted_database,
    open_database,
    sqlite_path,
)
from verzuimdesk.storage.models import (
    Absence,
    AbsenceCodeRow,
    CalendarDay,
    Group,
    Pupil,
    School,
    SchoolYear,
    Staff,
    TimetableSpan,
    Vacation,
)
from verzuimdesk.storage.vault import slots_path


def read_school_file(path: Path) -> SchoolSettings:
    from verzuimdesk.importers.schoolfile import MAX_CHARS

    try:
        if path.is_file() and path.stat().st_size > 4 * MAX_CHARS:  # refused before it is read
            raise InputRefused(path.name, [Problem(None, "", "het bestand is te groot voor een schoolbestand")])
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:  # the codec's own message is English
        raise InputRefused(str(path), [Problem(None, "", f"het bestand is geen UTF-8-tekst (onleesbare byte op "
                                               f"positie {exc.start})")]) from None
    except OSError as exc:
        raise InputRefused(str(path), [Problem(None, "", f"kan het bestand niet lezen ({file_reason(exc)})")]) from None
    return parse_school_file(text, path.name)


def check_settings(settings: SchoolSettings, source: str = "schoolbestand", kept: str | None = None) -> None:
    """What the file parser cannot see by itself: that the protocol exists and validates. A protocol
    the school keeps already (`kept`, its path or id) needs no file any more."""
    from verzuimdesk.domain.protocol import ProtocolError
    from verzuimdesk.importers.protocol_files import load_protocol

    if kept is not None and settings.protocol == kept:
        return
    try:
        load_protocol(settings.protocol)
    except ProtocolError as exc:
        raise InputRefused(source, [Problem(None, "", f"'school.protocol': {exc}")]) from None


def keep_protocol(school: School, ref: str, source: str = "schoolbestand") -> dict[str, str]:
    """Load the protocol file `ref` into the school row (text and fingerprint); what the audit log
    records of it. When the school's own file is gone, the text it keeps stays its protocol."""
    from verzuimdesk.domain.protocol import ProtocolError

    try:
        loaded = protocol_store.load_file(ref)
    except ProtocolError as exc:
        if ref == school.protocol and school.protocol_text is not None:
            return protocol_store.described(school)
        raise InputRefused(source, [Problem(None, "", f"'school.protocol': {exc}")]) from None
    return protocol_store.keep(school, loaded)


def create_school(db: Database, settings: SchoolSettings, *, user: str = "", ib_name: str = "") -> None:
    """Write the school into a new, empty database; `user` becomes its first account, an IB-er."""
    check_settings(settings)
    with db.begin() as session:
        if session.scalar(select(School.id).limit(1)) is not None:
            raise DatabaseError(f"Database '{db.target}' bevat al een school; "
                                "gebruik 'verzuimdesk school' om die bij te werken.")
        school = School(name=settings.name, brin=settings.brin)
        keep_protocol(school, settings.protocol)
        session.add(school)
        ensure_default_codes(session)
        _write_calendar(session, settings)
        if user:
            session.add(Staff(name=ib_name or user, username=user, role="ib"))
        audit.append(session, user=user, action="create", entity="school", detail={"naam": settings.name})


def new_school_database(target: str, settings: SchoolSettings, *, user: str,
                        password: str | None) -> tuple[Database, str | None]:
    """A new database with this school: encrypted when a password is given (then also the recovery
    key to show once). Whatever goes wrong, no half-made database is left behind."""
    check_settings(settings)
    path = sqlite_path(target)
    if path is not None and (path.exists() or slots_path(path).exists()):
        raise DatabaseError(f"Database '{path}' bestaat al; gebruik 'verzuimdesk school' om de school bij te werken.")
    recovery: str | None = None
    if password is not None:
        db, recovery = create_encrypted_database(target, user=user, password=password)
    else:
        db = open_database(target, create=True, user=user)
    try:
        create_school(db, settings, user=user)
    except BaseException:
        db.close()
        if path is not None:
            for leftover in (path, slots_path(path), path.with_name(path.name + "-wal"),
                             path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
        raise
    return db, recovery


def update_school(db: Database, settings: SchoolSettings, *, by: Actor) -> tuple[str, ...]:
    """Replace the school's settings, its timetable and the calendar of that school year; Dutch notes
    on what the new calendar leaves behind (`stranded`).

    Other school years keep their calendar, so the status of a past date stays reproducible.
    """
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    with db.begin() as session:
        school = session.scalar(select(School).limit(1))
        check_settings(settings, kept=school.protocol if school is not None else None)
        if school is None:
            school = School(name=settings.name)
            session.add(school)
        before = {"naam": school.name, "brin": school.brin, **protocol_store.described(school)}
        school.name, school.brin = settings.name, settings.brin
        after = keep_protocol(school, settings.protocol)
        ensure_default_codes(session)
        _write_calendar(session, settings)
        audit.append(session, user=user, action="update", entity="school",
                     detail={"voor": before, "na": {"naam": settings.name, "brin": settings.brin, **after}})
        return stranded(session, settings)


def stranded(session: Session, settings: SchoolSettings) -> tuple[str, ...]:
    """Absences of the school year that the calendar written now puts on a day that is no schooldag of the
    pupil's group (a vacation, feestdag or studiedag added over them, a weekday without lessons): kept,
    as nothing is deleted by a calendar, but said (found by a review: accepted without a word)."""
    from verzuimdesk.storage.loading import load_calendar

    session.flush()
    calendar = load_calendar(session)
    y = settings.school_year
    found = [(number, day) for number, day, group in session.execute(
        select(Pupil.number, Absence.day, Group.name).join(Pupil, Absence.pupil_id == Pupil.id).join(Group)
        .where(Absence.day.between(y.start, y.end)).order_by(Absence.day, Pupil.number))
        if not calendar.is_schooldag(day, group)]
    if not found:
        return ()
    shown = ", ".join(f"{n} op {format_date(d)}" for n, d in found[:5]) + (" …" if len(found) > 5 else "")
    return (f"Let op: {len(found)} {'registratie staat' if len(found) == 1 else 'registraties staan'} nu op een dag "
            f"die volgens de nieuwe kalender geen schooldag van de groep is ({shown}): ze blijven bewaard, maar "
            "tellen niet als lestijd. Pas de kalender of de registraties aan als dat niet de bedoeling is.",)


def ensure_default_codes(session: Session) -> None:
    """The default codes of PROTOCOLS.md §1a exist and keep their category."""
    existing = {c.code: c for c in session.scalars(select(AbsenceCodeRow))}
    for code in DEFAULT_CODES:
        row = existing.get(code.code)
        if row is None:
            session.add(AbsenceCodeRow(code=code.code, label=code.label, category=code.category.value, builtin=True,
                                       luxe=code.luxe))
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
