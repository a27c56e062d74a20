"""Validating the rows of the pupils, absences and events CSV files against what the school knows.

Each `check_*` function returns plain rows ready to write, or raises InputRefused naming every wrong
line, column and reason. They never touch a database: the caller hands them the context. They read
the text; what a value must be is the domain's (an absence: domain/absence_checks.py, which the
registration grid asks as well).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import NamedTuple, TypeVar

from verzuimdesk.domain import limits
from verzuimdesk.domain.absence_checks import (
    MAX_MINUTES_LATE,
    AbsenceEntry,
    PupilKnown,
    absence_problems,
    day_problems,
    entry_problems,
)
from verzuimdesk.domain.calendar import DayOff, SchoolCalendar
from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.leerplicht import ARTICLES, article_code
from verzuimdesk.domain.limits import too_long
from verzuimdesk.domain.records import Exemption
from verzuimdesk.importers.csvfile import CsvTable
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.values import parse_date, parse_datetime, parse_time

PUPIL_COLUMNS = ("leerlingnummer", "voornaam", "tussenvoegsel", "achternaam", "geboortedatum", "groep",
                 "inschrijfdatum", "uitschrijfdatum", "ot_nummer", "gezin",
                 "vrijstelling_van", "vrijstelling_tot", "vrijstelling_artikel")  # vrijstelling: PROTOCOLS.md §1b
PUPIL_REQUIRED = {"leerlingnummer", "voornaam", "achternaam", "groep", "inschrijfdatum"}
ABSENCE_COLUMNS = ("leerlingnummer", "datum", "van", "tot", "code", "minuten_te_laat", "gemeld_op", "opmerking")
ABSENCE_REQUIRED = {"leerlingnummer", "datum", "code"}
EVENT_COLUMNS = ("leerlingnummer", "datum", "soort", "omschrijving")
EVENT_REQUIRED = {"leerlingnummer", "datum", "soort"}



@dataclass(frozen=True, slots=True)
class PupilIn:
    number: str
    first_name: str
    prefix: str
    last_name: str
    birth_date: date | None  # empty in the file: taken as leerplichtig (PROTOCOLS.md §1b)
    group: str
    enrolled_from: date
    enrolled_until: date | None
    ot_number: str
    family: str
    exemption: Exemption | None = None  # a vrijstelling van de leerplicht (optional columns)


class AbsenceIn(NamedTuple):
    """One line of an absences file, read. A named tuple: a school year is thousands of them, and a
    frozen dataclass took longer to build than the rest of the line's check."""

    number: str
    day: date
    start: time | None
    end: time | None
    code: str
    minutes_late: int | None
    reported_at: datetime | None
    note: str


@dataclass(frozen=True, slots=True)
class EventIn:
    number: str
    day: date
    kind: ActionKind
    note: str


T = TypeVar("T")


class _Line:
    """One CSV line being checked; problems collect on the shared list."""

    def __init__(self, line: int, values: Mapping[str, str], problems: list[Problem]) -> None:
        self.line, self.values, self.problems = line, values, problems

    def fail(self, column: str, reason: str) -> None:
        self.problems.append(Problem(self.line, column, reason))

    def text(self, column: str, required: bool = False) -> str:
        value = self.values.get(column, "")
        if required and not value:
            self.fail(column, "is leeg")
        reason = too_long(value, limits.CSV_COLUMNS.get(column, limits.NOTE))
        if reason:
            self.fail(column, reason)
            return value[:limits.CSV_COLUMNS.get(column, limits.NOTE)]
        return value

    def parsed(self, column: str, parse: Callable[[str], T], required: bool = False) -> T | None:
        value = self.text(column, required)
        if not value:
            return None
        try:
            return parse(value)
        except ValueError as exc:
            self.fail(column, str(exc))
            return None


def _refuse_if(problems: list[Problem], source: str) -> None:
    if problems:
        raise InputRefused(source, sorted(problems, key=lambda p: (p.line or 0, p.column)))


