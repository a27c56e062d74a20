"""What a leave decision does to the registration grid (docs/verlof.md), in the decision's transaction.

Granting fills each requested schooldag with a whole-day `V` (`fill`; a `?` there is kept aside in
`verlof_replaced`); reversing it takes exactly those away and puts each `?` back (`unfill`). Luxe (`X`)
confirmed on refused days goes back when it stops being luxeverzuim (`undo_luxe`). Each change is in the
audit log; services/verlof.py decides when.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.verlof import ARTICLE_NL, Article, Assessment
from verzuimdesk.services.accounts import Account
from verzuimdesk.services.permissions import audit_name
from verzuimdesk.storage import audit
from verzuimdesk.storage.models import (
    Absence,
    AbsenceCodeRow,
    Pupil,
    VerlofAbsence,
    VerlofPupil,
    VerlofReplaced,
    VerlofRequest,
)

LEAVE_CODE = "V"


def luxe_note(request_id: int) -> str:
    """What confirming luxe adds to a record's note."""
    return f"Verlof geweigerd (aanvraag {request_id})"


_LUXE_MARK = re.compile(r"(?:^|\. )Verlof geweigerd \(aanvraag (\d+)\)$")


def undo_luxe(s: Session, req: VerlofRequest, by: Account, *, covered: bool) -> int:
    """Records that confirming luxe made `X` get back the code and note they had, so no DUO report of
    luxeverzuim is asked for days that are no luxeverzuim (a `?` among them then makes way for a `V`):
    `covered`, leave granted now: those of any refused request on this request's pupils and days (granted
    on bezwaar, or on a new request); else the refusal of this request withdrawn: those it confirmed (a
    review). A record changed by hand since keeps that change."""
    luxe = {i for i, in s.execute(select(AbsenceCodeRow.id).where(AbsenceCodeRow.luxe.is_(True)))}
    code_ids = dict(s.execute(select(AbsenceCodeRow.code, AbsenceCodeRow.id)).all())
    codes = {v: k for k, v in code_ids.items()}
    ids = list(s.scalars(select(VerlofPupil.pupil_id).where(VerlofPupil.request_id == req.id)))
    kept = select(VerlofReplaced).where(VerlofReplaced.absence_id.is_not(None))
    kept = (kept.where(VerlofReplaced.pupil_id.in_(ids), VerlofReplaced.day.between(req.start, req.end))
            if covered else kept.where(VerlofReplaced.request_id == req.id))
    done: dict[int, list[tuple[Absence, str]]] = {}
    for r in s.scalars(kept):
        a = s.get(Absence, r.absence_id)
        if a is not None and a.code_id in luxe:
            was = codes[a.code_id]
            a.code_id = code_ids.get(r.code, code_ids.get("?", a.code_id))
            a.note = r.note
            done.setdefault(a.pupil_id, []).append((a, was))
        s.delete(r)
    s.flush()
    # confirmed before verlof_replaced kept them (0017): known by the note confirming added; what they
    # were is not known, so they become `?` (which a `V` then replaces)
    unknown = code_ids.get("?")
    for a in s.scalars(select(Absence).where(Absence.pupil_id.in_(ids), Absence.day.between(req.start, req.end),
                                             Absence.code_id.in_(luxe))):
        mark = _LUXE_MARK.search(a.note)
        if unknown is not None and mark is not None and (covered or int(mark[1]) == req.id):
            done.setdefault(a.pupil_id, []).append((a, codes[a.code_id]))
            a.code_id = unknown
            a.note = a.note[:mark.start()]
    s.flush()
    for pid, recs in done.items():
        audit.append(s, user=audit_name(by), action="update", entity="absence", pupil_id=pid,
                     detail={"voor": [{"datum": a.day.isoformat(), "code": was} for a, was in recs],
                             "na": [{"datum": a.day.isoformat(), "code": codes[a.code_id]} for a, _ in recs],
                             "verlof": req.id})
    return sum(len(v) for v in done.values())


