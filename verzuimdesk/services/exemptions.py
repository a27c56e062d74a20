"""A pupil's vrijstellingen van de leerplicht (PROTOCOLS.md §1b), recorded and changed in the dossier.

A vrijstelling runs from `start` to `end` (both included; no end: until further notice) on one of the
Leerplichtwet's articles of `domain.leerplicht.ARTICLES`, with a note (who granted it, on what ground).
Each write is one transaction with its audit row; bad input is refused in Dutch and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.leerplicht import ARTICLES, article_code
from verzuimdesk.domain.limits import too_long
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.services.changes import OpChanges, Saved
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import ExemptionRow, Pupil

__all__ = ["ARTICLES", "ExemptionView", "delete_exemption", "exemptions_of", "load_exemptions", "save_exemption"]

NOTE_MAX = 500  # the column's length


@dataclass(frozen=True, slots=True)
class ExemptionView:
    id: int
    start: date
    end: date | None
    article: str  # a code of ARTICLES ("5a")
    note: str

    @property
    def article_text(self) -> str:
        return ARTICLES.get(self.article, self.article)


def load_exemptions(session: Session, pupil_id: int) -> tuple[ExemptionView, ...]:
    rows = session.scalars(select(ExemptionRow).where(ExemptionRow.pupil_id == pupil_id)
                           .order_by(ExemptionRow.start, ExemptionRow.id))
    return tuple(ExemptionView(r.id, r.start, r.end, r.article, r.note) for r in rows)


def exemptions_of(db: Database, pupil_id: int) -> tuple[ExemptionView, ...]:
    with db.read() as s:
        return load_exemptions(s, pupil_id)


def _checked(start: date | None, end: date | None, article: str, note: str) -> tuple[date, str, str]:
    problems = []
    if start is None:
        problems.append("Vul de begindatum van de vrijstelling in.")
    if start is not None and end is not None and end < start:
        problems.append(f"De einddatum ({end:%d-%m-%Y}) ligt voor de begindatum ({start:%d-%m-%Y}).")
    code = article_code(article.strip()) if article.strip() else None
    if code is None:
        problems.append(f"'{article.strip()}' is geen artikel voor vrijstelling; kies uit "
                        + ", ".join(sorted(ARTICLES)) + "." if article.strip()
                        else "Kies het artikel van de Leerplichtwet waarop de vrijstelling berust.")
    note = note.strip()
    if (reason := too_long(note, NOTE_MAX)) is not None:
        problems.append(f"De notitie {reason}.")
    if problems:
        raise Refused(" ".join(problems))
    assert start is not None and code is not None
    return start, code, note


def save_exemption(db: Database, *, pupil_id: int, start: date | None, end: date | None, article: str,
                   note: str = "", exemption_id: int | None = None, by: Actor) -> Saved:
    """Record a vrijstelling (exemption_id None) or change one; returns its id."""
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    start_day, code, note = _checked(start, end, article, note)
    with db.begin() as s:
        if s.get(Pupil, pupil_id) is None:
            raise Refused("Deze leerling bestaat niet (meer).")
        if exemption_id is None:
            row = ExemptionRow(pupil_id=pupil_id, start=start_day, end=end, article=code, note=note)
            s.add(row)
            action = "create"
        else:
            found = s.get(ExemptionRow, exemption_id)
            if found is None or found.pupil_id != pupil_id:
                raise Refused("Deze vrijstelling bestaat niet (meer).")
            row = found
            row.start, row.end, row.article, row.note = start_day, end, code, note
            action = "update"
        s.flush()
        audit.append(s, user=user, action=action, entity="exemption", entity_id=row.id, pupil_id=pupil_id,
                     detail={"van": start_day.isoformat(), "tot": end.isoformat() if end else "", "artikel": code})
        return Saved(row.id, OpChanges.pupils(pupil_id))


def delete_exemption(db: Database, *, exemption_id: int, by: Actor) -> OpChanges:
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    with db.begin() as s:
        row = s.get(ExemptionRow, exemption_id)
        if row is None:
            raise Refused("Deze vrijstelling bestaat niet (meer).")
        audit.append(s, user=user, action="delete", entity="exemption", entity_id=row.id, pupil_id=row.pupil_id,
                     detail={"van": row.start.isoformat(), "artikel": row.article})
        s.delete(row)
        return OpChanges.pupils(row.pupil_id)
