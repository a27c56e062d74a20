"""Migrations 0016 and 0019: stored entries whose text now reads as health or the home no longer go to
leerplicht."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from verzuimdesk.storage.database import alembic_config, open_database
from verzuimdesk.storage.topic_defaults import words_fingerprint


def new_database_at(path: Path, revision: str) -> None:
    """A new database taken back to `revision`, for a test to fill before it migrates again."""
    db = open_database(str(path), create=True)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    db.close()


def test_a_stored_verzuim_topic_whose_text_names_health_or_the_home_is_made_safe_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    new_database_at(path, "0015")
    con = sqlite3.connect(path)  # foreign keys are off on a plain connection: no pupil needed
    rows = [(1, "contact_parents", "Moeder: slikt nu Ritalin", "verzuim"),
            (2, "care_team", "Spanningen thuis rond de echtscheiding", "verzuim"),
            (3, "contact_parents", "Moeder gebeld, komt morgen weer", "verzuim"),
            (4, "contact_parents", "keelontsteking volgens oma", "overig")]  # chosen by its writer: kept
    for eid, kind, note, topic in rows:
        con.execute("INSERT INTO event (id, pupil_id, day, kind, note, reference, created_at, created_by, topic, "
                    "topic_review) VALUES (?, 1, '2025-11-19', ?, ?, '', '2025-11-19', 'ib', ?, 0)",
                    (eid, kind, note, topic))
    con.commit()
    con.close()
    open_database(str(path)).close()
    con = sqlite3.connect(path)
    got = con.execute("SELECT id, topic, topic_review FROM event ORDER BY id").fetchall()
    con.close()
    assert got == [(1, "gezondheid", 1), (2, "thuissituatie", 1), (3, "verzuim", 0), (4, "overig", 0)]


def test_stored_entries_are_read_again_by_the_grown_lists(tmp_path: Path) -> None:
    # Migration 0019: the health words of leave requests came after 0016; a note stored as *verzuim* before
    # them went to leerplicht with the dossier ('opa ligt op de IC', a helper's review).
    path = tmp_path / "oud.db"
    new_database_at(path, "0018")
    con = sqlite3.connect(path)
    rows = [(1, "Vader: opa ligt op de IC na een hartinfarct"), (2, "Moeder: opa is terminaal, in het hospice"),
            (3, "ICT-les gemist, kwam om 10 uur")]
    for eid, note in rows:
        con.execute("INSERT INTO event (id, pupil_id, day, kind, note, reference, created_at, created_by, topic, "
                    "topic_review) VALUES (?, 1, '2025-11-19', 'contact_parents', ?, '', '2025-11-19', 'ib', "
                    "'verzuim', 0)", (eid, note))
    con.commit()
    con.close()
    open_database(str(path)).close()
    con = sqlite3.connect(path)
    got = con.execute("SELECT id, topic, topic_review FROM event ORDER BY id").fetchall()
    con.close()
    assert got == [(1, "gezondheid", 1), (2, "gezondheid", 1), (3, "verzuim", 0)]


def _events(path: Path) -> list[tuple[int, str, int]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT id, topic, topic_review FROM event ORDER BY id").fetchall()
    finally:
        con.close()


def _audit_lines(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT detail FROM audit_log WHERE entity = 'onderwerpen' ORDER BY id")]
    finally:
        con.close()


def test_lists_that_changed_since_the_last_open_read_stored_entries_again_once(tmp_path: Path) -> None:
    # Without a migration for each list that grows: the database keeps the fingerprint of the lists it last read
    # its entries with; a version with other lists reads them again at its first open, and says so in the log.
    path = tmp_path / "school.db"
    open_database(str(path), create=True).close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT value FROM setting WHERE key = 'woordenlijsten'").fetchone() == (words_fingerprint(),)
    con.execute("UPDATE setting SET value = 'lijsten-van-een-oudere-versie' WHERE key = 'woordenlijsten'")
    for eid, note in [(1, "Moeder: ligt met longontsteking in het ziekenhuis"), (2, "Komt morgen weer")]:
        con.execute("INSERT INTO event (id, pupil_id, day, kind, note, reference, created_at, created_by, topic, "
                    "topic_review) VALUES (?, 1, '2025-11-19', 'contact_parents', ?, '', '2025-11-19', 'ib', "
                    "'verzuim', 0)", (eid, note))
    con.commit()
    con.close()
    open_database(str(path)).close()
    assert _events(path) == [(1, "gezondheid", 1), (2, "verzuim", 0)]
    assert len(_audit_lines(path)) == 1 and '"aantal": 1' in _audit_lines(path)[0]
    # The IB-er looks at it and keeps *verzuim* on purpose: the next open, with the same lists, leaves her choice.
    con = sqlite3.connect(path)
    con.execute("UPDATE event SET topic = 'verzuim', topic_review = 0 WHERE id = 1")
    con.commit()
    con.close()
    open_database(str(path)).close()
    assert _events(path) == [(1, "verzuim", 0), (2, "verzuim", 0)]
    assert len(_audit_lines(path)) == 1


def test_a_file_another_program_is_writing_still_opens_and_reads_the_lists_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("verzuimdesk.storage.raw.BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr("verzuimdesk.storage.database.BUSY_TIMEOUT_MS", 50, raising=False)
    path = tmp_path / "school.db"
    open_database(str(path), create=True).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE setting SET value = 'lijsten-van-een-oudere-versie' WHERE key = 'woordenlijsten'")
    con.execute("INSERT INTO event (id, pupil_id, day, kind, note, reference, created_at, created_by, topic, "
                "topic_review) VALUES (1, 1, '2025-11-19', 'contact_parents', 'hij is ziek', '', '2025-11-19', "
                "'ib', 'verzuim', 0)")
    con.commit()
    con.isolation_level = None
    con.execute("BEGIN IMMEDIATE")  # another program writes, and goes on writing: reading goes on
    try:
        open_database(str(path)).close()
    finally:
        con.execute("ROLLBACK")
        con.close()
    assert _events(path) == [(1, "verzuim", 0)]  # read again at the next open that can write
    open_database(str(path)).close()
    assert _events(path) == [(1, "gezondheid", 1)]
