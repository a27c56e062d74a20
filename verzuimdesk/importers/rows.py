"""Validating the rows of the pupils, absences and events CSV files against what the school knows.

Each `check_*` function returns plain rows ready to write, or raises InputRefused naming every wrong
line, column and reason. They never touch a database: the caller hands them the context. They read
the text; what a value must be is the domain's (an absence: domain/absence_checks.py, which the
registration grid asks as well).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import compress, repeat
from operator import attrgetter, is_, itemgetter, le
from typing import NamedTuple, TypeVar, cast

from verzuimdesk.domain import limits
from verzuimdesk.domain.absence_checks import (
    MAX_MINUTES_LATE,
    AbsenceEntry,
    PupilKnown,
    absence_problems,
    enrolled,
    entry_problems,
)
from verzuimdesk.domain.calendar import DayOff, SchoolCalendar, Span
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
    also: Callable[[list[int], list[AbsenceIn]], list[Problem]] | None = None,
) -> list[AbsenceIn]:
    """The file's absences, or InputRefused with every wrong line at once: the lines' own problems, the
    overlaps among the lines that are right, and what `also` finds in those lines and their rows (the command
    line: overlaps with stored records), so a user who corrects the file is not sent back a second time."""
    reader = _QuickAbsence(pupils, codes, calendar)
    plain = reader.read_all(table.header, table.columns, table.longest)
    quick = reader.read(table.header, table.cells) if plain is None else plain
    if plain is not None or None not in quick:
        rows: list[AbsenceIn] = quick  # type: ignore[assignment]
        at = list(table.lines)
        _refuse_if(overlapping_lines(at, rows, codes, lessons_of(pupils, calendar))
                   + (also(at, rows) if also else []), source)
        return rows
    problems: list[Problem] = []
    out: list[AbsenceIn] = []
    lines: list[int] = []  # of the rows of `out`
    for (line_no, values), row in zip(table.rows, quick, strict=True):
        if row is not None:
            out.append(row)
            lines.append(line_no)
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
            lines.append(line_no)
    _refuse_if(problems + overlapping_lines(lines, out, codes, lessons_of(pupils, calendar))
               + (also(lines, out) if also else []), source)
    return out


def lessons_of(pupils: Mapping[str, PupilKnown], calendar: SchoolCalendar) -> Lessons:
    """Each pupil's lesson spans on a day, by leerlingnummer: what an overlap is judged on."""
    return lambda number, day: calendar.lestijd_spans(pupils[number].group, day)


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


Lessons = Callable[[str, date], Sequence[Span]]  # a pupil's (leerlingnummer) lesson spans on a day


def spans_overlap(a: tuple[time | None, time | None], b: tuple[time | None, time | None],
                  lessons: Sequence[Span] | None = None) -> bool:
    """Two records of one day cover some of the same time: a whole day (no span) covers all of it. With
    the day's `lessons`, only lestijd counts: 08:30-12:30 beside 12:15-15:00 share no lesson minute over a
    lunch from 12:00 to 13:00, so no minute is counted twice."""
    lo = max(_minutes(a[0]) if a[0] is not None and a[1] is not None else 0,
             _minutes(b[0]) if b[0] is not None and b[1] is not None else 0)
    hi = min(_minutes(a[1]) if a[0] is not None and a[1] is not None else 24 * 60,
             _minutes(b[1]) if b[0] is not None and b[1] is not None else 24 * 60)
    if lessons is None:
        return lo < hi
    return any(max(lo, _minutes(sp.start)) < min(hi, _minutes(sp.end)) for sp in lessons)


def counts_minutes(code: str, codes: Mapping[str, Category]) -> bool:
    """A record whose absent minutes count: lateness and onderwijs elders make no day absent, so they
    may share a day with anything (late in the morning, absent in the afternoon)."""
    return codes.get(code.upper()) not in (Category.LATE, Category.PRESENT_ELSEWHERE)


def minute_codes(codes: Mapping[str, Category]) -> frozenset[str]:
    """The codes that `counts_minutes`: looked up once per file, not per line."""
    return frozenset(c for c in codes if counts_minutes(c, codes))


