"""Importing pupils or absences from a spreadsheet of the school's LAS: first a dry run, then all or nothing.

`preview_import` reads the file, maps its columns (given, saved from last time, or guessed from the
headers), and says what the import would add, change, leave alone and refuse, line by line, without
writing. `run_import` does it: the mapped rows go through the same checks as the CSV import
(`importers.rows`) and the same writers (`services.imports`), in one transaction, and the mapping is
saved for next time. Both share one plan, so the dry run's counts are the import's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from verzuimdesk.domain.dutch import format_date, full_name
from verzuimdesk.importers.csvfile import CsvTable
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.rows import (
    AbsenceIn,
    PupilIn,
    check_absences,
    check_pupils,
    lessons_of,
    minute_codes,
    spans_overlap,
)
from verzuimdesk.importers.spreadsheet import (
    DateFormat,
    Sheet,
    guess_mapping,
    mapped_table,
    normalise,
    read_sheet,
)
from verzuimdesk.services.gc_pause import gc_paused
from verzuimdesk.services.import_mapping import (
    date_format,
    effective_mapping,
    in_sheet_terms,
    mapping_problems,
    save_mapping,
)
from verzuimdesk.services.import_presets import (
    apply_codes,
    code_table,
    code_values,
    recognise,
    remember_codes,
)
from verzuimdesk.services.imports import OPTIONAL_KEPT, known_pupils, write_absences, write_pupils
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.services.results import Change
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.loading import load_calendar, load_codes
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, Group, Pupil

KINDS = ("pupils", "absences")
PREVIEW_ROWS = 10
CHUNK = 200  # rows written between two progress reports
Progress = Callable[[int, int], None]

_PUPIL_FIELDS = (("voornaam", "first_name"), ("tussenvoegsel", "prefix"), ("achternaam", "last_name"),
                 ("geboortedatum", "birth_date"), ("groep", "group"), ("inschrijfdatum", "enrolled_from"),
                 ("uitschrijfdatum", "enrolled_until"), ("ot_nummer", "ot_number"), ("gezin", "family"))


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str  # the field's Dutch name, as in the CSV format: "groep"
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class PlannedRow:
    line: int
    number: str  # leerlingnummer
    text: str  # "Zoë van der Berg, groep 5" or "ma 3 nov 2025: Z, hele dag"
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True, slots=True)
class Overlap:
    """An imported absence on a pupil's day that already has other records."""

    line: int
    number: str
    day: date
    existing: str  # "Z, hele dag"
    incoming: str


@dataclass(frozen=True)
class ImportPreview:
    kind: str
    filename: str
    columns: tuple[str, ...]
    first_rows: tuple[tuple[str, ...], ...]
    mapping: dict[str, str]  # column header → field ("" = not used)
    guessed: dict[str, str]  # what the headers alone suggest
    date_format: str | None  # "DD-MM-JJJJ"
    rows: int
    to_add: tuple[PlannedRow, ...] = ()
    to_change: tuple[PlannedRow, ...] = ()
    unchanged: int = 0
    refused: tuple[Problem, ...] = ()
    overlapping: tuple[Overlap, ...] = field(default=())
    preset: str = ""  # the mapping preset recognised or chosen ("ParnasSys – absentieoverzicht")
    codes: dict[str, str] = field(default_factory=dict)  # the LAS's value → the school's code, as used
    code_values: tuple[str, ...] = ()  # values of the code column that are no code of the school

    @property
    def can_import(self) -> bool:
        return not self.refused and self.rows > 0


@dataclass
class _Plan:
    add: list[tuple[int, Any]] = field(default_factory=list)
    change: list[tuple[int, Any, tuple[FieldChange, ...]]] = field(default_factory=list)
    unchanged: list[Any] = field(default_factory=list)
    overlap: list[tuple[int, AbsenceIn, str]] = field(default_factory=list)
    replaced: set[tuple[Any, ...]] = field(default_factory=set)  # (pupil, day, start, end) of stored records
    pupil_ids: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


