"""The traffic light of every pupil at a peildatum, computed from data loaded in bulk.

Three kinds of query (pupils, records, events and what counts as events) load the whole school;
the engine then works on plain data. The same explanation goes to the UI, the CLI's JSON and the PDFs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from verzuimdesk.domain.engine import Light, PupilStatus, evaluate
from verzuimdesk.domain.protocol import Protocol, ProtocolError, load_protocol
from verzuimdesk.domain.records import PupilData
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school


@dataclass(frozen=True, slots=True)
class PupilLight:
    pupil_id: int
    number: str
    name: str
    group: str
    status: PupilStatus

    @property
    def light(self) -> Light:
        return self.status.light


@dataclass(frozen=True, slots=True)
class SchoolStatus:
    peildatum: date
    protocol: Protocol
    pupils: tuple[PupilLight, ...]

    def count(self, light: Light) -> int:
        return sum(1 for p in self.pupils if p.light is light)


def school_protocol(protocol_ref: str) -> Protocol:
    try:
        return load_protocol(protocol_ref)
    except ProtocolError as exc:
        raise DatabaseError(f"Het protocol van de school kan niet geladen worden: {exc}") from None


def school_status(db: Database, peildatum: date, *, pupil_ids: list[int] | None = None) -> SchoolStatus:
    """Every pupil's status on `peildatum`; pupils not enrolled then are included, grey."""
    with db.read() as session:
        school = load_school(session)
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        protocol = school_protocol(school.protocol)
        calendar = load_calendar(session)
        pupils: list[PupilData] = load_pupil_data(session, until=peildatum, pupil_ids=pupil_ids)
    return SchoolStatus(peildatum, protocol, tuple(
        PupilLight(p.id, p.number, p.name, p.group, evaluate(p, calendar, protocol, peildatum)) for p in pupils
    ))


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def status_to_dict(status: SchoolStatus) -> dict[str, Any]:
    """The `status --json` object of INTERFACES.md, field for field."""
    return {
        "peildatum": status.peildatum.isoformat(),
        "protocol": status.protocol.id,
        "pupils": [
            {
                "leerlingnummer": p.number,
                "naam": p.name,
                "groep": p.group,
                "light": p.status.light.value,
                "step": p.status.step.name,
                "rules": [
                    {"id": r.rule_id, "text": r.text, "value": _num(r.value), "threshold": _num(r.threshold),
                     "unit": r.unit,
                     "window_start": r.window_start.isoformat() if r.window_start else None,
                     "window_end": r.window_end.isoformat() if r.window_end else None,
                     "trigger_date": r.trigger_date.isoformat()}
                    for r in p.status.rules
                ],
                "actions": [
                    {"kind": a.kind.value, "rule": a.rule_id, "trigger_date": a.trigger_date.isoformat(),
                     "due": a.due_date.isoformat(), "legal": a.legal, "regie": a.regie, "done": a.done}
                    for a in p.status.actions
                ],
            }
            for p in status.pupils
        ],
    }
