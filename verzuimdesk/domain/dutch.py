"""Dutch dates as users read them: `ma 3 nov 2025`."""

from __future__ import annotations

from datetime import date

_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def format_date(d: date, *, weekday: bool = True) -> str:
    text = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{_DAYS[d.weekday()]} {text}" if weekday else text