def preview_import(db: Database, *, kind: str, data: bytes, filename: str,
                   mapping: Mapping[str, str] | None = None, preset: str | None = None,
                   codes: Mapping[str, str] | None = None) -> ImportPreview:
    """What `run_import` would do with this file, mapping, preset and code table; writes nothing."""
    _check_kind(kind, filename)
    sheet = read_sheet(data, filename)
    with gc_paused(), db.read() as session:  # a file's rows make many objects without cycles (gc_pause.py)
        chosen = recognise(session, sheet.header, preset) if kind == "absences" else None
        used = effective_mapping(session, sheet, kind, mapping, chosen)
        fmt = date_format(sheet, used)
        table = code_table(session, chosen, codes)
        values = code_values(mapped_table(sheet, used, fmt), session) if "code" in used.values() else ()
        base = ImportPreview(kind, filename, sheet.header, tuple(cells for _, cells in sheet.rows[:PREVIEW_ROWS]),
                             used, guess_mapping(sheet.header, kind), fmt.label if fmt else None, len(sheet.rows),
                             preset=chosen.name if chosen else "", code_values=values,
                             codes={v: table[normalise(v)] for v in values if normalise(v) in table})
        try:
            plan = _plan(session, kind, sheet, used, fmt, filename, table)
        except InputRefused as exc:
            return replace(base, refused=tuple(exc.problems))
    return replace(
        base,
        to_add=tuple(PlannedRow(line, _number(r), _describe(r, plan)) for line, r in plan.add),
        to_change=tuple(PlannedRow(line, _number(r), _describe(r, plan), ch) for line, r, ch in plan.change),
        unchanged=len(plan.unchanged),
        overlapping=tuple(Overlap(line, r.number, r.day, existing, _absence_text(r))
                          for line, r, existing in plan.overlap),
    )


def run_import(db: Database, *, kind: str, data: bytes, filename: str, mapping: Mapping[str, str] | None,
               replace_overlapping: bool = False, by: Actor, progress: Progress | None = None,
               preset: str | None = None, codes: Mapping[str, str] | None = None) -> Change:
    """Import the mapped file, all or nothing; overlapping absences are replaced only when asked."""
    require(by, Permission.SETTINGS)
    user = audit_name(by)
    _check_kind(kind, filename)
    sheet = read_sheet(data, filename)
    with gc_paused(), db.begin() as session:  # a file's rows make many objects without cycles (gc_pause.py)
        chosen = recognise(session, sheet.header, preset) if kind == "absences" else None
        used = effective_mapping(session, sheet, kind, mapping, chosen)
        plan = _plan(session, kind, sheet, used, date_format(sheet, used), filename,
                     code_table(session, chosen, codes))
        remember_codes(session, codes or {})
        if kind == "pupils":
            change = _write_chunks(session, kind, [r for _, r in plan.add] + [r for _, r, _ in plan.change],
                                   plan, user, progress)
            change = Change(change.added, change.updated, change.unchanged + len(plan.unchanged))
        else:
            rows = [r for _, r in plan.add] + [r for _, r, _ in plan.change]
            overlapping = [r for _, r, _ in plan.overlap]
            if replace_overlapping and overlapping:
                _delete_replaced(session, plan)
            written = _write_chunks(session, kind, rows + (overlapping if replace_overlapping else []), plan, user,
                                    progress)
            replaced = len(overlapping) if replace_overlapping else 0
            change = Change(written.added - replaced, written.updated + replaced,
                            len(plan.unchanged) + written.unchanged + len(overlapping) - replaced)
        save_mapping(session, kind, used)
        audit.append(session, user=user, action="import", entity="pupil" if kind == "pupils" else "absence",
                     detail={"bestand": filename, "resultaat": change.summary(), "koppeling": used,
                             "bestaande vervangen": replace_overlapping})
    return change


def _check_kind(kind: str, filename: str) -> None:
    if kind not in KINDS:
        reason = f"onbekende soort import '{kind}' (kies uit {', '.join(KINDS)})"
        raise InputRefused(filename, [Problem(None, "", reason)])


