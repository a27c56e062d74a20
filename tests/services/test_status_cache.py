"""The status cache never answers stale: after any write, by any path, the school's status read through
the cache is exactly what the engine computes from scratch, and only the pupils a write touched are
evaluated again."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from tests.actors import IB
from tests.conftest import DEMO_TODAY, PATIENCE_MS
from verzuimdesk.domain.engine import Light
from verzuimdesk.importers.protocol_files import protocols_dir
from verzuimdesk.services import status_codec
from verzuimdesk.services.accounts import SCHOOL_WIDE
from verzuimdesk.services.overview import desk_overview
from verzuimdesk.services.status import SchoolStatus, protocol_and_fingerprint, school_status
from verzuimdesk.storage import status_cache
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import (
    Absence,
    AbsenceCodeRow,
    CalendarDay,
    CareCase,
    Conversation,
    EventRow,
    ExemptionRow,
    Group,
    PlanLink,
    Pupil,
    School,
    TimetableSpan,
    Vacation,
)

TODAY = DEMO_TODAY
WESSEL = 112  # 1112: absent with reason unknown, actions open
NOW = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def db(demo: Database) -> Database:
    """A copy of the shared demo school (tests/conftest.py), opened."""
    return demo


def fresh(db: Database, day: date = TODAY) -> SchoolStatus:
    return school_status(db, day, use_cache=False)


def cached_rows(db: Database) -> int:
    with db.read() as s:
        return int(s.execute(text("SELECT count(*) FROM status_cache")).scalar_one())


def green_pupil(db: Database) -> int:
    """A pupil who is green today and has no record today."""
    with db.read() as s:
        busy = set(s.scalars(select(Absence.pupil_id).where(Absence.day == TODAY)))
    return next(p.pupil_id for p in fresh(db).pupils if p.light is Light.GREEN and p.pupil_id not in busy)


def code_id(s: Session, code: str) -> int:
    return s.scalars(select(AbsenceCodeRow.id).where(AbsenceCodeRow.code == code)).one()


def test_read_back_it_is_what_the_engine_computed_on_every_peildatum(db: Database) -> None:
    for day in (TODAY, date(2026, 10, 1), date(2026, 9, 15), TODAY - timedelta(days=1)):
        first = school_status(db, day)
        assert first.computed == 200  # nothing cached yet for this day: every pupil evaluated
        again = school_status(db, day)
        assert again.computed == 0  # all read back
        assert again.pupils == first.pupils == fresh(db, day).pupils
    lights = {p.light for p in school_status(db, TODAY).pupils}
    assert {Light.RED, Light.ORANGE, Light.GREEN} <= lights  # the comparison covered rules and actions


def test_the_desk_figures_come_back_with_the_light(db: Database) -> None:
    cold = desk_overview(db, peildatum=TODAY, account=SCHOOL_WIDE)
    warm = desk_overview(db, peildatum=TODAY, account=SCHOOL_WIDE)
    assert warm == cold
    assert any(r.unauthorised_hours for r in warm.rows) and any(r.sick_episodes for r in warm.rows)


def _absence(pupil: int, code: str) -> Callable[[Session], None]:
    def write(s: Session) -> None:  # one whole-day record per pupil and day (the schema says so)
        s.execute(delete(Absence).where(Absence.pupil_id == pupil, Absence.day == TODAY))
        s.add(Absence(pupil_id=pupil, day=TODAY, code_id=code_id(s, code), created_at=NOW))
    return write


def _delete_absences(s: Session) -> None:
    s.execute(delete(Absence).where(Absence.pupil_id == WESSEL))


def _recode_absences(s: Session) -> None:
    s.execute(update(Absence).where(Absence.pupil_id == WESSEL).values(code_id=code_id(s, "Z")))


def _event(s: Session) -> None:
    s.add(EventRow(pupil_id=WESSEL, day=TODAY, kind="talk_pupil", created_at=NOW))


def _conversation(s: Session) -> None:
    s.add(Conversation(pupil_id=WESSEL, kind="parents_phone", held_at=NOW, summary="Gebeld.", updated_at=NOW))


def _plan(s: Session) -> None:
    s.add(PlanLink(pupil_id=WESSEL, kind="IHP", location="ihp.pdf", start=TODAY))


def _case(s: Session) -> None:
    s.add(CareCase(pupil_id=WESSEL, category="A", start=TODAY - timedelta(days=70)))


def _unenrol(s: Session) -> None:
    s.execute(update(Pupil).where(Pupil.id == WESSEL).values(enrolled_until=TODAY - timedelta(days=1)))


def _exemption(s: Session) -> None:
    # 1015 owes a DUO report for 16 hours; a vrijstelling makes the pupil not leerplichtig (§1b)
    s.add(ExemptionRow(pupil_id=15, start=TODAY - timedelta(days=60), end=None, article="5a"))


def _code_luxe(s: Session) -> None:
    s.execute(update(AbsenceCodeRow).where(AbsenceCodeRow.code == "O").values(luxe=True))


def _studiedag(s: Session) -> None:
    # every schooldag of the last three weeks a studiedag: every absence in them stops counting
    for n in range(1, 22):
        day = TODAY - timedelta(days=n)
        if day.weekday() < 5 and s.scalar(select(CalendarDay.id).where(CalendarDay.day == day)) is None:
            s.add(CalendarDay(day=day, kind="studiedag"))


def _vacation(s: Session) -> None:
    s.add(Vacation(name="Extra", start=TODAY - timedelta(days=21), end=TODAY - timedelta(days=1)))


def _code_category(s: Session) -> None:
    s.execute(update(AbsenceCodeRow).where(AbsenceCodeRow.code.in_(["O", "?"])).values(category="authorised"))


def _timetable(s: Session) -> None:
    s.execute(delete(TimetableSpan).where(TimetableSpan.weekday == 0))  # no lessons on Mondays


def _protocol(s: Session) -> None:
    from verzuimdesk.services.protocol_store import load_file

    other = load_file("haaglanden-po")  # as set_protocol keeps it: the text the engine reads
    s.execute(update(School).values(protocol=other.ref, protocol_text=other.text, protocol_sha256=other.sha256))


def _group(s: Session) -> None:
    s.execute(update(Group).where(Group.id == s.scalars(select(Pupil.group_id).where(Pupil.id == WESSEL)).one())
              .values(name="Vlinders"))


PUPIL_WRITES: dict[str, Callable[[Session], None]] = {
    "an unauthorised absence added for WESSEL": _absence(WESSEL, "O"),
    "absences deleted": _delete_absences,
    "absences given another code": _recode_absences,
    "an event registered": _event,
    "a conversation logged": _conversation,
    "a plan linked": _plan,
    "a care case opened": _case,
    "the pupil unenrolled": _unenrol,
    "a vrijstelling recorded": _exemption,
}
WRITES: dict[str, Callable[[Session], None]] = {
    **PUPIL_WRITES,
    "studiedagen added": _studiedag,
    "a vacation added": _vacation,
    "a code mapped to another category": _code_category,
    "a code marked as luxe": _code_luxe,
    "the timetable changed": _timetable,
    "the school's protocol changed": _protocol,
    "a group renamed": _group,
}


@pytest.mark.parametrize("write", list(WRITES), ids=list(WRITES))
def test_after_any_write_the_answer_is_the_engines_own(db: Database, write: str) -> None:
    before = school_status(db, TODAY)
    assert school_status(db, TODAY).computed == 0
    with db.begin() as s:
        WRITES[write](s)
    after = school_status(db, TODAY)
    assert after.pupils == fresh(db).pupils
    assert after.computed == (1 if write in PUPIL_WRITES else 200)
    if write != "a plan linked":  # Wessel has no support_plan action for a plan to fulfil
        assert after.pupils != before.pupils  # the write mattered, and the cache did not hide it


def test_a_write_to_one_pupil_evaluates_only_that_pupil_again(db: Database) -> None:
    pupil = green_pupil(db)
    school_status(db, TODAY)
    with db.begin() as s:
        _absence(pupil, "O")(s)
    after = school_status(db, TODAY)
    assert after.computed == 1
    (light,) = [p for p in after.pupils if p.pupil_id == pupil]
    assert light.light is Light.ORANGE  # an unauthorised record asks for a talk with the pupil


def test_a_status_computed_while_someone_wrote_is_not_kept(db: Database) -> None:
    _, fingerprint = protocol_and_fingerprint("hoeksche-waard-po")
    with db.read() as s:
        read_at = status_cache.generation(s)
    stale = fresh(db).pupils[0]
    with db.begin() as s:  # lands between the engine's read and its store
        _absence(stale.pupil_id, "O")(s)
    payload = status_codec.encode(stale.status, stale.unauthorised_hours, stale.sick_episodes)
    assert status_cache.store(db, TODAY, fingerprint, read_at, {stale.pupil_id: payload}) is False
    assert cached_rows(db) == 0
    assert school_status(db, TODAY).pupils == fresh(db).pupils


def test_an_edited_protocol_file_counts_once_it_is_loaded_again(db: Database, tmp_path: Path) -> None:
    """The protocol is the database's: editing its file changes nothing until the file is loaded again
    (Instellingen, Protocol); then no status of the old protocol is answered from the cache."""
    from verzuimdesk.services.settings import set_protocol

    edited = tmp_path / "eigen.toml"
    shutil.copy(protocols_dir() / "hoeksche-waard-po.toml", edited)
    set_protocol(db, protocol=str(edited), by=IB)
    before = school_status(db, TODAY)
    assert school_status(db, TODAY).computed == 0
    # the IB-er edits the file: the unauthorised-record rule no longer asks for anything
    source = edited.read_text(encoding="utf-8")
    assert source.count('id = "HW-ONG"') == 1
    edited.write_text(source.replace('id = "HW-ONG"', 'id = "HW-ONG-EIGEN"'), encoding="utf-8")
    assert school_status(db, TODAY).computed == 0  # not loaded: the school's protocol is unchanged
    set_protocol(db, protocol=str(edited), by=IB)
    after = school_status(db, TODAY)
    assert after.computed == 200
    assert after.pupils == fresh(db).pupils
    assert any(r.rule_id == "HW-ONG-EIGEN" for p in after.pupils for r in p.status.rules)
    assert after.pupils != before.pupils


def test_only_a_few_peildata_are_kept(db: Database) -> None:
    for n in range(status_cache.KEEP_PEILDATA + 3):
        school_status(db, TODAY - timedelta(days=n))
    with db.read() as s:
        days = s.execute(text("SELECT count(DISTINCT peildatum) FROM status_cache")).scalar_one()
    assert days == status_cache.KEEP_PEILDATA
    assert school_status(db, TODAY).computed == 200  # the first asked was dropped
    assert school_status(db, TODAY).computed == 0


def test_every_input_table_has_its_triggers(db: Database) -> None:
    with db.read() as s:
        names = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    for table in status_cache.PUPIL_TABLES + status_cache.SCHOOL_TABLES:
        for when in ("insert", "update", "delete"):
            assert f"status_cache_{table}_{when}" in names


def test_asking_never_waits_for_another_connection_s_write(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program holds the write lock for as long as the answer takes: the answer comes all the same
    (a store that waited for the lock as a write does would wait for it forever here)."""
    import sqlite3
    import threading

    from verzuimdesk.storage import database

    # Every new connection of the app would wait an hour for a lock: only the store's own short wait
    # lets the answer come while the lock is held.
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 3_600_000)
    monkeypatch.setattr(status_cache, "BUSY_TIMEOUT_MS", 3_600_000)
    db.engine.dispose()
    assert db.path is not None
    other = sqlite3.connect(db.path)  # the demo file is plain: another program's connection
    other.execute("BEGIN IMMEDIATE")  # holds the write lock, as a long import would
    answers: list[SchoolStatus] = []
    done = threading.Event()

    def ask() -> None:
        try:
            answers.append(school_status(db, TODAY))
        finally:
            done.set()

    asking = threading.Thread(target=ask, daemon=True)
    asking.start()
    try:
        assert done.wait(PATIENCE_MS / 1000), "the answer waited for the other connection's write"
    finally:
        other.rollback()  # only now, after the answer came, is the lock released
        other.close()
        asking.join()
    assert answers and answers[0].computed == 200 and answers[0].pupils == fresh(db).pupils
    assert cached_rows(db) == 0  # nothing kept; the next look computes and keeps it
    assert school_status(db, TODAY).computed == 200
    assert cached_rows(db) == 200


