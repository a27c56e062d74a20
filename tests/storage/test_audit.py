"""The audit log's keyed chain, its anchor in the key slots file and its triggers (issue #18)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from tests.actors import IB
from tests.conftest import raw
from verzuimdesk.cli.main import run
from verzuimdesk.services.audit_log import audit_problem, read_audit_log
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import open_database


def _log(db: Any, n: int) -> None:
    for i in range(n):
        with db.begin() as session:
            audit.append(session, user="ib", action="view", entity="dossier", detail={"i": i})


def _tamper(path: Path, *sql: str) -> None:
    """What someone with the key and a SQLite shell does: drop the triggers first."""
    con = raw(path)
    con.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    con.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    for statement in sql:
        con.execute(statement)
    con.commit()
    con.close()


def test_an_intact_log_gives_no_warning(db: Any) -> None:
    _log(db, 3)
    assert audit_problem(db) is None
    assert read_audit_log(db, by=IB).broken_at is None


def test_the_triggers_refuse_update_and_delete(db: Any, db_path: Path) -> None:
    _log(db, 2)
    con = raw(db_path)
    for sql in ("UPDATE audit_log SET detail = '{}'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="Het logboek kan niet gewijzigd of gewist worden"):
            con.execute(sql)
    con.close()
    assert audit_problem(db) is None


def test_deleting_the_last_rows_is_detected(db: Any, db_path: Path) -> None:
    _log(db, 5)
    _tamper(db_path, "DELETE FROM audit_log WHERE id > (SELECT max(id) - 2 FROM audit_log)")
    warning = audit_problem(db)
    assert warning is not None and "verwijderd" in warning


def test_deleting_every_row_is_detected(db: Any, db_path: Path) -> None:
    _log(db, 3)
    _tamper(db_path, "DELETE FROM audit_log")
    warning = audit_problem(db)
    assert warning is not None and "nu 0" in warning


def test_an_edited_row_with_a_recomputed_unkeyed_chain_is_detected(db: Any, db_path: Path) -> None:
    _log(db, 4)
    con = raw(db_path)
    con.execute("DROP TRIGGER audit_log_no_update")
    rows = con.execute("SELECT id, at, user, action, entity, entity_id, pupil_id, detail FROM audit_log "
                       "ORDER BY id").fetchall()
    prev = ""
    for rid, at, user, action, entity, eid, pid, detail in rows:
        detail = detail.replace('"i": 1', '"i": 99')
        h = hashlib.sha256(json.dumps([prev, at.replace(" ", "T"), user, action, entity, eid, pid, detail])
                           .encode()).hexdigest()
        con.execute("UPDATE audit_log SET detail=?, prev_hash=?, hash=? WHERE id=?", (detail, prev, h, rid))
        prev = h
    con.commit()
    con.close()
    warning = audit_problem(db)
    assert warning is not None and "keten klopt niet" in warning
    assert read_audit_log(db, by=IB).broken_at is not None


def test_a_forged_anchor_is_detected(db: Any, db_path: Path) -> None:
    _log(db, 3)
    slots = db_path.with_name(db_path.name + ".sleutels")
    data = json.loads(slots.read_text())
    data["logboek"]["n"] = 1
    slots.write_text(json.dumps(data))
    warning = audit_problem(db)
    assert warning is not None and "anker" in warning


def test_every_command_warns_in_dutch(db: Any, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _log(db, 3)
    _tamper(db_path, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    capsys.readouterr()
    assert run(["status", "--db", str(db_path), "--date", "2025-11-06"]) == 0
    assert "Waarschuwing: Er zijn regels uit het logboek verwijderd" in capsys.readouterr().err


def test_the_anchor_survives_reopening_and_travels_with_a_backup(db: Any, db_path: Path, tmp_path: Path) -> None:
    from tests.conftest import PASSPHRASE
    from verzuimdesk.storage.backup import backup

    _log(db, 2)
    backup(db_path, tmp_path / "kopie.db", db.key)
    copy = open_database(str(tmp_path / "kopie.db"), passphrase=PASSPHRASE)
    try:
        assert audit_problem(copy) is None
        assert json.loads((tmp_path / "kopie.db.sleutels").read_text())["logboek"]["n"] >= 2
    finally:
        copy.close()
