"""Builders for domain tests: the 2025-2026 school calendar of the brief, pupils, records, events."""

from __future__ import annotations

from datetime import date, time, timedelta
from itertools import count

from verzuimdesk.domain.calendar import Period, SchoolCalendar, Span
from verzuimdesk.domain.codes import DEFAULT_CODES, ActionKind
from verzuimdesk.domain.records import AbsenceRecord, Event, Exemption, PupilData

FULL_DAY = (Span(time(8, 30), time(12, 0)), Span(time(13, 0), time(15, 0)))  # 5.5 h
WEDNESDAY = (Span(time(8, 30), time(12, 15)),)  # 3.75 h
MORNINGS = (Span(time(8, 30), time(12, 0)),)  # groep 1-2: free afternoons

_ids = count(1)


def calendar_2025() -> SchoolCalendar:
    return SchoolCalendar(
        school_years=(Period("2025-2026", date(2025, 8, 25), date(2026, 7, 10)),),
        timetable={0: FULL_DAY, 1: FULL_DAY, 2: WEDNESDAY, 3: FULL_DAY, 4: FULL_DAY},
        group_timetables={"1-2": {0: MORNINGS, 1: MORNINGS, 2: WEDNESDAY, 3: MORNINGS}},
        vacations=(
            Period("herfstvakantie", date(2025, 10, 11), date(2025, 10, 19)),
            Period("kerstvakantie", date(2025, 12, 20), date(2026, 1, 4)),
            Period("voorjaarsvakantie", date(2026, 2, 14), date(2026, 2, 22)),
            Period("meivakantie", date(2026, 4, 25), date(2026, 5, 3)),
        ),
        studiedagen=frozenset({date(2025, 11, 14)}),
        feestdagen=frozenset({date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 15), date(2026, 5, 25)}),
    )


CAL = calendar_2025()
_CATEGORY = {c.code: c.category for c in DEFAULT_CODES}
_LUXE = {c.code for c in DEFAULT_CODES if c.luxe}


def rec(
    day: date, code: str, start: str | None = None, end: str | None = None, late: int | None = None
) -> AbsenceRecord:
    """One record; `start`/`end` as "HH:MM" for a part-day record."""
    return AbsenceRecord(
        id=next(_ids),
        day=day,
        code=code,
        category=_CATEGORY[code],
        start=time.fromisoformat(start) if start else None,
        end=time.fromisoformat(end) if end else None,
        minutes_late=late,
        luxe=code in _LUXE,
    )


def ev(day: date, kind: ActionKind) -> Event:
    return Event(id=next(_ids), day=day, kind=kind)


def pupil(
    records: tuple[AbsenceRecord, ...] | list[AbsenceRecord] = (),
    events: tuple[Event, ...] | list[Event] = (),
    group: str = "5",
    enrolled_until: date | None = None,
    case_start: date | None = None,
    birth_date: date | None = None,
    exemptions: tuple[Exemption, ...] = (),
) -> PupilData:
    return PupilData(
        id=next(_ids),
        number="123",
        name="Test Leerling",
        group=group,
        enrolled_from=date(2025, 8, 25),
        enrolled_until=enrolled_until,
        records=tuple(records),
        events=tuple(events),
        case_start=case_start,
        birth_date=birth_date,
        exemptions=exemptions,
    )


def schooldays(start: date, n: int, group: str | None = None) -> list[date]:
    """The first n schooldagen of `group` from `start` on."""
    return list(CAL.schooldagen(start, start + timedelta(days=400), group))[:n]


def whole_days(start: date, n: int, code: str, group: str | None = None) -> list[AbsenceRecord]:
    return [rec(d, code) for d in schooldays(start, n, group)]
