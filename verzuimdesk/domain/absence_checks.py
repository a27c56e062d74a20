"""Whether one absence may be recorded: the rules an entry meets, whoever typed it.

The grid (services.registration) and the absences file (importers.rows) both ask `absence_problems`;
the file first reads its text into values (a date, a time, a number), the grid has them already. So
a code typed in the grid is refused for the same reason, in the same words, as the same line of a CSV
file, without being turned into CSV text first. Problems name the file's column, the grid says them
with the column's Dutch label.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time

from verzuimdesk.domain.calendar import DayOff, SchoolCalendar
from verzuimdesk.domain.codes import Category

MAX_MINUTES_LATE = 24 * 60

DAY_OFF_NL = {
    DayOff.WEEKEND: "valt in het weekend",
    DayOff.OUTSIDE_YEAR: "ligt buiten het schooljaar",
    DayOff.VACATION: "valt in een vakantie",
    DayOff.HOLIDAY: "is een feestdag",
    DayOff.STUDY_DAY: "is een studiedag",
    DayOff.NO_LESSONS: "de groep heeft op die weekdag geen les",
}


@dataclass(frozen=True, slots=True)
class PupilKnown:
    """What an absence (or event) needs to know of an existing pupil."""

    group: str
    enrolled_from: date
    enrolled_until: date | None


@dataclass(frozen=True, slots=True)
class AbsenceEntry:
    """One absence as values: the day, the code, the part of the day (both times or neither: the whole
    day), the minutes late. None where the value is missing, or where a file's text could not be read."""

    day: date | None
    code: str
    start: time | None = None
    end: time | None = None
    minutes_late: int | None = None


def minutes_problem(minutes: int) -> str | None:
    if not 0 < minutes <= MAX_MINUTES_LATE:
        return f"'{minutes}' is geen positief aantal minuten (hoogstens {MAX_MINUTES_LATE})"
    return None


def absence_problems(entry: AbsenceEntry, *, number: str, pupil: PupilKnown | None, codes: Mapping[str, Category],
                     calendar: SchoolCalendar, unread: frozenset[str] = frozenset(),
                     earlier: bool = False) -> list[tuple[str, str]]:
    """(column, reason) for every rule `entry` breaks, in the order a file's line is read.

    `unread`: the columns a file gave that could not be read (said already; not judged again);
    `earlier`: the line has problems already (then a missing time of a pair is not said on top)."""
    out = entry_problems(entry, codes=codes, unread=unread, earlier=earlier)
    day = entry.day
    if day and pupil:
        out += day_problems(day, number=number, pupil=pupil, off=calendar.day_off_reason(day, pupil.group))
    return out


def entry_problems(entry: AbsenceEntry, *, codes: Mapping[str, Category], unread: frozenset[str] = frozenset(),
                   earlier: bool = False) -> list[tuple[str, str]]:
    """The rules of the code, the times and the minutes late: the part of `absence_problems` that does
    not depend on the day or the pupil (so a file's many lines of the same kind ask it once)."""
    out: list[tuple[str, str]] = []
    code = entry.code.upper()
    category = codes.get(code)
    if code and category is None:
        out.append(("code", f"onbekende code '{code}' (bekend: {', '.join(sorted(codes))})"))
    start, end = entry.start, entry.end
    if (start is None) != (end is None) and not (earlier or out or unread & {"van", "tot"}):
        out.append(("van" if start is None else "tot", "vul van en tot allebei in, of geen van beide (hele dag)"))
    if start and end and end <= start:
        out.append(("tot", "ligt niet na van"))
    late = entry.minutes_late
    if late is not None and (reason := minutes_problem(late)) is not None:
        out.append(("minuten_te_laat", reason))
    if category is Category.LATE and late is None and "minuten_te_laat" not in unread:
        out.append(("minuten_te_laat", f"is verplicht bij code {code} (te laat)"))
    if category is not None and category is not Category.LATE and late is not None:
        out.append(("minuten_te_laat", f"hoort alleen bij te laat, niet bij code {code}"))
    return out


def enrolled(pupil: PupilKnown, day: date) -> bool:
    return pupil.enrolled_from <= day and (pupil.enrolled_until is None or day <= pupil.enrolled_until)


def day_problems(day: date, *, number: str, pupil: PupilKnown, off: DayOff | None) -> list[tuple[str, str]]:
    """The rules of the day for this pupil; `off` is the calendar's `day_off_reason(day, pupil.group)`."""
    if off is not None:
        return [("datum", f"{day.isoformat()} is geen schooldag voor groep {pupil.group}: {DAY_OFF_NL[off]}")]
    if not enrolled(pupil, day):
        return [("datum", f"leerling {number} staat op {day.isoformat()} niet ingeschreven")]
    return []
