"""What the signals read beside the engine's pupil data, in bulk: every care case of a pupil (open or
closed, for EARLIER_ABSENCE), which pupils share their `gezin` with another pupil (SIBLINGS), and what
MISSING_DATA names (storage/school_rows.py, also the checked registration of the groups)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from verzuimdesk.storage import school_rows
from verzuimdesk.storage.loading import session_run
from verzuimdesk.storage.models import CareCase, Pupil
from verzuimdesk.storage.school_rows import Cases

__all__ = ["Cases", "family_members", "load_cases", "missing_data", "with_siblings"]


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


def missing_data(session: Session, peildatum: date) -> dict[int, set[str]]:
    """school_rows.missing_data through the session."""
    return school_rows.missing_data(session_run(session), peildatum)
