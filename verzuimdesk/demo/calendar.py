"""The demo school's calendar: two school years of region zuid, as school-file TOML and as a calendar.

The TOML texts are the single source of truth: `calendar_from_school_files` reads them back with the
school-file reader of the imports (`importers.schoolfile`), so the records the generator places are
checked against exactly what an import sees.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from verzuimdesk.domain.calendar import WEEKDAYS_NL, SchoolCalendar
from verzuimdesk.importers.schoolfile import SchoolSettings, parse_school_file

SCHOOL_NAME = "OBS De Klimop"
BRIN = "12AB"
PROTOCOL = "hoeksche-waard-po"

GROUPS: tuple[str, ...] = ("1-2A", "1-2B", "3", "4", "5", "6", "7", "8")
KLEUTER_GROUPS: tuple[str, ...] = ("1-2A", "1-2B")

DEFAULT_TIMES: dict[str, tuple[str, ...]] = {
    "maandag": ("08:30-12:00", "13:00-15:00"),
    "dinsdag": ("08:30-12:00", "13:00-15:00"),
    "woensdag": ("08:30-12:15",),
    "donderdag": ("08:30-12:00", "13:00-15:00"),
    "vrijdag": ("08:30-12:00", "13:00-15:00"),
}
# Groups 1-2 have Wednesday morning only, like everyone, and a free Friday afternoon.
KLEUTER_TIMES: dict[str, tuple[str, ...]] = {**DEFAULT_TIMES, "vrijdag": ("08:30-12:00",)}


@dataclass(frozen=True, slots=True)
class Vacation:
    naam: str
    start: date
    eind: date


@dataclass(frozen=True, slots=True)
class SchoolYear:
    start: date
    eind: date
    vakanties: tuple[Vacation, ...]
    studiedagen: tuple[date, ...]
    feestdagen: tuple[date, ...]


# Region zuid as published by the Rijksoverheid. Only 2025-2026 is held here; every other year is
# computed by `_rule_vacations`.
PUBLISHED_ZUID: dict[int, tuple[date, date, tuple[Vacation, ...]]] = {
    2025: (
        date(2025, 8, 25),
        date(2026, 7, 10),
        (
            Vacation("Herfstvakantie", date(2025, 10, 11), date(2025, 10, 19)),
            Vacation("Kerstvakantie", date(2025, 12, 20), date(2026, 1, 4)),
            Vacation("Voorjaarsvakantie", date(2026, 2, 14), date(2026, 2, 22)),
            Vacation("Meivakantie", date(2026, 4, 25), date(2026, 5, 3)),
        ),
    ),
}


def easter(year: int) -> date:
    """Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _saturday_on_or_before(d: date) -> date:
    return d - timedelta(days=(d.weekday() - 5) % 7)


def _rule_start(year: int) -> date:
    """First schooldag of the school year starting in `year`: the Monday on or after 22 August."""
    d = date(year, 8, 22)
    return d + timedelta(days=(7 - d.weekday()) % 7)


def year_start(year: int) -> date:
    published = PUBLISHED_ZUID.get(year)
    return published[0] if published else _rule_start(year)


def year_end(year: int) -> date:
    """The Friday before the six weeks of summer vacation that end the day before the next year."""
    published = PUBLISHED_ZUID.get(year)
    return published[1] if published else year_start(year + 1) - timedelta(days=45)


def _rule_vacations(year: int) -> tuple[Vacation, ...]:
    """An approximation of region zuid's vacations, Saturday to Sunday, for a year not published
    above; the shipped vacation data of a later issue replaces it.

    herfst: the week of ISO week 42; kerst: two weeks from the Saturday on or before Christmas;
    voorjaar: the carnival week (carnival Sunday is Easter − 49); mei: nine days from the Saturday
    on or before 27 April, so Koningsdag falls inside it.
    """
    herfst = date.fromisocalendar(year, 42, 1) - timedelta(days=2)
    kerst = _saturday_on_or_before(date(year, 12, 25))
    voorjaar = easter(year + 1) - timedelta(days=50)
    mei = _saturday_on_or_before(date(year + 1, 4, 27))
    return (
        Vacation("Herfstvakantie", herfst, herfst + timedelta(days=8)),
        Vacation("Kerstvakantie", kerst, kerst + timedelta(days=15)),
        Vacation("Voorjaarsvakantie", voorjaar, voorjaar + timedelta(days=8)),
        Vacation("Meivakantie", mei, mei + timedelta(days=8)),
    )


