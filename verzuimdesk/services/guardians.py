"""A pupil's guardians (ouders/verzorgers): read, added and edited in the dossier, imported from a CSV.

Importing replaces the guardians of every pupil the file names (and only of those): the LAS is the
source. Each write is one transaction with its audit row; bad input changes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.guardians import guardian_problems
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.importers.guardians import GuardianIn, read_guardians
from verzuimdesk.services.changes import OpChanges, Saved
from verzuimdesk.services.imports import unit_of_work
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.services.results import Change
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Guardian, Pupil

_FIELD = {"naam": "De naam", "relatie": "De relatie", "telefoon": "Het telefoonnummer", "email": "Het e-mailadres"}


@dataclass(frozen=True, slots=True)
class GuardianView:
    id: int
    name: str
    relation: str
    phone: str
    email: str

    def line(self) -> str:
        """`Fatima El Amrani (moeder) · 06-12345678 · f.elamrani@example.nl`"""
        head = f"{self.name} ({self.relation})" if self.relation else self.name
        return " · ".join(p for p in (head, self.phone, self.email) if p)


def _view(g: Guardian) -> GuardianView:
    return GuardianView(g.id, g.name, g.relation, g.phone, g.email)


def load_guardians(session: Session, pupil_id: int) -> tuple[GuardianView, ...]:
    rows = session.scalars(select(Guardian).where(Guardian.pupil_id == pupil_id).order_by(Guardian.id))
    return tuple(_view(g) for g in rows)


def guardians_of(db: Database, pupil_id: int) -> tuple[GuardianView, ...]:
    with db.read() as s:
        return load_guardians(s, pupil_id)


def _checked(name: str, relation: str, phone: str, email: str) -> tuple[str, str, str, str]:
    values = tuple(v.strip() for v in (name, relation, phone, email))
    problems = guardian_problems(*values)
    if problems:
        raise Refused(" ".join(f"{_FIELD[f]} {reason}." for f, reason in problems))
    return values  # type: ignore[return-value]


def save_guardian(db: Database, *, pupil_id: int, name: str, relation: str = "", phone: str = "", email: str = "",
                  guardian_id: int | None = None, by: Actor) -> Saved:
    """Add a guardian (guardian_id None) or change one; returns its id."""
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    name, relation, phone, email = _checked(name, relation, phone, email)
    with db.begin() as s:
        if s.get(Pupil, pupil_id) is None:
            raise Refused("Deze leerling bestaat niet (meer).")
        if guardian_id is None:
            g = Guardian(pupil_id=pupil_id, name=name, relation=relation, phone=phone, email=email)
            s.add(g)
            action = "create"
        else:
            found = s.get(Guardian, guardian_id)
            if found is None or found.pupil_id != pupil_id:
                raise Refused("Deze ouder/verzorger bestaat niet (meer).")
            g = found
            g.name, g.relation, g.phone, g.email = name, relation, phone, email
            action = "update"
        s.flush()
        audit.append(s, user=user, action=action, entity="guardian", entity_id=g.id, pupil_id=pupil_id,
                     detail={"naam": name, "relatie": relation})
        return Saved(g.id, OpChanges.pupils(pupil_id))


def delete_guardian(db: Database, *, guardian_id: int, by: Actor) -> OpChanges:
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    with db.begin() as s:
        g = s.get(Guardian, guardian_id)
        if g is None:
            raise Refused("Deze ouder/verzorger bestaat niet (meer).")
        audit.append(s, user=user, action="delete", entity="guardian", entity_id=g.id, pupil_id=g.pupil_id,
                     detail={"naam": g.name, "relatie": g.relation})
        s.delete(g)
        return OpChanges.pupils(g.pupil_id)


def import_guardians(db: Database, data: bytes, *, source: str = "ouders", by: Actor,
                     dry_run: bool = False) -> Change:
    """Replace the guardians of every pupil in the file; counted per guardian (matched by name)."""
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    with unit_of_work(db, dry_run=dry_run, user=user, entity="guardian", source=source) as (s, out):
        ids: dict[str, int] = {n: i for n, i in s.execute(select(Pupil.number, Pupil.id))}
        rows = read_guardians(data, source, pupils=ids)
        out.append(_replace(s, rows, ids))
    return out[0]


def _replace(s: Session, rows: list[GuardianIn], ids: dict[str, int]) -> Change:
    wanted: dict[int, list[GuardianIn]] = {}
    for r in rows:
        wanted.setdefault(ids[r.number], []).append(r)
    added = updated = unchanged = 0
    for pupil_id, new in wanted.items():
        stored = list(s.scalars(select(Guardian).where(Guardian.pupil_id == pupil_id)))
        kept = Counter((g.name, g.relation, g.phone, g.email) for g in stored)
        if kept == Counter((r.name, r.relation, r.phone, r.email) for r in new):
            unchanged += len(new)  # the same lines (a name may stand twice: a guardian with two numbers)
            continue
        names = {g.name.casefold() for g in stored}
        for r in new:
            line = (r.name, r.relation, r.phone, r.email)
            if kept[line]:
                kept[line] -= 1
                unchanged += 1
            elif r.name.casefold() in names:
                updated += 1
            else:
                added += 1
        s.execute(delete(Guardian).where(Guardian.pupil_id == pupil_id))
        s.add_all(Guardian(pupil_id=pupil_id, name=r.name, relation=r.relation, phone=r.phone, email=r.email)
                  for r in new)
    s.flush()
    return Change(added, updated, unchanged)
