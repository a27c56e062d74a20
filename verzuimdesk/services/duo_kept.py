"""What a registered DUO report said, kept (PROTOCOLS.md §1b: the DUO sheet "is built from the trigger that the
report answers, never from the state on the day it is printed").

`keep` runs in the transaction that registers a `duo_report`, whichever way it comes (the Meldingen tab, the
events import of the app and of the command line, the demo), and keeps each sheet the report answers on the
records known then, as `export duo` on the report's day printed it: type, begindatum, einddatum, hours or
count, the records listed, the previous report of a vervolgmelding, rule and trigger. The reprint "zoals
gemeld" prints that (services/duo.py), and `differences` names what the records of now give otherwise, so
the IB-er knows a correction in DUO may be needed.

A report that answered no sheet when it was registered (a report on the school's own judgement, or one
imported before its records) keeps none: its reprint is computed, as for a report of before this version.
The records are kept without their notes: a note is free text whose topic can be corrected afterwards
(topics.py), so the reprint takes it from the leerplicht version of the dossier of now. The engine reads
none of this; the rows go with their report and with the pupil's dossier (retention, inzage).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.disclosure import Entry, Recipient, receives
from verzuimdesk.domain.duo_sheet import FOLLOW_UP, LATE, SIXTEEN_HOURS, DuoSheet, report_sheets
from verzuimdesk.domain.dutch import format_date, hours
from verzuimdesk.domain.measures import absent_minutes
from verzuimdesk.domain.records import AbsenceRecord
from verzuimdesk.services.status import school_protocol
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school
from verzuimdesk.storage.models import DuoSheetKept, EventRow

KIND_NL = {SIXTEEN_HOURS: "eerste melding van 16 uur", FOLLOW_UP: "vervolgmelding van 16 uur"}


@dataclass(frozen=True, slots=True)
class KeptRecord:
    """A record listed on a sheet, as printed: `minutes` absent (hours on the sheet), `minutes_late` late."""

    id: int
    day: date
    start: time | None
    end: time | None
    code: str
    category: Category
    minutes: int
    minutes_late: int | None


@dataclass(frozen=True, slots=True)
class KeptSheet:
    event_id: int
    rule_id: str
    trigger: date
    kind: str
    begin: date
    end: date | None
    minutes: int
    count: int
    due: date
    legal: bool
    previous_on: date | None
    previous_reference: str
    records: tuple[KeptRecord, ...]


def rows_of(ev: Evaluator, sheet: DuoSheet, on: date) -> tuple[KeptRecord, ...]:
    """The records `sheet` lists when printed on `on`: those of its ids that the leerplicht version of the
    dossier holds (DUO passes the report on to leerplicht), none dated after its einddatum."""
    ids, last = set(sheet.record_ids), sheet.end or on
    return tuple(_printed(ev, r) for r in ev.pupil.records
                 if r.id in ids and r.day <= last and receives(Recipient.LEERPLICHT, Entry.RECORD, category=r.category))


def _printed(ev: Evaluator, r: AbsenceRecord) -> KeptRecord:
    return KeptRecord(r.id, r.day, r.start, r.end, r.code, r.category, absent_minutes(r, ev.g), r.minutes_late)


def keep(session: Session, event_ids: Iterable[int]) -> None:
    """Keep (again) the sheets of the events `event_ids` that are DUO reports, as they stand on the records in
    `session` now; an event that is no DUO report (any more) keeps none. In the caller's transaction."""
    ids = sorted(set(event_ids))
    if not ids:
        return
    session.execute(delete(DuoSheetKept).where(DuoSheetKept.event_id.in_(ids)))
    reports = session.execute(select(EventRow.id, EventRow.pupil_id, EventRow.day).where(
        EventRow.id.in_(ids), EventRow.kind == ActionKind.DUO_REPORT.value)).all()
    if not reports:
        return
    school = load_school(session)
    if school is None:
        return
    calendar = load_calendar(session)
    protocol = school_protocol(school.protocol, school.protocol_text)
    by_day: dict[tuple[int, date], list[int]] = defaultdict(list)
    for eid, pid, day in reports:
        by_day[pid, day].append(eid)
    now = datetime.now().replace(microsecond=0)
    rows: list[DuoSheetKept] = []
    for (pid, day), eids in sorted(by_day.items()):
        (data,) = load_pupil_data(session, until=day, pupil_ids=[pid])
        ev = Evaluator(data, calendar, protocol)
        events = {e.id: e for e in ev.events_of(ActionKind.DUO_REPORT, day, day) if e.source == "event"}
        for eid in eids:
            if eid not in events:
                continue
            for position, sheet in enumerate(report_sheets(ev, events[eid], day)):
                records = rows_of(ev, sheet, day)
                rows.append(DuoSheetKept(
                    event_id=eid, pupil_id=pid, position=position, rule_id=sheet.rule_id, trigger=sheet.trigger,
                    kind=sheet.kind, begin=sheet.begin, end=sheet.end, minutes=sheet.minutes, count=sheet.count,
                    due=sheet.due, legal=sheet.legal, previous_day=sheet.previous.day if sheet.previous else None,
                    previous_reference=sheet.previous.reference if sheet.previous else "",
                    records=_dump(records), kept_at=now))
    session.add_all(rows)
    session.flush()


