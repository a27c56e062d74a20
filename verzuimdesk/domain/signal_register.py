"""The signals found in what is registered about the pupil and its family (SIGNALS.md).

They read other rows than the pupil's own records (a sibling's absence, the guardians), so the
service computes them each time a status is read, from a few bulk columns, instead of caching them
with the pupil's status: a sibling's new absence then shows at once.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.signal_base import SOURCE, Params, RegisterInput, Signal, short_date

REGISTRATION_DAYS = 10  # MISSING_DATA `registratie`: the group's last schooldagen before the peildatum

MISSING_TEXT = {
    "geboortedatum": "geboortedatum",
    "verzorger": "telefoonnummer of e-mailadres van een ouder/verzorger",
    "ot_nummer": "OT-nummer (er is een zaak van zorgwekkend verzuim open)",
    "registratie": "gecontroleerde registratie van de groep",
}


def recent_schooldagen(calendar: SchoolCalendar, group: str, peil: date,
                       n: int = REGISTRATION_DAYS) -> tuple[date, ...]:
    """`group`'s last `n` schooldagen before `peil` (the peildatum's own day is still being registered).

    Read back from the peildatum over a window that doubles until it holds `n` of them, not from the
    group's index of every schooldag (calendar.group_days): a status read from the cache needs no index
    of sixteen groups' whole school years for ten days each."""
    first = min((y.start for y in calendar.school_years), default=None)
    if n <= 0 or first is None or peil <= first:
        return ()
    before, span = peil - timedelta(days=1), 2 * n + 14
    while True:
        start = max(peil - timedelta(days=span), first)
        days = tuple(calendar.schooldagen(start, before, group))
        if len(days) >= n or start == first:
            return days[-n:]
        span *= 2


def unchecked_days(calendar: SchoolCalendar, group: str, peil: date, checked: Collection[tuple[date, int]],
                   n: int = REGISTRATION_DAYS) -> tuple[date, ...]:
    """Those of `recent_schooldagen` on which not every dagdeel is in `checked` ((day, part) pairs, as
    registration_checks marks them)."""
    return tuple(d for d in recent_schooldagen(calendar, group, peil, n)
                 if any((d, p) not in checked for p in range(calendar.dagdelen(group, d))))


def siblings(x: RegisterInput, p: Params) -> Signal | None:
    own = set(x.absence_days)
    found = []
    for name, days in x.siblings:
        shared = sorted(own & days)
        if len(shared) >= p["min_gedeelde_dagen"]:
            found.append((name, shared))
    if not found:
        return None
    dates = sorted({d for _, shared in found for d in shared})
    names = " en ".join(name for name, _ in found)
    most = max(len(shared) for _, shared in found)
    return Signal(
        "SIBLINGS",
        f"Ook {names} (zelfde gezin) {'was' if len(found) == 1 else 'waren'} afwezig op {most} van de "
        f"{len(own)} afwezigheidsdagen van deze leerling in het venster.",
        f"Signaal bij minstens {p['min_gedeelde_dagen']:g} gedeelde afwezigheidsdagen met een broer of zus "
        f"({SOURCE}).",
        most, p["min_gedeelde_dagen"], "dagen", tuple(dates),
        tuple("ook afwezig: " + ", ".join(n for n, shared in found if d in shared) for d in dates),
    )


def missing_data(x: RegisterInput, p: Params) -> Signal | None:
    items = []
    if not x.birth_date_known:
        items.append("geboortedatum")
    if x.guardians_kept and not x.guardian_contact:
        items.append("verzorger")
    if x.case_open and not x.ot_number.strip():
        items.append("ot_nummer")
    if x.unchecked_days:
        items.append("registratie")
    if not items:
        return None
    texts = [MISSING_TEXT[i] for i in items]
    if x.unchecked_days:
        n = len(x.unchecked_days)
        texts[-1] += f" ({n} {'schooldag' if n == 1 else 'schooldagen'} van de laatste {REGISTRATION_DAYS})"
    return Signal(
        "MISSING_DATA",
        "Ontbreekt: " + "; ".join(texts) + ".",
        f"Gegevens die nodig zijn voor een melding of een gesprek, nagekeken op {short_date(x.peil)}.",
        len(items), 1, "gegevens", x.unchecked_days,
        tuple("registratie niet gecontroleerd" for _ in x.unchecked_days), items=tuple(items),
    )
