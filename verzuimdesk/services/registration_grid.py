"""The week grid of a group, read for the registration page, and the edit a typed code makes of it
(`plan_code`); services.registration writes it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import bindparam, select

from verzuimdesk.domain.calendar import DayOff, SchoolCalendar, Span
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.dutch import full_name, sort_key
from verzuimdesk.services.permissions import Actor, Permission, require
from verzuimdesk.services.registration import AbsenceSpec, RecordRow
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.loading import load_calendar
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, Group, Pupil


@dataclass(frozen=True, slots=True)
class CodeRow:
    code: str
    label: str
    category: Category
    builtin: bool
    luxe: bool = False  # counts for LUXE (PROTOCOLS.md §1b)


@dataclass(frozen=True, slots=True)
class GridColumn:
    """One part of one weekday: a lesson span of the group's timetable, or a day without lessons."""

    day: date
    part: int  # 0 = the first part of the day
    parts: int  # how many parts the day has
    span: Span | None  # None when the group has no lessons on that weekday
    off: DayOff | None  # why the day is no schooldag; None on a schooldag


@dataclass(frozen=True, slots=True)
class GridRow:
    pupil_id: int
    number: str
    name: str
    enrolled: tuple[bool, ...]  # per column: enrolled on that day
    cells: tuple[tuple[RecordRow, ...], ...]  # per column: the records that fall in that part


@dataclass(frozen=True, slots=True)
class WeekGrid:
    group: str
    monday: date
    columns: tuple[GridColumn, ...]
    rows: tuple[GridRow, ...]

    def record(self, record_id: int) -> RecordRow | None:
        for row in self.rows:
            for cell in row.cells:
                for r in cell:
                    if r.id == record_id:
                        return r
        return None


def list_groups(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(Group.name).order_by(Group.name)))


def list_codes(db: Database) -> list[CodeRow]:
    """The school's codes, the defaults first in the order of PROTOCOLS.md §1a, then its own."""
    from verzuimdesk.domain.codes import DEFAULT_CODES

    order = {c.code: i for i, c in enumerate(DEFAULT_CODES)}
    with db.read() as session:
        rows = session.scalars(select(AbsenceCodeRow)).all()
        out = [CodeRow(r.code, r.label, Category(r.category), r.builtin, r.luxe) for r in rows]
    return sorted(out, key=lambda c: (order.get(c.code, len(order)), c.code))


def in_part(spec: AbsenceSpec, category: Category, column: GridColumn) -> bool:
    """Whether a record shows in this part: a whole-day record in every part (lateness without a
    time only in the first, as one is late at the start of the day); a timed one where it overlaps."""
    if spec.whole_day:
        return category is not Category.LATE or column.part == 0
    if column.span is None:
        return column.part == 0
    assert spec.start is not None and spec.end is not None
    return column.span.overlap_minutes(spec.start, spec.end) > 0


def week_columns(calendar: SchoolCalendar, group: str, monday: date) -> tuple[GridColumn, ...]:
    columns: list[GridColumn] = []
    for offset in range(5):
        day = monday + timedelta(days=offset)
        spans = calendar.lestijd_spans(group, day)
        off = calendar.day_off_reason(day, group)
        parts: tuple[Span | None, ...] = spans or (None,)
        columns += [GridColumn(day, i, len(parts), span, off) for i, span in enumerate(parts)]
    return tuple(columns)


@cache
def _grid_queries(some: bool) -> tuple[Any, Any]:
    """The week grid's two statements, built once with bound parameters (the grid reads one pupil's row
    again after every key): the group's pupils enrolled in the week (`ids`: only those), and their records."""
    pupils_q = (select(Pupil.id, Pupil.number, Pupil.first_name, Pupil.prefix, Pupil.last_name,
                       Pupil.enrolled_from, Pupil.enrolled_until).join(Group)
                .where(Group.name == bindparam("group"), Pupil.enrolled_from <= bindparam("friday"))
                .where((Pupil.enrolled_until.is_(None)) | (Pupil.enrolled_until >= bindparam("monday"))))
    if some:
        pupils_q = pupils_q.where(Pupil.id.in_(bindparam("ids", expanding=True)))
    records_q = (select(Absence.id, Absence.pupil_id, Absence.day, Absence.start, Absence.end, Absence.minutes_late,
                        Absence.reported_at, Absence.reported_by, Absence.note, Absence.created_at,
                        Absence.created_by, Absence.version, AbsenceCodeRow.code, AbsenceCodeRow.category)
                 .join(AbsenceCodeRow)
                 .where(Absence.pupil_id.in_(bindparam("ids", expanding=True)),
                        Absence.day.between(bindparam("monday"), bindparam("friday")))
                 .order_by(Absence.day, Absence.start, Absence.id))
    return pupils_q, records_q


