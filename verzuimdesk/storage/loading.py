"""Turning rows into domain objects, in bulk: a few queries for the whole school, never one per pupil."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, text
from sqlalchemy.orm import Session

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import CONVERSATION_ACTION, ActionKind, Category
from verzuimdesk.domain.dutch import full_name, sort_key
from verzuimdesk.domain.records import AbsenceRecord, Event, Exemption, PupilData
from verzuimdesk.storage.models import (
    Absence,
    AbsenceCodeRow,
    CareCase,
    Conversation,
    EventRow,
    ExemptionRow,
    Group,
    PlanLink,
    Pupil,
    School,
)
from verzuimdesk.storage.raw import Run
from verzuimdesk.storage.school_rows import calendar_of

# Enum lookups by value through a dict: calling the Enum class per row costs more than the query.
_CATEGORY = {c.value: c for c in Category}
_ACTION = {a.value: a for a in ActionKind}
_CONVERSATION_ACTION = {k.value: a for k, a in CONVERSATION_ACTION.items()}


def load_school(session: Session) -> School | None:
    return session.scalar(select(School).limit(1))


def session_run(session: Session) -> Run:
    """The session as a `Run` (storage/raw.py): portable SQL text with `:name` parameters, plain rows back."""
    def run(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return session.execute(text(sql), dict(params)).all()
    return run


def load_calendar(session: Session) -> SchoolCalendar:
    return calendar_of(session_run(session))


def load_codes(session: Session) -> dict[str, Category]:
    return {c.code: Category(c.category) for c in session.scalars(select(AbsenceCodeRow))}


@cache
def _pupil_queries(until: bool, some: bool) -> tuple[Any, ...]:
    """The statements of `load_pupil_data`, built once per shape with bound parameters (`until`, the
    expanding `ids`): building seven selects costs more than running them for one pupil, which the
    grid asks after every key."""
    pupils_q = select(Pupil.id, Pupil.number, Pupil.first_name, Pupil.prefix, Pupil.last_name, Group.name,
                      Pupil.enrolled_from, Pupil.enrolled_until, Pupil.birth_date).join(Group)
    absences_q = select(Absence.id, Absence.pupil_id, Absence.day, AbsenceCodeRow.code, AbsenceCodeRow.category,
                        Absence.start, Absence.end, Absence.minutes_late, Absence.reported_at,
                        Absence.note, AbsenceCodeRow.luxe).join(AbsenceCodeRow).order_by(Absence.day, Absence.id)
    exemption_q = select(ExemptionRow.pupil_id, ExemptionRow.start, ExemptionRow.end, ExemptionRow.article,
                         ExemptionRow.note).order_by(ExemptionRow.start, ExemptionRow.id)
    events_q = select(EventRow.id, EventRow.pupil_id, EventRow.day, EventRow.kind, EventRow.note,
                      EventRow.reference).order_by(EventRow.day, EventRow.id)
    conv_q = select(Conversation.id, Conversation.pupil_id, Conversation.held_at, Conversation.kind,
                    Conversation.summary)
    plan_q = select(PlanLink.id, PlanLink.pupil_id, PlanLink.start, PlanLink.kind, PlanLink.location)
    case_q = select(CareCase.pupil_id, CareCase.start).where(CareCase.closed.is_(None))
    if until:
        absences_q = absences_q.where(Absence.day <= bindparam("until"))
        events_q = events_q.where(EventRow.day <= bindparam("until"))
    if some:
        ids: Any = bindparam("ids", expanding=True)
        pupils_q = pupils_q.where(Pupil.id.in_(ids))
        absences_q = absences_q.where(Absence.pupil_id.in_(ids))
        events_q = events_q.where(EventRow.pupil_id.in_(ids))
        conv_q = conv_q.where(Conversation.pupil_id.in_(ids))
        plan_q = plan_q.where(PlanLink.pupil_id.in_(ids))
        case_q = case_q.where(CareCase.pupil_id.in_(ids))
        exemption_q = exemption_q.where(ExemptionRow.pupil_id.in_(ids))
    return pupils_q, absences_q, exemption_q, events_q, conv_q, plan_q, case_q


_NEW = object.__new__
(_ID, _DAY, _CODE, _CAT, _START, _END, _LATE, _REPORTED, _NOTE, _LUXE) = (
    getattr(AbsenceRecord, name).__set__ for name in AbsenceRecord.__slots__)


def _record(aid: int, day: date, code: str, category: Category, start: Any, end: Any, late: int | None,
            reported: Any, note: str, luxe: bool) -> AbsenceRecord:
    """`AbsenceRecord(...)` for a row of the database, each field set through its slot: the frozen
    dataclass's __init__ sets them one `object.__setattr__` at a time, which cost twice as much as this
    for the thousands of records of a school year (tests/storage/test_loading.py holds the two equal)."""
    r = _NEW(AbsenceRecord)
    _ID(r, aid)
    _DAY(r, day)
    _CODE(r, code)
    _CAT(r, category)
    _START(r, start)
    _END(r, end)
    _LATE(r, late)
    _REPORTED(r, reported)
    _NOTE(r, note)
    _LUXE(r, luxe)
    return r


def load_pupil_data(session: Session, *, until: date | None = None, pupil_ids: list[int] | None = None,
                    in_list_order: bool = True) -> list[PupilData]:
    """Every pupil (or those of `pupil_ids`) with records and events, optionally only up to `until`; in the
    order of every list, or (`in_list_order=False`, for a caller that looks pupils up by id) as the
    database gives them, without making each pupil's sort key.

    Conversations of a kind that fulfils an action and linked plans count as events (PROTOCOLS.md §4).
    """
    pupils_q, absences_q, exemption_q, events_q, conv_q, plan_q, case_q = _pupil_queries(
        until is not None, pupil_ids is not None)
    params: dict[str, Any] = {}
    if until is not None:
        params["until"] = until
    if pupil_ids is not None:
        params["ids"] = list(pupil_ids)

    # Core execution (the session's connection), not the ORM's: plain rows, without the ORM's result
    # machinery that cost a third of loading a school.
    connection = session.connection()

    def run(query: Any) -> Any:
        return connection.execute(query, params).all()

    records: dict[int, list[AbsenceRecord]] = defaultdict(list)
    for aid, pid, day, code, cat, start, end, late, rep, note, luxe in run(absences_q):
        records[pid].append(_record(aid, day, code, _CATEGORY[cat], start, end, late, rep, note, luxe))
    exemptions: dict[int, list[Exemption]] = defaultdict(list)
    for pid, ex_start, ex_end, article, ex_note in run(exemption_q):
        exemptions[pid].append(Exemption(ex_start, ex_end, article, ex_note))
    events: dict[int, list[Event]] = defaultdict(list)
    for eid, pid, day, kind, note, ref in run(events_q):
        events[pid].append(Event(eid, day, _ACTION[kind], note, ref))
    for cid, pid, held, kind, summary in run(conv_q):
        action = _CONVERSATION_ACTION.get(kind)
        if action is not None and (until is None or held.date() <= until):
            events[pid].append(Event(cid, held.date(), action, summary[:80], "", "conversation"))
    for plid, pid, plan_start, kind, location in run(plan_q):
        if until is None or plan_start <= until:
            events[pid].append(Event(plid, plan_start, ActionKind.SUPPORT_PLAN, kind, location, "plan"))
    cases = {pid: start for pid, start in run(case_q)}

    out = []
    roster = list(run(pupils_q))
    if in_list_order:
        roster.sort(key=lambda r: (r[5], sort_key(r[2], r[3], r[4])))  # as every list
    for pid, number, first, prefix, last, group, efrom, euntil, born in roster:
        evs = tuple(sorted(events.get(pid, ()), key=lambda e: (e.day, e.source, e.id)))
        name = full_name(first, prefix, last)
        out.append(PupilData(pid, number, name, group, efrom, euntil, tuple(records.get(pid, ())), evs,
                             cases.get(pid), birth_date=born, exemptions=tuple(exemptions.get(pid, ()))))
    return out


def insert_absences(session: Session, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> int:
    """Insert absence rows (a value per name in `columns`), skipping any whose pupil, day and span is
    there already (also when another writer registered it meanwhile: the unique index uq_absence_span
    decides); how many went in. `columns` names pupil_id.

    One statement for all rows (storage/bulk.py): the ORM's bulk insert groups rows by which of their
    values are None and sent a school year of 3,713 rows as ~2,470 INSERTs. A column not named gets
    its scalar default; the status cache is dropped once for the rows' pupils, not once per row."""
    from verzuimdesk.storage.bulk import insert_new
    from verzuimdesk.storage.status_cache import invalidated_once

    if not rows:
        return 0
    with invalidated_once(session) as touched:
        added = insert_new(session, cast(Table, Absence.__table__), columns, rows)
        if added:
            pupil = list(columns).index("pupil_id")
            touched.update(r[pupil] for r in rows)
    return added
