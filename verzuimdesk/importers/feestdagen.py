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
                    names: frozenset[str] = frozenset(SCHOOL_HOLIDAYS)) -> list[tuple[date, str]]:
    """The school holidays from `start` to `end` on a weekday outside every vacation, with Dutch names."""
    nl = holidays.country_holidays("NL", years=range(start.year, end.year + 1), language="en_US")
    out = []
    for day, name in sorted(nl.items()):
        english = next((n for n in names if n in name.split("; ")), None)
        if english is None or not start <= day <= end or day.weekday() >= 5:
            continue
        if any(v.start <= day <= v.end for v in vacations):
            continue
        out.append((day, SCHOOL_HOLIDAYS[english]))
    return out
