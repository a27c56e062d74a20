"""The in-process rows of benchmarks/first_click.py, and the schools they run on."""

from __future__ import annotations

import csv
import io
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import text

from tests.actors import ib
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.engine import status_of
from verzuimdesk.domain.records import PupilData
from verzuimdesk.services.demo import DEMO_USER, create_demo
from verzuimdesk.services.imports import import_absences
from verzuimdesk.services.status import school_protocol, school_status
from verzuimdesk.storage.database import Database, open_database
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school

TODAY = date(2026, 6, 19)  # late in a school year: a full year of records lies before it
PASSWORD = "benchmark-wachtwoord"
YEAR_START = date(2025, 8, 1)


def report(what: str, ta: list[float], tb: list[float], target: float | None) -> None:
    ratio = statistics.median(a / b for a, b in zip(ta, tb, strict=True))
    goal = f"  target <= {target:g}x" if target is not None else ""
    print(f"  {what:<62} {statistics.median(ta):8.1f} ms / {statistics.median(tb):7.1f} ms = "
          f"{ratio:5.1f}x{goal}")


def make_school(path: Path, size: int, *, encrypted: bool, varied: bool = False) -> Path:
    db = create_demo(str(path), size=size, today=TODAY, password=PASSWORD if encrypted else None)
    try:
        if varied:
            vary(db)
    finally:
        db.close()
    return path


def vary(db: Database, seed: int = 20) -> None:
    """Every pupil gets 0..14 more absences (ongeoorloofd, ziek, te laat) on schooldagen of this school
    year, so nearly every pupil's status is a different one."""
    rng = random.Random(seed)
    with db.read() as s:
        calendar = load_calendar(s)
        pupils = s.execute(text("SELECT p.id, g.name FROM pupil p JOIN school_group g ON g.id = p.group_id")).all()
        codes = dict(s.execute(text("SELECT code, id FROM absence_code")).all())
        taken = {(pid, day) for pid, day in s.execute(text("SELECT pupil_id, day FROM absence"))}
    rows = []
    for pid, group in pupils:
        days = list(calendar.schooldagen(YEAR_START, TODAY, group))
        for day in rng.sample(days, rng.randrange(15)):
            if (pid, day.isoformat()) in taken or (pid, day) in taken:
                continue
            code = rng.choice(("O", "O", "Z", "T"))
            rows.append({"p": pid, "d": day, "c": codes[code], "m": rng.randrange(5, 40) if code == "T" else None})
    with db.begin() as s:
        s.execute(text("INSERT INTO absence (pupil_id, day, code_id, minutes_late, reported_by, note, created_at, "
                       "created_by) VALUES (:p, :d, :c, :m, '', '', :d, 'benchmark')"), rows)


def clear_cache_of(path: str) -> None:
    """Empty the status cache of a database (encrypted: through its key)."""
    db = open_database(path, passphrase=PASSWORD, user=DEMO_USER)
    try:
        with db.begin() as s:
            s.execute(text("DELETE FROM status_cache"))
    finally:
        db.close()


def timed(fn: Callable[[], object], before: Callable[[], object] | None = None) -> Callable[[], float]:
    def run() -> float:
        if before is not None:
            before()
        t = time.perf_counter()
        fn()
        return (time.perf_counter() - t) * 1000
    return run


def turns(fa: Callable[[], float], fb: Callable[[], float], runs: int) -> tuple[list[float], list[float]]:
    fa(), fb()
    ta, tb = [], []
    for _ in range(runs):
        ta.append(fa())
        tb.append(fb())
    return ta, tb


def cold_status_row(path: Path, name: str, runs: int) -> None:
    db = open_database(str(path))
    try:
        def clear() -> None:
            with db.begin() as s:
                s.execute(text("DELETE FROM status_cache"))

        def one_sum() -> None:
            with db.read() as s:
                s.execute(text("SELECT pupil_id, count(*), sum(coalesce(minutes_late, 0)) FROM absence "
                               "WHERE day <= :d GROUP BY pupil_id"), {"d": TODAY}).all()

        def rows_alone() -> None:  # what the status reads of the absence table, as the driver gives it
            with db.read() as s:
                driver = s.connection().connection.driver_connection
                assert driver is not None
                driver.execute(ROWS_READ, (TODAY.isoformat(),)).fetchall()

        status = school_status(db, TODAY)
        distinct = len({repr(p.status) for p in status.pupils})
        ta, tb = turns(timed(lambda: school_status(db, TODAY), clear), timed(one_sum), runs)
        report(f"cold status, {name} ({distinct} distinct statuses) / one SQL aggregate", ta, tb, 10)
        ta, tb = turns(timed(rows_alone), timed(one_sum), runs)
        report("  a floor: reading those absence rows alone, no objects / the same", ta, tb, None)
    finally:
        db.close()


# The absence rows the status loads (storage/loading.py), as one driver query: a floor under the cold
# status, which must read every record of the school year before it can count any of them.
ROWS_READ = ("SELECT a.id, a.pupil_id, a.day, c.code, c.category, a.start, a.\"end\", a.minutes_late, a.reported_at, "
             "a.note, c.luxe FROM absence a JOIN absence_code c ON c.id = a.code_id WHERE a.day <= ? "
             "ORDER BY a.day, a.id")


