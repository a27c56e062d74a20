"""Registering attendance by hand: writing or clearing records (the week grid: registration_grid).

Every write is one transaction and is checked by the same rules as the absences CSV import
(`importers.rows.check_absences`): a day that is no schooldag is refused with its reason, a code of
category *late* needs minutes, an unknown code or a day outside the pupil's enrolment is refused.
Beyond the import, a record may not overlap another record of the same pupil on the same day (the
grid replaces what a cell holds in the same transaction, so that never stands in a user's way).

`apply_edit` is the one writer: it removes and adds records together and returns what it removed,
so the UI's undo is simply the reverse edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from verzuimdesk.domain.absence_checks import AbsenceEntry, PupilKnown, absence_problems
from verzuimdesk.domain.calendar import SchoolCalendar, minutes_of
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require_pupils, require_records
from verzuimdesk.services.versions import cells_changed
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, lock_for_writing
from verzuimdesk.storage.loading import load_calendar, load_codes
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, Group, Pupil


@dataclass(frozen=True, slots=True)
class AbsenceSpec:
    """What a record holds, without its id: to add one, or to bring a removed one back on undo."""

    pupil_id: int
    day: date
    code: str
    start: time | None = None
    end: time | None = None
    minutes_late: int | None = None
    reported_at: datetime | None = None
    reported_by: str = ""
    note: str = ""
    created_at: datetime | None = None  # kept when an undo brings a record back
    created_by: str = ""

    @property
    def whole_day(self) -> bool:
        return self.start is None or self.end is None


@dataclass(frozen=True, slots=True)
class RecordRow:
    """A stored record, as the grid and the detail dialog show it."""

    id: int
    spec: AbsenceSpec
    category: Category
    version: int = 1  # hand the row to apply_edit(seen=...): a record changed meanwhile is not overwritten


@dataclass(frozen=True, slots=True)
class EditResult:
    added_ids: tuple[int, ...]
    removed: tuple[AbsenceSpec, ...]
    pupil_ids: frozenset[int]

    @property
    def changes(self) -> OpChanges:
        return OpChanges(self.pupil_ids)


def spec_of(a: Absence, code: str) -> AbsenceSpec:
    return AbsenceSpec(a.pupil_id, a.day, code, a.start, a.end, a.minutes_late, a.reported_at, a.reported_by,
                       a.note, a.created_at, a.created_by)


# -- writing ---------------------------------------------------------------------------------------

_COLUMN_NL = {"datum": "Datum", "code": "Code", "van": "Van", "tot": "Tot", "minuten_te_laat": "Minuten te laat",
              "gemeld_op": "Gemeld op", "leerlingnummer": "Leerling"}


def _reason(column: str, reason: str) -> str:
    """A CSV problem as a sentence for one entry: the import's own words, without the line number."""
    if reason.startswith(("is ", "ligt ", "hoort ", "vul ")):
        return f"{_COLUMN_NL.get(column, column)} {reason}"
    return reason[:1].upper() + reason[1:]


def _check(session: Session, specs: Sequence[AbsenceSpec], calendar: SchoolCalendar) -> None:
    """The domain's rules of an absence, the same the absences file is checked by, on these entries."""
    pids = {s.pupil_id for s in specs}
    known = {pid: (number, PupilKnown(group, efrom, euntil)) for pid, number, group, efrom, euntil in session.execute(
        select(Pupil.id, Pupil.number, Group.name, Pupil.enrolled_from, Pupil.enrolled_until).join(Group)
        .where(Pupil.id.in_(pids)))}
    if pids - known.keys():
        raise Refused("Deze leerling bestaat niet (meer).")
    codes = load_codes(session)
    reasons = [_reason(column, reason) for s in specs
               for column, reason in absence_problems(
                   AbsenceEntry(s.day, s.code, s.start, s.end, s.minutes_late), number=known[s.pupil_id][0],
                   pupil=known[s.pupil_id][1], codes=codes, calendar=calendar)]
    if reasons:
        raise Refused("\n".join(dict.fromkeys(reasons)))


