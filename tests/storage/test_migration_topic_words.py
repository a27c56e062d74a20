"""Migrations 0016 and 0019: stored entries whose text now reads as health or the home no longer go to
leerplicht."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from verzuimdesk.storage.database import alembic_config, open_database


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