def week_grid(db: Database, *, group: str, monday: date, by: Actor,
              pupil_ids: Iterable[int] | None = None) -> WeekGrid:
    """The pupils of `group` enrolled in the week of `monday`, × the parts of its five weekdays
    (`pupil_ids`: only those of them, as after an edit of their records: the grid's other rows stand)."""
    require(by, Permission.VIEW_DOSSIER, group=group)
    monday = monday - timedelta(days=monday.weekday())
    friday = monday + timedelta(days=4)
    with db.read() as session:
        calendar = load_calendar(session)
        pupils_q, records_q = _grid_queries(pupil_ids is not None)
        params: dict[str, object] = {"group": group, "monday": monday, "friday": friday}
        if pupil_ids is not None:
            params["ids"] = list(pupil_ids)
        pupils = sorted(session.execute(pupils_q, params), key=lambda r: sort_key(r[2], r[3], r[4]))
        ids = [p[0] for p in pupils]
        records: dict[int, list[RecordRow]] = defaultdict(list)
        if ids:
            for aid, pid, day, start, end, late, rep_at, rep_by, note, c_at, c_by, version, code, category in \
                    session.execute(records_q, {"ids": ids, "monday": monday, "friday": friday}):
                records[pid].append(RecordRow(aid, AbsenceSpec(pid, day, code, start, end, late, rep_at, rep_by, note,
                                                               c_at, c_by), Category(category), version))
    columns = week_columns(calendar, group, monday)
    rows = []
    for pid, number, first, prefix, last, efrom, euntil in pupils:
        mine = records.get(pid, [])
        rows.append(GridRow(
            pupil_id=pid, number=number, name=full_name(first, prefix, last),
            enrolled=tuple(efrom <= c.day and (euntil is None or c.day <= euntil) for c in columns),
            cells=tuple(tuple(r for r in mine if r.spec.day == c.day and in_part(r.spec, r.category, c))
                        for c in columns)))
    return WeekGrid(group, monday, columns, tuple(rows))




def plan_code(grid: WeekGrid, cells: Iterable[tuple[int, int]], code: str, category: Category, *,
              whole_day: bool = False, minutes_late: int | None = None) -> tuple[list[int], list[AbsenceSpec]]:
    """The edit that gives the cells (row, column) of `grid` the code `code`: (records to remove, to add).

    Per pupil and day: when the cells cover every part of the day, or `whole_day` is asked (Shift),
    the day gets one whole-day record in place of what it held. Otherwise a cell that holds a record
    changes that record's code, keeping its time, report and note (reclassifying a `?` after the
    call home), and an empty cell gets a record for its part.
    """
    by_day: dict[tuple[int, date], set[int]] = defaultdict(set)
    for r, c in cells:
        col = grid.columns[c]
        if col.off is None and grid.rows[r].enrolled[c]:
            by_day[(r, col.day)].add(c)
    late = minutes_late if category is Category.LATE else None
    remove: list[int] = []
    add: list[AbsenceSpec] = []
    for (r, day), chosen in sorted(by_day.items()):
        row = grid.rows[r]
        day_cols = [i for i, col in enumerate(grid.columns) if col.day == day]
        held = {rec.id: rec for i in day_cols for rec in row.cells[i]}
        if whole_day or set(day_cols) <= chosen:
            first = min(held.values(), key=lambda rec: rec.id, default=None)
            keep = first.spec if first else AbsenceSpec(row.pupil_id, day, code)
            remove += held
            add.append(AbsenceSpec(row.pupil_id, day, code, None, None, late, keep.reported_at, keep.reported_by,
                                   keep.note))
            continue
        touched: dict[int, RecordRow] = {}
        for c in sorted(chosen):
            cell = row.cells[c]
            if cell:
                touched.update((rec.id, rec) for rec in cell)
                continue
            span = grid.columns[c].span
            add.append(AbsenceSpec(row.pupil_id, day, code, span.start if span else None,
                                   span.end if span else None, late))
        for rec in touched.values():
            remove.append(rec.id)
            add.append(replace(rec.spec, code=code, minutes_late=late, created_at=None, created_by=""))
    return remove, add
