"""Changing a dossier: reports made (events: DUO, jeugdarts, SWV, ZAT, suitable offer, escalation) and plan links
(IHP, OPP, plan van aanpak). Each write is one transaction with its audit row (before/after); bad input
raises Refused with a Dutch message and changes nothing.

A report made is an event of an action kind; the engine counts it as done for every open action of
that kind triggered on or before its date (PROTOCOLS.md §4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.disclosure import Entry, Topic
from verzuimdesk.domain.links import describe_target, link_problem
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.services.changes import OpChanges, Saved
from verzuimdesk.services.duo_kept import keep
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import EventRow, PlanLink, Pupil
from verzuimdesk.storage.topic_defaults import guess_topic

REPORT_KINDS = (ActionKind.DUO_REPORT, ActionKind.SCHOOL_DOCTOR, ActionKind.SWV_REPORT, ActionKind.CARE_TEAM,
                ActionKind.SUITABLE_OFFER, ActionKind.ESCALATION)
PLAN_KINDS = ("IHP", "OPP", "plan van aanpak")


def _pupil(s: Session, pupil_id: int) -> Pupil:
    pupil = s.get(Pupil, pupil_id)
    if pupil is None:
        raise Refused("Deze leerling bestaat niet (meer).")
    return pupil


def _check_day(pupil: Pupil, day: date, today: date, what: str) -> None:
    if day > today:
        raise Refused(f"{what} kan niet in de toekomst liggen ({day:%d-%m-%Y}).")
    if day < pupil.enrolled_from:
        raise Refused(f"De datum {day:%d-%m-%Y} ligt voor de inschrijving van de leerling "
                          f"({pupil.enrolled_from:%d-%m-%Y}).")


def _event_kind(kind: str) -> ActionKind:
    try:
        k = ActionKind(kind)
    except ValueError:
        raise Refused(f"Onbekende soort melding '{kind}'.") from None
    if k not in REPORT_KINDS:
        raise Refused(f"'{kind}' is geen melding; leg een gesprek of plan vast in het tabblad daarvoor.")
    return k


def _check_event(kind: ActionKind, reference: str, note: str) -> None:
    if kind is ActionKind.DUO_REPORT and not reference.strip():
        raise Refused("Vul het meldingsnummer van DUO in: het staat in de bevestiging uit het verzuimregister.")
    if len(reference) > 200:
        raise Refused("Het kenmerk is te lang (meer dan 200 tekens).")
    if len(note) > 20_000:
        raise Refused("De toelichting is te lang (meer dan 20.000 tekens).")


def _topic(entry: Entry, kind: str, text: str, topic: str | None) -> str:
    """The writer's topic, or the kind's default (gezondheid when the text names a health word)."""
    if not topic:
        return guess_topic(entry, kind, text).value
    try:
        return Topic(topic).value
    except ValueError:
        raise Refused(f"Onbekend onderwerp '{topic}'; kies uit {', '.join(t.value for t in Topic)}.") from None


def _event_snapshot(e: EventRow) -> dict[str, Any]:
    return {"soort": e.kind, "datum": e.day.isoformat(), "kenmerk": e.reference, "toelichting": e.note,
            "onderwerp": e.topic}


def register_event(db: Database, *, pupil_id: int, kind: str, day: date, reference: str = "", note: str = "",
                   by: Actor, today: date | None = None, topic: str | None = None) -> Saved:
    """A report made or a step taken; its id."""
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    k = _event_kind(kind)
    _check_event(k, reference, note)
    t = _topic(Entry.EVENT, k.value, note, topic)
    with db.begin() as s:
        _check_day(_pupil(s, pupil_id), day, today or date.today(), "Een melding")
        e = EventRow(pupil_id=pupil_id, day=day, kind=k.value, reference=reference.strip(), note=note.strip(),
                     created_at=datetime.now().replace(microsecond=0), created_by=user, topic=t)
        s.add(e)
        s.flush()
        keep(s, [e.id])  # a DUO report: its sheets as they stand now, for the reprint "zoals gemeld"
        audit.append(s, user=user, action="create", entity="event", entity_id=e.id, pupil_id=pupil_id,
                     detail={"na": _event_snapshot(e)})
        return Saved(e.id, OpChanges.pupils(pupil_id))


def update_event(db: Database, *, event_id: int, kind: str, day: date, reference: str = "", note: str = "",
                 by: Actor, today: date | None = None, topic: str | None = None) -> OpChanges:
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    k = _event_kind(kind)
    _check_event(k, reference, note)
    chosen = _topic(Entry.EVENT, k.value, note, topic) if topic else None
    with db.begin() as s:
        e = s.get(EventRow, event_id)
        if e is None:
            raise Refused("Deze melding bestaat niet (meer).")
        _check_day(_pupil(s, e.pupil_id), day, today or date.today(), "Een melding")
        before = _event_snapshot(e)
        moved = (e.kind, e.day) != (k.value, day)
        e.kind, e.day, e.reference, e.note = k.value, day, reference.strip(), note.strip()
        if moved:  # another date or kind is another report: its sheets as they stand now, or none
            s.flush()
            keep(s, [e.id])
        if chosen is not None:  # without one, the topic stays what its writer chose
            e.topic, e.topic_review = chosen, False
        audit.append(s, user=user, action="update", entity="event", entity_id=e.id, pupil_id=e.pupil_id,
                     detail={"voor": before, "na": _event_snapshot(e)})
        return OpChanges.pupils(e.pupil_id)


def delete_event(db: Database, *, event_id: int, by: Actor) -> OpChanges:
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    with db.begin() as s:
        e = s.get(EventRow, event_id)
        if e is None:
            raise Refused("Deze melding bestaat niet (meer).")
        audit.append(s, user=user, action="delete", entity="event", entity_id=e.id, pupil_id=e.pupil_id,
                     detail={"voor": _event_snapshot(e)})
        s.delete(e)
        return OpChanges.pupils(e.pupil_id)


# -- plan links -------------------------------------------------------------------------------

def _plan_snapshot(p: PlanLink) -> dict[str, Any]:
    return {"soort": p.kind, "locatie": p.location, "start": p.start.isoformat(),
            "evaluatie": p.evaluation.isoformat() if p.evaluation else None, "toelichting": p.note,
            "onderwerp": p.topic}


def _check_plan(kind: str, location: str, start: date, evaluation: date | None) -> None:
    if kind not in PLAN_KINDS:
        raise Refused(f"Onbekende soort plan '{kind}'; kies uit {', '.join(PLAN_KINDS)}.")
    problem = link_problem(location)
    if problem:
        raise Refused(problem)
    if evaluation is not None and evaluation < start:
        raise Refused(f"De evaluatiedatum {evaluation:%d-%m-%Y} ligt voor de startdatum {start:%d-%m-%Y}.")


def add_plan(db: Database, *, pupil_id: int, kind: str, location: str, start: date, evaluation: date | None = None,
             note: str = "", by: Actor, topic: str | None = None) -> Saved:
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    _check_plan(kind, location, start, evaluation)
    t = _topic(Entry.PLAN, kind, note, topic)
    with db.begin() as s:
        pupil = _pupil(s, pupil_id)
        if start < pupil.enrolled_from:
            raise Refused(f"De startdatum {start:%d-%m-%Y} ligt voor de inschrijving van de leerling.")
        p = PlanLink(pupil_id=pupil_id, kind=kind, location=location.strip(), start=start, evaluation=evaluation,
                     note=note.strip(), topic=t)
        s.add(p)
        s.flush()
        audit.append(s, user=user, action="create", entity="plan", entity_id=p.id, pupil_id=pupil_id,
                     detail={"na": _plan_snapshot(p)})
        return Saved(p.id, OpChanges.pupils(pupil_id))


def update_plan(db: Database, *, plan_id: int, kind: str, location: str, start: date,
                evaluation: date | None = None, note: str = "", by: Actor, topic: str | None = None) -> OpChanges:
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    _check_plan(kind, location, start, evaluation)
    chosen = _topic(Entry.PLAN, kind, note, topic) if topic else None
    with db.begin() as s:
        p = s.get(PlanLink, plan_id)
        if p is None:
            raise Refused("Dit plan bestaat niet (meer).")
        before = _plan_snapshot(p)
        p.kind, p.location, p.start, p.evaluation, p.note = kind, location.strip(), start, evaluation, note.strip()
        if chosen is not None:
            p.topic, p.topic_review = chosen, False
        audit.append(s, user=user, action="update", entity="plan", entity_id=p.id, pupil_id=p.pupil_id,
                     detail={"voor": before, "na": _plan_snapshot(p)})
        return OpChanges.pupils(p.pupil_id)


def delete_plan(db: Database, *, plan_id: int, by: Actor) -> OpChanges:
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    with db.begin() as s:
        p = s.get(PlanLink, plan_id)
        if p is None:
            raise Refused("Dit plan bestaat niet (meer).")
        audit.append(s, user=user, action="delete", entity="plan", entity_id=p.id, pupil_id=p.pupil_id,
                     detail={"voor": _plan_snapshot(p)})
        s.delete(p)
        return OpChanges.pupils(p.pupil_id)


@dataclass(frozen=True, slots=True)
class PlanTarget:
    """What opening a plan link would open: shown to confirm, or the reason it is not opened."""

    allowed: bool
    text: str  # the real target (allowed) or the Dutch reason (not allowed)


def plan_target(location: str) -> PlanTarget:
    """Check a stored link again before it is opened (it may predate the rules, or have been edited)."""
    problem = link_problem(location)
    return PlanTarget(False, problem) if problem else PlanTarget(True, describe_target(location))
