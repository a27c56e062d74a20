"""Absence on the schooldagen of refused leave, proposed as luxeverzuim (`X`) for the IB-er to confirm;
once confirmed, the LUXE rule (PROTOCOLS.md §1b) asks for the DUO report whatever the hours."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.leerplicht import Leerplicht
from verzuimdesk.domain.verlof import Decision
from verzuimdesk.services.accounts import Account, Permission
from verzuimdesk.services.changes import NOTHING, OpChanges
from verzuimdesk.services.permissions import audit_name
from verzuimdesk.services.verlof import VerlofRefused, _name, _need, _pupils, leerplicht_of_pupil
from verzuimdesk.services.verlof_grid import luxe_note
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, lock_for_writing
from verzuimdesk.storage.loading import load_calendar
from verzuimdesk.storage.models import (
    Absence,
    AbsenceCodeRow,
    Pupil,
    VerlofAbsence,
    VerlofReplaced,
    VerlofRequest,
)

# Records on a refused day that are not proposed as luxe: already luxe, or the pupil was at school.
_NOT_PROPOSED = frozenset({Category.LATE, Category.PRESENT_ELSEWHERE})


@dataclass(frozen=True, slots=True)
class LuxeProposal:
    """An absence on a day of refused leave, proposed as luxeverzuim for the IB-er to confirm."""

    request_id: int
    record_id: int
    pupil_id: int
    number: str
    name: str
    day: date
    code: str


@dataclass(frozen=True, slots=True)
class LuxeConfirmed:
    records: int
    pupils: tuple[str, ...]  # leerlingnummers
    message: str  # what now: the DUO report of luxeverzuim
    changes: OpChanges = NOTHING



def luxe_proposals(db: Database, *, by: Account, request_id: int | None = None) -> list[LuxeProposal]:
    """Absence on the schooldagen of refused leave that is not yet luxe: each a proposal to mark as `X`."""
    _need(by, Permission.EDIT_DOSSIER)
    out: list[LuxeProposal] = []
    with db.read() as s:
        q = select(VerlofRequest).where(VerlofRequest.decision == Decision.REFUSED.value).order_by(VerlofRequest.id)
        if request_id is not None:
            q = q.where(VerlofRequest.id == request_id)
        # a day that later leave covers holds that leave's `V`: granted leave, not luxeverzuim
        granted = set(s.scalars(select(VerlofAbsence.absence_id).join(
            VerlofRequest, VerlofRequest.id == VerlofAbsence.request_id)
            .where(VerlofRequest.decision == Decision.GRANTED.value)))
        seen: set[int] = set()
        for req in s.scalars(q):
            ids = [p.id for p in _pupils(s, req.id)]
            for a, code, category, luxe, p in s.execute(
                    select(Absence, AbsenceCodeRow.code, AbsenceCodeRow.category, AbsenceCodeRow.luxe, Pupil)
                    .join(AbsenceCodeRow).join(Pupil, Pupil.id == Absence.pupil_id)
                    .where(Absence.pupil_id.in_(ids), Absence.day.between(req.start, req.end))
                    .order_by(Pupil.number, Absence.day)):
                if luxe or Category(category) in _NOT_PROPOSED or a.id in granted or a.id in seen:
                    continue  # a day two refused requests hold is proposed once, under the first
                seen.add(a.id)
                out.append(LuxeProposal(req.id, a.id, p.id, p.number, _name(p), a.day, code))
    return out


def confirm_luxe(db: Database, *, by: Account, record_ids: Sequence[int]) -> LuxeConfirmed:
    """The IB-er confirms proposals: those records become luxeverzuim (`X`), keeping their time and note."""
    _need(by, Permission.EDIT_ABSENCE)
    if not by.can(Permission.EDIT_DOSSIER):
        raise VerlofRefused("Alleen de IB-er bevestigt luxeverzuim.")
    wanted = set(record_ids)
    if not wanted:
        raise VerlofRefused("Kies minstens één registratie.")
    allowed = {p.record_id: p for p in luxe_proposals(db, by=by)}
    if not wanted <= allowed.keys():
        raise VerlofRefused("Een registratie is geen voorstel (meer): vernieuw het overzicht.")
    with db.begin() as s:
        lock_for_writing(s)
        x = s.scalar(select(AbsenceCodeRow).where(AbsenceCodeRow.luxe.is_(True))
                     .order_by((AbsenceCodeRow.code != "X"), AbsenceCodeRow.code))
        if x is None:
            raise VerlofRefused("De school heeft geen code voor luxeverzuim (standaard X); voeg die toe.")
        codes = dict(s.execute(select(AbsenceCodeRow.id, AbsenceCodeRow.code)).all())
        calendar = load_calendar(s)
        pupils: dict[str, int] = {}
        in_leerplicht = outside = 0  # DUO takes reports of leerplichtige pupils only (PROTOCOLS.md §1b)
        leerplicht: dict[int, Leerplicht | None] = {}  # per pupil, read once
        for rid in sorted(wanted):
            a = s.get(Absence, rid)
            if a is None:
                raise VerlofRefused("Een registratie is intussen gewist; vernieuw het overzicht.")
            prop = allowed[rid]
            if a.pupil_id not in leerplicht:
                pupil = s.get(Pupil, a.pupil_id)
                leerplicht[a.pupil_id] = leerplicht_of_pupil(s, pupil, calendar) if pupil is not None else None
            known = leerplicht[a.pupil_id]
            if known is not None and known.on(a.day):
                in_leerplicht += 1
            else:
                outside += 1
            old = codes[a.code_id]
            # kept, so that leave granted after all (on bezwaar) gives the record back what it was
            s.add(VerlofReplaced(request_id=prop.request_id, pupil_id=a.pupil_id, absence_id=a.id, day=a.day,
                                 start=a.start, end=a.end, code=old, minutes_late=a.minutes_late,
                                 reported_at=a.reported_at, reported_by=a.reported_by, note=a.note,
                                 created_at=a.created_at, created_by=a.created_by, topic=a.topic))
            a.code_id = x.id
            extra = luxe_note(prop.request_id)
            a.note = f"{a.note}. {extra}" if a.note else extra
            pupils[prop.number] = prop.pupil_id
            audit.append(s, user=audit_name(by), action="update", entity="absence", entity_id=a.id, pupil_id=a.pupil_id,
                         detail={"voor": [{"datum": a.day.isoformat(), "code": old}],
                                 "na": [{"datum": a.day.isoformat(), "code": x.code}], "verlof": prop.request_id})
    message = f"{len(wanted)} registratie(s) staan nu als luxeverzuim ({x.code})."
    if in_leerplicht:
        message += (" Luxeverzuim moet binnen 5 werkdagen bij DUO gemeld worden (soort: luxe verzuim), hoeveel uren "
                    "het ook is: maak het DUO-blad van de leerling en leg de melding vast.")
    if outside:
        who = ("Al deze registraties vallen" if not in_leerplicht
               else f"{outside} van deze registraties {'valt' if outside == 1 else 'vallen'}")
        message += f" {who} buiten de leerplicht (nog geen 5 jaar, of vrijgesteld): die worden niet bij DUO gemeld."
    return LuxeConfirmed(len(wanted), tuple(sorted(pupils)), message, OpChanges.pupils(*pupils.values()))