def _green_numbers(db: Database, n: int) -> dict[int, str]:
    """n pupils who are green today and have no record today: id to leerlingnummer."""
    with db.read() as s:
        busy = set(s.scalars(select(Absence.pupil_id).where(Absence.day == TODAY)))
        numbers = dict(s.execute(select(Pupil.id, Pupil.number)).all())
    green = [p.pupil_id for p in fresh(db).pupils if p.light is Light.GREEN and p.pupil_id not in busy]
    return {pid: numbers[pid] for pid in green[:n]}


def test_an_imported_file_evaluates_only_its_pupils_again_and_a_second_time_none(db: Database) -> None:
    from verzuimdesk.services.imports import import_absences

    pupils = _green_numbers(db, 3)
    data = ("leerlingnummer;datum;code\n" + "".join(f"{n};{TODAY.isoformat()};O\n" for n in pupils.values())).encode()
    school_status(db, TODAY)
    with db.read() as s:
        read_at = status_cache.generation(s)
    assert import_absences(db, data, source="verzuim.csv", by=IB).added == 3
    with db.read() as s:
        assert status_cache.generation(s) != read_at  # a status computed before the import is not stored
        assert s.execute(text("SELECT paused FROM status_generation")).scalar_one() == 0
    after = school_status(db, TODAY)
    assert after.computed == 3
    assert after.pupils == fresh(db).pupils
    assert {p.light for p in after.pupils if p.pupil_id in pupils} == {Light.ORANGE}
    assert import_absences(db, data, source="verzuim.csv", by=IB).unchanged == 3
    assert school_status(db, TODAY).computed == 0  # nothing written, nothing dropped


