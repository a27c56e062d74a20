"""Races on one database (issue #18): one absence per pupil, day and span, whoever writes at once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from tests.actors import ib
from tests.conftest import DATA, PASSPHRASE, cli, raw
from verzuimdesk.services.audit_log import audit_problem
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.registration import AbsenceSpec, apply_edit
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, Pupil


def absences(path: Path) -> int:
    con = raw(path)
    try:
        return con.execute("SELECT count(*) FROM absence").fetchone()[0]
    finally:
        con.close()


def a_big_file(tmp_path: Path) -> Path:
    lines = ["leerlingnummer,datum,van,tot,code"]
    day = date(2025, 11, 10)
    while day < date(2025, 12, 19):
        if day.weekday() < 5 and day != date(2025, 11, 14):  # not the studiedag
            for number in ("1001", "1002"):
                lines.append(f"{number},{day},,,Z")
            # two spans of one day (the unique index holds a pupil, day and span): morning and afternoon
            lines += [f"1003,{day},08:30,12:00,Z", f"1003,{day},13:00,15:00,Z"]
        day += timedelta(days=1)
    out = tmp_path / "verzuim.csv"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def test_the_same_file_imported_twice_at_once_gives_its_rows_once(db_path: Path, tmp_path: Path) -> None:
    assert cli("import", "pupils", "--db", db_path, DATA / "pupils.csv") == 0
    file = a_big_file(tmp_path)
    rows = len(file.read_text().splitlines()) - 1
    code = f"import sys; from verzuimdesk.cli.main import run; sys.exit(run(['import', 'absences', '--db', {str(db_path)!r}, {str(file)!r}]))"
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    both = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    results = [(*p.communicate(), p.returncode) for p in both]
    assert [r[2] for r in results] == [0, 0], results
    assert absences(db_path) == rows
    outs = sorted(r[0] for r in results)
    assert f"{rows} toegevoegd" in "".join(outs) and "0 toegevoegd" in "".join(outs)


def test_the_schema_refuses_a_second_record_for_the_same_pupil_day_and_span(db: Any) -> None:
    assert cli("import", "pupils", "--db", db.target, DATA / "pupils.csv") == 0
    assert cli("import", "absences", "--db", db.target, DATA / "absences.csv") == 0
    with db.read() as s:
        first = s.scalars(select(Absence).order_by(Absence.id)).first()
    with pytest.raises(IntegrityError), db.begin() as s:
        s.add(Absence(pupil_id=first.pupil_id, day=first.day, start=first.start, end=first.end,
                      code_id=first.code_id, created_at=first.created_at))


def test_two_writers_on_the_same_pupil_and_day_leave_one_record(db: Any) -> None:
    assert cli("import", "pupils", "--db", db.target, DATA / "pupils.csv") == 0
    with db.read() as s:
        pid = s.scalar(select(Pupil.id).where(Pupil.number == "1002"))
    start = threading.Barrier(2)
    outcome: list[str] = []

    def write(code: str) -> None:
        start.wait()
        try:
            apply_edit(db, add=[AbsenceSpec(pid, date(2025, 11, 12), code)], by=ib(code))
            outcome.append("ok")
        except Refused as exc:
            outcome.append(str(exc))

    threads = [threading.Thread(target=write, args=(c,)) for c in ("Z", "O")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert "ok" in outcome and len(outcome) == 2
    refused = next(o for o in outcome if o != "ok")
    assert refused.startswith("Op wo 12 nov 2025 staat al")  # a Dutch refusal, not a trace
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Absence).where(Absence.pupil_id == pid)) == 1


def test_the_migration_merges_duplicates_that_were_there(db_path: Path) -> None:
    assert cli("import", "pupils", "--db", db_path, DATA / "pupils.csv") == 0
    assert cli("import", "absences", "--db", db_path, DATA / "absences.csv") == 0
    before = absences(db_path)
    from alembic import command

    from verzuimdesk.storage.database import alembic_config

    db = open_database(str(db_path), passphrase=PASSPHRASE)
    cfg = alembic_config()
    with db.engine.begin() as conn:  # the database as migration 0004 left it ...
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    db.close()
    con = raw(db_path)  # ... with a race's doubles in it
    con.execute('INSERT INTO absence (pupil_id, day, start, "end", code_id, minutes_late, reported_at, reported_by, '
                'note, created_at, created_by) SELECT pupil_id, day, start, "end", code_id, minutes_late, '
                "reported_at, reported_by, note, created_at, created_by FROM absence")
    con.commit()
    con.close()
    assert absences(db_path) == 2 * before
    db = open_database(str(db_path), passphrase=PASSPHRASE)
    try:
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(Absence)) == before
            assert s.scalar(select(func.count()).select_from(AbsenceCodeRow)) > 0
        assert audit_problem(db) is None
    finally:
        db.close()
