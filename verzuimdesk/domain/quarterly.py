"""The SWV quarterly list's dates and its category proposal (PROTOCOLS.md §5), as plain functions.

Reference dates are 15 September, 15 December, 15 March and 15 June. The list for a date D is the one
whose reference date is the first of those on or after D; it covers the quarter that ends on that
reference date and, cumulatively, the school year it belongs to (which starts on 1 August: every
Dutch school year starts in the summer vacation that holds 1 August).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from verzuimdesk.domain.codes import Category

# Unauthorised in the sense of category A: "ongeoorloofd", and a `?` counts as unauthorised until
# someone reclassifies it (PROTOCOLS.md §1).
from verzuimdesk.domain.measures import UNAUTHORISED

REFERENCE_MONTHS = (3, 6, 9, 12)
REFERENCE_DAY = 15

# Authorised in the sense of category B: sickness and other authorised absence; schorsing is
# authorised too (PROTOCOLS.md §1).
AUTHORISED = frozenset({Category.SICK, Category.AUTHORISED, Category.SUSPENDED})


def reference_date(day: date) -> date:
    """The first 15 Sep/Dec/Mar/Jun on or after `day`."""
    for month in REFERENCE_MONTHS:
        ref = date(day.year, month, REFERENCE_DAY)
        if ref >= day:
            return ref
    return date(day.year + 1, REFERENCE_MONTHS[0], REFERENCE_DAY)


def previous_reference(ref: date) -> date:
    """The reference date three months before `ref` (itself a reference date)."""
    return date(ref.year - 1, 12, REFERENCE_DAY) if ref.month == 3 else date(ref.year, ref.month - 3, REFERENCE_DAY)


def quarter_start(ref: date) -> date:
    """The first day of the quarter that ends on `ref`: the day after the previous reference date."""
    prev = previous_reference(ref)
    return date.fromordinal(prev.toordinal() + 1)


def school_year_start(ref: date) -> date:
    """1 August of the school year that `ref` belongs to (15 September belongs to the new year)."""
    return date(ref.year if ref.month >= 8 else ref.year - 1, 8, 1)


def in_list(start: date, closed: date | None, ref: date) -> bool:
    """Does a case started on `start` (closed on `closed`, if so) belong on the list of `ref`?

    Open on the reference date, or closed within the quarter or earlier in the same school year: the
    list is cumulative over the school year, so a case closed in October still shows in March.
    """
    if start > ref:
        return False
    if closed is None or closed > ref:
        return True
    return closed >= min(quarter_start(ref), school_year_start(ref))


def propose_category(minutes: Iterable[tuple[Category, int]]) -> str | None:
    """'A' when more than half of the absent minutes are unauthorised, 'B' when at least half are
    authorised (sick included), None when there is no absence to judge.

    `minutes` holds (category, absent minutes) per record of the absence run. Lateness and present
    elsewhere are no absence and do not count either way.
    """
    unauthorised = authorised = 0
    for category, m in minutes:
        if category in UNAUTHORISED:
            unauthorised += m
        elif category in AUTHORISED:
            authorised += m
    total = unauthorised + authorised
    if total == 0:
        return None
    return "A" if unauthorised * 2 > total else "B"


# The answers the SWV's list expects (PROTOCOLS.md §5), in the Dutch the list is filled in with.
MAIN_CAUSES: dict[str, tuple[str, ...]] = {
    "A": ("leerling wil niet naar school", "ouders willen niet dat het kind naar school gaat",
          "geen overeenstemming school en ouders over een passende plek", "kan naar school, maar geen passende plek"),
    "B": ("psychisch", "lichamelijk"),
}
INTERVENTIONS: tuple[str, ...] = (
    "geen passend aanbod gestart", "jeugdhulp, medische zorg of behandeling", "leerplicht betrokken",
    "aangepast programma op school (afwijking onderwijstijd, volgens plan)", "zorgprogramma in plaats van school",
    "tijdelijk dagprogramma", "in een gesloten of residentiële instelling",
)
SHARES: tuple[int, ...] = (100, 75, 50, 25, 0)
CLOSE_REASONS: tuple[str, ...] = ("terug op school voor meer dan 50%", "uitgeschreven van de school", "vrijstelling")
