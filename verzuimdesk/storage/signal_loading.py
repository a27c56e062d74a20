"""What the signals read beside the engine's pupil data, in bulk: every care case of a pupil (open or
closed, for EARLIER_ABSENCE), which pupils share their `gezin` with another pupil (SIBLINGS), and what
MISSING_DATA names (also the checked registration of the groups)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from verzuimdesk.storage.models import CareCase, Group, Pupil, RegistrationCheck

Cases = tuple[tuple[date, date | None], ...]


def load_cases(session: Session, pupil_ids: list[int] | None = None) -> dict[int, Cases]:
    query = select(CareCase.pupil_id, CareCase.start, CareCase.closed).order_by(CareCase.start, CareCase.id)
    if pupil_ids is not None:
        query = query.where(CareCase.pupil_id.in_(pupil_ids))
    out: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for pid, start, closed in session.execute(query):
        out[pid].append((start, closed))
    return {pid: tuple(cases) for pid, cases in out.items()}


def family_members(session: Session, pupil_ids: list[int]) -> list[int]:
    """`pupil_ids` and every pupil who shares a gezin with one of them."""
    families = select(Pupil.family).where(Pupil.id.in_(pupil_ids), Pupil.family != "")
    others = session.scalars(select(Pupil.id).where(Pupil.family.in_(families), Pupil.id.not_in(pupil_ids)))
    return [*pupil_ids, *others]


def with_siblings(session: Session, pupil_ids: list[int] | None = None) -> set[int]:
    """Those of `pupil_ids` (all pupils when None) whose gezin holds another pupil."""
    shared = select(Pupil.family).where(Pupil.family != "").group_by(Pupil.family).having(func.count() > 1)
    query = select(Pupil.id).where(Pupil.family.in_(shared))
    if pupil_ids is not None:
        query = query.where(Pupil.id.in_(pupil_ids))
    return set(session.scalars(query))


# Pupils missing something MISSING_DATA names: few rows, so the status read stays as fast as the roster.
_MISSING = text(
    "SELECT id, 'geboortedatum' FROM pupil WHERE birth_date IS NULL "
    "UNION ALL SELECT p.id, 'verzorger' FROM pupil p WHERE EXISTS (SELECT 1 FROM guardian) AND NOT EXISTS "
    "(SELECT 1 FROM guardian gu WHERE gu.pupil_id = p.id AND (gu.phone != '' OR gu.email != '')) "
    "UNION ALL SELECT DISTINCT p.id, 'ot_nummer' FROM pupil p JOIN care_case cc ON cc.pupil_id = p.id "
    "WHERE trim(p.ot_number) = '' AND cc.start <= :d AND (cc.closed IS NULL OR cc.closed > :d)"
)


def missing_data(session: Session, peildatum: date) -> dict[int, set[str]]:
    """Per pupil, what is missing on `peildatum`: `geboortedatum`; `verzorger` (no guardian with a phone
    number or e-mail, once the school keeps guardians at all); `ot_nummer` (none while a case is open)."""
    out: dict[int, set[str]] = defaultdict(set)
    for pid, item in session.execute(_MISSING, {"d": peildatum.isoformat()}):
        out[pid].add(item)
    return out


def checks_kept(session: Session) -> bool:
    """Whether the school has ever marked a group's dagdeel as checked."""
    return bool(session.scalar(select(select(RegistrationCheck.id).exists())))


def registration_checks(session: Session, start: date, end: date) -> dict[str, set[tuple[date, int]]]:
    """Per group, the (day, part) dagdelen marked as checked from `start` to `end`: one query for the school."""
    out: dict[str, set[tuple[date, int]]] = defaultdict(set)
    for group, day, part in session.execute(select(Group.name, RegistrationCheck.day, RegistrationCheck.part)
                                            .join(Group).where(RegistrationCheck.day.between(start, end))):
        out[group].add((day, part))
    return out
