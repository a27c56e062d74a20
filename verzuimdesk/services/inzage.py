"""Inzage (AVG art. 15): to whom the school gave data about a pupil, and the inzage PDF, a document of its own.

Every export writes an audit row naming its pupils by leerlingnummer (`leerlingen`), also a quarterly
list that names many; `exports_of` finds each row that held the pupil, whoever it was for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.verlof import ARTICLE_NL, DECISION_NL, Article, Decision
from verzuimdesk.reports.data import Recipient
from verzuimdesk.reports.inzage import (
    DOCUMENT_NL,
    RECIPIENT_OUT_NL,
    ExportLine,
    LeaveLine,
    LetterSent,
    build_inzage_pdf,
)
from verzuimdesk.services.dossier import for_recipient, load_dossier, pupil_id_of
from verzuimdesk.services.exports import _check_out, _logo, commit_export
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import AuditEntry, LetterRow, Pupil, Staff, VerlofPupil, VerlofRequest

__all__ = ["DOCUMENT_NL", "RECIPIENT_OUT_NL", "ExportLine", "InzageDone", "export_inzage", "exports_of",
           "exports_rows"]


@dataclass(frozen=True, slots=True)
class InzageDone:
    path: Path
    exports: int


def exports_of(session: Session, pupil: Pupil) -> list[ExportLine]:
    """Every export that held this pupil, oldest first: the dossiers about the pupil and the lists naming it."""
    names = {u: n for u, n in session.execute(select(Staff.username, Staff.name).where(Staff.username.is_not(None)))}
    out = []
    for row in session.scalars(select(AuditEntry).where(AuditEntry.action == "export").order_by(AuditEntry.id)):
        try:
            detail = json.loads(row.detail) if row.detail else {}
        except ValueError:
            detail = {}
        if not isinstance(detail, dict):
            detail = {}
        numbers = detail.get("leerlingen")
        named = isinstance(numbers, list) and pupil.number in numbers
        if row.pupil_id != pupil.id and not named and detail.get("leerlingnummer") != pupil.number:
            continue
        document = str(detail.get("document") or row.entity)
        recipient = str(detail.get("ontvanger") or "")
        out.append(ExportLine(row.at, document, recipient, names.get(row.user) or row.user,
                              str(detail.get("bestand") or ""), len(numbers) if isinstance(numbers, list) else 1))
    return out


def letters_sent(session: Session, pupil_id: int) -> list[LetterSent]:
    return [LetterSent(r.day, r.title, r.recipient) for r in session.scalars(
        select(LetterRow).where(LetterRow.pupil_id == pupil_id).order_by(LetterRow.day, LetterRow.id))]


def leave_of(session: Session, pupil_id: int) -> list[LeaveLine]:
    return [LeaveLine(r.start, r.end, ARTICLE_NL[Article(r.article)], r.reason, DECISION_NL[Decision(r.decision)])
            for r in session.scalars(select(VerlofRequest).join(VerlofPupil).where(VerlofPupil.pupil_id == pupil_id)
                                     .order_by(VerlofRequest.start))]


def exports_rows(lines: list[ExportLine]) -> list[dict[str, Any]]:
    """The lines as the inzage JSON gives them."""
    return [{"datum": ln.at.isoformat(timespec="minutes"), "document": DOCUMENT_NL.get(ln.document, ln.document),
             "ontvanger": RECIPIENT_OUT_NL.get(ln.recipient, ln.recipient), "gemaakt_door": ln.by,
             "bestand": ln.file, "leerlingen_in_document": ln.pupils} for ln in lines]


def export_inzage(db: Database, *, pupil_number: str, out: Path, by: Actor, logo: str | None = None,
                  printed: date | None = None) -> InzageDone:
    """The inzage PDF: everything the school holds about the pupil, to whom it went, why and how long it is kept."""
    require(by, Permission.EXPORT_PUPIL)
    user = audit_name(by)
    _check_out(out, (".pdf",))
    today = printed or date.today()
    with db.read() as s:
        pid = pupil_id_of(s, pupil_number)
        pupil = s.get(Pupil, pid)
        assert pupil is not None
        lines = exports_of(s, pupil)
        letters = letters_sent(s, pid)
        leave = leave_of(s, pid)
    dossier = for_recipient(load_dossier(db, pupil_id=pid, end=today), Recipient.OUDERS)
    dossier = replace(dossier, left_out="")
    logo = _logo(db, logo)
    made = datetime.now().replace(microsecond=0)
    commit_export(db, out, lambda f: build_inzage_pdf(dossier, lines, f, printed=today, made=made, logo=logo,
                                                      letters=letters, leave=leave),
                  user=user, document="inzage", pupils=[(pid, pupil_number)], recipient=Recipient.OUDERS.value)
    return InzageDone(out, len(lines))
