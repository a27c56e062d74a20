"""The Instellingen of a school: its data and calendar, absence codes, protocol and staff.

The calendar has one writer, `services.school`: what the settings page builds is a `SchoolSettings`,
checked by the school file's own parser (written out as the TOML of INTERFACES.md and read back, so
the page refuses exactly what `verzuimdesk school` refuses), then written by the school service's
calendar writer inside this module's transaction, with the calendar before and after in the audit log.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from verzuimdesk.domain import limits
from verzuimdesk.domain.calendar import WEEKDAYS_NL, Period, Span
from verzuimdesk.domain.codes import DEFAULT_CODES, Category
from verzuimdesk.domain.lesson_times import lesson_day_problems
from verzuimdesk.domain.limits import too_long
from verzuimdesk.domain.protocol import Protocol, ProtocolError
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.protocol_files import load_protocol
from verzuimdesk.importers.schoolfile import DayTable, SchoolSettings, parse_school_file
from verzuimdesk.importers.values import parse_span
from verzuimdesk.paths import data_dir, resources_dir
from verzuimdesk.services import protocol_store
from verzuimdesk.services.changes import WHOLE_SCHOOL, OpChanges
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.services.school import _write_calendar, check_settings, ensure_default_codes, keep_protocol, stranded
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar
from verzuimdesk.storage.models import AbsenceCodeRow, Group, School, Staff, StaffGroup

REGIONS = ("noord", "midden", "zuid")
_BUILTIN = {c.code: c for c in DEFAULT_CODES}


# -- the published vacations ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VacationPrefill:
    """The school year and vacations of one region, as shipped in resources/calendar/vakanties.toml."""

    school_year: str  # "2025-2026"
    region: str
    year: Period
    vacations: tuple[Period, ...]
    unsure: frozenset[str]  # names of the vacations (and "schooljaar") to check against rijksoverheid.nl


def vacation_prefills(path: Path | None = None) -> list[VacationPrefill]:
    with (path or resources_dir() / "calendar" / "vakanties.toml").open("rb") as fh:
        data = tomllib.load(fh)
    out = []
    for school_year, regions in data.items():
        for r in regions:
            unsure = {v["naam"] for v in r["vakantie"] if v.get("controleren")}
            if r.get("controleren"):
                unsure.add("schooljaar")
            out.append(VacationPrefill(
                school_year, r["regio"], Period(school_year, r["start"], r["eind"]),
                tuple(Period(v["naam"], v["start"], v["eind"]) for v in r["vakantie"]), frozenset(unsure)))
    return out


def vacation_prefill(region: str, school_year: str) -> VacationPrefill:
    for p in vacation_prefills():
        if p.region == region and p.school_year == school_year:
            return p
    raise InputRefused("vakanties", [Problem(None, "", f"geen vakanties bekend voor regio {region} in {school_year}")])


# -- reading what the page shows --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SchoolView:
    name: str
    brin: str
    protocol: str
    region: str
    years: tuple[SchoolSettings, ...]  # every school year with its calendar; the timetable is the current one
    groups: tuple[str, ...]


def school_view(db: Database) -> SchoolView:
    with db.read() as session:
        school = session.scalar(select(School).limit(1))
        calendar = load_calendar(session)
        groups = tuple(session.scalars(select(Group.name).order_by(Group.name)))
    if school is None:
        raise DatabaseError("Deze database bevat nog geen school.")
    years = tuple(SchoolSettings(
        name=school.name, brin=school.brin, protocol=school.protocol, school_year=y,
        timetable=dict(calendar.timetable), group_timetables={g: dict(t) for g, t in calendar.group_timetables.items()},
        studiedagen=tuple(sorted(d for d in calendar.studiedagen if d in y)),
        feestdagen=tuple(sorted(d for d in calendar.feestdagen if d in y)),
        vacations=tuple(v for v in calendar.vacations if v.start in y or v.end in y))
        for y in calendar.school_years)
    return SchoolView(school.name, school.brin, school.protocol, school.vacation_region, years, groups)


# -- writing the school and its calendar ------------------------------------------------------------


def _spans(spans: tuple[Span, ...]) -> str:
    return "[" + ", ".join(f'"{s}"' for s in spans) + "]"


def _text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def settings_to_toml(s: SchoolSettings) -> str:
    """The school file (INTERFACES.md) that says the same as `s`."""
    def week(table: DayTable) -> list[str]:
        return [f"{WEEKDAYS_NL[d]} = {_spans(table[d])}" for d in sorted(table) if table[d]]

    lines = ["[school]", f"naam = {_text(s.name)}", f"brin = {_text(s.brin)}", f"protocol = {_text(s.protocol)}",
             "", "[schooljaar]", f"start = {s.school_year.start}", f"eind = {s.school_year.end}",
             "", "[lestijden]", *week(s.timetable)]
    for group, table in s.group_timetables.items():
        lines += ["", f"[lestijden.groepen.{_text(group)}]", *week(table)]
    lines += ["", "[kalender]", "studiedagen = [" + ", ".join(str(d) for d in s.studiedagen) + "]",
              "feestdagen = [" + ", ".join(str(d) for d in s.feestdagen) + "]"]
    for v in s.vacations:
        lines += ["", "[[vakantie]]", f"naam = {_text(v.name)}", f"start = {v.start}", f"eind = {v.end}"]
    return "\n".join(lines) + "\n"


def school_holidays(year: Period, vacations: tuple[Period, ...]) -> tuple[date, ...]:
    """The Dutch public holidays of a school year on weekdays (the `holidays` package), for a new school's
    `feestdagen`: also those in a vacation, which are no werkdag for the term of a legal report."""
    from verzuimdesk.importers.feestdagen import public_holidays

    return tuple(d for d, _ in public_holidays(year.start, year.end, vacations, in_vacations=None))


def checked(settings: SchoolSettings, kept: str | None = None) -> SchoolSettings:
    """`settings` as the school file's parser accepts it, or InputRefused naming every problem (a
    protocol the school keeps already, `kept`, needs no file)."""
    result = parse_school_file(settings_to_toml(settings), "instellingen")
    check_settings(result, "instellingen", kept)
    return result


@dataclass(frozen=True, slots=True)
class SchoolSaved:
    """What saving the school's settings changed, and Dutch notes on what the new calendar or timetable leaves
    behind: registrations now on a day without lessons (`services.school.stranded`, as `verzuimdesk school`
    says them)."""

    changes: OpChanges
    notes: tuple[str, ...] = ()


def save_school(db: Database, *, settings: SchoolSettings, region: str = "", by: Actor) -> SchoolSaved:
    """Name, BRIN, protocol, the timetable and the calendar of `settings.school_year`; one transaction."""
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    if region and region not in REGIONS:
        raise InputRefused("instellingen", [Problem(None, "", f"onbekende regio '{region}' (noord, midden, zuid)")])
    with db.read() as session:
        kept = session.scalar(select(School.protocol).limit(1))
    s = checked(settings, kept)
    before = _calendar_summary(db, s.school_year)
    with db.begin() as session:
        school = session.scalar(select(School).limit(1))
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        old = {"naam": school.name, "brin": school.brin, **protocol_store.described(school),
               "regio": school.vacation_region}
        school.name, school.brin = s.name, s.brin
        protocol = keep_protocol(school, s.protocol, "instellingen")
        if region:
            school.vacation_region = region
        ensure_default_codes(session)
        _write_calendar(session, s)  # the school service's writer: the calendar has one
        audit.append(session, user=user, action="update", entity="school", detail={
            "voor": {**old, "kalender": before},
            "na": {"naam": s.name, "brin": s.brin, **protocol, "regio": school.vacation_region,
                   "kalender": _summary(s)}})
        return SchoolSaved(WHOLE_SCHOOL, stranded(session, s))


def _summary(s: SchoolSettings) -> dict[str, object]:
    return {"schooljaar": f"{s.school_year.start} - {s.school_year.end}",
            "vakanties": [f"{v.name} {v.start} - {v.end}" for v in s.vacations],
            "studiedagen": [str(d) for d in s.studiedagen], "feestdagen": [str(d) for d in s.feestdagen],
            "lestijden": settings_to_toml(s).split("[lestijden]", 1)[1].split("[kalender]", 1)[0].strip()}


def _calendar_summary(db: Database, year: Period) -> dict[str, object] | None:
    try:
        view = school_view(db)
    except DatabaseError:
        return None
    same = [y for y in view.years if y.school_year.start <= year.end and y.school_year.end >= year.start]
    return _summary(same[0]) if same else None


# -- absence codes ----------------------------------------------------------------------------------


def _code_refused(reason: str) -> InputRefused:
    return InputRefused("afwezigheidscodes", [Problem(None, "", reason)])


def save_code(db: Database, *, code: str, label: str, category: Category, by: Actor,
              luxe: bool | None = None) -> OpChanges:
    """Add a code or change one's label and category; a default code keeps its category. `luxe`
    marks the code as luxeverzuim for the LUXE rule (PROTOCOLS.md §1b); None leaves it as it is
    (a new code: not luxe)."""
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    code, label = code.strip().upper(), label.strip()
    if not code or len(code) > 5 or any(ch.isspace() or ch in ";," for ch in code):
        raise _code_refused("Een code is 1 tot 5 tekens, zonder spaties, ';' of ','.")
    if not label:
        raise _code_refused(f"Geef code {code} een omschrijving.")
    builtin = _BUILTIN.get(code)
    if builtin is not None and category is not builtin.category:
        raise _code_refused(f"Code {code} is een standaardcode en houdt categorie '{builtin.category.value}'.")
    with db.begin() as session:
        row = session.scalar(select(AbsenceCodeRow).where(AbsenceCodeRow.code == code))
        before = {"omschrijving": row.label, "categorie": row.category, "luxe": row.luxe} if row else None
        if row is None:
            row = AbsenceCodeRow(code=code, label=label, category=category.value, builtin=False, luxe=bool(luxe))
            session.add(row)
        else:
            row.label, row.category = label, category.value
            if luxe is not None:
                row.luxe = luxe
        session.flush()
        audit.append(session, user=user, action="update" if before else "create", entity="absence_code",
                     entity_id=row.id, detail={"code": code, "voor": before,
                                               "na": {"omschrijving": label, "categorie": category.value,
                                                      "luxe": row.luxe}})
    return WHOLE_SCHOOL


# -- protocol -----------------------------------------------------------------------------------------


def kept_protocol(db: Database) -> Protocol:
    """The protocol the school keeps in the database (what the engine uses), whether or not its file is there."""
    from verzuimdesk.services.status import school_protocol

    with db.read() as session:
        school = session.scalar(select(School).limit(1))
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        ref, text = school.protocol, school.protocol_text
    return school_protocol(ref, text)


def adopt_protocol_file(path: Path) -> str:
    """Check an edited protocol file like the engine does, then keep a copy in the data folder (a file
    on a USB stick is gone tomorrow); the copy's path is what the school then refers to."""
    protocol = load_protocol(path)  # raises ProtocolError with a Dutch message
    folder = data_dir() / "protocols"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{protocol.id}.toml"
    if path.resolve() != target.resolve():
        shutil.copyfile(path, target)
    return str(target)


