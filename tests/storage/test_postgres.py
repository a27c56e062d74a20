"""The same models, migrations and services on a PostgreSQL server (DESIGN.md: a school with several
users points the app at one). A throwaway cluster is started for these tests and stopped after them;
.ci/run installs PostgreSQL where it is missing."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from glob import glob
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.actors import IB
from tests.conftest import DATA
from verzuimdesk.cli.main import run

pytestmark = pytest.mark.slow

TODAY = date(2026, 11, 23)


def _tool(name: str) -> str | None:
    found = shutil.which(name) or sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found if isinstance(found, str) else (found[-1] if found else None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def cluster(password: str | None = None) -> Iterator[tuple[str, int]]:
    """(socket folder, port) of a fresh PostgreSQL cluster, stopped afterwards. Without `password` it trusts
    local connections; with one, every login needs its password (SCRAM-SHA-256), the admin's being it."""
    initdb, pg_ctl = _tool("initdb"), _tool("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL is not installed here (.ci/run installs it)")
    base = Path(tempfile.mkdtemp(prefix="verzuimdesk-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(base, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, log = base / "data", base / "server.log"
    port = _free_port()

    def pg(*args: str | Path) -> None:
        subprocess.run([*as_user, *map(str, args)], check=True, capture_output=True, timeout=120)

    auth: list[str | Path] = ["-A", "trust"]
    if password is not None:
        pwfile = base / "pw"
        pwfile.write_text(password)
        if as_user:
            shutil.chown(pwfile, "postgres", "postgres")
        auth = ["-A", "scram-sha-256", f"--pwfile={pwfile}"]
    try:
        pg(initdb, "-D", data, *auth, "-U", "verzuimdesk", "-E", "UTF8", "--locale=C", "--no-sync")
        pg(pg_ctl, "-D", data, "-l", log, "-w", "-o",
           f"-k {base} -p {port} -c listen_addresses='' -c fsync=off -c full_page_writes=off", "start")
        yield str(base), port
    finally:
        _stop(pg, pg_ctl, data)
        shutil.rmtree(base, ignore_errors=True)


def _stop(pg: Callable[..., None], pg_ctl: str, data: Path) -> None:
    """Stop the cluster however far it got; by its process id if pg_ctl cannot."""
    pidfile = data / "postmaster.pid"
    if not pidfile.exists():
        return
    try:
        pg(pg_ctl, "-D", data, "-m", "immediate", "-w", "stop")
    except (subprocess.SubprocessError, OSError):
        with contextlib.suppress(OSError, ValueError, IndexError):
            os.kill(int(pidfile.read_text().split()[0]), signal.SIGKILL)


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, int]]:
    """(socket folder, port) of a fresh PostgreSQL cluster that trusts local connections."""
    with cluster() as where:
        yield where


@pytest.fixture
def pg_url(server: tuple[str, int], request: pytest.FixtureRequest) -> str:
    """A new, empty database on the server, named after the test."""
    import psycopg

    host, port = server
    name = "t_" + "".join(c for c in request.node.name.lower() if c.isalnum())[:40]
    with psycopg.connect(host=host, port=port, user="verzuimdesk", dbname="postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://verzuimdesk@/{name}?host={host}&port={port}"  # as a user types it


def status_json(db: str, day: date, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert run(["status", "--db", db, "--date", day.isoformat(), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_command_line_works_the_same_on_a_server(pg_url: str, db_path: Path, school_file: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["init", "--db", pg_url, "--school", str(school_file)]) == 0
    for target in (pg_url, str(db_path)):
        for kind, name in (("pupils", "pupils.csv"), ("absences", "absences.csv"), ("events", "events.csv")):
            assert run(["import", kind, "--db", target, str(DATA / name)]) == 0
    for day in (date(2025, 11, 6), date(2025, 11, 12), date(2026, 2, 2)):
        on_server = status_json(pg_url, day, capsys)
        assert on_server == status_json(str(db_path), day, capsys)
    assert {p["light"] for p in on_server["pupils"]} >= {"green", "grey"}  # type: ignore[index,union-attr]


def test_the_demo_school_gets_the_same_lights_on_a_server(pg_url: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from verzuimdesk.services.conversations import save_conversation
    from verzuimdesk.services.demo import create_demo
    from verzuimdesk.storage.database import open_database
    from verzuimdesk.storage.models import Pupil

    create_demo(pg_url, size=80, today=TODAY).close()
    create_demo(str(tmp_path / "demo.db"), size=80, today=TODAY).close()
    on_server = status_json(pg_url, TODAY, capsys)
    assert on_server == status_json(str(tmp_path / "demo.db"), TODAY, capsys)
    lights = {p["naam"]: p["light"] for p in on_server["pupils"]}  # type: ignore[index,union-attr]
    assert {"red", "orange", "green"} <= set(lights.values())

    # A conversation logged through the service answers an action, on the server as in the file.
    number = next(p["leerlingnummer"] for p in on_server["pupils"]  # type: ignore[index,union-attr]
                  if any(a["kind"] == "talk_pupil" and not a["done"] for a in p["actions"]))
    for target in (pg_url, str(tmp_path / "demo.db")):
        db = open_database(target)
        with db.read() as s:
            pupil_id = s.scalars(select(Pupil.id).where(Pupil.number == number)).one()
        save_conversation(db, pupil_id=pupil_id, kind="pupil", held_at=datetime(2026, 11, 23, 10, 0),
                          participants="leerling, juf", summary="Besproken.", by=IB, agreements=[],
                          now=datetime(2026, 11, 23, 15, 0))
        db.close()
    after = status_json(pg_url, TODAY, capsys)
    assert after == status_json(str(tmp_path / "demo.db"), TODAY, capsys)
    assert after != on_server
