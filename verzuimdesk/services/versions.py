"""No lost update: a save names the version of the row it started from, and is refused when someone else
saved the row meanwhile.

Every editable row (a conversation, a case, a registration) carries a `version` that each UPDATE bumps
and checks (migration 0013). A form keeps the version it opened; `check_version` compares it with the
row inside the saving transaction, which holds the writers' lock, so two saves cannot both pass. The
refusal shows both versions, field by field, and names who saved the other one: nothing is
overwritten, and the user can copy what they typed before they reopen the form.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.refusal import ChangedMeanwhile
from verzuimdesk.storage.models import Absence, AuditEntry, Pupil

MAX_SHOWN = 300  # characters of one field in the message


def _shown(value: object) -> str:
    if value is None or value == "":
        return "(leeg)"
    if isinstance(value, datetime):
        return f"{value:%d-%m-%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    text = str(value)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def last_writer(session: Session, entity: str, entity_id: int) -> tuple[str, datetime | None]:
    """Who saved the row last, and when, as the audit log says."""
    row = session.execute(select(AuditEntry.user, AuditEntry.at)
                          .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                          .order_by(AuditEntry.id.desc()).limit(1)).first()
    return (row.user, row.at) if row is not None else ("", None)


def _who(by: str, at: datetime | None) -> str:
    return f"{by or 'iemand anders'}" + (f" ({at:%d-%m-%Y %H:%M})" if at else "")


def refusal(what: str, by: str, at: datetime | None, mine: Mapping[str, object],
            theirs: Mapping[str, object]) -> ChangedMeanwhile:
    """The refusal: who saved the other version, and every field in which the two differ."""
    lines = [f"{what} is intussen gewijzigd door {_who(by, at)}; uw wijziging is niet opgeslagen en er is niets "
             "overschreven. Open het opnieuw en breng uw wijziging daarin aan."]
    differ = [k for k in {**mine, **theirs} if _shown(mine.get(k)) != _shown(theirs.get(k))]
    for k in differ:
        lines.append(f"{k}: uw versie: {_shown(mine.get(k))}")
        lines.append(f"{' ' * len(k)}  opgeslagen versie: {_shown(theirs.get(k))}")
    if not differ and mine:
        lines.append("Uw versie en de opgeslagen versie zien er hetzelfde uit.")
    return ChangedMeanwhile("\n".join(lines), mine=mine, theirs=theirs, by=by, at=at)


def check_version(session: Session, *, what: str, entity: str, entity_id: int, opened: int | None, stored: int,
                  mine: Mapping[str, object], theirs: Mapping[str, object]) -> None:
    """Refuse (ChangedMeanwhile) when the row's `stored` version is not the `opened` one.

    `opened` None: the caller did not say which version it started from (a script, an old client), and
    the save goes ahead as before. `mine` and `theirs` are the fields as the user typed them and as they
    are stored now, under their Dutch names.
    """
    if opened is None or opened == stored:
        return
    by, at = last_writer(session, entity, entity_id)
    raise refusal(what, by, at, mine, theirs)


# -- registration cells: a record is replaced, not updated, so the cell is what has a version ----------


class _Spec(Protocol):
    @property
    def pupil_id(self) -> int: ...
    @property
    def day(self) -> date: ...
    @property
    def code(self) -> str: ...
    @property
    def start(self) -> time | None: ...
    @property
    def end(self) -> time | None: ...


def _span(code: str, start: time | None, end: time | None) -> str:
    return code if start is None or end is None else f"{code} {start:%H:%M}-{end:%H:%M}"


def cells_changed(session: Session, gone: Sequence[Absence], add: Sequence[_Spec],
                  codes_by_id: Mapping[int, str]) -> ChangedMeanwhile:
    """The refusal of a grid edit whose cells someone else changed since the grid was read: per pupil and
    day, what this user typed and what is stored now."""
    cells = {(a.pupil_id, a.day) for a in gone} | {(s.pupil_id, s.day) for s in add}
    numbers = dict(session.execute(select(Pupil.id, Pupil.number)
                                   .where(Pupil.id.in_({p for p, _ in cells}))).all())
    mine: dict[str, object] = {}
    theirs: dict[str, object] = {}
    for pid, day in sorted(cells):
        key = f"leerling {numbers.get(pid, pid)}, {format_date(day)}"
        mine[key] = ", ".join(_span(s.code, s.start, s.end) for s in add if (s.pupil_id, s.day) == (pid, day))
        stored = session.scalars(select(Absence).where(Absence.pupil_id == pid, Absence.day == day)
                                 .order_by(Absence.start)).all()
        theirs[key] = ", ".join(_span(codes_by_id.get(a.code_id, "?"), a.start, a.end) for a in stored)
    row = session.execute(select(AuditEntry.user, AuditEntry.at)
                          .where(AuditEntry.entity == "absence", AuditEntry.pupil_id.in_({p for p, _ in cells}))
                          .order_by(AuditEntry.id.desc()).limit(1)).first()
    return refusal("De registratie", row.user if row else "", row.at if row else None, mine, theirs)