def _plan(session: Session, kind: str, sheet: Sheet, mapping: dict[str, str], fmt: DateFormat | None,
          source: str, codes: Mapping[str, str] | None = None) -> _Plan:
    problems = mapping_problems(kind, mapping)
    if problems:
        raise InputRefused(source, problems)
    table = mapped_table(sheet, mapping, fmt)
    headers = {f: c for c, f in mapping.items() if f}
    try:
        if kind == "pupils":
            return _plan_pupils(session, table, source, set(headers))
        return _plan_absences(session, _codes_from_labels(session, apply_codes(session, table, codes or {})), source)
    except InputRefused as exc:
        raise InputRefused(source, [in_sheet_terms(p, headers) for p in exc.problems]) from None


def _plan_pupils(session: Session, table: CsvTable, source: str, mapped: set[str]) -> _Plan:
    rows = check_pupils(table, source)
    lines = [line for line, _ in table.rows]
    existing = {p.number: (p, g) for p, g in session.execute(select(Pupil, Group.name).join(Group))}
    plan = _Plan()
    for line, row in zip(lines, rows, strict=True):
        known = existing.get(row.number)
        if known is None:
            plan.add.append((line, row))
            continue
        pupil, group = known
        now: dict[str, Any] = {
            "prefix": pupil.prefix, "enrolled_until": pupil.enrolled_until, "ot_number": pupil.ot_number,
            "family": pupil.family, "first_name": pupil.first_name, "last_name": pupil.last_name,
            "birth_date": pupil.birth_date, "group": group, "enrolled_from": pupil.enrolled_from}
        row = replace(row, **{attr: now[attr] for col, attr in OPTIONAL_KEPT.items() if col not in mapped})
        if row.birth_date is None:  # an empty geboortedatum keeps the one already known
            row = replace(row, birth_date=pupil.birth_date)
        changes = tuple(FieldChange(col, _show(now[attr]), _show(getattr(row, attr)))
                        for col, attr in _PUPIL_FIELDS if now[attr] != getattr(row, attr))
        if changes:
            plan.change.append((line, row, changes))
        else:
            plan.unchanged.append(row)
    return plan


def _codes_from_labels(session: Session, table: CsvTable) -> CsvTable:
    """A LAS that writes the reason ("Ziek") instead of the code gets the code whose label it is."""
    by_label = {label.strip().lower(): code for code, label in session.execute(
        select(AbsenceCodeRow.code, AbsenceCodeRow.label))}
    codes = set(by_label.values())
    rows = []
    for line, values in table.rows:
        text = values.get("code", "")
        if text.upper() not in codes and text.strip().lower() in by_label:
            values = {**values, "code": by_label[text.strip().lower()]}
        rows.append((line, values))
    return CsvTable(table.header, tuple(rows))