def set_protocol(db: Database, *, protocol: str, by: Actor) -> OpChanges:
    """Load the protocol file `protocol` (a path or a shipped id) into the database: its text and
    fingerprint are kept, so the school no longer needs the file; the audit log records the change."""
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    try:
        loaded = protocol_store.load_file(protocol)
    except ProtocolError as exc:
        raise InputRefused("protocol", [Problem(None, "", str(exc))]) from None
    with db.begin() as session:
        school = session.scalar(select(School).limit(1))
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        before = protocol_store.described(school)
        after = protocol_store.keep(school, loaded)
        audit.append(session, user=user, action="update", entity="school", detail={"voor": before, "na": after})
    return WHOLE_SCHOOL


_TERM_NL = {"schooldagen": "schooldagen", "werkdagen": "werkdagen", "direct": "direct",
            "weken_na_start_zaak": "weken na de start van de zaak"}


def describe_protocol(p: Protocol) -> str:
    """The protocol in Dutch for reading: steps, then each rule with its actions, terms and legal flags."""
    from verzuimdesk.domain.dutch import ACTION_NL

    lines = [p.name, f"Regio: {p.region}", f"Bron: {p.source}", "", "Stappen:"]
    lines += [f"  {s.name}" for s in p.steps]
    lines += ["", "Regels:"]
    for r in p.rules:
        named = f"{r.name} ({r.id})" if r.name else r.id  # the Dutch name first; the id is the protocol file's
        lines += ["", f"{named} — {r.text}", f"  stap: {p.step(r.step).name}; regie: {r.regie}"]
        for a in r.actions:
            if a.term_unit == "direct":
                term = "direct"
            elif a.term == 0:
                term = "dezelfde schooldag" if a.term_unit == "schooldagen" else "dezelfde dag"
            else:
                term = f"binnen {a.term} {_TERM_NL.get(a.term_unit, a.term_unit)}"
            lines.append(f"  • {ACTION_NL.get(a.kind.value, a.kind.value)} ({a.regie}), {term}"
                         + (" — wettelijke plicht" if a.legal else ""))
        if r.starts_case:
            lines.append("  • start een zaak van zorgwekkend verzuim")
    return "\n".join(lines)


