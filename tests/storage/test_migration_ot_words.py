"""Migration 0007: the stored option texts of cases become Onderwijs Transparant's, word for word."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from verzuimdesk.domain.quarterly import CLOSE_REASONS, INTERVENTIONS, MAIN_CAUSES
from verzuimdesk.storage.database import alembic_config, open_database


def test_stored_texts_are_mapped_to_ot_words_and_unknown_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "oud.db"
    db = open_database(str(path), create=True)
    cfg = alembic_config()
    before = ScriptDirectory.from_config(cfg).get_revision("0007").down_revision
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, str(before))
    db.close()
    con = sqlite3.connect(path)  # foreign keys are off on a plain connection: no pupil needed
    con.execute("INSERT INTO care_case (id, pupil_id, category, start, main_cause, waiting_list, close_reason, note) "
                "VALUES (1, 1, 'A', '2025-11-03', 'kan naar school, maar geen passende plek', '', "
                "'terug op school voor meer dan 50%', '')")
    con.execute("INSERT INTO care_case (id, pupil_id, category, start, main_cause, waiting_list, close_reason, note) "
                "VALUES (2, 1, 'B', '2025-11-03', 'eigen tekst van de school', '', '', '')")
    con.executemany("INSERT INTO case_status (case_id, since, status) VALUES (?, '2025-11-03', ?)",
                    [(1, "leerplicht betrokken"), (2, "aangepast programma op school (afwijking onderwijstijd, "
                                                      "volgens OPP)")])
    con.commit()
    con.close()
    open_database(str(path)).close()
    con = sqlite3.connect(path)
    cases = con.execute("SELECT main_cause, close_reason, regiehouder FROM care_case ORDER BY id").fetchall()
    statuses = [r[0] for r in con.execute("SELECT status FROM case_status ORDER BY case_id")]
    triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    con.close()
    assert cases == [("Wel in staat, maar geen passende onderwijsplek", "Leerling volgt weer (>50%) onderwijs op "
                      "(een) school", ""), ("eigen tekst van de school", "", "")]
    assert cases[0][0] in MAIN_CAUSES["A"] and cases[0][1] in CLOSE_REASONS
    assert statuses == ["Inzet leerplicht", "Volgt op/via school aangepast onderwijsprogramma"]
    assert all(s in INTERVENTIONS for s in statuses)
    assert {"status_cache_care_case_insert", "status_cache_care_case_update"} <= triggers
