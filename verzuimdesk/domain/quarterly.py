"""The SWV quarterly list's dates and its category proposal (PROTOCOLS.md §5), as plain functions.

Reference dates are 15 September, 15 December, 15 March and 15 June. The list for a date D is the one
whose reference date is the first of those on or after D; it covers the quarter that ends on that
reference date (the day after the previous reference date up to and including it): "one row per pupil
with an open or, within the quarter, closed case" (§5). The SWV's toelichting asks the school to
"actualiseren" its opgave each quarter and to keep "een actueel beeld in opgave en lopende meldingen";
nothing in it asks to repeat a case closed in an earlier quarter, whose closing the SWV got on that
quarter's list.
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

    Open on the reference date, or closed within the quarter (PROTOCOLS.md §5): a case closed in October
    is on the list of 15 December, not on that of 15 March.
    """
    if start > ref:
        return False
    if closed is None or closed > ref:
        return True
    return closed >= quarter_start(ref)


def propose_category(minutes: Iterable[tuple[Category, int]], *, outside: int = 0) -> str | None:
    """'A' when more than half of the absent minutes are unauthorised, 'B' when at least half are
    authorised (sick included), None when there is no absence to judge.

    `minutes` holds (category, absent minutes) per record of the absence run. Lateness and present
    elsewhere are no absence and do not count either way. `outside` is the unauthorised minutes on days
    the pupil was not leerplichtig: absence, but never toward A, which the SWV defines for a leerplichtige
    pupil without vrijstelling (sources/004).
    """
    unauthorised = authorised = 0
    for category, m in minutes:
        if category in UNAUTHORISED:
            unauthorised += m
        elif category in AUTHORISED:
            authorised += m
    total = unauthorised + authorised + outside
    if total == 0:
        return None
    return "A" if unauthorised * 2 > total else "B"


# The option texts of Onderwijs Transparant (PROTOCOLS.md §5), word for word as in the SWV's
# toelichting (sources/004_85cbbc889f26312f.txt), so that a row can be typed or pasted into OT unchanged.
CATEGORIES: dict[str, str] = {"A": "Langdurig Relatief Verzuim (LRV)",
                              "B": "Langdurig (geoorloofd) verzuim (Risicoleerling)"}
MAIN_CAUSES: dict[str, tuple[str, ...]] = {
    "A": ("Leerling wil niet naar school", "Ouders willen niet dat kind naar school gaat",
          "Geen overeenstemming school/ouders over passende onderwijsplek",
          "Wel in staat, maar geen passende onderwijsplek"),
    "B": ("Psychische oorzaak", "Lichamelijke oorzaak"),
}
INTERVENTIONS: tuple[str, ...] = (
    "Geen passend en gestart aanbod onderwijs/zorg", "Inzet jeugdhulp / medische zorg / behandeling",
    "Inzet leerplicht", "Volgt op/via school aangepast onderwijsprogramma",
    "Volgt zorgtraject/dagbesteding t.v.v. onderwijs", "Volgt (tijdelijk) daginvullingsprogramma",
    "In gesloten instelling of residentiële instelling",
)
SHARES: tuple[int, ...] = (100, 75, 50, 25, 0)
SHARE_TEXTS: dict[int, str] = {100: "Ja (100%)", 75: "Gedeeltelijk (75%)", 50: "Gedeeltelijk (50%)",
                               25: "Gedeeltelijk (25%)", 0: "Nee (0%)"}
WAITING_LIST = "Op wachtlijst voor een behandeling / opname, namelijk"
CLOSE_BACK = "Leerling volgt weer (>50%) onderwijs op (een) school"
CLOSE_LEFT = "Leerling is van school uitgeschreven"
CLOSE_REASONS: tuple[str, ...] = (CLOSE_BACK, CLOSE_LEFT, "Vrijstelling voor leerling")


def category_text(category: str) -> str:
    """'Cat. A: Langdurig Relatief Verzuim (LRV)', the category as the toelichting heads it."""
    return f"Cat. {category}: {CATEGORIES[category]}" if category in CATEGORIES else category
