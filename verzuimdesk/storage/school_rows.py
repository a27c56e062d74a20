"""What a status read asks of the database beside the cached statuses, as portable SQL through a `Run`
(storage/raw.py): the calendar, the checked registration, and what MISSING_DATA names. A session runs
these (`loading.session_run`) and so does the command line's bare connection, which imports no
SQLAlchemy (services/status_quick.py): both read the same rows the same way."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from verzuimdesk.domain.calendar import Period, SchoolCalendar, Span
from verzuimdesk.storage.raw import Run, as_date, as_time

Cases = tuple[tuple[date, date | None], ...]

# Calendars by their rows: a calendar read again unchanged is the same object, so the per-group index
# of schooldagen it builds on first use (a few ms a group) is built once, not on every status asked.
_CALENDARS: dict[tuple[object, ...], SchoolCalendar] = {}

_YEARS = 'SELECT start, "end" FROM school_year ORDER BY start'
_SPANS = 'SELECT group_name, weekday, start, "end" FROM timetable_span ORDER BY start, id'
_DAYS = "SELECT day, kind FROM calendar_day ORDER BY day"
_VACATIONS = 'SELECT name, start, "end" FROM vacation ORDER BY start, id'


def calendar_of(run: Run) -> SchoolCalendar:
    def rows(sql: str) -> tuple[tuple[Any, ...], ...]:
        return tuple(tuple(r) for r in run(sql, {}))

    years, spans, days, vacations = rows(_YEARS), rows(_SPANS), rows(_DAYS), rows(_VACATIONS)
    key = (years, spans, days, vacations)
    found = _CALENDARS.get(key)
    if found is not None:
        return found
    default: dict[int, list[Span]] = defaultdict(list)
    groups: dict[str, dict[int, list[Span]]] = defaultdict(lambda: defaultdict(list))
    for group_name, weekday, start, end in spans:
        target = default if group_name is None else groups[group_name]
        target[weekday].append(Span(as_time(start), as_time(end)))
    marked = [(as_date(d), k) for d, k in days]
    calendar = SchoolCalendar(
        school_years=tuple(Period("", as_date(start), as_date(end)) for start, end in years),
        timetable={wd: tuple(sp) for wd, sp in default.items()},
        group_timetables={g: {wd: tuple(sp) for wd, sp in week.items()} for g, week in groups.items()},
        vacations=tuple(Period(name, as_date(start), as_date(end)) for name, start, end in vacations),
        studiedagen=frozenset(d for d, k in marked if k == "studiedag"),
        feestdagen=frozenset(d for d, k in marked if k == "feestdag"),
    )
    if len(_CALENDARS) >= 8:
        _CALENDARS.clear()
    _CALENDARS[key] = calendar
    return calendar


def guardians_kept(run: Run) -> bool:
    return bool(run("SELECT EXISTS (SELECT 1 FROM guardian)", {})[0][0])


# Pupils missing something MISSING_DATA names: few rows, so the status read stays as fast as the roster.
_MISSING = (
    "SELECT id, 'geboortedatum' FROM pupil WHERE birth_date IS NULL{only} "
    "UNION ALL SELECT p.id, 'verzorger' FROM pupil p WHERE EXISTS (SELECT 1 FROM guardian) AND NOT EXISTS "
    "(SELECT 1 FROM guardian gu WHERE gu.pupil_id = p.id AND (gu.phone != '' OR gu.email != '')){only_p} "
    "UNION ALL SELECT DISTINCT p.id, 'ot_nummer' FROM pupil p JOIN care_case cc ON cc.pupil_id = p.id "
    "WHERE trim(p.ot_number) = '' AND cc.start <= :d AND (cc.closed IS NULL OR cc.closed > :d){only_p}"
)
_MISSING_ALL = _MISSING.format(only="", only_p="")


def missing_data(run: Run, peildatum: date, pupil_ids: Collection[int] | None = None) -> dict[int, set[str]]:
    """Per pupil, what is missing on `peildatum`: `geboortedatum`; `verzorger` (no guardian with a phone
    number or e-mail, once the school keeps guardians at all); `ot_nummer` (none while a case is open).
    `pupil_ids`: only those pupils (a key in the grid asks for one pupil and its gezin, not the school)."""
    sql = _MISSING_ALL
    if pupil_ids is not None:
        listed = ", ".join(str(int(i)) for i in sorted(pupil_ids)) or "NULL"  # integers only: nothing to quote
        sql = _MISSING.format(only=f" AND id IN ({listed})", only_p=f" AND p.id IN ({listed})")
    out: dict[int, set[str]] = defaultdict(set)
    for pid, item in run(sql, {"d": peildatum.isoformat()}):
        out[pid].add(item)
    return out


def checks_kept(run: Run) -> bool:
    """Whether the school has ever marked a group's dagdeel as checked."""
    return bool(run("SELECT EXISTS (SELECT 1 FROM registration_check)", {})[0][0])


def registration_checks(run: Run, start: date, end: date) -> dict[str, set[tuple[date, int]]]:
    """Per group, the (day, part) dagdelen marked as checked from `start` to `end`: one query for the school."""
    out: dict[str, set[tuple[date, int]]] = defaultdict(set)
    for group, day, part in run("SELECT g.name, r.day, r.part FROM registration_check r JOIN school_group g "
                                "ON g.id = r.group_id WHERE r.day BETWEEN :a AND :b",
                                {"a": start.isoformat(), "b": end.isoformat()}):
        out[group].add((as_date(day), part))
    return out


MUST_CHANGE = "eenmalig_wachtwoord:"  # a Setting per user who logged in with a one-time password


def must_change_password(run: Run, username: str) -> bool:
    """As services.account_admin.must_change_password."""
    return bool(run("SELECT id FROM setting WHERE key = :k", {"k": MUST_CHANGE + username}))


def school_name(run: Run) -> str:
    """As services.pupils.school_name: the name of the school, or '' without one."""
    found = run("SELECT name FROM school ORDER BY id LIMIT 1", {})
    return str(found[0][0] or "") if found else ""


def without_birth_date(run: Run) -> set[int]:
    """The pupils whose birth date is not known (taken as leerplichtig, PROTOCOLS.md §1b)."""
    return {int(pid) for (pid,) in run("SELECT id FROM pupil WHERE birth_date IS NULL", {})}


def unchecked_reads(run: Run, peildatum: date, back: int) -> tuple[list[str], dict[str, set[tuple[date, int]]],
                                                                  set[str]]:
    """What services.unchecked.unchecked_of asks: every group in name order, per group the dagdelen
    checked in the `back` days before `peildatum`, the groups with a pupil."""
    names = [str(n) for (n,) in run("SELECT name FROM school_group ORDER BY name", {})]
    checks = registration_checks(run, peildatum - timedelta(days=back), peildatum - timedelta(days=1))
    has_pupils = {str(n) for (n,) in run("SELECT DISTINCT g.name FROM school_group g JOIN pupil p "
                                         "ON p.group_id = g.id", {})}
    return names, checks, has_pupils
