"""Candidates for the SWV quarterly list, and the engine's proposal to close a case (PROTOCOLS.md §5).

A pupil is a *candidate* for zorgwekkend verzuim on a schooldag when half-weeks (§1b) hold for the
absent minutes of every category but `present_elsewhere` and `late`: in each of the last 5 lesweken at
least half of the lestijd absent (part-day absence counts). The proposed category is A when more than
half of the absent minutes of those 5 lesweken are unauthorised or unexplained, otherwise B; the
proposed start is the first schooldag of the earliest lesweek of the unbroken series. The list of a
reference date holds every pupil who was a candidate on a schooldag of its quarter, with the proposal
of the last such day.

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


def candidate_at(m: PupilMeasures, t: date) -> Candidate | None:
    """The proposal at `t`, or None when the pupil is no candidate that day. A day the pupil is not enrolled
    (before the inschrijfdatum, after the uitschrijfdatum) is no candidate day: the half-weeks of the last
    lesweken of the enrolment still hold then, but the quarter holds no day of this pupil's school."""
    if t < m.enrolled_from or (m.enrolled_until is not None and t > m.enrolled_until):
        return None
    ix = candidate_index(m)
    hw = ix.at(t, strict=False)
    if hw is None:
        return None
    unauthorised = ix.part(UNAUTHORISED, hw.weeks[0].first, hw.weeks[-1].last)
    return Candidate(hw.weeks[-1].last, "A" if 2 * unauthorised > hw.absent else "B", hw.series_start, hw.weeks,
                     unauthorised)


def period_candidate(m: PupilMeasures, first: date, last: date) -> Candidate | None:
    """The proposal of the last schooldag in first..last on which the pupil was a candidate, if any."""
    ix = candidate_index(m)
    # No absence in the period's lesweken (the first one from its Monday, before the period may begin):
    # no lesweek of it is half absent
    if ix.span(week_monday(first), last)[0] == 0:
        return None
    g = m.g
    for i in range(g.last_index(last), bisect_left(g.days, first) - 1, -1):
        found = candidate_at(m, g.days[i])
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
