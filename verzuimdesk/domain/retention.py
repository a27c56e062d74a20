"""Retention terms (DESIGN.md): absence data 5 years after the pupil leaves; the rest of the dossier
2 years, or 3 after a referral to special education."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class Purge(StrEnum):
    DOSSIER = "dossier"  # conversations, reports made, plans, cases, guardians; absences stay
    EVERYTHING = "everything"  # the pupil with every record


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def dossier_due(left: date, *, referred_special: bool) -> date:
    return _years_after(left, 3 if referred_special else 2)


def absences_due(left: date) -> date:
    return _years_after(left, 5)


def due_purge(left: date | None, *, referred_special: bool, today: date) -> Purge | None:
    """What must go today for a pupil who left on `left` (None: still enrolled, nothing)."""
    if left is None or left >= today:
        return None
    # A term has passed the day after its last day: two years after 30 Jan 2026 ends on 30 Jan 2028.
    if absences_due(left) < today:
        return Purge.EVERYTHING
    if dossier_due(left, referred_special=referred_special) < today:
        return Purge.DOSSIER
    return None
