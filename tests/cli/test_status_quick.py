"""`status --json` from a filled status cache is answered without SQLAlchemy (services/status_quick.py):
byte for byte what the full path prints, for the same account; whatever the quick read cannot vouch
for (a pupil not cached, a refused account, a broken audit log) goes the full way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.actors import IB
from tests.cli.test_roles import DIRECTIE, JUF, school  # noqa: F401  (school: the encrypted school with its accounts)
from tests.conftest import DEMO_TODAY, PASSPHRASE, cli, raw
from verzuimdesk.services import status_quick
from verzuimdesk.services.registration_checks import set_checked
from verzuimdesk.storage.database import open_database


def printed(capsys: pytest.CaptureFixture[str], db: Path, day: date, *how: str) -> str:
    capsys.readouterr()
    assert cli("status", *how, "--db", db, "--date", day.isoformat()) == 0
    return capsys.readouterr().out


def full(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db: Path, day: date,
         *how: str) -> str:
    """What the command printed before it had a quick path."""
    with monkeypatch.context() as m:
        m.setattr(status_quick, "cached_status", lambda *args: None)
        return printed(capsys, db, day, *how)


def quick(db: Path, day: date, secret: str | None = None) -> bool:
    return status_quick.cached_status(str(db), day, secret) is not None


def test_the_cached_answer_is_the_full_one_byte_for_byte(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    day = date(2026, 10, 5)
    assert not quick(demo_db, day)  # a date not cached yet: the full path computes and keeps it
    first = printed(capsys, demo_db, day, "--json")
    assert quick(demo_db, day)
    assert printed(capsys, demo_db, day, "--json") == first == full(monkeypatch, capsys, demo_db, day, "--json")
    assert printed(capsys, demo_db, DEMO_TODAY, "--json") == full(monkeypatch, capsys, demo_db, DEMO_TODAY, "--json")
    assert printed(capsys, demo_db, day) == full(monkeypatch, capsys, demo_db, day)  # the Dutch table too

    db = open_database(str(demo_db))
    try:
        with db.begin() as s:  # an absence: the triggers drop that pupil's statuses
            pupil, group = s.execute(text("SELECT p.id, g.name FROM pupil p JOIN school_group g "
                                          "ON g.id = p.group_id ORDER BY p.id LIMIT 1")).one()
            code = s.execute(text("SELECT id FROM absence_code WHERE code = 'O'")).scalar_one()
            s.execute(text("INSERT INTO absence (pupil_id, day, code_id, reported_by, note, created_at, created_by) "
                           "VALUES (:p, '2026-10-02', :c, '', '', '2026-10-02', 'test')"), {"p": pupil, "c": code})
    finally:
        db.close()
    assert not quick(demo_db, day)
    after_write = printed(capsys, demo_db, day, "--json")
    assert after_write != first and quick(demo_db, day)
    assert printed(capsys, demo_db, day, "--json") == after_write == full(monkeypatch, capsys, demo_db, day, "--json")

    # What no trigger follows (a checked dagdeel, a guardian gone) is read each time, the quick way too.
    db = open_database(str(demo_db))
    try:
        set_checked(db, group=group, day=date(2026, 10, 2), part=0, checked=True, by=IB, today=day)
        with db.begin() as s:
            s.execute(text("DELETE FROM guardian WHERE pupil_id = (SELECT min(pupil_id) FROM guardian)"))
    finally:
        db.close()
    assert quick(demo_db, day)
    assert printed(capsys, demo_db, day, "--json") == full(monkeypatch, capsys, demo_db, day, "--json") != after_write


def test_on_an_encrypted_file_each_account_sees_what_its_role_allows(school: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    day = date(2025, 11, 10)
    whole = printed(capsys, school, day, "--json")  # the IB-er's: computes and keeps every pupil
    assert quick(school, day, PASSPHRASE) and whole == full(monkeypatch, capsys, school, day, "--json")
    monkeypatch.setenv("VERZUIMDESK_PASSPHRASE", JUF)
    status = status_quick.cached_status(str(school), day, JUF)
    assert status is not None and [p.number for p in status.pupils] == ["1002"]  # only the own group
    own = printed(capsys, school, day, "--json")
    assert own == full(monkeypatch, capsys, school, day, "--json") != whole
    monkeypatch.setenv("VERZUIMDESK_PASSPHRASE", DIRECTIE)
    assert not quick(school, day, DIRECTIE)
    assert cli("status", "--json", "--db", school, "--date", day.isoformat()) == 1
    assert "cijfers van de school" in capsys.readouterr().err
    assert not quick(school, day, "geen-wachtwoord-dus")
    assert not quick(school, day, None)


def test_a_log_changed_outside_the_app_goes_the_full_way_and_warns(school: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    day = date(2025, 11, 10)
    before = printed(capsys, school, day, "--json")
    assert quick(school, day, PASSPHRASE)
    con = raw(school)  # what someone with the key and a SQLite shell does (tests/storage/test_audit.py)
    con.execute("DROP TRIGGER audit_log_no_delete")
    con.execute("DELETE FROM audit_log WHERE id > (SELECT max(id) - 2 FROM audit_log)")
    con.commit()
    con.close()
    assert not quick(school, day, PASSPHRASE)
    capsys.readouterr()
    assert cli("status", "--json", "--db", school, "--date", day.isoformat()) == 0
    out = capsys.readouterr()
    assert out.out == before and "verwijderd" in out.err


def test_a_folder_with_a_hash_in_its_name_is_read_where_it_is(demo_db: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "School #3 ?groep 5"
    folder.mkdir()
    db = folder / "verzuimdesk.db"
    db.write_bytes(demo_db.read_bytes())
    first = printed(capsys, db, DEMO_TODAY, "--json")
    assert quick(db, DEMO_TODAY)  # the quick read found the cache in this file, not in an empty "School "
    assert printed(capsys, db, DEMO_TODAY, "--json") == first == full(monkeypatch, capsys, db, DEMO_TODAY, "--json")
    assert cli("backup", "--db", db, "--out", folder / "kopie #1.vdb") == 0
    assert (folder / "kopie #1.vdb").stat().st_size > 100_000
    assert {p.name for p in tmp_path.iterdir()} == {folder.name, demo_db.name}  # nothing made beside it
