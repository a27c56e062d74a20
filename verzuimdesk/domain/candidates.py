"""Candidates for the SWV quarterly list, and the engine's proposal to close a case (PROTOCOLS.md §5).

A pupil is a *candidate* for zorgwekkend verzuim on a schooldag when half-weeks (§1b) hold for the
absent minutes of every category but `present_elsewhere` and `late`: in each of the last 5 lesweken at
least half of the lestijd absent (part-day absence counts). The proposed category is A when more than
half of the absent minutes of those 5 lesweken are unauthorised or unexplained, otherwise B; the
proposed start is the first schooldag of the earliest lesweek of the unbroken series. The list of a
reference date holds every pupil who was a candidate on a schooldag of its quarter, with the proposal
of the last such day.

Category A is the SWV's "leer- of kwalificatieplichtige leerling die langer dan 4 weken ongeoorloofd
verzuimt zonder dat er vrijstelling is van de leerplicht" (sources/004): unauthorised minutes count
toward it only on days the pupil was leerplichtig (PROTOCOLS.md §1b: not before the start of leerplicht,
not in a vrijstelling). A 4-year-old's absence, or a pupil's in a vrijstelling, is never proposed as A:
such a pupil is proposed as B, the only other category of the list, for the IB-er to confirm or dismiss.
The start of an A is no day before leerplicht, as the DUO sheet's LRV begindatum.

A case is proposed for closing ("Leerling volgt weer (>50%) onderwijs op (een) school") when the pupil
attended more than half of the lestijd of the last 10 schooldagen; the proposed end date is the last
schooldag since the case start on which the pupil was still at least half absent (the einddatum
verzuim), or the case start when there was none.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from verzuimdesk.domain.halfweeks import CANDIDATE_CATEGORIES, HalfWeekIndex, WeekShare, half_week_index
from verzuimdesk.domain.leerplicht import Leerplicht
from verzuimdesk.domain.measures import RESTORATION_DAYS, UNAUTHORISED, PupilMeasures

CLOSE_DAYS = RESTORATION_DAYS  # "attendance over the last 10 schooldagen"


@dataclass(frozen=True, slots=True)
class Candidate:
    """The proposal on schooldag `day`: category, start, and the numbers behind it."""

    day: date
    category: str  # "A" | "B"
    start: date
    weeks: tuple[WeekShare, ...]
    unauthorised: int  # unauthorised and unexplained absent minutes of those weeks
    outside: int = 0  # of those, the minutes on days the pupil was not leerplichtig (never toward A)

    @property
    def absent(self) -> int:
        return sum(w.absent for w in self.weeks)

    @property
    def lestijd(self) -> int:
        return sum(w.lestijd for w in self.weeks)


@dataclass(frozen=True, slots=True)
class CloseProposal:
    """Back for more than half: attended minutes of the lestijd of the last 10 schooldagen up to `day`."""

    day: date
    end: date
    attended: int
    lestijd: int


def candidate_index(m: PupilMeasures) -> HalfWeekIndex:
    return half_week_index(m, CANDIDATE_CATEGORIES)


def candidate_at(m: PupilMeasures, t: date, leerplicht: Leerplicht | None = None) -> Candidate | None:
    """The proposal at `t`, or None when the pupil is no candidate that day. A day the pupil is not enrolled
    (before the inschrijfdatum, after the uitschrijfdatum) is no candidate day: the half-weeks of the last
    lesweken of the enrolment still hold then, but the quarter holds no day of this pupil's school."""
    if t < m.enrolled_from or (m.enrolled_until is not None and t > m.enrolled_until):
        return None
    ix = candidate_index(m)
    hw = ix.at(t, strict=False)
    if hw is None:
        return None
    first, last = hw.weeks[0].first, hw.weeks[-1].last
    unauthorised = ix.part(UNAUTHORISED, first, last)
    counted = unauthorised if leerplicht is None else sum(
        ix.part(UNAUTHORISED, a, b) for a, b in leerplicht.periods(first, last))
    category = "A" if 2 * counted > hw.absent else "B"
    start = hw.series_start
    if category == "A" and leerplicht is not None:
        start = _first_in_leerplicht(m, leerplicht, start, last)
    return Candidate(last, category, start, hw.weeks, unauthorised, unauthorised - counted)


def _first_in_leerplicht(m: PupilMeasures, leerplicht: Leerplicht, start: date, last: date) -> date:
    """The first schooldag from `start` on which the pupil is leerplichtig (an A begins no earlier)."""
    periods = leerplicht.periods(start, last)
    if not periods or periods[0][0] == start:
        return start
    days = m.g.days
    i = bisect_left(days, periods[0][0])
    return days[i] if i < len(days) and days[i] <= last else start


def period_candidate(m: PupilMeasures, first: date, last: date,
                     leerplicht: Leerplicht | None = None) -> Candidate | None:
    """The proposal of the last schooldag in first..last on which the pupil was a candidate, if any; with the
    pupil's `leerplicht`, category A only for unauthorised absence in leerplicht."""
    ix = candidate_index(m)
    # No absence in the period's lesweken (the first one from its Monday, before the period may begin):
    # no lesweek of it is half absent
    if ix.span(week_monday(first), last)[0] == 0:
        return None
    g = m.g
    for i in range(g.last_index(last), bisect_left(g.days, first) - 1, -1):
        found = candidate_at(m, g.days[i], leerplicht)
        if found is not None:
            return found
    return None


def week_monday(day: date) -> date:
    """The Monday of the lesweek (ISO week) holding `day`."""
    return day - timedelta(days=day.weekday())


def close_proposal(m: PupilMeasures, start: date, t: date) -> CloseProposal | None:
    """The engine's proposal to close a case started on `start`, at `t`; None while the pupil is not back
    for more than half, or before 10 schooldagen of the case have passed."""
    ix = candidate_index(m)
    g = m.g
    hi = g.last_index(t)
    lo = hi - CLOSE_DAYS + 1
    if hi < 0 or lo < 0 or g.days[lo] < start:
        return None
    absent, lestijd = ix.span(g.days[lo], g.days[hi])
    if lestijd == 0 or 2 * (lestijd - absent) <= lestijd:
        return None
    end = start
    for i in range(hi, bisect_left(g.days, start) - 1, -1):
        a, minutes = ix.span(g.days[i], g.days[i])
        if minutes and 2 * a >= minutes:
            end = g.days[i]
            break
    return CloseProposal(g.days[hi], end, lestijd - absent, lestijd)