def test_an_insert_of_many_that_fails_halfway_drops_the_whole_cache_and_pauses_nothing(db: Database) -> None:
    school_status(db, TODAY)
    pupil = green_pupil(db)
    with db.begin() as s:
        try:
            with status_cache.invalidated_once(s) as touched:
                _absence(pupil, "O")(s)
                s.flush()  # the row is in, its trigger paused
                touched.add(pupil)
                raise RuntimeError("halfway")
        except RuntimeError:
            pass  # a caller that carries on and commits: what went in still drops what it made stale
    with db.read() as s:
        assert s.execute(text("SELECT paused FROM status_generation")).scalar_one() == 0
    assert cached_rows(db) == 0
    assert school_status(db, TODAY).pupils == fresh(db).pupils


def _insert_trigger(db: Database) -> str | None:
    with db.read() as s:
        return s.execute(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n"),
                         {"n": status_cache.INSERT_TRIGGER}).scalar()


def test_a_bulk_insert_puts_the_insert_trigger_back_as_it_was_also_when_it_fails(db: Database) -> None:
    before = _insert_trigger(db)
    assert before is not None and "paused" in before
    pupil = green_pupil(db)
    with db.begin() as s, status_cache.invalidated_once(s) as touched:
        _absence(pupil, "O")(s)
        s.flush()
        touched.add(pupil)
    assert _insert_trigger(db) == before
    with db.begin() as s:
        try:
            with status_cache.invalidated_once(s):
                raise RuntimeError("halfway")
        except RuntimeError:
            pass
    assert _insert_trigger(db) == before
    school_status(db, TODAY)
    kept = cached_rows(db)
    with db.begin() as s:  # a single insert afterwards still drops what it made stale, by the trigger
        _absence(green_pupil(db), "O")(s)
    assert cached_rows(db) == kept - 1
    assert school_status(db, TODAY).pupils == fresh(db).pupils


def test_a_crash_while_many_absences_go_in_leaves_the_insert_trigger_in_place(tmp_path: Path) -> None:
    # The bulk insert takes the status cache's insert trigger away for the block and puts it back at its end.
    # A process that dies in the block must find it there again: else the cache is never dropped again after
    # an absence goes in, and every light read back is stale. (Python's sqlite3 commits a DROP TRIGGER on its
    # own outside a transaction.)
    import subprocess
    import sys

    from verzuimdesk.storage.database import open_database

    path = tmp_path / "school.db"
    open_database(str(path), create=True).close()
    code = ("import os, sys; from verzuimdesk.storage.database import open_database; "
            "from verzuimdesk.storage.status_cache import invalidated_once; db = open_database(sys.argv[1])\n"
            "with db.begin() as s:\n    with invalidated_once(s):\n        os._exit(3)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=Path(__file__).parents[2], check=False)
    assert done.returncode == 3
    import sqlite3

    con = sqlite3.connect(path)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    finally:
        con.close()
    assert status_cache.INSERT_TRIGGER in names