def _plan_absences(session: Session, table: CsvTable, source: str) -> _Plan:
    known = known_pupils(session)
    codes, calendar, pupils = load_codes(session), load_calendar(session), {n: k for n, (_, k) in known.items()}
    lessons = lessons_of(pupils, calendar)
    rows = check_absences(table, source, pupils=pupils, codes=codes, calendar=calendar)
    plan = _Plan(pupil_ids={n: pid for n, (pid, _) in known.items()})
    plan.names = {n: full_name(f, v, a) for n, f, v, a in session.execute(
        select(Pupil.number, Pupil.first_name, Pupil.prefix, Pupil.last_name))}
    days = {(plan.pupil_ids[r.number], r.day) for r in rows}
    existing: dict[tuple[int, date], list[tuple[Any, ...]]] = {}
    if days:
        q = (select(Absence.pupil_id, Absence.day, Absence.start, Absence.end, AbsenceCodeRow.code,
                    Absence.minutes_late).join(AbsenceCodeRow)
             .where(Absence.pupil_id.in_(sorted({pid for pid, _ in days}))))
        for pid, day, start, end, code, late in session.execute(q):
            if (pid, day) in days:
                existing.setdefault((pid, day), []).append((start, end, code, late))
    counting = minute_codes(codes)
    planned: dict[tuple[Any, ...], tuple[list[Any], int]] = {}  # a span of the file: where it was planned
    incoming: dict[tuple[int, date], list[tuple[int, AbsenceIn]]] = {}
    for (line, _), row in zip(table.cells, rows, strict=True):
        incoming.setdefault((plan.pupil_ids[row.number], row.day), []).append((line, row))
    for pupil_day, items in incoming.items():
        stored = existing.get(pupil_day, [])
        spans = {(s, e): (c, late) for s, e, c, late in stored}
        for line, row in items:
            key = (*pupil_day, row.start, row.end)
            span = (row.start, row.end)
            if key in planned:  # the file names this span twice: the later line wins, as write_absences has it
                where, i = planned[key]
                where[i] = (line, row, *where[i][2:])
                plan.unchanged.append(row)
                continue
            if spans.get(span) == (row.code, row.minutes_late):
                plan.unchanged.append(row)  # the same record: write_absences leaves it as it is
                continue
            if span in spans:  # the same pupil, day and span: the newer file's code is taken over
                old_code, old_late = spans[span]
                changes = [FieldChange("code", old_code, row.code)] if old_code != row.code else []
                if old_late != row.minutes_late:
                    changes.append(FieldChange("minuten_te_laat", _show(old_late), _show(row.minutes_late)))
                plan.change.append((line, row, tuple(changes)))
                planned[key] = (plan.change, len(plan.change) - 1)
                continue
            # A record of the day it overlaps (its minutes would count twice); lateness and onderwijs elders
            # overlap nothing, and a record beside it (the afternoon of a morning) stays: the same rule as
            # the command line's (services/imports.py overlapping_records).
            day_lessons = lessons(row.number, row.day)
            clash = [(s, e, c, late) for s, e, c, late in stored if row.code.upper() in counting
                     and c in counting and spans_overlap((s, e), span, day_lessons)]
            if not clash:
                plan.add.append((line, row))
                planned[key] = (plan.add, len(plan.add) - 1)
                continue
            shown = "; ".join(_span_text(c, s, e, late) for s, e, c, late in clash)
            plan.overlap.append((line, row, shown))
            planned[key] = (plan.overlap, len(plan.overlap) - 1)
            plan.replaced.update((*pupil_day, s, e) for s, e, _, _ in clash)
    return plan


def _delete_replaced(session: Session, plan: _Plan) -> None:
    """Remove the records the file's overlapping lines replace: those they overlap, and no other record of
    their day (a review saw an afternoon O deleted for a late arrival the file added that morning)."""
    for pid, day in sorted({(pid, day) for pid, day, _, _ in plan.replaced}):
        for aid, start, end in session.execute(
                select(Absence.id, Absence.start, Absence.end)
                .where(Absence.pupil_id == pid, Absence.day == day)).all():
            if (pid, day, start, end) in plan.replaced:
                session.execute(delete(Absence).where(Absence.id == aid))


def _write_chunks(session: Session, kind: str, rows: Sequence[Any], plan: _Plan, user: str,
                  progress: Progress | None) -> Change:
    added = updated = unchanged = 0
    total = len(rows)
    if progress:
        progress(0, total)
    for start in range(0, total, CHUNK):
        chunk = rows[start:start + CHUNK]
        done = (write_pupils(session, chunk) if kind == "pupils"
                else write_absences(session, chunk, plan.pupil_ids, user=user))
        added, updated, unchanged = added + done.added, updated + done.updated, unchanged + done.unchanged
        if progress:
            progress(min(start + CHUNK, total), total)
    return Change(added, updated, unchanged)


def _number(row: PupilIn | AbsenceIn) -> str:
    return row.number


def _describe(row: PupilIn | AbsenceIn, plan: _Plan) -> str:
    if isinstance(row, PupilIn):
        name = full_name(row.first_name, row.prefix, row.last_name)
        return f"{name}, groep {row.group}"
    return f"{plan.names.get(row.number, row.number)}, {format_date(row.day)}: {_absence_text(row)}"


def _absence_text(row: AbsenceIn) -> str:
    return _span_text(row.code, row.start, row.end, row.minutes_late)


def _span_text(code: str, start: Any, end: Any, late: int | None) -> str:
    span = f"{start:%H:%M}-{end:%H:%M}" if start and end else "hele dag"
    return f"{code}, {span}" + (f", {late} min te laat" if late else "")


def _show(value: object) -> str:
    if value is None or value == "":
        return "(leeg)"
    return format_date(value, weekday=False) if isinstance(value, date) else str(value)
