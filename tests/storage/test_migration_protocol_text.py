"""Migration 0011: a school's protocol file is read into the database, where the file can still be read."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from verzuimdesk.importers.protocol_files import protocols_dir
from verzuimdesk.storage.database import alembic_config, open_database


def _migrated_with(path: Path, protocol_ref: str) -> tuple[str | None, str]:
    """The database at `path`, taken back to before 0011 with a school referring to `protocol_ref`,
    then opened (which migrates it): its kept protocol text and fingerprint."""
    db = open_database(str(path), create=not path.exists())
    cfg = alembic_config()
    before = ScriptDirectory.from_config(cfg).get_revision("0011").down_revision
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, str(before))
    db.close()
    con = sqlite3.connect(path)
    con.execute("DELETE FROM school")
    con.execute("INSERT INTO school (id, name, brin, protocol, vacation_region) VALUES (1, 'De Klimop', '', ?, '')",
                (protocol_ref,))
    con.commit()
    con.close()
    open_database(str(path)).close()
    con = sqlite3.connect(path)
    text, sha = con.execute("SELECT protocol_text, protocol_sha256 FROM school").fetchone()
    triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    con.close()
    assert {"status_cache_school_insert", "status_cache_school_update"} <= triggers
    return text, sha


def test_the_protocol_file_is_kept_in_the_database_and_a_missing_one_left_to_the_path(tmp_path: Path) -> None:
    own = tmp_path / "ons-protocol.toml"
    shutil.copy(protocols_dir() / "tilburg-po.toml", own)
    raw = own.read_bytes()
    assert _migrated_with(tmp_path / "oud.db", str(own)) == (raw.decode("utf-8"), hashlib.sha256(raw).hexdigest())
    assert _migrated_with(tmp_path / "oud.db", str(tmp_path / "weg.toml")) == (None, "")