def overlapping_lines(lines: Sequence[int], rows: Sequence[AbsenceIn], codes: Mapping[str, Category],
                      lessons: Lessons | None = None) -> list[Problem]:
    """Two lines of one file for the same pupil and day whose spans overlap, though not the same span (the
    same span twice: the later line wins): summed, their minutes would count the time twice, and a
    leerling could pass the 16 hours of a DUO report on 11 (found by a review of the imports)."""
    seen: dict[tuple[str, date], list[tuple[int, AbsenceIn]]] = {}
    problems: list[Problem] = []
    counting = minute_codes(codes)
    keys = list(zip(map(itemgetter(0), rows), map(itemgetter(1), rows)))  # noqa: B905 (pupil and day of each)
    counted = Counter(compress(keys, map(counting.__contains__, map(str.upper, map(itemgetter(4), rows)))))
    if len(counted) == counted.total():
        return problems  # no pupil has two lines of a day that count minutes: most files
    twice = {key for key, n in counted.items() if n > 1}  # only these lines can overlap one another
    for line, r, key in compress(zip(lines, rows, keys, strict=True), map(twice.__contains__, keys)):
        if r.code.upper() not in counting:
            continue
        earlier = seen.get(key)
        if earlier is None:  # the pupil's first line of the day: most lines of a file
            seen[key] = [(line, r)]
            continue
        day_lessons = lessons(r.number, r.day) if lessons is not None else None
        clash = next((ln for ln, o in earlier if (o.start, o.end) != (r.start, r.end)
                      and spans_overlap((o.start, o.end), (r.start, r.end), day_lessons)), None)
        if clash is not None:
            problems.append(Problem(line, "van", f"overlapt regel {clash} (dezelfde leerling en dag): de tijd zou twee "
                                                 "keer tellen; geef één registratie per tijdvak"))
        earlier.append((line, r))
    return problems