def _overlaps(a: AbsenceSpec, b: AbsenceSpec) -> bool:
    if a.day != b.day or a.pupil_id != b.pupil_id:
        return False
    if a.whole_day or b.whole_day:
        return True
    assert a.start and a.end and b.start and b.end
    return minutes_of(a.start) < minutes_of(b.end) and minutes_of(b.start) < minutes_of(a.end)


def _describe(s: AbsenceSpec) -> dict[str, object]:
    out: dict[str, object] = {"datum": s.day.isoformat(), "code": s.code}
    if not s.whole_day:
        out["van"], out["tot"] = f"{s.start:%H:%M}", f"{s.end:%H:%M}"
    if s.minutes_late is not None:
        out["minuten_te_laat"] = s.minutes_late
    if s.reported_at is not None:
        out["gemeld_op"] = s.reported_at.isoformat(sep=" ", timespec="minutes")
    if s.reported_by:
        out["gemeld_door"] = s.reported_by
    if s.note:
        out["opmerking"] = s.note
    return out


def apply_edit(db: Database, *, remove: Sequence[int] = (), add: Sequence[AbsenceSpec] = (),
               by: Actor, seen: Sequence[RecordRow] = ()) -> EditResult:
    """Remove the records `remove` and add `add`, all in one transaction, or refuse and change nothing.

    `by` must be allowed to register absence for every pupil touched (a leerkracht: the own groups).
    A record to remove that someone else removed or changed since it was read (`seen`: the records as
    the grid showed them) refuses the whole edit with ChangedMeanwhile, showing both versions. A record
    is compared by its version and its content: SQLite may give a new record the id of a removed one."""
    add = [replace(s, code=s.code.strip().upper(), reported_by=s.reported_by.strip(), note=s.note.strip())
           for s in add]
    try:
        return _apply_edit(db, remove, add, by, {r.id: r for r in seen})
    except IntegrityError:  # another writer registered the same pupil, day and span meanwhile
        raise Refused("Iemand anders heeft deze leerling op die dag zojuist geregistreerd; vernieuw het "
                           "overzicht en kijk of uw registratie nog nodig is.") from None


def _apply_edit(db: Database, remove: Sequence[int], add: list[AbsenceSpec], by: Actor,
                seen: Mapping[int, RecordRow]) -> EditResult:
    user = audit_name(by)
    with db.begin() as session:
        require_pupils(session, by, Permission.EDIT_ABSENCE, {s.pupil_id for s in add})
        require_records(session, by, Permission.EDIT_ABSENCE, remove)
        lock_for_writing(session)  # a second writer waits, then sees the first's record and is refused
        calendar = load_calendar(session)
        gone = session.scalars(select(Absence).where(Absence.id.in_(remove))).all() if remove else []
        codes_by_id = dict(session.execute(select(AbsenceCodeRow.id, AbsenceCodeRow.code)).all())
        if len(gone) != len(set(remove)) or any(_moved_on(a, seen.get(a.id), codes_by_id) for a in gone):
            raise cells_changed(session, gone, add, codes_by_id)
        removed = [spec_of(a, codes_by_id[a.code_id]) for a in gone]
        if add:
            _check(session, add, calendar)
            for i, s in enumerate(add):
                if any(_overlaps(s, t) for t in add[:i]):
                    raise Refused(f"Twee registraties op {format_date(s.day)} overlappen elkaar.")
            removed_ids = {a.id for a in gone}
            keys = {(s.pupil_id, s.day) for s in add}
            for a in session.scalars(select(Absence).where(
                    Absence.pupil_id.in_({k[0] for k in keys}), Absence.day.in_({k[1] for k in keys}))):
                if a.id in removed_ids:
                    continue
                other = spec_of(a, codes_by_id[a.code_id])
                clash = next((s for s in add if _overlaps(s, other)), None)
                if clash is not None:
                    span = "de hele dag" if other.whole_day else f"{other.start:%H:%M}-{other.end:%H:%M}"
                    raise Refused(f"Op {format_date(clash.day)} staat al {other.code} ({span}); "
                                       "wis die eerst of wijzig die.")
        if gone:
            session.execute(delete(Absence).where(Absence.id.in_([a.id for a in gone])))
        code_ids = {c: i for i, c in codes_by_id.items()}
        now = datetime.now().replace(microsecond=0)
        added_ids = []
        for s in add:
            row = Absence(pupil_id=s.pupil_id, day=s.day, start=s.start, end=s.end, code_id=code_ids[s.code],
                          minutes_late=s.minutes_late, reported_at=s.reported_at, reported_by=s.reported_by,
                          note=s.note, created_at=s.created_at or now, created_by=s.created_by or user)
            session.add(row)
            session.flush()
            added_ids.append(row.id)
        _audit(session, user, removed, list(zip(added_ids, add, strict=True)))
    return EditResult(tuple(added_ids), tuple(removed), frozenset(s.pupil_id for s in [*removed, *add]))