# -- staff ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StaffRow:
    id: int
    name: str
    username: str
    role: str
    groups: tuple[str, ...]
    active: bool


def list_staff(db: Database) -> list[StaffRow]:
    with db.read() as session:
        groups: dict[int, list[str]] = {}
        for sid, g in session.execute(select(StaffGroup.staff_id, Group.name).join(Group).order_by(Group.name)):
            groups.setdefault(sid, []).append(g)
        return [StaffRow(s.id, s.name, s.username or "", s.role, tuple(groups.get(s.id, ())), s.active)
                for s in session.scalars(select(Staff).order_by(Staff.name))]


def rename_staff(db: Database, *, username: str, name: str, by: Actor) -> None:
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    if too_long(name.strip(), limits.SCHOOL):
        raise DatabaseError(f"De naam {too_long(name.strip(), limits.SCHOOL)}.")
    with db.begin() as session:
        staff = session.scalar(select(Staff).where(Staff.username == username))
        if staff is None:
            raise DatabaseError(f"Er is geen gebruiker '{username}'.")
        before, staff.name = staff.name, name.strip() or staff.name
        audit.append(session, user=user, action="update", entity="staff", entity_id=staff.id,
                     detail={"voor": {"naam": before}, "na": {"naam": staff.name}})


def school_year_label(start: date) -> str:
    """The usual name of the school year starting in `start`'s summer: "2025-2026"."""
    first = start.year if start.month >= 7 else start.year - 1
    return f"{first}-{first + 1}"


def parse_lesson_times(texts: Sequence[str]) -> DayTable:
    """The week's lesson times as typed on the settings page, one text a weekday ("08:30-12:00,
    13:00-15:00"): read here, judged by the domain's rule the school file is judged by
    (domain/lesson_times.py); InputRefused names every problem with its weekday."""
    table: DayTable = {}
    problems = []
    for weekday, text in enumerate(texts):
        spans: list[Span] = []
        for piece in text.replace(";", ",").split(","):
            if piece.strip():
                try:
                    spans.append(parse_span(piece.strip()))
                except ValueError as exc:
                    problems.append(Problem(None, "", f"{WEEKDAYS_NL[weekday]}: {exc}"))
        problems += [Problem(None, "", f"{WEEKDAYS_NL[weekday]}: {reason}") for reason in lesson_day_problems(spans)]
        if spans:
            table[weekday] = tuple(sorted(spans))
    if problems:
        raise InputRefused("lestijden", problems)
    return table
