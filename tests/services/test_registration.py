"""Registering by hand: the week grid, the same refusals as the CSV import, and edits that undo."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.actors import IB, ib
from tests.conftest import DATA
from verzuimdesk.domain.calendar import DayOff
from verzuimdesk.domain.codes import Category
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.imports import import_absences
from verzuimdesk.services.registration import apply_edit, clear_absence, record_absence, report_sick
from verzuimdesk.services.registration_grid import plan_code, week_grid
from verzuimdesk.services.status import school_status
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, AuditEntry, Pupil

MONDAY = date(2025, 11, 3)


@pytest.fixture
def db(plain_school: Database) -> Database:
    """The test school with its four pupils, no absences (tests/conftest.py)."""
    return plain_school


def pid(db: Database, number: str) -> int:
    with db.read() as s:
        return s.scalar(select(Pupil.id).where(Pupil.number == number))  # type: ignore[return-value]


def stored(db: Database) -> list[tuple[str, date, str, time | None, int | None]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(Pupil.number, Absence.day, AbsenceCodeRow.code, Absence.start, Absence.minutes_late)
            .join(Pupil).join(AbsenceCodeRow).order_by(Absence.day, Pupil.number))]


def test_week_grid_has_a_column_per_lesson_part_and_locks_the_studiedag(db: Database) -> None:
    grid = week_grid(db, group="5", monday=date(2025, 11, 12), by=IB)  # any day of the week: its Monday
    assert grid.monday == date(2025, 11, 10)
    parts = [(c.day.isoformat(), c.part) for c in grid.columns]
    # Wednesday has only a morning; Friday 14 Nov is a studiedag but keeps its two parts, locked.
    assert parts == [("2025-11-10", 0), ("2025-11-10", 1), ("2025-11-11", 0), ("2025-11-11", 1),
                     ("2025-11-12", 0), ("2025-11-13", 0), ("2025-11-13", 1), ("2025-11-14", 0), ("2025-11-14", 1)]
    assert [c.off for c in grid.columns][-2:] == [DayOff.STUDY_DAY, DayOff.STUDY_DAY]
    assert [r.number for r in grid.rows] == ["1001", "1003", "1004"]


def test_recorded_codes_appear_in_their_parts_and_the_light_follows(db: Database) -> None:
    zoe = pid(db, "1001")
    before = next(p for p in school_status(db, date(2025, 11, 4)).pupils if p.pupil_id == zoe)
    record_absence(db, pupil_id=zoe, day=MONDAY, code="o", start=time(13, 0), end=time(15, 0), by=ib('juf'))
    record_absence(db, pupil_id=zoe, day=date(2025, 11, 4), code="?", by=ib('juf'))
    grid = week_grid(db, group="5", monday=MONDAY, by=IB)
    row = grid.rows[0]
    assert [[r.spec.code for r in cell] for cell in row.cells[:4]] == [[], ["O"], ["?"], ["?"]]
    after = next(p for p in school_status(db, date(2025, 11, 4)).pupils if p.pupil_id == zoe)
    assert before.light.value == "green" and after.light.value != "green"
    with db.read() as s:
        assert s.scalars(select(AuditEntry.user)
                         .where(AuditEntry.entity == "absence")).all() == ["juf", "juf"]


@pytest.mark.parametrize(("day", "code", "minutes", "message"), [
    (date(2025, 10, 14), "Z", None, "2025-10-14 is geen schooldag voor groep 5: valt in een vakantie"),
    (date(2025, 11, 14), "Z", None, "is een studiedag"),
    (date(2025, 11, 8), "Z", None, "valt in het weekend"),
    (MONDAY, "T", None, "Minuten te laat is verplicht bij code T (te laat)"),
    (MONDAY, "Z", 5, "Minuten te laat hoort alleen bij te laat, niet bij code Z"),
    (MONDAY, "Q", None, "Onbekende code 'Q'"),
])
def test_the_grid_refuses_what_the_import_refuses_and_writes_nothing(
        db: Database, day: date, code: str, minutes: int | None, message: str) -> None:
    with pytest.raises(Refused, match=message.replace("(", r"\(").replace(")", r"\)")):
        record_absence(db, pupil_id=pid(db, "1001"), day=day, code=code, minutes_late=minutes, by=IB)
    assert stored(db) == []


def test_a_day_outside_the_enrolment_is_refused(db: Database) -> None:
    with pytest.raises(Refused, match="staat op 2026-02-02 niet ingeschreven"):
        record_absence(db, pupil_id=pid(db, "1004"), day=date(2026, 2, 2), code="Z", by=IB)


def test_an_overlapping_record_is_refused_with_what_is_there(db: Database) -> None:
    zoe = pid(db, "1001")
    record_absence(db, pupil_id=zoe, day=MONDAY, code="Z", by=IB)
    with pytest.raises(Refused, match="staat al Z \\(de hele dag\\)"):
        record_absence(db, pupil_id=zoe, day=MONDAY, code="O", start=time(8, 30), end=time(12, 0), by=IB)
    assert [r[2] for r in stored(db)] == ["Z"]


def test_clear_then_bring_back_restores_the_record(db: Database) -> None:
    rid = record_absence(db, pupil_id=pid(db, "1003"), day=MONDAY, code="T", minutes_late=12,
                         reported_at=datetime(2025, 11, 3, 8, 40), note="bus te laat", by=IB)
    spec = clear_absence(db, record_id=rid, by=ib('juf'))
    assert stored(db) == []
    apply_edit(db, add=[spec], by=IB)
    assert stored(db) == [("1003", MONDAY, "T", None, 12)]


def test_typing_a_code_over_a_whole_day_unknown_reclassifies_it_keeping_the_report(db: Database) -> None:
    zoe = pid(db, "1001")
    record_absence(db, pupil_id=zoe, day=MONDAY, code="?", reported_at=datetime(2025, 11, 3, 9, 5), by=IB)
    grid = week_grid(db, group="5", monday=MONDAY, by=IB)
    remove, add = plan_code(grid, [(0, 1)], "Z", Category.SICK)  # the afternoon of a whole-day ?
    result = apply_edit(db, remove=remove, add=add, by=IB)
    assert stored(db) == [("1001", MONDAY, "Z", None, None)]
    assert result.removed[0].code == "?"
    with db.read() as s:
        assert s.scalar(select(Absence.reported_at)) == datetime(2025, 11, 3, 9, 5)


def test_a_selection_of_both_parts_gives_one_whole_day_record(db: Database) -> None:
    grid = week_grid(db, group="5", monday=MONDAY, by=IB)
    remove, add = plan_code(grid, [(0, 0), (0, 1), (1, 0)], "O", Category.UNAUTHORISED)
    apply_edit(db, remove=remove, add=add, by=IB)
    assert stored(db) == [("1001", MONDAY, "O", None, None), ("1003", MONDAY, "O", time(8, 30), None)]


def test_locked_cells_in_a_selection_are_skipped(db: Database) -> None:
    grid = week_grid(db, group="5", monday=date(2025, 11, 10), by=IB)
    remove, add = plan_code(grid, [(0, 7), (0, 8)], "Z", Category.SICK)  # the studiedag
    assert (remove, add) == ([], [])


def test_sick_report_keeps_its_time_and_replaces_a_question_mark(db: Database) -> None:
    zoe = pid(db, "1001")
    record_absence(db, pupil_id=zoe, day=MONDAY, code="?", start=time(8, 30), end=time(12, 0), by=IB)
    report_sick(db, pupil_id=zoe, day=MONDAY, reported_at=datetime(2025, 11, 3, 9, 47), reported_by="vader",
                expected_return=date(2025, 11, 5), by=IB)
    with db.read() as s:
        a = s.scalars(select(Absence)).one()
        assert (a.start, a.reported_at, a.reported_by) == (None, datetime(2025, 11, 3, 9, 47), "vader")
        assert a.note == "Verwacht terug: wo 5 nov 2025"


def test_the_csv_import_and_the_grid_agree(db: Database, tmp_path: Path) -> None:
    import_absences(db, (DATA / "absences.csv").read_bytes(), by=IB)
    grid = week_grid(db, group="5", monday=MONDAY, by=IB)
    sem = next(r for r in grid.rows if r.number == "1003")
    # 10:00-11:30 is in the morning; late without a time shows in the first part only
    assert [[r.spec.code for r in cell] for cell in sem.cells] == [[], [], [], [], ["M"], ["T"], [], [], []]


@pytest.mark.parametrize(("day", "code", "start", "end", "minutes"), [
    (date(2025, 11, 8), "Z", None, None, None),
    (MONDAY, "T", None, None, None),
    (MONDAY, "Z", time(10, 0), time(9, 0), None),
    (MONDAY, "Z", time(10, 0), None, None),
])
def test_a_typed_entry_and_the_same_csv_line_are_refused_in_the_same_words(
        db: Database, day: date, code: str, start: time | None, end: time | None, minutes: int | None) -> None:
    """One domain rule for both (domain/absence_checks.py): the grid's sentence is the file's reason."""
    from verzuimdesk.services.errors import InputRefused

    line = (f"1001,{day.isoformat()},{start:%H:%M}" if start else f"1001,{day.isoformat()},") + (
        f",{end:%H:%M}" if end else ",") + f",{code},{'' if minutes is None else minutes},,"
    with pytest.raises(InputRefused) as from_file:
        import_absences(db, b"leerlingnummer,datum,van,tot,code,minuten_te_laat,gemeld_op,opmerking\n"
                        + line.encode() + b"\n", by=IB)
    with pytest.raises(Refused) as typed:
        record_absence(db, pupil_id=pid(db, "1001"), day=day, code=code, start=start, end=end, minutes_late=minutes, by=IB)
    reasons = [p.reason for p in from_file.value.problems]
    assert len(reasons) == 1 and reasons[0].split(" ", 1)[-1] in str(typed.value)
    assert stored(db) == []
