"""Shared test setup: Qt runs offscreen and no test ever touches the real user's data folder."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
PASSPHRASE = "test-wachtwoord-123"
# How long a test waits for a condition (a worker's answer, a timer, a debounce): the condition decides,
# this bound only ends a test that would hang, so it is far above any machine's slowness under load.
PATIENCE_MS = 60_000


def raw(path: Path) -> Any:
    """A plain DB-API connection to a test database, unlocked with the tests' passphrase if encrypted."""
    from verzuimdesk.storage.database import connect_file, is_encrypted, unlock

    key = unlock(path, PASSPHRASE)[0] if is_encrypted(path) else None
    return connect_file(path, key)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("VERZUIMDESK_DATA_DIR", str(folder))
    monkeypatch.delenv("VERZUIMDESK_DB", raising=False)
    monkeypatch.setenv("VERZUIMDESK_PASSPHRASE", PASSPHRASE)
    if "PySide6" in sys.modules:  # window state goes to the temporary folder too
        from verzuimdesk.ui.settings import configure_qsettings

        configure_qsettings()
    return folder


def cli(*args: str | Path) -> int:
    """The command line, as a user types it."""
    from verzuimdesk.cli.main import run

    return run([str(a) for a in args])


def imported(db_path: Path) -> Path:
    """`db_path` with the pupils, absences and events of tests/data, imported through the command line."""
    for kind, name in (("pupils", "pupils.csv"), ("absences", "absences.csv"), ("events", "events.csv")):
        assert cli("import", kind, "--db", db_path, DATA / name) == 0
    return db_path


# THE demo school of the desk's tests: 200 pupils on Monday 23 November 2026. Made once per run; every
# test gets its own copy (`demo_db`), so no test sees another's writes.
DEMO_TODAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo school's file: read it only through a copy (`demo_db`, `demo`)."""
    from verzuimdesk.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo(str(path), size=200, today=DEMO_TODAY).close()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Path:
    """A copy of the demo school (plain SQLite) of this test's own."""
    target = tmp_path / "demo.db"
    shutil.copy(demo_file, target)
    return target


@pytest.fixture
def demo(demo_db: Path) -> Iterator[Any]:
    """That copy, opened; closed after the test."""
    from verzuimdesk.storage.database import open_database

    database = open_database(str(demo_db))
    yield database
    database.close()


@pytest.fixture
def school_file(tmp_path: Path) -> Path:
    """The school file of INTERFACES.md, copied so a test may edit it."""
    target = tmp_path / "school.toml"
    shutil.copy(DATA / "school.toml", target)
    return target


@pytest.fixture
def db_path(tmp_path: Path, school_file: Path) -> Path:
    """A new encrypted database holding the school of INTERFACES.md, made through the command line."""
    from verzuimdesk.cli.main import run

    path = tmp_path / "school.db"
    assert run(["init", "--db", str(path), "--school", str(school_file)]) == 0
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Any]:
    """That database, opened; closed after the test."""
    from verzuimdesk.storage.database import open_database

    database = open_database(str(db_path), passphrase=PASSPHRASE)
    yield database
    database.close()


@pytest.fixture
def school_path(db_path: Path) -> Path:
    """The test school's encrypted database with the pupils, absences and events of tests/data."""
    return imported(db_path)


@pytest.fixture
def plain_school(tmp_path: Path, school_file: Path) -> Iterator[Any]:
    """The test school with its four pupils and no absences, unencrypted (fast), opened."""
    from tests.actors import IB
    from verzuimdesk.services.imports import import_pupils
    from verzuimdesk.services.school import new_school_database, read_school_file

    database, _ = new_school_database(str(tmp_path / "s.db"), read_school_file(school_file), user="ib", password=None)
    import_pupils(database, (DATA / "pupils.csv").read_bytes(), by=IB)
    yield database
    database.close()


def xlsx(rows: list[list[object]]) -> bytes:
    """A one-sheet XLSX file holding `rows`, as a school's administration exports it."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
