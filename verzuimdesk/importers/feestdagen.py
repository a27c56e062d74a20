"""Dutch public holidays for a school year, from the maintained `holidays` package (country NL).

The school file's `feestdagen` are weekdays on which no lessons are given and no werkdag counts
(PROTOCOLS.md §4). The days that close every school: Nieuwjaarsdag, Tweede Paasdag, Koningsdag,
Hemelvaartsdag, Tweede Pinksterdag and both Christmas days. Goede Vrijdag and Bevrijdingsdag are not
general days off for schools (a school that closes on them lists them itself).
"""

from __future__ import annotations

from datetime import date

import holidays

from verzuimdesk.domain.calendar import Period

# the holidays package's English names (stable across its versions) → the Dutch name
SCHOOL_HOLIDAYS = {
    "New Year's Day": "Nieuwjaarsdag",
    "Easter Monday": "Tweede Paasdag",
    "King's Day": "Koningsdag",
    "Ascension Day": "Hemelvaartsdag",
    "Pentecost Monday": "Tweede Pinksterdag",
    "Christmas Day": "Eerste Kerstdag",
    "Second Day of Christmas": "Tweede Kerstdag",
}
# the days the school file is warned about when they are missing (issue 14): Christmas, Easter
# Monday, Koningsdag, Hemelvaart, Pinkstermaandag
CHECKED = frozenset(SCHOOL_HOLIDAYS) - {"New Year's Day"}


def public_holidays(start: date, end: date, vacations: tuple[Period, ...] = (), *,
                    names: frozenset[str] = frozenset(SCHOOL_HOLIDAYS),
                    in_vacations: bool | None = False) -> list[tuple[date, str]]:
    """The school holidays from `start` to `end` on a weekday, with Dutch names: outside every vacation
    (`in_vacations` False), inside one (True) or either (None). One inside a vacation is no schooldag
    anyway, but it is no werkdag either: the term of a legal report counts werkdagen, vacations included
    (PROTOCOLS.md §3), and Tweede Kerstdag is none."""
    nl = holidays.country_holidays("NL", years=range(start.year, end.year + 1), language="en_US")
    out = []
    for day, name in sorted(nl.items()):
        english = next((n for n in names if n in name.split("; ")), None)
        if english is None or not start <= day <= end or day.weekday() >= 5:
            continue
        inside = any(v.start <= day <= v.end for v in vacations)
        if in_vacations is not None and inside != in_vacations:
            continue
        out.append((day, SCHOOL_HOLIDAYS[english]))
    return out