def _moved_on(stored: Absence, seen: RecordRow | None, codes_by_id: Mapping[int, str]) -> bool:
    if seen is None:
        return False
    now = spec_of(stored, codes_by_id[stored.code_id])
    return stored.version != seen.version or (now.code, now.start, now.end, now.minutes_late, now.note) != (
        seen.spec.code, seen.spec.start, seen.spec.end, seen.spec.minutes_late, seen.spec.note)


def _audit(session: Session, user: str, removed: list[AbsenceSpec], added: list[tuple[int, AbsenceSpec]]) -> None:
    """One entry per pupil: what was there before and what is there after."""
    pupils = {s.pupil_id for s in removed} | {s.pupil_id for _, s in added}
    for pid in sorted(pupils):
        before = [_describe(s) for s in removed if s.pupil_id == pid]
        after = [_describe(s) for _, s in added if s.pupil_id == pid]
        action = "update" if before and after else "create" if after else "delete"
        first = next((i for i, s in added if s.pupil_id == pid), None)
        audit.append(session, user=user, action=action, entity="absence", entity_id=first, pupil_id=pid,
                     detail={"voor": before, "na": after})


def record_absence(db: Database, *, pupil_id: int, day: date, code: str, start: time | None = None,
                   end: time | None = None, minutes_late: int | None = None, reported_at: datetime | None = None,
                   reported_by: str = "", note: str = "", by: Actor) -> int:
    """Register one absence (a whole schooldag when `start`/`end` are None); the new record's id."""
    spec = AbsenceSpec(pupil_id, day, code, start, end, minutes_late, reported_at, reported_by, note)
    return apply_edit(db, add=[spec], by=by).added_ids[0]


def clear_absence(db: Database, *, record_id: int, by: Actor) -> AbsenceSpec:
    """Remove one record; what it held comes back, so it can be restored."""
    return apply_edit(db, remove=[record_id], by=by).removed[0]


def report_sick(db: Database, *, pupil_id: int, day: date, reported_at: datetime, reported_by: str,
                expected_return: date | None = None, note: str = "", by: Actor) -> EditResult:
    """A ziekmelding: Z for the whole `day`, with when and by whom it was reported.

    A `?` the teacher entered that day before the call is reclassified by it; any other record of
    that day stands and the report is refused, so nothing is overwritten unseen. The expected return
    is kept in the note: the absence itself is registered day by day.
    """
    if expected_return is not None and expected_return <= day:
        raise Refused("De verwachte terugkeer moet na de dag van de ziekmelding liggen.")
    text = note.strip()
    if expected_return is not None:
        text = f"Verwacht terug: {format_date(expected_return)}" + (f". {text}" if text else "")
    with db.read() as session:
        unknown = session.scalars(
            select(Absence.id).join(AbsenceCodeRow)
            .where(Absence.pupil_id == pupil_id, Absence.day == day,
                   AbsenceCodeRow.category == Category.UNEXPLAINED.value)).all()
    spec = AbsenceSpec(pupil_id, day, "Z", reported_at=reported_at, reported_by=reported_by.strip(), note=text)
    return apply_edit(db, remove=list(unknown), add=[spec], by=by)


# -- planning what typing a code in the grid does ------------------------------------------------
