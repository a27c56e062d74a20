"""Plain records of one pupil's dossier, as the engine and the reports read them.

Storage loads these in bulk; nothing here knows where they came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from verzuimdesk.domain.codes import ActionKind, Category


@dataclass(frozen=True, slots=True)
class AbsenceRecord:
    """One registered absence: a whole schooldag when `start`/`end` are None."""

    id: int
    day: date
    code: str
    category: Category
    start: time | None = None
    end: time | None = None
    minutes_late: int | None = None
    reported_at: datetime | None = None
    note: str = ""
    luxe: bool = False  # a luxe code (PROTOCOLS.md §1b): `X`, or a code the school marks as luxe

    @property
    def whole_day(self) -> bool:
        return self.start is None or self.end is None


@dataclass(frozen=True, slots=True)
class Event:
    """Something done in the dossier that can fulfil an action: a report made, a conversation of a
    matching kind, a linked plan. `source` says which (`event`, `conversation`, `plan`)."""

    id: int
    day: date
    kind: ActionKind
    note: str = ""
    reference: str = ""
    source: str = "event"


@dataclass(frozen=True, slots=True)
class Exemption:
    """A vrijstelling van de leerplicht (PROTOCOLS.md §1b): not leerplichtig from `start` to `end`
    (both included; no end: until further notice), on the ground of a Leerplichtwet article."""

    start: date
    end: date | None
    article: str
    note: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class PupilData:
    """Everything the engine needs of one pupil."""

    id: int
    number: str  # leerlingnummer
    name: str
    group: str
    enrolled_from: date
    enrolled_until: date | None = None
    records: tuple[AbsenceRecord, ...] = ()
    events: tuple[Event, ...] = ()
    case_start: date | None = None  # a case of zorgwekkend verzuim opened by hand
    extra: dict[str, str] = field(default_factory=dict)
    birth_date: date | None = None  # None: taken as leerplichtig (PROTOCOLS.md §1b)
    exemptions: tuple[Exemption, ...] = ()

    def enrolled_on(self, day: date) -> bool:
        return self.enrolled_from <= day and (self.enrolled_until is None or day <= self.enrolled_until)