def fill(s: Session, req: VerlofRequest, pupils: list[Pupil], assessments: list[Assessment], by: Account,
         v: AbsenceCodeRow) -> tuple[int, list[str]]:
    """Put a whole-day `V` (the code row `v`) on each requested schooldag of each pupil; a `?` there makes way,
    kept aside in `verlof_replaced`."""
    categories = dict(s.execute(select(AbsenceCodeRow.id, AbsenceCodeRow.category)).all())
    codes = dict(s.execute(select(AbsenceCodeRow.id, AbsenceCodeRow.code)).all())
    now = datetime.now().replace(microsecond=0)
    note = f"Verlof {ARTICLE_NL[Article(req.article)]}, aanvraag {req.id}"
    added, skipped = 0, []
    for p, a in zip(pupils, assessments, strict=True):
        held: dict[date, list[Absence]] = {}
        for r in s.scalars(select(Absence).where(Absence.pupil_id == p.id, Absence.day.between(req.start, req.end))):
            held.setdefault(r.day, []).append(r)
        after: list[dict[str, object]] = []
        gone: list[dict[str, object]] = []
        for day in a.days:
            there = held.get(day, [])
            if any(categories[r.code_id] != Category.UNEXPLAINED.value for r in there):
                skipped.append(f"{p.number} op {format_date(day)} ({', '.join(codes[r.code_id] for r in there)})")
                continue
            for r in there:
                gone.append({"datum": day.isoformat(), "code": codes[r.code_id]})
                s.add(VerlofReplaced(request_id=req.id, pupil_id=p.id, absence_id=None, day=r.day, start=r.start,
                                     end=r.end, code=codes[r.code_id], minutes_late=r.minutes_late,
                                     reported_at=r.reported_at, reported_by=r.reported_by, note=r.note,
                                     created_at=r.created_at, created_by=r.created_by, topic=r.topic))
                s.delete(r)
            s.flush()
            row = Absence(pupil_id=p.id, day=day, code_id=v.id, note=note, created_at=now, created_by=audit_name(by),
                          reported_by=req.requested_by)
            s.add(row)
            s.flush()
            s.add(VerlofAbsence(absence_id=row.id, request_id=req.id))
            after.append({"datum": day.isoformat(), "code": LEAVE_CODE, "opmerking": note})
            added += 1
        if after:
            audit.append(s, user=audit_name(by), action="update" if gone else "create", entity="absence", pupil_id=p.id,
                         detail={"voor": gone, "na": after, "verlof": req.id})
    return added, skipped


def unfill(s: Session, req: VerlofRequest, by: Account) -> int:
    """Take away the `V` records this request put in the grid (one changed by hand since stays), and put
    back the `?` each of them replaced, so the day is as it was before the grant."""
    rows = s.execute(select(Absence, AbsenceCodeRow.code).join(AbsenceCodeRow)
                     .join(VerlofAbsence, VerlofAbsence.absence_id == Absence.id)
                     .where(VerlofAbsence.request_id == req.id)).all()
    mine = [a for a, code in rows if code == LEAVE_CODE]
    freed = {(a.pupil_id, a.day) for a in mine}
    by_pupil: dict[int, list[Absence]] = {}
    for a in mine:
        by_pupil.setdefault(a.pupil_id, []).append(a)
    if mine:
        s.execute(delete(Absence).where(Absence.id.in_([a.id for a in mine])))
    s.execute(delete(VerlofAbsence).where(VerlofAbsence.request_id == req.id))
    code_ids = dict(s.execute(select(AbsenceCodeRow.code, AbsenceCodeRow.id)).all())
    back: dict[int, list[dict[str, object]]] = {}
    replaced = s.scalars(select(VerlofReplaced).where(VerlofReplaced.request_id == req.id,
                                                      VerlofReplaced.absence_id.is_(None))).all()
    for r in replaced:
        # a day whose `V` was changed by hand keeps that change; a code the school removed cannot return
        if (r.pupil_id, r.day) in freed and r.code in code_ids and not _span_taken(s, r):
            s.add(Absence(pupil_id=r.pupil_id, day=r.day, start=r.start, end=r.end, code_id=code_ids[r.code],
                          minutes_late=r.minutes_late, reported_at=r.reported_at, reported_by=r.reported_by,
                          note=r.note, created_at=r.created_at, created_by=r.created_by, topic=r.topic))
            back.setdefault(r.pupil_id, []).append({"datum": r.day.isoformat(), "code": r.code})
        s.delete(r)
    s.flush()
    for pid, recs in by_pupil.items():
        audit.append(s, user=audit_name(by), action="update" if back.get(pid) else "delete", entity="absence",
                     pupil_id=pid, detail={"voor": [{"datum": a.day.isoformat(), "code": LEAVE_CODE} for a in recs],
                                           "na": back.get(pid, []), "verlof": req.id})
    return len(mine)


def _span_taken(s: Session, r: VerlofReplaced) -> bool:
    """A record of the pupil now holds the replaced record's day and time span (one added since)."""
    return s.scalar(select(Absence.id).where(Absence.pupil_id == r.pupil_id, Absence.day == r.day,
                                             Absence.start.is_(None) if r.start is None else Absence.start == r.start,
                                             Absence.end.is_(None) if r.end is None else Absence.end == r.end)
                    .limit(1)) is not None
