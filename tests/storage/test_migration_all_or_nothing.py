"""A migration that fails halfway leaves the database as it was, at its old revision, so it opens again once the
cause is gone (found by a review: SQLite's ALTER TABLEs committed one by one, and the half-migrated file never
opened again, 'duplicate column name: version')."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from verzuimdesk.storage import topic_defaults
from verzuimdesk.storage.database import DatabaseError, alembic_config, open_database


def columns(path: Path, table: str) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
    finally:
        con.close()


def test_a_failed_migration_changes_nothing_and_the_next_open_migrates(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "oud.db"
    db = open_database(str(path), create=True)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0012")  # before 0013 adds the version columns, 0016 reads the words
    db.close()
    assert "version" not in columns(path, "conversation")
    con = sqlite3.connect(path)  # an entry for 0016 to read (foreign keys are off on a plain connection)
    con.execute("INSERT INTO event (id, pupil_id, day, kind, note, reference, created_at, created_by, topic, "
                "topic_review) VALUES (1, 1, '2025-11-19', 'contact_parents', 'Moeder gebeld', '', '2025-11-19', "
                "'ib', 'verzuim', 0)")
    con.commit()
    con.close()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("migratie 0016 mislukt")

    monkeypatch.setattr(topic_defaults, "by_words", broken)
    with pytest.raises(DatabaseError, match="kan niet geopend worden: migratie 0016 mislukt"):
        open_database(str(path))
    con = sqlite3.connect(path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0012",)]
    con.close()
    assert "version" not in columns(path, "conversation")  # 0013's columns went with the failure
    monkeypatch.undo()
    open_database(str(path)).close()  # the cause gone: it migrates to head
    assert "version" in columns(path, "conversation")