def check_pupils(table: CsvTable, source: str) -> list[PupilIn]:
    problems: list[Problem] = []
    out: list[PupilIn] = []
    seen: dict[str, int] = {}
    for line_no, values in table.rows:
        ln = _Line(line_no, values, problems)
        before = len(problems)
        number = ln.text("leerlingnummer", True)
        if number in seen:
            ln.fail("leerlingnummer", f"{number} staat ook al op regel {seen[number]}")
        seen.setdefault(number, line_no)
        first, last = ln.text("voornaam", True), ln.text("achternaam", True)
        group = ln.text("groep", True)
        birth = ln.parsed("geboortedatum", parse_date)
        start = ln.parsed("inschrijfdatum", parse_date, True)
        until = ln.parsed("uitschrijfdatum", parse_date)
        if start and until and until < start:
            ln.fail("uitschrijfdatum", "ligt voor de inschrijfdatum")
        if birth and start and birth >= start:
            ln.fail("geboortedatum", "ligt niet voor de inschrijfdatum")
        exemption = _exemption(ln)
        if len(problems) == before and start:
            out.append(PupilIn(number, first, ln.text("tussenvoegsel"), last, birth, group, start, until,
                               ln.text("ot_nummer"), ln.text("gezin"), exemption))
    _refuse_if(problems, source)
    return out


def _exemption(ln: _Line) -> Exemption | None:
    """The optional vrijstelling of a pupils line: a start, an end not before it, a known article."""
    start = ln.parsed("vrijstelling_van", parse_date)
    end = ln.parsed("vrijstelling_tot", parse_date)
    article = ln.text("vrijstelling_artikel")
    if not (start or end or article):
        return None
    code = article_code(article) if article else None
    if start is None and not ln.text("vrijstelling_van"):
        ln.fail("vrijstelling_van", "is leeg (een vrijstelling heeft een begindatum)")
    if not article:
        ln.fail("vrijstelling_artikel", "is leeg (een vrijstelling heeft een artikel van de Leerplichtwet)")
    elif code is None:
        ln.fail("vrijstelling_artikel", f"'{article}' is geen artikel voor vrijstelling; kies uit "
                + ", ".join(sorted(ARTICLES)))
    if start and end and end < start:
        ln.fail("vrijstelling_tot", "ligt voor vrijstelling_van")
    if start is None or code is None or (end is not None and end < start):
        return None
    return Exemption(start, end, code)


def check_absences(
    table: CsvTable,
    source: str,
    *,
    pupils: Mapping[str, PupilKnown],
    codes: Mapping[str, Category],
    calendar: SchoolCalendar,
) -> list[AbsenceIn]:
    problems: list[Problem] = []
    out: list[AbsenceIn] = []
    quick = _QuickAbsence(pupils, codes, calendar).read(table.rows)
    for (line_no, values), row in zip(table.rows, quick, strict=True):
        if row is not None:
            out.append(row)
            continue
        ln = _Line(line_no, values, problems)
        before = len(problems)
        number = ln.text("leerlingnummer", True)
        pupil = pupils.get(number)
        if number and pupil is None:
            ln.fail("leerlingnummer", f"onbekende leerling {number}")
        day = ln.parsed("datum", parse_date, True)
        earlier = len(problems) > before
        code = ln.text("code", True).upper()
        unread_before = len(problems)
        start, end = ln.parsed("van", parse_time), ln.parsed("tot", parse_time)
        late = ln.parsed("minuten_te_laat", _positive_int)
        reported = ln.parsed("gemeld_op", parse_datetime)
        unread = frozenset(p.column for p in problems[unread_before:])
        # The rules of an entry are the domain's, the same the grid asks (domain/absence_checks.py).
        for column, reason in absence_problems(AbsenceEntry(day, code, start, end, late), number=number,
                                               pupil=pupil, codes=codes, calendar=calendar, unread=unread,
                                               earlier=earlier):
            ln.fail(column, reason)
        if len(problems) == before and day:
            out.append(AbsenceIn(number, day, start, end, code, late, reported, ln.text("opmerking")))
    _refuse_if(problems, source)
    return out


_LIMITS = {c: limits.CSV_COLUMNS.get(c, limits.NOTE) for c in ABSENCE_COLUMNS}
_SHORTEST = min(_LIMITS.values())
_UNKNOWN = object()
_tuple_new = tuple.__new__  # AbsenceIn(...) without the Python frame of the named tuple's __new__
_Read = tuple[bool, T | None]  # (read, value): False when the text is no value of its kind


def _read(memo: dict[str, _Read[T]], text: str, parse: Callable[[str], T]) -> _Read[T]:
    """`parse(text)`, each distinct text parsed once; an empty text is no value (None)."""
    try:
        return memo[text]
    except KeyError:
        pass
    result: _Read[T]
    if not text:
        result = (True, None)
    else:
        try:
            result = (True, parse(text))
        except ValueError:
            result = (False, None)
    memo[text] = result
    return result