def engine_row(path: Path, name: str, runs: int) -> None:
    db = open_database(str(path))
    try:
        with db.read() as s:
            school = load_school(s)
            assert school is not None
            protocol = school_protocol(school.protocol)
            calendar = load_calendar(s)
            pupils = load_pupil_data(s, until=TODAY)
    finally:
        db.close()

    def engine() -> None:
        for p in pupils:
            status_of(Evaluator(p, calendar, protocol), TODAY)

    def one_pass() -> None:
        for p in pupils:
            n = late = 0
            for r in p.records:
                if r.day <= TODAY:
                    n += 1
                    late += r.minutes_late or 0

    records = sum(len(p.records) for p in pupils)
    ta, tb = turns(timed(engine), timed(one_pass), runs)
    report(f"engine alone, {name} ({records} records) / one Python pass", ta, tb, 8)
    # Where the engine's time goes: pupils ruled out by their counts of records, by the screens that look at
    # every date (domain/screen.py), and those with a rule to measure, each with its time per pupil.
    kinds: dict[str, list[PupilData]] = {"quiet by their counts": [], "ruled out by the screens": [],
                                         "with a rule to measure": []}
    for p in pupils:
        ev = Evaluator(p, calendar, protocol)
        status_of(ev, TODAY)
        kinds["quiet by their counts" if ev.live is None else
              "with a rule to measure" if ev.live else "ruled out by the screens"].append(p)
    parts = []
    for label, some in kinds.items():
        if some:
            ms = min(timed(lambda some=some: [status_of(Evaluator(p, calendar, protocol), TODAY) for p in some])()
                     for _ in range(runs))
            parts.append(f"{len(some)} {label} {1000 * ms / len(some):.0f} us")
    print(f"    of which: {'; '.join(parts)} (per pupil)")


def import_row(folder: Path, size: int, runs: int) -> None:
    """A school year's absences as a CSV file, imported into the demo after its own copies are deleted."""
    path = folder / "import.db"
    create_demo(str(path), size=size, today=TODAY).close()
    db = open_database(str(path))
    try:
        with db.read() as s:
            rows = s.execute(text(
                "SELECT p.number, a.day, a.start, a.\"end\", c.code, a.minutes_late, a.reported_at, a.note "
                "FROM absence a JOIN pupil p ON p.id = a.pupil_id JOIN absence_code c ON c.id = a.code_id "
                "WHERE a.day BETWEEN :a AND :b ORDER BY a.day, a.id"), {"a": YEAR_START, "b": TODAY}).all()
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(["leerlingnummer", "datum", "van", "tot", "code", "minuten_te_laat", "gemeld_op", "opmerking"])
        for number, day, start, end, code, late, reported, note in rows:
            w.writerow([number, day, (start or "")[:5], (end or "")[:5], code, "" if late is None else late,
                        (reported or "")[:16], note or ""])
        data = out.getvalue().encode()

        def delete() -> None:
            with db.begin() as s:
                s.execute(text("DELETE FROM absence WHERE day BETWEEN :a AND :b"), {"a": YEAR_START, "b": TODAY})
                s.execute(text("DELETE FROM plain_copy"))

        with db.begin() as s:
            s.execute(text("CREATE TABLE plain_copy (number TEXT, day TEXT, start TEXT, \"end\" TEXT, code TEXT, "
                           "minutes_late INTEGER, reported_at TEXT, note TEXT)"))

        def plain() -> None:
            got = list(csv.reader(io.StringIO(data.decode())))[1:]
            conn = sqlite3.connect(str(path))
            with conn:
                conn.executemany("INSERT INTO plain_copy VALUES (?, ?, ?, ?, ?, ?, ?, ?)", got)
            conn.close()

        def ours() -> None:
            change = import_absences(db, data, source="verzuim.csv", by=ib(DEMO_USER))
            assert change.added == len(rows), change

        with db.read() as s:
            ids = dict(s.execute(text("SELECT number, id FROM pupil")).all())
            code_ids = dict(s.execute(text("SELECT code, id FROM absence_code")).all())

        def table_alone() -> None:
            """The same lines into the real table, unchecked: its indexes and keys, and its insert trigger
            dropped for the insert, as the import does (storage/status_cache.invalidated_once)."""
            got = list(csv.reader(io.StringIO(data.decode())))[1:]
            conn = sqlite3.connect(str(path))
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'status_cache_absence_insert'"
                                       ).fetchone()[0]
                conn.execute("DROP TRIGGER status_cache_absence_insert")
                conn.executemany(
                    "INSERT INTO absence (pupil_id, day, start, \"end\", code_id, minutes_late, reported_at, "
                    "reported_by, note, created_at, created_by, topic_review, version) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, '2026-06-19 12:00:00.000000', 'benchmark', 0, 1)",
                    [(ids[n], d, a or None, b or None, code_ids[c], late or None, rep or None, note)
                     for n, d, a, b, c, late, rep, note in got])
                conn.execute(trigger)
            conn.close()

        ta, tb = turns(timed(ours, delete), timed(plain, delete), runs)
        report(f"CSV import of {len(rows)} lines / csv + executemany", ta, tb, 2)
        ta, tb = turns(timed(table_alone, delete), timed(plain, delete), runs)
        report("  a floor: the same into the absence table, unchecked / the same", ta, tb, None)
    finally:
        db.close()

