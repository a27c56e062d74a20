"""The school file (INTERFACES.md): TOML with Dutch keys, validated to the last key.

Unknown keys and impossible values are refused with a Dutch message naming the key; the result is
plain data the school service writes in one transaction.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from verzuimdesk.domain import limits
from verzuimdesk.domain.calendar import WEEKDAYS_NL, Period, Span
from verzuimdesk.domain.lesson_times import lesson_day_problems
from verzuimdesk.domain.limits import too_long
from verzuimdesk.importers.feestdagen import CHECKED, public_holidays
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.values import parse_span

DayTable = dict[int, tuple[Span, ...]]


@dataclass(frozen=True)
class SchoolSettings:
    name: str
    brin: str
    protocol: str
    school_year: Period
    timetable: DayTable
    group_timetables: dict[str, DayTable] = field(default_factory=dict)
    studiedagen: tuple[date, ...] = ()
    feestdagen: tuple[date, ...] = ()
    vacations: tuple[Period, ...] = ()
    notes: tuple[str, ...] = ()  # Dutch warnings: the file is accepted, but the user should know


_TOP_KEYS = {"school", "schooljaar", "lestijden", "kalender", "vakantie"}


class _Reader:
    """Collects every problem instead of stopping at the first, so one run shows them all."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, key: str, reason: str) -> None:
        self.problems.append(Problem(None, "", f"'{key}': {reason}"))

    def table(self, data: dict[str, Any], key: str, allowed: set[str], required: bool = True) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(key, "ontbreekt")
            return {}
        if not isinstance(value, dict):
            self.fail(key, "moet een tabel zijn")
            return {}
        for unknown in sorted(set(value) - allowed):
            self.fail(f"{key}.{unknown}", "onbekende sleutel")
        return value

    def text(self, data: dict[str, Any], key: str, name: str, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.fail(name, "ontbreekt")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(name, "moet een (niet lege) tekst zijn")
            return ""
        return value.strip()

    def day(self, data: dict[str, Any], key: str, name: str) -> date | None:
        value = data.get(key)
        if value is None:
            self.fail(name, "ontbreekt")
            return None
        if isinstance(value, date) and not hasattr(value, "hour"):
            return value
        self.fail(name, f"'{value}' is geen datum (schrijf JJJJ-MM-DD zonder aanhalingstekens)")
        return None

    def days(self, data: dict[str, Any], key: str, name: str) -> tuple[date, ...]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.fail(name, "moet een lijst van datums zijn")
            return ()
        out = []
        for item in value:
            if isinstance(item, date) and not hasattr(item, "hour"):
                out.append(item)
            else:
                self.fail(name, f"'{item}' is geen datum")
        return tuple(sorted(set(out)))

    def week(self, data: dict[str, Any], name: str) -> DayTable:
        table: DayTable = {}
        for key, value in data.items():
            if key == "groepen" and name == "lestijden":
                continue
            if key not in WEEKDAYS_NL:
                self.fail(f"{name}.{key}", "onbekende weekdag (maandag t/m vrijdag)")
                continue
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                self.fail(f"{name}.{key}", 'moet een lijst van tijdvakken zijn, zoals ["08:30-12:00"]')
                continue
            spans = []
            for raw in value:
                try:
                    spans.append(parse_span(raw))
                except ValueError as exc:
                    self.fail(f"{name}.{key}", str(exc))
            spans.sort()
            for reason in lesson_day_problems(spans):  # the domain's rule; the settings page asks it too
                self.fail(f"{name}.{key}", reason)
            table[WEEKDAYS_NL.index(key)] = tuple(spans)
        return table


MAX_CHARS = 1_000_000  # a school file is a few kB; a bigger one is a mistake or an attack


def parse_school_file(text: str, source: str = "schoolbestand") -> SchoolSettings:
    """Parse and validate; raises InputRefused listing every problem."""
    if len(text) > MAX_CHARS:
        raise InputRefused(source, [Problem(None, "", "het bestand is te groot voor een schoolbestand (meer dan "
                                            "1 MB); kies het juiste bestand")])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputRefused(source, [Problem(None, "", f"geen geldig TOML-bestand ({exc})")]) from None
    except RecursionError:
        raise InputRefused(source, [Problem(None, "", "geen geldig schoolbestand: lijsten of tabellen zijn "
                                            "honderden keren in elkaar genest")]) from None
    r = _Reader()
    for unknown in sorted(set(data) - _TOP_KEYS):
        r.fail(unknown, "onbekende sleutel")

    # An empty table is checked like a full one: its required keys are missing, not the table.
    school = r.table(data, "school", {"naam", "brin", "protocol"})
    name = r.text(school, "naam", "school.naam") if isinstance(data.get("school"), dict) else ""
    brin = r.text(school, "brin", "school.brin", required=False)
    protocol = r.text(school, "protocol", "school.protocol", required=False) or "hoeksche-waard-po"
    for key, value, limit in (("school.naam", name, limits.SCHOOL), ("school.brin", brin, 10),
                              ("school.protocol", protocol, limits.LINK)):
        if too_long(value, limit):
            r.fail(key, str(too_long(value, limit)))

    year_t = r.table(data, "schooljaar", {"start", "eind"})
    has_year = isinstance(data.get("schooljaar"), dict)
    y_start = r.day(year_t, "start", "schooljaar.start") if has_year else None
    y_end = r.day(year_t, "eind", "schooljaar.eind") if has_year else None
    if y_start and y_end and y_end <= y_start:
        r.fail("schooljaar.eind", "ligt niet na schooljaar.start")
        y_end = None

    lestijden = r.table(data, "lestijden", set(WEEKDAYS_NL) | {"groepen"})
    timetable = r.week(lestijden, "lestijden")
    if lestijden and not any(timetable.values()):
        r.fail("lestijden", "geen enkele lestijd opgegeven")
    groups: dict[str, DayTable] = {}
    raw_groups = lestijden.get("groepen", {})
    if not isinstance(raw_groups, dict):
        r.fail("lestijden.groepen", "moet een tabel per groep zijn")
        raw_groups = {}
    for group, week in raw_groups.items():
        if too_long(str(group), limits.GROUP):
            r.fail("lestijden.groepen", f"de naam van een groep {too_long(str(group), limits.GROUP)}")
            continue
        if not isinstance(week, dict):
            r.fail(f"lestijden.groepen.{group}", "moet een tabel met weekdagen zijn")
            continue
        groups[str(group)] = r.week(week, f"lestijden.groepen.{group}")

    kalender = r.table(data, "kalender", {"studiedagen", "feestdagen"}, required=False)
    studiedagen = r.days(kalender, "studiedagen", "kalender.studiedagen")
    feestdagen = r.days(kalender, "feestdagen", "kalender.feestdagen")

    vacations: list[Period] = []
    raw_vac = data.get("vakantie", [])
    if not isinstance(raw_vac, list):
        r.fail("vakantie", "schrijf elke vakantie als [[vakantie]]")
        raw_vac = []
    for i, vac in enumerate(raw_vac, start=1):
        key = f"vakantie[{i}]"
        if not isinstance(vac, dict):
            r.fail(key, "moet een tabel zijn")
            continue
        for unknown in sorted(set(vac) - {"naam", "start", "eind"}):
            r.fail(f"{key}.{unknown}", "onbekende sleutel")
        vname = r.text(vac, "naam", f"{key}.naam")
        key = f"vakantie '{vname}'" if vname else key
        v_start = r.day(vac, "start", f"{key}.start")
        v_end = r.day(vac, "eind", f"{key}.eind")
        if v_start and v_end:
            if v_end < v_start:
                r.fail(f"{key}.eind", "ligt voor de start")
            elif y_start and y_end and (v_end < y_start or v_start > y_end):
                r.fail(key, "ligt buiten het schooljaar")
            else:
                vacations.append(Period(vname, v_start, v_end))
    vacations.sort(key=lambda p: p.start)
    for a, b in pairwise(vacations):
        if b.start <= a.end:
            r.fail(f"vakantie '{b.name}'", f"overlapt met vakantie '{a.name}'")

    if y_start and y_end:
        for name_, days in (("kalender.studiedagen", studiedagen), ("kalender.feestdagen", feestdagen)):
            for d in days:
                if not y_start <= d <= y_end:
                    r.fail(name_, f"{d.isoformat()} ligt buiten het schooljaar")
                elif d.weekday() >= 5:
                    r.fail(name_, f"{d.isoformat()} valt in het weekend")
        for d in sorted(set(studiedagen) & set(feestdagen)):
            r.fail("kalender", f"{d.isoformat()} staat zowel bij studiedagen als bij feestdagen")

    if r.problems or y_start is None or y_end is None:
        raise InputRefused(source, r.problems)
    notes: list[str] = []
    if "feestdagen" not in kalender:  # none named: the Dutch public holidays of the school year
        found = [(d, n) for d, n in public_holidays(y_start, y_end, tuple(vacations), in_vacations=None)
                 if d not in studiedagen]  # those in a vacation too: they are no werkdag
        feestdagen = tuple(d for d, _ in found)
        if found:
            notes.append("Feestdagen ingevuld (kalender.feestdagen ontbrak): " + _listed(found) + ".")
    else:
        missing = [(d, n) for d, n in public_holidays(y_start, y_end, tuple(vacations), names=CHECKED)
                   if d not in feestdagen and d not in studiedagen]
        if missing:
            notes.append("Let op: " + _listed(missing) + (" staat" if len(missing) == 1 else " staan")
                         + " niet bij kalender.feestdagen en valt buiten de vakanties; de app telt "
                         + ("die dag" if len(missing) == 1 else "die dagen")
                         + " als schooldag. Voeg ze toe als de school dan dicht is.")
        in_vacation = [(d, n) for d, n in public_holidays(y_start, y_end, tuple(vacations), in_vacations=True)
                       if d not in feestdagen]
        if in_vacation:
            notes.append("Let op: " + _listed(in_vacation) + (" valt" if len(in_vacation) == 1 else " vallen")
                         + " in een vakantie maar " + ("staat" if len(in_vacation) == 1 else "staan")
                         + " niet bij kalender.feestdagen; de termijn van een wettelijke melding telt werkdagen "
                         "(ook in de vakantie), en zonder die regel telt de app "
                         + ("die dag" if len(in_vacation) == 1 else "die dagen") + " als werkdag. Voeg "
                         + ("hem" if len(in_vacation) == 1 else "ze") + " toe.")
    return SchoolSettings(
        name=name,
        brin=brin,
        protocol=protocol,
        school_year=Period("", y_start, y_end),
        timetable=timetable,
        group_timetables=groups,
        studiedagen=studiedagen,
        feestdagen=feestdagen,
        vacations=tuple(vacations),
        notes=tuple(notes),
    )


def _listed(days: list[tuple[date, str]]) -> str:
    return ", ".join(f"{d.isoformat()} ({name})" for d, name in days)