_tuple_new = tuple.__new__  # AbsenceIn(...) without the Python frame of the named tuple's __new__
_Read = tuple[bool, T | None]  # (read, value): False when the text is no value of its kind
_Kind = tuple[time | None, time | None, str, int | None]  # a line's van, tot, code and minuten_te_laat, read


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

    A school year repeats the same few hundred dates, a handful of times and codes: each kind of line
    (its code, van, tot and minuten_te_laat) is read and judged once, each date once per group, each
    gemeld_op once, by the same parse functions and the same domain rules. `read` gives for each line
    the AbsenceIn the full check in `check_absences` would give, or None for any line that is not
    plainly right; the full check then reads that line and says what is wrong.
    """

    def __init__(self, pupils: Mapping[str, PupilKnown], codes: Mapping[str, Category],
                 calendar: SchoolCalendar) -> None:
        self.pupils, self.codes, self.calendar = pupils, codes, calendar
        self.dates: dict[str, _Read[date]] = {}
        self.times: dict[str, _Read[time]] = {}
        self.lates: dict[str, _Read[int]] = {}
        self.kinds: dict[tuple[str, str, str, str], _Kind | None] = {}
        self.days: dict[tuple[str, str], date | None] = {}
        self.moments: dict[str, _Read[datetime]] = {}

    def kind(self, code: str, van: str, tot: str, late_text: str) -> _Kind | None:
        """A kind of line read and judged (`entry_problems`), or None when it is not plainly right."""
        read_start, start = _read(self.times, van, parse_time)
        read_end, end = _read(self.times, tot, parse_time)
        read_late, late = _read(self.lates, late_text, _positive_int)
        code = code.upper()
        if not (code and read_start and read_end and read_late):
            return None
        if entry_problems(AbsenceEntry(None, code, start, end, late), codes=self.codes):
            return None
        return start, end, code, late

    def day(self, text: str, group: str) -> date | None:
        """The date of a line for the pupil's group, or None when it is no date or no schooldag of the
        group (`day_problems` with the calendar's reason off)."""
        read, day = _read(self.dates, text, parse_date)
        if not read or day is None:
            return None
        off: DayOff | None = None if self.calendar.is_schooldag(day, group) else self.calendar.day_off_reason(
            day, group)  # a schooldag of the group is by definition a day without a reason off
        return day if off is None else None

    def read_all(self, header: Sequence[str], columns: Sequence[Sequence[str]],
                 longest: int | None = None) -> list[AbsenceIn] | None:
        """Every line's AbsenceIn when every line is plainly right, else None (then `read` finds the lines
        that are not), from each column's values (`longest`: no value is longer, when known). The same
        look-ups as `read`, made column by column in C loops (map, zip): a loop of Python over a school
        year's lines took longer than the lines' insert."""
        where = {c: i for i, c in enumerate(header)}
        if len(columns) != len(header) or not columns or not columns[0]:
            return None  # no lines: `read` says
        for column, i in where.items():  # no value longer than its column takes
            most = limits.CSV_COLUMNS.get(column, limits.NOTE)
            if (longest is None or longest > most) and max(map(len, columns[i])) > most:
                return None
        blank = ("",) * len(columns[0])
        numbers, datums, vans, tots, codes, lates, reported, notes = (
            blank if where.get(c) is None else columns[where[c]] for c in ABSENCE_COLUMNS)
        found = list(map(self.pupils.get, numbers))
        if not all(numbers) or any(map(is_, found, repeat(None))):
            return None
        pupils = cast(list[PupilKnown], found)
        kinds, days, moments = self.kinds, self.days, self.moments
        kind_keys = list(zip(codes, vans, tots, lates))  # noqa: B905 (columns of one table)
        for key in set(kind_keys).difference(kinds):
            kinds[key] = self.kind(*key)
        kind_of = list(map(kinds.__getitem__, kind_keys))
        places = list(zip(datums, map(attrgetter("group"), pupils)))  # noqa: B905
        for place in set(places).difference(days):
            days[place] = self.day(*place)
        on_day = list(map(days.__getitem__, places))
        if any(map(is_, kind_of, repeat(None))) or any(map(is_, on_day, repeat(None))):
            return None
        day_of = cast(list[date], on_day)
        until = {n: self.pupils[n].enrolled_until or date.max for n in set(numbers)}
        if not (all(map(le, map(attrgetter("enrolled_from"), pupils), day_of))
                and all(map(le, day_of, map(until.__getitem__, numbers)))):  # `enrolled`
            return None
        for text in set(reported).difference(moments):
            _read(moments, text, parse_datetime)
        reported_of = list(map(moments.__getitem__, reported))
        if not all(map(itemgetter(0), reported_of)):
            return None
        starts, ends, codes_read, lates_read = zip(*kind_of)  # noqa: B905
        return list(map(_tuple_new, repeat(AbsenceIn), zip(  # noqa: B905
            numbers, day_of, starts, ends, codes_read, lates_read, map(itemgetter(1), reported_of), notes)))

    def read(self, header: Sequence[str], cells: Iterable[tuple[int, Sequence[str]]]) -> list[AbsenceIn | None]:
        """Each line's AbsenceIn, or None where the full check must read it. One loop over the lines'
        values in the header's order, its look-ups bound to local names: this runs for every line of a
        school year."""
        where = {c: i for i, c in enumerate(header)}
        width = len(header)
        pad = any(c not in where for c in ABSENCE_COLUMNS)  # a column the file leaves out reads as empty
        pick = itemgetter(*(where.get(c, width) for c in ABSENCE_COLUMNS))
        lengths = tuple(limits.CSV_COLUMNS.get(c, limits.NOTE) for c in header)
        shortest = min(lengths, default=limits.NOTE)
        pupils, kinds, days = self.pupils, self.kinds, self.days
        reported_at: dict[str, _Read[datetime]] = {}
        out: list[AbsenceIn | None] = []
        add = out.append
        for _line, values in cells:
            if values and max(map(len, values)) > shortest and any(
                    len(text) > most for text, most in zip(values, lengths)):  # noqa: B905 (a line per value)
                add(None)
                continue
            number, datum, van, tot, code, late_text, rep_text, note = pick((*values, "") if pad else values)
            pupil = pupils.get(number)
            if pupil is None or not number:
                add(None)
                continue
            key = (code, van, tot, late_text)
            try:
                kind = kinds[key]
            except KeyError:
                kind = kinds[key] = self.kind(code, van, tot, late_text)
            if kind is None:
                add(None)
                continue
            place = (datum, pupil.group)
            try:
                day = days[place]
            except KeyError:
                day = days[place] = self.day(datum, pupil.group)
            if day is None or not enrolled(pupil, day):  # no schooldag of the group, or not enrolled on it
                add(None)
                continue
            read_rep, reported = reported_at.get(rep_text) or _read(reported_at, rep_text, parse_datetime)
            if not read_rep:
                add(None)
                continue
            add(_tuple_new(AbsenceIn, (number, day, *kind, reported, note)))
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
