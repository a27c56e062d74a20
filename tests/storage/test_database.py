from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from verzuimdesk.storage.database import DatabaseError, head_revision, open_database
from verzuimdesk.storage.models import Base, School


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "m.db"), create=True)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    db.close()
    assert diff == []


def test_new_database_is_migrated_to_head(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "n.db"), create=True)
    db.close()
    con = sqlite3.connect(tmp_path / "n.db")
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    con.close()


def test_write_that_raises_leaves_nothing(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "t.db"), create=True)
    with pytest.raises(RuntimeError), db.begin() as session:
        session.add(School(name="Half"))
        session.flush()
        raise RuntimeError("crash in the middle of a unit of work")
    with db.read() as session:
        assert session.scalars(select(School)).all() == []
    db.close()


def test_missing_file_is_not_created_silently(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="bestaat niet"):
        open_database(str(tmp_path / "nope.db"))
    assert not (tmp_path / "nope.db").exists()


def test_a_file_that_is_no_database_gets_a_dutch_message(tmp_path: Path) -> None:
    f = tmp_path / "tekst.db"
    f.write_text("dit is geen database" * 100)
    with pytest.raises(DatabaseError, match="is beschadigd of geen database"):
        open_database(str(f))


def test_an_older_database_is_checked_backed_up_and_migrated(tmp_path: Path) -> None:
    from alembic import command

    from verzuimdesk.storage.database import alembic_config

    db = open_database(str(tmp_path / "oud.db"), create=True)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    db.close()
    seen: list[str | None] = []
    db = open_database(str(tmp_path / "oud.db"), before_migrate=lambda d: seen.append(head_revision()))
    db.close()
    assert seen == [head_revision()]  # the backup hook ran before the upgrade
    con = sqlite3.connect(tmp_path / "oud.db")
    assert "referred_special" in [r[1] for r in con.execute("PRAGMA table_info(pupil)")]
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    con.close()


def test_a_transaction_survives_many_worker_threads_connecting(tmp_path: Path) -> None:
    """The app's worker threads come and go all day; none may take a connection from under another
    thread's open transaction (the SQLCipher dialect's default pool closed an arbitrary one once a
    sixth thread connected)."""
    import threading

    from sqlalchemy import text

    from tests.conftest import PASSPHRASE
    from verzuimdesk.storage.database import create_encrypted_database

    db, _ = create_encrypted_database(str(tmp_path / "t.db"), user="ib", password=PASSPHRASE)
    errors: list[str] = []

    def read() -> None:
        try:
            with db.read() as s:
                s.execute(text("SELECT count(*) FROM school")).scalar_one()
        except Exception as exc:  # the test reports whatever went wrong
            errors.append(repr(exc))

    with db.begin() as s:
        s.add(School(name="De Regenboog"))
        s.flush()
        for _ in range(4):
            workers = [threading.Thread(target=read) for _ in range(8)]
            for w in workers:
                w.start()
            for w in workers:
                w.join()
        s.add(School(name="De Regenboog, locatie Noord"))
    with db.read() as s:
        assert s.scalars(select(School.name).order_by(School.id)).all() == ["De Regenboog",
                                                                             "De Regenboog, locatie Noord"]
    assert errors == []
    db.close()


def test_a_zero_byte_file_is_refused_and_stays_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from verzuimdesk.cli.main import run

    empty = tmp_path / "leeg.db"
    empty.touch()
    assert run(["status", "--db", str(empty)]) == 1
    assert "leeg bestand (0 bytes)" in capsys.readouterr().err
    assert empty.stat().st_size == 0