class _QuickAbsence:
    """The common line of an absences file, accepted in a few dictionary look-ups.

    A school year repeats the same few hundred dates, a handful of times and codes: each text is read
    once (by the same parse functions) and each rule asked once per kind of line (the same domain
    rules). `read` gives for each line the AbsenceIn the full check in `check_absences` would give,
    or None for any line that is not plainly right; the full check then reads that line and says
    what is wrong.
    """

    def __init__(self, pupils: Mapping[str, PupilKnown], codes: Mapping[str, Category],
                 calendar: SchoolCalendar) -> None:
        self.pupils, self.codes, self.calendar = pupils, codes, calendar
        self.dates: dict[str, _Read[date]] = {}
        self.times: dict[str, _Read[time]] = {}
        self.lates: dict[str, _Read[int]] = {}
        self.reported: dict[str, _Read[datetime]] = {}
        self.entries: dict[tuple[str, time | None, time | None, int | None], bool] = {}
        self.off: dict[tuple[date, str], DayOff | object | None] = {}

    def read(self, lines: Iterable[tuple[int, Mapping[str, str]]]) -> list[AbsenceIn | None]:
        """Each line's AbsenceIn, or None where the full check must read it. One loop, its look-ups
        bound to local names: this runs for every line of a school year."""
        pupils, dates, times, lates, reported_at = self.pupils, self.dates, self.times, self.lates, self.reported
        entries, offs, day_off, is_schooldag = (self.entries, self.off, self.calendar.day_off_reason,
                                                 self.calendar.is_schooldag)
        out: list[AbsenceIn | None] = []
        add = out.append
        for _line, values in lines:
            if values and max(map(len, values.values())) > _SHORTEST and any(
                    len(text) > _LIMITS.get(column, limits.NOTE) for column, text in values.items()):
                add(None)
                continue
            get = values.get
            number = get("leerlingnummer", "")
            pupil = pupils.get(number)
            code = get("code", "").upper()
            if not number or pupil is None or not code:
                add(None)
                continue
            text = get("datum", "")
            read_day, day = dates.get(text) or _read(dates, text, parse_date)
            text = get("van", "")
            read_start, start = times.get(text) or _read(times, text, parse_time)
            text = get("tot", "")
            read_end, end = times.get(text) or _read(times, text, parse_time)
            text = get("minuten_te_laat", "")
            read_late, late = lates.get(text) or _read(lates, text, _positive_int)
            text = get("gemeld_op", "")
            read_rep, reported = reported_at.get(text) or _read(reported_at, text, parse_datetime)
            if day is None or not (read_day and read_start and read_end and read_late and read_rep):
                add(None)
                continue
            kind = (code, start, end, late)
            ok = entries.get(kind)
            if ok is None:
                ok = entries[kind] = not entry_problems(AbsenceEntry(None, code, start, end, late), codes=self.codes)
            where = (day, pupil.group)
            off = offs.get(where, _UNKNOWN)
            if off is _UNKNOWN:  # a schooldag of the group is by definition a day without a reason off
                off = offs[where] = None if is_schooldag(day, pupil.group) else day_off(day, pupil.group)
            if not ok or day_problems(day, number=number, pupil=pupil, off=off):  # type: ignore[arg-type]
                add(None)
                continue
            add(_tuple_new(AbsenceIn, (number, day, start, end, code, late, reported, get("opmerking", ""))))
        return out


def check_events(table: CsvTable, source: str, *, pupils: Iterable[str]) -> list[EventIn]:
    known = set(pupils)
    kinds = {k.value: k for k in ActionKind}
    problems: list[Problem] = []
    out: list[EventIn] = []
    for line_no, values in table.rows:
        ln = _Line(line_no, values, problems)
        before = len(problems)
        number = ln.text("leerlingnummer", True)
        if number and number not in known:
            ln.fail("leerlingnummer", f"onbekende leerling {number}")
        day = ln.parsed("datum", parse_date, True)
        soort = ln.text("soort", True)
        if soort and soort not in kinds:
            ln.fail("soort", f"onbekende soort '{soort}' (bekend: {', '.join(kinds)})")
        if len(problems) == before and day:
            out.append(EventIn(number, day, kinds[soort], ln.text("omschrijving")))
    _refuse_if(problems, source)
    return out


def _positive_int(text: str) -> int:
    # isdigit() alone lets '²' or 5000 digits through to int(), whose English error would reach the
    # user; and a number past SQLite's 64 bits would crash the write.
    if not (text.isascii() and text.isdigit()) or len(text) > 5 or not 0 < int(text) <= MAX_MINUTES_LATE:
        raise ValueError(f"'{text}' is geen positief aantal minuten (hoogstens {MAX_MINUTES_LATE})")
    return int(text)
