"""Enforcing the retention terms: list what is due, delete it on request (hard delete, VACUUM, logged),
and the inzage export of everything about one pupil for a parent's request."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Delete, delete, select, text
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from verzuimdesk.domain.dutch import full_name
from verzuimdesk.domain.file_errors import file_reason
from verzuimdesk.domain.refusal import no_such_pupil
from verzuimdesk.domain.retention import Purge, absences_due, dossier_due, due_purge
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.models import (
    Absence,
    AbsenceCodeRow,
    AuditEntry,
    CareCase,
    CaseDismissal,
    CompositeGroup,
    CompositeMember,
    Conversation,
    Draft,
    DuoSheetKept,
    EventRow,
    Group,
    Guardian,
    LetterRow,
    PlanLink,
    Pupil,
    StatusCache,
    VerlofPupil,
    VerlofReplaced,
    VerlofRequest,
)


@dataclass(frozen=True, slots=True)
class RetentionDue:
    pupil_id: int
    number: str
    name: str
    left: date
    purge: Purge
    dossier_due: date
    absences_due: date


def retention_due(db: Database, *, today: date) -> list[RetentionDue]:
    """Pupils whose retention term has passed on `today`, and what of them must go."""
    with db.read() as session:
        # A leave date before the enrolment's start belongs to an earlier enrolment: the pupil is back, and
        # nothing of theirs is due (found by a review: a re-enrolled pupil was listed for deletion whole).
        rows = session.execute(select(Pupil.id, Pupil.number, Pupil.first_name, Pupil.prefix, Pupil.last_name,
                                      Pupil.enrolled_until, Pupil.referred_special)
                               .where(Pupil.enrolled_until.is_not(None),
                                      Pupil.enrolled_until >= Pupil.enrolled_from)).all()
        has_dossier = {pid for (pid,) in session.execute(
            select(Conversation.pupil_id).union(select(EventRow.pupil_id), select(PlanLink.pupil_id),
                                                select(CareCase.pupil_id), select(Guardian.pupil_id),
                                                select(CaseDismissal.pupil_id), select(LetterRow.pupil_id),
                                                select(VerlofPupil.pupil_id)))}
    out = []
    for pid, number, first, prefix, last, left, special in rows:
        purge = due_purge(left, referred_special=special, today=today)
        if purge is Purge.DOSSIER and pid not in has_dossier:
            continue  # already purged: only the absences remain, and they are not due yet
        if purge is not None and left is not None:
            name = full_name(first, prefix, last)
            out.append(RetentionDue(pid, number, name, left, purge, dossier_due(left, referred_special=special),
                                    absences_due(left)))
    return sorted(out, key=lambda r: r.left)


def _purge_dossier(session: Session, pupil_id: int) -> int:
    """Delete the dossier and every other copy of it (drafts typed about the pupil); how many rows went."""
    n = 0
    for model in (Conversation, DuoSheetKept, EventRow, PlanLink, CareCase, CaseDismissal, Guardian, Draft,
                  StatusCache, LetterRow, VerlofPupil):
        n += _deleted(session, delete(model).where(model.pupil_id == pupil_id))
    # a leave request of siblings stays for the others; one about nobody any more goes
    n += _deleted(session, delete(VerlofRequest).where(~VerlofRequest.id.in_(select(VerlofPupil.request_id))))
    return n


def _deleted(session: Session, stmt: Delete) -> int:
    return cast(CursorResult[Any], session.execute(stmt)).rowcount or 0


def purge_due(db: Database, *, today: date, by: Actor) -> list[RetentionDue]:
    """Delete what `retention_due` lists, in one transaction, then VACUUM so the bytes leave the file.

    The audit log's rows about the pupil keep what happened and when, but their details (which may
    quote a conversation or a name) are blanked: the only change to the log its triggers allow, after
    which the chain is recomputed. The log then records the purge itself: who, when, how many rows.
    """
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    due = retention_due(db, today=today)
    if not due:
        return []
    with db.begin() as session, audit.purging(session):
        for item in due:
            rows = _purge_dossier(session, item.pupil_id)
            if item.purge is Purge.EVERYTHING:
                rows += _deleted(session, delete(Absence).where(Absence.pupil_id == item.pupil_id))
                rows += _deleted(session, delete(Pupil).where(Pupil.id == item.pupil_id))
            redacted = audit.redact(session, item.pupil_id)
            # The log keeps that something was deleted and why, not what it said.
            audit.append(session, user=user, action="delete", entity="bewaartermijn",
                         pupil_id=item.pupil_id if item.purge is not Purge.EVERYTHING else None,
                         detail={"leerlingnummer": item.number, "wat": item.purge.value,
                                 "uitgeschreven": item.left.isoformat(), "rijen_verwijderd": rows,
                                 "logregels_geschoond": redacted})
    if db.path is not None:
        with db.engine.connect() as conn:
            auto = conn.execution_options(isolation_level="AUTOCOMMIT")
            auto.execute(text("VACUUM"))
            auto.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))  # the old pages leave the -wal file too
    return due


def _row(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns if c.key not in skip}


def inzage_data(db: Database, *, pupil_number: str, by: Actor) -> dict[str, Any]:
    require(by, Permission.EXPORT_PUPIL)
    user = audit_name(by)
    from verzuimdesk.services.inzage import exports_of, exports_rows  # inzage builds on exports, which this precedes

    """Everything the school holds about one pupil (the parents' right of access), as plain data.

    Includes who looked at and exported the dossier (the audit rows about this pupil). The request
    itself is logged.
    """
    with db.begin() as session:
        pupil = session.scalar(select(Pupil).where(Pupil.number == pupil_number))
        if pupil is None:
            raise DatabaseError(no_such_pupil(pupil_number))
        codes = dict(session.execute(select(AbsenceCodeRow.id, AbsenceCodeRow.code)).all())
        data: dict[str, Any] = {
            "gemaakt_op": datetime.now().replace(microsecond=0),
            "leerling": {**_row(pupil, ("group_id",)), "groep": session.scalar(
                select(Group.name).where(Group.id == pupil.group_id))},
            "ouders_verzorgers": [_row(g) for g in session.scalars(
                select(Guardian).where(Guardian.pupil_id == pupil.id))],
            "samengestelde_groepen": list(session.scalars(select(CompositeGroup.name).join(CompositeMember).where(
                CompositeMember.pupil_id == pupil.id).order_by(CompositeGroup.name))),
            "verzuim": [{**_row(a, ("code_id",)), "code": codes[a.code_id]} for a in session.scalars(
                select(Absence).where(Absence.pupil_id == pupil.id).order_by(Absence.day))],
            "gesprekken": [{**_row(c), "afspraken": [_row(a) for a in c.agreements]} for c in session.scalars(
                select(Conversation).where(Conversation.pupil_id == pupil.id).order_by(Conversation.held_at))],
            "meldingen_en_acties": [_row(e) for e in session.scalars(
                select(EventRow).where(EventRow.pupil_id == pupil.id).order_by(EventRow.day))],
            # what each registered DUO report said when it was registered, kept for its reprint
            "duo_meldingen_zoals_gemeld": [{**_row(k, ("records",)), "registraties": json.loads(k.records)}
                                           for k in session.scalars(
                select(DuoSheetKept).where(DuoSheetKept.pupil_id == pupil.id)
                .order_by(DuoSheetKept.event_id, DuoSheetKept.position))],
            "plannen": [_row(p) for p in session.scalars(select(PlanLink).where(PlanLink.pupil_id == pupil.id))],
            "zorgwekkend_verzuim": [
                {**_row(k), "interventies": [_row(s) for s in k.statuses],
                 "onderwijsdeelname": [_row(s) for s in k.shares]}
                for k in session.scalars(select(CareCase).where(CareCase.pupil_id == pupil.id))],
            "voorstellen_afgewezen": [_row(x) for x in session.scalars(
                select(CaseDismissal).where(CaseDismissal.pupil_id == pupil.id))],
            "verstrekt_aan": exports_rows(exports_of(session, pupil)),
            "verlofaanvragen": [_row(v) for v in session.scalars(
                select(VerlofRequest).join(VerlofPupil).where(VerlofPupil.pupil_id == pupil.id)
                .order_by(VerlofRequest.start))],
            # registrations a leave decision replaced, kept to give back when it changes: data the school holds
            "verlof_vervangen_registraties": [_row(r) for r in session.scalars(
                select(VerlofReplaced).where(VerlofReplaced.pupil_id == pupil.id).order_by(VerlofReplaced.day))],
            "brieven": [_row(x) for x in session.scalars(
                select(LetterRow).where(LetterRow.pupil_id == pupil.id).order_by(LetterRow.day, LetterRow.id))],
            "inzage_en_wijzigingen": [_row(a, ("prev_hash", "hash")) for a in session.scalars(
                select(AuditEntry).where(AuditEntry.pupil_id == pupil.id).order_by(AuditEntry.id))],
        }
        audit.append(session, user=user, action="export", entity="inzage", pupil_id=pupil.id,
                     detail={"document": "inzage", "ontvanger": "ouders", "leerlingnummer": pupil_number})
    return data


def write_inzage_json(db: Database, *, pupil_number: str, out: Path, by: Actor) -> None:
    data = inzage_data(db, pupil_number=pupil_number, by=by)
    tmp = out.with_name(out.name + ".tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"Het bestand '{out}' kan niet geschreven worden: {file_reason(exc)}.") from None