def kept_of(session: Session, pupil_id: int) -> dict[int, tuple[KeptSheet, ...]]:
    """The kept sheets of the pupil's reports, by event id, in the order printed."""
    out: dict[int, list[KeptSheet]] = defaultdict(list)
    for k in session.scalars(select(DuoSheetKept).where(DuoSheetKept.pupil_id == pupil_id)
                             .order_by(DuoSheetKept.event_id, DuoSheetKept.position)):
        out[k.event_id].append(KeptSheet(k.event_id, k.rule_id, k.trigger, k.kind, k.begin, k.end, k.minutes,
                                         k.count, k.due, k.legal, k.previous_day, k.previous_reference,
                                         _load(k.records)))
    return {eid: tuple(sheets) for eid, sheets in out.items()}


def _dump(records: Sequence[KeptRecord]) -> str:
    return json.dumps([{"id": r.id, "datum": r.day.isoformat(), "van": r.start.isoformat() if r.start else None,
                        "tot": r.end.isoformat() if r.end else None, "code": r.code, "soort": r.category.value,
                        "minuten": r.minutes, "minuten_te_laat": r.minutes_late} for r in records],
                      ensure_ascii=False)


def _load(text: str) -> tuple[KeptRecord, ...]:
    def t(value: Any) -> time | None:
        return time.fromisoformat(value) if value else None

    return tuple(KeptRecord(int(r["id"]), date.fromisoformat(r["datum"]), t(r["van"]), t(r["tot"]), str(r["code"]),
                            Category(r["soort"]), int(r["minuten"]), r["minuten_te_laat"])
                 for r in json.loads(text))


def differences(ev: Evaluator, kept: KeptSheet, now: DuoSheet | None, on: date) -> tuple[str, ...]:
    """In Dutch, what the records of now (those of `ev`, printed on `on`) give otherwise than the report said,
    `now` being its sheet of now: each a phrase of the notice "Sinds de melding zijn de registraties gewijzigd:
    …". None when nothing differs. `now` None: on the records of now the report answers no trigger at all;
    then the records listed that are no longer registered as they were are named."""
    d = format_date

    def said(r: KeptRecord) -> str:
        span = f" {r.start:%H:%M}-{r.end:%H:%M}" if r.start and r.end else ""
        amount = f"{r.minutes_late or 0} min. te laat" if kept.kind == LATE else f"{hours(r.minutes)} uur"
        return f"{d(r.day)}{span} {r.code} ({amount})"

    if now is None:
        current = {r.id: _printed(ev, r) for r in ev.pupil.records}
        # what a record became is not said: an authorised code (ziek, medisch) is not leerplicht's to read
        other = [said(r) for r in kept.records if r.id not in current or said(current[r.id]) != said(r)]
        return ("op de registraties van nu beantwoordt deze melding geen aanleiding meer",
                *(["niet meer zo geregistreerd: " + ", ".join(other)] if other else []))
    now_rows = rows_of(ev, now, on)
    out: list[str] = []
    if now.kind != kept.kind:  # a report before it registered or deleted since: first melding or vervolgmelding
        out.append(f"nu een {KIND_NL.get(now.kind, now.kind)} (gemeld als {KIND_NL.get(kept.kind, kept.kind)})")
    if now.begin != kept.begin:
        out.append(f"begindatum nu {d(now.begin)} (gemeld: {d(kept.begin)})")
    if now.end != kept.end:
        out.append(f"einddatum nu {d(now.end) if now.end else 'nog afwezig'} "
                   f"(gemeld: {d(kept.end) if kept.end else 'nog afwezig'})")
    if kept.kind == LATE:
        if now.count != kept.count:
            out.append(f"aantal keer te laat nu {now.count} (gemeld: {kept.count})")
    elif now.minutes != kept.minutes:
        out.append(f"uren verzuim nu {hours(now.minutes)} (gemeld: {hours(kept.minutes)})")
    was = {r.id: r for r in kept.records}
    is_ = {r.id: r for r in now_rows}
    added = [said(r) for r in now_rows if r.id not in was]
    gone = [said(r) for r in kept.records if r.id not in is_]
    changed = [f"{said(was[i])} is nu {said(r)}" for i, r in is_.items() if i in was and said(was[i]) != said(r)]
    if added:
        out.append("nu meegeteld: " + ", ".join(added))
    if gone:
        out.append("niet meer meegeteld: " + ", ".join(gone))
    if changed:
        out.append("gewijzigd: " + ", ".join(changed))
    return tuple(out)