def school_year(year: int) -> SchoolYear:
    """The school year that starts in August of `year`, with its vacations, feestdagen and studiedagen."""
    start, eind = year_start(year), year_end(year)
    published = PUBLISHED_ZUID.get(year)
    vakanties = published[2] if published else _rule_vacations(year)

    def free(d: date) -> bool:
        return d.weekday() < 5 and start <= d <= eind and not any(v.start <= d <= v.eind for v in vakanties)

    e = easter(year + 1)
    koningsdag = date(year + 1, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag -= timedelta(days=1)
    candidates = [e + timedelta(days=1), koningsdag, e + timedelta(days=39), e + timedelta(days=50)]
    if (year + 1) % 5 == 0:  # Bevrijdingsdag is a day off in lustrum years
        candidates.append(date(year + 1, 5, 5))
    # Christmas and New Year fall in the kerstvakantie and Koningsdag mostly in the meivakantie: no schooldag
    # anyway, but no werkdag either, which the term of a legal report counts (PROTOCOLS.md §3)
    winter = [date(year, 12, 25), date(year, 12, 26), date(year + 1, 1, 1)]
    feestdagen = tuple(sorted(d for d in {*candidates, *winter} if d.weekday() < 5 and start <= d <= eind))
    herfst_end = next(v.eind for v in vakanties if v.naam == "Herfstvakantie")
    # A Friday three weeks after the herfstvakantie and the Friday after Hemelvaart (many schools
    # are closed then, but it is no public holiday, so it is a studiedag).
    studie = [herfst_end + timedelta(days=26), e + timedelta(days=40)]
    studiedagen = tuple(sorted({d for d in studie if free(d) and d not in feestdagen}))
    return SchoolYear(start, eind, vakanties, studiedagen, feestdagen)


def current_school_year(today: date) -> int:
    """The start year of the school year holding `today`; in the summer vacation, the next one."""
    if today >= year_start(today.year):
        return today.year
    if today > year_end(today.year - 1):
        return today.year
    return today.year - 1


# -- TOML ------------------------------------------------------------------------------------------


def _dates(days: Iterable[date]) -> str:
    return "[" + ", ".join(d.isoformat() for d in days) + "]"


def _times(table: Mapping[str, tuple[str, ...]]) -> list[str]:
    return [f"{day} = [" + ", ".join('"' + s + '"' for s in table[day]) + "]" for day in WEEKDAYS_NL]


def render_school_file(sy: SchoolYear) -> str:
    """One school year in the school-file format of INTERFACES.md."""
    lines = [
        "[school]",
        f'naam = "{SCHOOL_NAME}"',
        f'brin = "{BRIN}"',
        f'protocol = "{PROTOCOL}"',
        "",
        "[schooljaar]",
        f"start = {sy.start.isoformat()}",
        f"eind = {sy.eind.isoformat()}",
        "",
        "[lestijden]",
        *_times(DEFAULT_TIMES),
    ]
    for group in KLEUTER_GROUPS:
        lines += ["", f'[lestijden.groepen."{group}"]', *_times(KLEUTER_TIMES)]
    lines += [
        "",
        "[kalender]",
        f"studiedagen = {_dates(sy.studiedagen)}",
        f"feestdagen = {_dates(sy.feestdagen)}",
    ]
    for v in sy.vakanties:
        lines += ["", "[[vakantie]]", f'naam = "{v.naam}"', f"start = {v.start}", f"eind = {v.eind}"]
    return "\n".join(lines) + "\n"


def school_settings(texts: Iterable[str]) -> list[SchoolSettings]:
    """The school files read by the reader every import uses (`importers.schoolfile`), oldest first."""
    return [parse_school_file(text, "demoschool") for text in texts]


def calendar_from_school_files(texts: Iterable[str]) -> SchoolCalendar:
    """A `SchoolCalendar` from school-file texts (one per year); the last file's timetables win."""
    years = school_settings(texts)
    last = years[-1]
    return SchoolCalendar(
        school_years=tuple(sorted((y.school_year for y in years), key=lambda p: p.start)),
        timetable=last.timetable,
        group_timetables=last.group_timetables,
        vacations=tuple(v for y in years for v in y.vacations),
        studiedagen=frozenset(d for y in years for d in y.studiedagen),
        feestdagen=frozenset(d for y in years for d in y.feestdagen),
    )
