"""What every signal detector shares: the explanation object and the inputs (SIGNALS.md).

A signal is the school's reason to look, explained like a rule hit: what holds with its numbers
(`text`), the threshold it was held against and that it is a default kept in data (`basis`), the
dates that show it (`evidence`, each with a `details` line), and the records behind it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain.calendar import WEEKDAYS_NL
from verzuimdesk.domain.measures import NOT_ABSENT, PupilMeasures
from verzuimdesk.domain.records import AbsenceRecord

Params = Mapping[str, float]  # a signal's thresholds, from its table in signals.toml
SOURCE = "standaardgrens, aan te passen in signals.toml"

_DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass(frozen=True, slots=True)
class Signal:
    id: str
    text: str
    basis: str
    value: float
    threshold: float
    unit: str
    evidence: tuple[date, ...] = ()
    details: tuple[str, ...] = ()  # one line per evidence date (a code, a report time, a vacation)
    record_ids: tuple[int, ...] = ()
    items: tuple[str, ...] = ()  # MISSING_DATA: what is missing (`geboortedatum`, `verzorger`, …)


@dataclass(frozen=True, slots=True)
class RecordInput:
    """A detector's view of one pupil's records at the peildatum (cached with the status)."""

    m: PupilMeasures
    peil: date
    window: tuple[date, date] | None  # the window of `venster_lesweken` lesweken
    weeks: int = 12  # that number of lesweken
    cases: tuple[tuple[date, date | None], ...] = ()  # every care case: (start, closed)

    def records_in(self, start: date, end: date) -> tuple[AbsenceRecord, ...]:
        """The pupil's absence records (any category but present_elsewhere and late) on its
        schooldagen from `start` to `end`, both included, in date order."""
        recs, days = self.m.records, self.m.record_days
        lo, hi = bisect_left(days, start), bisect_right(days, end)
        index = self.m.g.index
        return tuple(r for r in recs[lo:hi] if r.category not in NOT_ABSENT and r.day in index)

    def window_records(self) -> tuple[AbsenceRecord, ...]:
        """`records_in` the window up to the peildatum: asked by several detectors of the same pupil, so
        kept with the pupil's measures (per window and peildatum)."""
        if self.window is None:
            return ()
        key = ("window_records", self.window[0], self.peil)
        got = self.m.derived.get(key)
        if got is None:
            got = self.m.derived[key] = self.records_in(self.window[0], self.peil)
        return got  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class RegisterInput:
    """A detector's view of what is registered about the pupil and its family (read, not cached)."""

    peil: date
    window_start: date | None
    absence_days: tuple[date, ...]  # the pupil's absence days from `window_start` to the peildatum
    siblings: tuple[tuple[str, frozenset[date]], ...] = ()  # (name, absence days) per gezin member
    birth_date_known: bool = True
    guardians_kept: bool = False  # the school keeps guardians in VerzuimDesk at all
    guardian_contact: bool = False  # a guardian with a phone number or e-mail
    ot_number: str = ""
    case_open: bool = False  # a confirmed case of zorgwekkend verzuim is open on the peildatum
    unchecked_days: tuple[date, ...] = ()  # the group's recent schooldagen whose registration is not checked


def short_date(d: date) -> str:
    """`do 13 nov`: a date the reader places in the current school year."""
    return f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]}"


def long_date(d: date) -> str:
    return f"{short_date(d)} {d.year}"


def weekday_nl(d: date | int) -> str:
    return WEEKDAYS_NL[d if isinstance(d, int) else d.weekday()]


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
