"""Importing the pupils, absences and events CSV files: all or nothing.

Every line is checked against the database before anything is written; one wrong line refuses the
whole file. Importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from itertools import compress, repeat
from operator import itemgetter
from pathlib import Path
from typing import cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.file_errors import file_reason
from verzuimdesk.domain.records import Exemption
from verzuimdesk.importers.csvfile import MAX_BYTES, read_csv, too_big
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.rows import (
    ABSENCE_COLUMNS,
    ABSENCE_REQUIRED,
    EVENT_COLUMNS,
    EVENT_REQUIRED,
    PUPIL_COLUMNS,
    PUPIL_REQUIRED,
    AbsenceIn,
    EventIn,
    Lessons,
    PupilIn,
    PupilKnown,
    check_absences,
    check_events,
    check_pupils,
    lessons_of,
    minute_codes,
    spans_overlap,
)
from verzuimdesk.services.dry_run import rolled_back
from verzuimdesk.services.duo_kept import keep
from verzuimdesk.services.gc_pause import gc_paused
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.services.results import Change
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, lock_for_writing
from verzuimdesk.storage.loading import insert_absences, load_calendar, load_codes
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, EventRow, ExemptionRow, Group, Pupil

KINDS = ("pupils", "absences", "events")


def read_file(path: Path, *, limit: int = MAX_BYTES,
              refusal: Callable[[int, str], InputRefused] = too_big) -> bytes:
    """The file's bytes, at most `limit` (a CSV file's MAX_BYTES; an EDEXML export's own limit, with its own
    words, as it cannot be split): a bigger file is refused before it is read, and so is a stream without
    an end (a device, a pipe), read no further than one byte past the limit."""
    try:
        if path.is_file() and path.stat().st_size > limit:  # refused before it is read
            raise refusal(path.stat().st_size, path.name)
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise refusal(len(data), path.name)
        return data
    except OSError as exc:
        raise InputRefused(str(path), [Problem(None, "", f"kan het bestand niet lezen ({file_reason(exc)})")]) from None


def import_file(db: Database, kind: str, path: Path, *, by: Actor, dry_run: bool = False,
                replace: bool = False) -> Change:
    require(by, Permission.SETTINGS)
    data = read_file(path)
    if replace and kind != "absences":
        raise InputRefused(path.name, [Problem(None, "", "--vervang geldt alleen voor een import van absences")])
    if kind == "pupils":
        return import_pupils(db, data, source=path.name, by=by, dry_run=dry_run)
    if kind == "absences":
        return import_absences(db, data, source=path.name, by=by, dry_run=dry_run, replace=replace)
    if kind == "events":
        return import_events(db, data, source=path.name, by=by, dry_run=dry_run)
    if kind == "guardians":
        from verzuimdesk.services.guardians import import_guardians

        return import_guardians(db, data, source=path.name, by=by, dry_run=dry_run)
    raise ValueError(kind)


@contextmanager
def unit_of_work(db: Database, *, dry_run: bool, user: str, entity: str, source: str) -> Iterator[
        tuple[Session, list[Change]]]:
    """One transaction for an import, audited; in a dry run the same code in a rolled-back transaction.

    The caller appends its Change to the list, so the audit entry can name the result.
    """
    out: list[Change] = []
    if dry_run:
        with rolled_back(db) as session:
            yield session, out
        return
    with db.begin() as session:
        yield session, out
        audit.append(session, user=user, action="import", entity=entity,
                     detail={"bestand": source, "resultaat": out[0].summary() if out else ""})


def import_pupils(db: Database, data: bytes, *, source: str = "leerlingen", by: Actor,
                  dry_run: bool = False) -> Change:
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    table = read_csv(data, source, required=PUPIL_REQUIRED, optional=set(PUPIL_COLUMNS))
    rows = check_pupils(table, source)
    kept = [attr for col, attr in OPTIONAL_KEPT.items() if col not in table.header]
    with unit_of_work(db, dry_run=dry_run, user=user, entity="pupil", source=source) as (session, out):
        out.append(write_pupils(session, rows, kept=kept))
    return out[0]


# The pupil fields a file may leave out; an existing pupil then keeps what it has (a file of the
# required columns only must not enrol again a pupil who left, nor wipe an OT number or a gezin).
OPTIONAL_KEPT = {"tussenvoegsel": "prefix", "uitschrijfdatum": "enrolled_until", "ot_nummer": "ot_number",
                 "gezin": "family"}


def write_pupils(session: Session, rows: Sequence[PupilIn], *, kept: Sequence[str] = ()) -> Change:
    """Add or update pupils by leerlingnummer; `kept`: the attributes (of OPTIONAL_KEPT) an existing pupil
    keeps because the file has no column for them."""
    groups = {g.name: g for g in session.scalars(select(Group))}
    existing = {p.number: p for p in session.scalars(select(Pupil))}
    added = updated = unchanged = 0
    for r in rows:
        group = groups.get(r.group)
        if group is None:
            group = groups[r.group] = Group(name=r.group, jaargroep=_jaargroep(r.group))
            session.add(group)
            session.flush()
        pupil = existing.get(r.number)
        birth = r.birth_date or (pupil.birth_date if pupil else None)  # empty never erases a known one
        values = {"first_name": r.first_name, "prefix": r.prefix, "last_name": r.last_name,
                  "birth_date": birth, "group_id": group.id, "enrolled_from": r.enrolled_from,
                  "enrolled_until": r.enrolled_until, "ot_number": r.ot_number, "family": r.family}
        if pupil is not None:
            values.update({attr: getattr(pupil, attr) for attr in kept})
            left = pupil.enrolled_until
            if "enrolled_until" in kept and left is not None and left < r.enrolled_from:
                values["enrolled_until"] = None  # enrolled again after leaving: the old leave date is no more
        if pupil is None:
            pupil = Pupil(number=r.number, **values)
            session.add(pupil)
            added += 1
            if r.exemption is not None:
                session.flush()
                _add_exemption(session, pupil.id, r.exemption)
        elif any(getattr(pupil, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(pupil, k, v)
            pupil.possibly_left = False
            if r.exemption is not None:
                _add_exemption(session, pupil.id, r.exemption)
            updated += 1
        elif r.exemption is not None and _add_exemption(session, pupil.id, r.exemption):
            updated += 1
        else:
            unchanged += 1
    return Change(added, updated, unchanged)


def _add_exemption(session: Session, pupil_id: int, e: Exemption) -> bool:
    """Record a vrijstelling from the pupils file; one with the same start and article is updated."""
    row = session.scalar(select(ExemptionRow).where(
        ExemptionRow.pupil_id == pupil_id, ExemptionRow.start == e.start, ExemptionRow.article == e.article))
    if row is None:
        session.add(ExemptionRow(pupil_id=pupil_id, start=e.start, end=e.end, article=e.article, note=e.note))
        return True
    if row.end != e.end:
        row.end = e.end
        return True
    return False


def _jaargroep(name: str) -> str:
    digits = "".join(ch if ch.isdigit() else " " for ch in name).split()
    return digits[-1] if digits else ""


def known_pupils(session: Session) -> dict[str, tuple[int, PupilKnown]]:
    """Every pupil by leerlingnummer: its id and what the absence and event checks need to know."""
    q = select(Pupil.number, Pupil.id, Group.name, Pupil.enrolled_from, Pupil.enrolled_until).join(Group)
    session.flush()  # what the session holds counts (the Core query below does not flush by itself)
    rows = session.connection().execute(q).all()  # at once: row by row was a third of the time
    return {n: (pid, PupilKnown(g, f, u)) for n, pid, g, f, u in rows}


def import_absences(db: Database, data: bytes, *, source: str = "verzuim", by: Actor,
                    dry_run: bool = False, replace: bool = False) -> Change:
    """Add or update the absences of a CSV file, all or nothing. A line over a stored record of the pupil's
    day with another span refuses the file, or (`replace`) replaces that record: a LAS export that a
    school corrected there is the newer truth (counted as updated)."""
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    with gc_paused():
        return _import_absences(db, data, source=source, user=user, dry_run=dry_run, replace=replace)


def _import_absences(db: Database, data: bytes, *, source: str, user: str, dry_run: bool, replace: bool) -> Change:
    table = read_csv(data, source, required=ABSENCE_REQUIRED, optional=set(ABSENCE_COLUMNS))
    with unit_of_work(db, dry_run=dry_run, user=user, entity="absence", source=source) as (session, out):
        lock_for_writing(session)  # the same file twice at once: the second waits, then finds every row there
        known = known_pupils(session)
        codes, calendar = load_codes(session), load_calendar(session)
        pupils = {n: k for n, (_, k) in known.items()}
        pupil_ids = {n: pid for n, (pid, _) in known.items()}
        clashes: list[tuple[Problem, int]] = []
        lessons = lessons_of(pupils, calendar)

        def over_stored(lines: list[int], rows: list[AbsenceIn]) -> list[Problem]:
            clashes[:] = overlapping_records(session, lines, rows, pupil_ids, codes, lessons)
            return [] if replace else list(dict.fromkeys(p for p, _ in clashes))

        rows = check_absences(table, source, pupils=pupils, codes=codes, calendar=calendar, also=over_stored)
        gone = sorted({aid for _, aid in clashes})
        if gone:
            session.execute(delete(Absence).where(Absence.id.in_(gone)))
        done = write_absences(session, rows, pupil_ids, user=user)
        moved = min(len(gone), done.added)  # a replaced record is updated, not one more
        notes = outside_lestijd(table.lines, rows, codes, lessons)  # every line is a row now
        out.append(Change(done.added - moved, done.updated + moved, done.unchanged, notes))
    return out[0]


def outside_lestijd(lines: Sequence[int], rows: Sequence[AbsenceIn], codes: Mapping[str, Category],
                    lessons: Lessons) -> tuple[str, ...]:
    """Lines whose span holds no lesson minute of the pupil's group that day (over the lunch, a free afternoon):
    kept, as a LAS export must get through, and counted to the letter of the protocol as a record (HW-ONG), but
    with no hours; said, so the IB-er can correct a time typed wrong."""
    counting = minute_codes(codes)
    found = [f"regel {line}: {r.number} op {format_date(r.day)} {r.start:%H:%M}–{r.end:%H:%M} valt buiten de "
             "lestijd van de groep: telt als registratie, niet als uren"
             for line, r in compress(zip(lines, rows, strict=True), map(itemgetter(2), rows))  # a van: a span
             if r.start is not None and r.end is not None and r.code.upper() in counting
             and not spans_overlap((r.start, r.end), (None, None), lessons(r.number, r.day))]
    if len(found) > 10:
        found = [*found[:10], f"en nog {len(found) - 10} regel(s) zo"]
    return tuple(found)


def overlapping_records(session: Session, lines: Sequence[int], rows: Sequence[AbsenceIn], pupil_ids: dict[str, int],
                        codes: Mapping[str, Category], lessons: Lessons) -> list[tuple[Problem, int]]:
    """Lines whose span overlaps a record the pupil has that day with another span (with that record's id):
    added beside it, the time would count twice. The app's import (import_preview) asks whether to replace
    such a record; the command line refuses the file and says which records stand in the way, or, with
    `--vervang`, replaces them."""
    counting = minute_codes(codes)
    keys = list(zip(map(pupil_ids.__getitem__, map(itemgetter(0), rows)), map(itemgetter(1), rows)))  # noqa: B905
    wanted = set(compress(keys, map(counting.__contains__, map(str.upper, map(itemgetter(4), rows)))))
    if not wanted:
        return []
    days = [d for _, d in wanted]
    q = (select(Absence.pupil_id, Absence.day, Absence.start, Absence.end, AbsenceCodeRow.code, Absence.id)
         .join(AbsenceCodeRow)
         .where(Absence.day.between(min(days), max(days)),
                AbsenceCodeRow.category.not_in([Category.LATE.value, Category.PRESENT_ELSEWHERE.value])))
    pids = {pid for pid, _ in wanted}
    if len(pids) <= 100:
        q = q.where(Absence.pupil_id.in_(sorted(pids)))
    stored: dict[tuple[int, date], list[tuple[time | None, time | None, str, int]]] = {}
    for pid, day, start, end, code, aid in session.execute(q):
        if (pid, day) in wanted:
            stored.setdefault((pid, day), []).append((start, end, code, aid))
    problems: list[tuple[Problem, int]] = []
    if not stored:  # nothing registered on the file's days: nothing to overlap (a new school year)
        return problems
    for line, r, key in compress(zip(lines, rows, keys, strict=True), map(stored.__contains__, keys)):
        there = stored[key]
        if r.code.upper() not in counting:
            continue
        if any((s, e) == (r.start, r.end) for s, e, _, _ in there):
            continue  # the same record: updated or left as it is
        day_lessons = lessons(r.number, r.day)
        for s, e, c, aid in there:
            if spans_overlap((s, e), (r.start, r.end), day_lessons):
                when = f"{s:%H:%M}–{e:%H:%M}" if s is not None and e is not None else "de hele dag"
                problems.append((Problem(line, "van", f"overlapt de registratie {c} ({when}) die de leerling die dag "
                                         "al heeft: de tijd zou twee keer tellen; importeer opnieuw met --vervang om "
                                         "die te vervangen, of pas hem aan in VerzuimDesk"), aid))
    return problems


def write_absences(session: Session, rows: Sequence[AbsenceIn], pupil_ids: dict[str, int], *,
                   user: str = "") -> Change:
    """Update or insert, matched on pupil, day and time span (the unique index uq_absence_span).

    A record of the same span with another code or minutes late is updated, never duplicated, so a
    repeated import of an overlapping period brings the records in line with the newer file. New rows
    go through `insert_absences`, so a span another writer registered meanwhile is not inserted twice.
    """
    code_ids = dict(session.execute(select(AbsenceCodeRow.code, AbsenceCodeRow.id)).all())
    pupil_of = list(map(pupil_ids.__getitem__, map(itemgetter(0), rows)))
    pids = set(pupil_of)
    existing: dict[tuple[object, ...], tuple[int, tuple[int, int | None, str]]] = {}
    if pids:
        days = set(map(itemgetter(1), rows))  # only a record of the file's days can be one of its spans
        q = (select(Absence.id, Absence.pupil_id, Absence.day, Absence.start, Absence.end, Absence.code_id,
                    Absence.minutes_late, Absence.note).where(Absence.day.between(min(days), max(days))))
        if len(pids) <= 100:  # a few pupils: their rows by the index; many: the period's rows, sifted here
            q = q.where(Absence.pupil_id.in_(pids))
        for aid, pid, day, start, end, cid, mins, text in session.execute(q):
            if pid in pids:
                existing[(pid, day, start, end)] = (aid, (cid, mins, text or ""))
    now = datetime.now().replace(microsecond=0)
    _, day_of, start_of, end_of, code_of, late_of, reported_of, note_of = zip(*rows) if rows else ((),) * 8  # noqa: B905
    keys = list(zip(pupil_of, day_of, start_of, end_of))  # noqa: B905 (columns of the rows)
    if existing.keys().isdisjoint(keys) and len(set(keys)) == len(keys):  # every line a new span: most imports
        added = insert_absences(session, NEW_ABSENCE, list(zip(
            pupil_of, day_of, start_of, end_of, map(code_ids.__getitem__, code_of), late_of, reported_of,
            repeat(""), note_of, repeat(now), repeat(user))))
        return Change(added=added, unchanged=len(rows) - added)
    new: dict[tuple[object, ...], tuple[object, ...]] = {}  # in NEW_ABSENCE order
    changes: list[dict[str, object]] = []  # in the file's order: a span named twice is updated twice
    updated = 0
    for pid, (_, day, start, end, code_text, late, reported, note) in zip(pupil_of, rows, strict=True):
        key = (pid, day, start, end)
        code = code_ids[code_text]
        if key in new:  # the file names this span twice: the later line wins (the first's gemeld_op stays)
            new[key] = (*key, code, late, new[key][6], "", note, now, user)
            continue
        if key in existing:
            aid, (code_id, was_late, was_note) = existing[key]
            # an empty note in the file does not wipe the note the school wrote
            if (code_id, was_late) != (code, late) or (note and note != was_note):
                kept = note or was_note
                changes.append({"aid": aid, "code": code, "late": late, "kept": kept})
                existing[key] = (aid, (code, late, kept))
                updated += 1
            continue
        new[key] = (pid, day, start, end, code, late, reported, "", note, now, user)
    if changes:
        table = cast(Table, Absence.__table__)  # Core: one executemany, not the ORM's bulk update
        session.connection().execute(update(table).where(table.c.id == bindparam("aid")).values(
            code_id=bindparam("code"), minutes_late=bindparam("late"), note=bindparam("kept"),
            version=table.c.version + 1), changes)
    added = insert_absences(session, NEW_ABSENCE, list(new.values()))
    return Change(added=added, updated=updated, unchanged=len(rows) - added - updated)


NEW_ABSENCE = ("pupil_id", "day", "start", "end", "code_id", "minutes_late", "reported_at", "reported_by", "note",
               "created_at", "created_by")


def import_events(db: Database, data: bytes, *, source: str = "gebeurtenissen", by: Actor,
                  dry_run: bool = False) -> Change:
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    table = read_csv(data, source, required=EVENT_REQUIRED, optional=set(EVENT_COLUMNS))
    with unit_of_work(db, dry_run=dry_run, user=user, entity="event", source=source) as (session, out):
        known = known_pupils(session)
        rows = check_events(table, source, pupils=known.keys())
        out.append(write_events(session, rows, {n: pid for n, (pid, _) in known.items()}, user=user))
    return out[0]


# The events file has no column for DUO's number: a duo_report names it in its omschrijving
# ("… meldingsnummer 2026-44333"), and it becomes the report's kenmerk, as the Meldingen tab asks it.
_DUO_NUMBER = re.compile(r"\bmeldingsnummer[:\s]+([0-9A-Za-z][0-9A-Za-z/-]*[0-9A-Za-z])", re.IGNORECASE)


def _reference(r: EventIn) -> str:
    found = _DUO_NUMBER.search(r.note) if r.kind is ActionKind.DUO_REPORT else None
    return found.group(1) if found else ""


def write_events(session: Session, rows: Sequence[EventIn], pupil_ids: dict[str, int], *,
                 user: str = "") -> Change:
    existing: set[tuple[object, ...]] = set(
        tuple(r) for r in session.execute(select(EventRow.pupil_id, EventRow.day, EventRow.kind, EventRow.note)))
    now = datetime.now().replace(microsecond=0)
    new = []
    for r in rows:
        key = (pupil_ids[r.number], r.day, r.kind.value, r.note)
        if key in existing:
            continue
        existing.add(key)
        new.append({"pupil_id": key[0], "day": r.day, "kind": r.kind.value, "reference": _reference(r), "note": r.note,
                    "created_at": now, "created_by": user})
    if new:
        session.execute(insert(EventRow), new)
        if any(e["kind"] == ActionKind.DUO_REPORT.value for e in new):  # their sheets, for the reprint
            keys = {(e["pupil_id"], e["day"], e["kind"], e["note"]) for e in new}
            keep(session, [eid for eid, *key in session.execute(
                select(EventRow.id, EventRow.pupil_id, EventRow.day, EventRow.kind, EventRow.note)
                .where(EventRow.kind == ActionKind.DUO_REPORT.value)) if tuple(key) in keys])
    return Change(added=len(new), unchanged=len(rows) - len(new))
