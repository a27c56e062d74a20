"""Several apps on one PostgreSQL server (issue #24): no lost update, one audit chain, others' changes heard,
the status cache kept right. A throwaway cluster, as in test_postgres.py."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import time
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from tests.actors import IB
from tests.storage.test_postgres import pg_url, server  # noqa: F401  (fixtures)
from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.conversations import get_conversation, save_conversation
from verzuimdesk.services.registration import AbsenceSpec, apply_edit
from verzuimdesk.services.server_changes import ChangeListener
from verzuimdesk.services.status import school_status
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, open_database, server_dsn
from verzuimdesk.storage.models import Absence, AuditEntry, Pupil

pytestmark = pytest.mark.slow

TODAY = date(2026, 11, 23)  # a Monday
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(pg_url: str) -> Database:  # noqa: F811
    from verzuimdesk.services.demo import create_demo

    create_demo(pg_url, size=30, today=TODAY).close()
    d = open_database(pg_url)
    yield d  # type: ignore[misc]
    d.close()


def client(url: str, name: str, conversation_id: int, pupil_id: int, edits: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "tests.storage.server_client", url, name, str(conversation_id),
                             str(pupil_id), TODAY.isoformat(), str(edits)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_apps_editing_the_same_conversation_and_cell_lose_no_update_and_keep_one_audit_chain(demo: Database) -> None:
    pupil = 12
    cid = save_conversation(demo, pupil_id=pupil, kind="pupil", held_at=datetime(2026, 11, 23, 10, 0),
                            participants="leerling, juf", summary="Begin.", by=IB, now=datetime(2026, 11, 23, 15)).id
    with demo.begin() as s:
        s.execute(text("DELETE FROM absence WHERE pupil_id = :p AND day = :d"), {"p": pupil, "d": TODAY})
        before = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    names, edits = ("juf", "meester", "ib"), 8
    procs = [client(demo.target, n, cid, pupil, edits) for n in names]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert sum(r["saved"] for r in results) == 2 * edits * len(names)
    print("\nweigeringen (opnieuw geopend en opnieuw gedaan):", sum(r["refused"] for r in results))

    # The conversation holds every client's every change: none was saved over.
    summary = get_conversation(demo, conversation_id=cid, by=IB).summary
    assert sorted(summary.split()[1:]) == sorted(f"{n}-{i}" for n in names for i in range(edits))
    with demo.read() as s:
        # The audit chain is one chain, and every save of the cell replaced what the previous one left.
        assert audit.verify(s) is None
        rows = s.scalars(select(AuditEntry).where(AuditEntry.id > before).order_by(AuditEntry.id)).all()
        cell = [json.loads(r.detail) for r in rows if r.entity == "absence" and r.pupil_id == pupil]
        assert len(cell) == edits * len(names)
        for earlier, later in pairwise(cell):
            assert later["voor"] == earlier["na"]
        talks = [json.loads(r.detail) for r in rows if r.entity == "conversation" and r.entity_id == cid]
        for earlier, later in pairwise(talks):
            assert later["voor"]["samenvatting"] == earlier["na"]["samenvatting"]
        (last,) = s.scalars(select(Absence).where(Absence.pupil_id == pupil, Absence.day == TODAY)).all()
        assert last.note == cell[-1]["na"][0]["opmerking"]


def test_another_apps_change_is_heard_and_its_own_is_not(demo: Database) -> None:
    heard: queue.Queue[tuple[float, OpChanges]] = queue.Queue()
    dsn = server_dsn(demo)
    assert dsn is not None
    listener = ChangeListener(dsn, lambda c: heard.put((time.time(), c)))
    try:
        assert listener.listening.wait(30)
        apply_edit(demo, add=[AbsenceSpec(3, TODAY, "Z")], by=IB)  # this app's own: announced by its runner
        other = subprocess.run(
            [sys.executable, "-c",
             "import sys, time\n"
             "from datetime import date\n"
             "from verzuimdesk.services.registration import AbsenceSpec, apply_edit\n"
             "from verzuimdesk.storage.database import open_database\n"
             "db = open_database(sys.argv[1])\n"
             "from tests.actors import ib\n"
             "apply_edit(db, add=[AbsenceSpec(5, date(2026, 11, 23), 'O')], by=ib('juf'))\n"
             "print(time.time())\n", demo.target],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120)
        assert other.returncode == 0, other.stderr
        committed = float(other.stdout.split()[-1])
        at, changes = heard.get(timeout=30)
        assert changes == OpChanges.pupils(5)  # only the other app's pupil: its own write was skipped
        print(f"\ngehoord {1000 * (at - committed):.0f} ms na de commit in het andere proces")
    finally:
        listener.stop()


def test_the_status_cache_works_on_a_server_and_a_write_drops_only_its_pupils_rows(demo: Database) -> None:
    first = school_status(demo, TODAY)
    with demo.read() as s:
        cached = s.scalar(text("SELECT count(*) FROM status_cache WHERE peildatum = :d"), {"d": TODAY})
        pupils = s.scalar(select(Pupil.id).order_by(Pupil.id).limit(1).offset(6))
    assert cached == len(first.pupils)
    again = school_status(demo, TODAY)
    assert again.pupils == first.pupils and again.computed == 0  # answered from the cache
    apply_edit(demo, add=[AbsenceSpec(pupils, TODAY, "X")], by=IB)
    with demo.read() as s:
        left = set(s.scalars(text("SELECT pupil_id FROM status_cache WHERE peildatum = :d"), {"d": TODAY}))
    assert pupils not in left and len(left) == cached - 1
    after = school_status(demo, TODAY)
    assert after.computed == 1 and after.pupils == school_status(demo, TODAY, use_cache=False).pupils


def test_the_pages_of_a_running_app_follow_another_apps_write(demo: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    from verzuimdesk.services.accounts import SCHOOL_WIDE
    from verzuimdesk.ui.context import AppContext
    from verzuimdesk.ui.server_follow import ServerFollower

    ctx = AppContext(demo, SCHOOL_WIDE)
    follower = ServerFollower(ctx)
    seen: list[OpChanges] = []
    ctx.data_changed.connect(seen.append)
    try:
        assert follower.listener is not None and follower.listener.listening.wait(30)
        import psycopg

        dsn = server_dsn(demo)
        assert dsn is not None
        with psycopg.connect(dsn, application_name="another-app") as other:  # any client: the triggers tell
            other.execute("UPDATE pupil SET number = number WHERE id = 7")
        qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
        assert seen == [OpChanges.pupils(7)]
    finally:
        follower.stop()


def test_a_server_database_backs_up_into_an_encrypted_file_that_opens_on_a_laptop(
        demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import PASSPHRASE
    from verzuimdesk.cli.main import run
    from verzuimdesk.storage.database import is_encrypted

    out = tmp_path / "kopie.db"
    assert run(["backup", "--db", demo.target, "--out", str(out)]) == 0  # VERZUIMDESK_PASSPHRASE
    assert "Herstelsleutel" in capsys.readouterr().out
    assert is_encrypted(out) and b"SQLite format 3" not in out.read_bytes()[:16]
    copy = open_database(str(out), passphrase=PASSPHRASE)
    try:
        assert school_status(copy, TODAY).pupils == school_status(demo, TODAY).pupils
        with copy.read() as s, demo.read() as d:
            assert audit.verify(s) is None
            assert audit.head(s).count == audit.head(d).count
    finally:
        copy.close()
    assert run(["backup", "--db", demo.target, "--out", str(out)]) == 1  # never over an existing file


def test_a_burst_of_another_apps_writes_is_followed_as_one_change_that_gives_the_status_from_scratch(
        demo: Database) -> None:
    """Notifications that come together are handed on as one change (one refresh, not one per write), and
    a page that asks only for the pupils it names shows what a computation from scratch shows."""
    from verzuimdesk.services.status_view import StatusView

    with demo.read() as s:
        ids = list(s.scalars(select(Pupil.id).order_by(Pupil.id)))
        records = dict(s.execute(select(Absence.pupil_id, func.max(Absence.id)).where(Absence.day < TODAY)
                                 .group_by(Absence.pupil_id)).all())
    shown = ids[:15]
    hit = [p for p in shown if p in records][:4] + [p for p in ids[15:] if p in records][:4]
    assert len(hit) == 8
    view, school = StatusView(demo, TODAY, shown), StatusView(demo, TODAY)
    view.refresh(), school.refresh()
    heard: queue.Queue[OpChanges] = queue.Queue()
    dsn = server_dsn(demo)
    assert dsn is not None
    listener = ChangeListener(dsn, heard.put)
    try:
        assert listener.listening.wait(30)
        import psycopg

        with psycopg.connect(dsn, application_name="another-app") as other:  # one commit, eight notifications
            for pid in hit:
                other.execute("DELETE FROM absence WHERE id = %s", (records[pid],))
        changes = heard.get(timeout=30)
        assert changes == OpChanges(frozenset(hit))  # all eight at once
    finally:
        listener.stop()
    assert heard.empty()
    scratch = school_status(demo, TODAY, use_cache=False).pupils
    asked = view.asked
    assert view.refresh(changes).pupils == tuple(p for p in scratch if p.pupil_id in set(shown))
    assert view.asked == asked + 1
    assert school.refresh(changes).pupils == scratch
