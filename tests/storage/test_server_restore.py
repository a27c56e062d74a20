"""Restoring a server database from the encrypted file of `verzuimdesk backup` (issue #24): into an empty
database, or over one that holds a school only when asked (`--vervang`, and what was there is copied
first); the same rows come back, the audit chain holds, and each account's login is matched with the
server's roles (kept with its password, or new with a one-time password). Throwaway clusters that check
passwords, as in test_server_roles.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from tests.conftest import PASSPHRASE
from tests.dbdump import dump
from tests.storage.test_postgres import cluster
from tests.storage.test_server_roles import ADMIN, JUF, raw, school, secure_server  # noqa: F401  (fixtures)
from verzuimdesk.cli.main import run
from verzuimdesk.services.account_admin import must_change_password
from verzuimdesk.services.accounts import Role, add_account, login
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.registration import AbsenceSpec, apply_edit
from verzuimdesk.services.server_backup import backup_server
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, open_database
from verzuimdesk.storage.models import Absence, AuditEntry, Pupil

pytestmark = pytest.mark.slow

COMPUTED = {"status_cache", "status_generation", "audit_permit", "audit_log", "setting"}


def secure_address(server: tuple[str, int], name: str) -> str:
    return f"postgresql:///{name}?host={server[0]}&port={server[1]}"


def as_owner(address: str) -> str:
    return address.replace(":///", f"://verzuimdesk:{ADMIN}@/")


def same_data(before: dict[str, list[tuple[object, ...]]], db: Database, *, same_key: bool = True) -> None:
    """Every row of every table as before; the log as before plus the restore's own row at the end (with the
    same hashes when the copy came from a server: both chain under the server's key)."""
    after = dump(db)
    for table, rows in before.items():
        if table not in COMPUTED:
            assert after[table] == rows, table
    log = (lambda rows: sorted(rows)) if same_key else (lambda rows: sorted(r[:-2] for r in rows))
    assert log(after["audit_log"])[:-1] == log(before["audit_log"])
    flags = lambda rows: [r for r in rows if not str(r[1]).startswith("eenmalig_wachtwoord:")]  # noqa: E731
    assert flags(after["setting"]) == flags(before["setting"])
    with db.read() as s:
        assert audit.verify(s) is None
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
    assert (last.action, last.entity) == ("restore", "database")


@pytest.fixture
def backed_up(school: str, tmp_path: Path) -> tuple[Path, dict[str, list[tuple[object, ...]]]]:  # noqa: F811
    """The school with a leerkracht and her registration, copied by `backup`; the rows as they were."""
    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        add_account(db, by=ib, username="juf", name="Juf Anna", role=Role.TEACHER, password=JUF, groups=("1-2",))
    finally:
        db.close()
    db, juf = login(school, username="juf", password=JUF)
    try:
        with db.read() as s:
            mine = s.scalars(select(Pupil.id).where(Pupil.number == "1002")).one()
        apply_edit(db, add=[AbsenceSpec(mine, date(2025, 11, 5), "Z")], by=juf)
    finally:
        db.close()
    owner = open_database(as_owner(school))
    try:
        out = tmp_path / "kopie.db"
        backup_server(owner, out, user="ib", password=PASSPHRASE)
        return out, dump(owner)
    finally:
        owner.close()


def test_a_restore_over_a_school_needs_vervang_and_brings_back_the_copy_with_the_passwords_kept(
        school: str, backed_up: tuple[Path, dict[str, list[tuple[object, ...]]]],  # noqa: F811
        capsys: pytest.CaptureFixture[str]) -> None:
    out, before = backed_up
    db, ib = login(school, username="ib", password=PASSPHRASE)  # a change after the copy was made
    try:
        with db.read() as s:
            pupil = s.scalars(select(Pupil.id).where(Pupil.number == "1001")).one()
        apply_edit(db, add=[AbsenceSpec(pupil, date(2025, 11, 6), "O")], by=ib)
    finally:
        db.close()
    owner = open_database(as_owner(school))
    changed = dump(owner)
    owner.close()

    capsys.readouterr()
    assert run(["restore", "--db", as_owner(school), str(out), "--ja"]) == 1
    err = capsys.readouterr().err
    assert "niet leeg" in err and "--vervang" in err and "Er is niets gewijzigd" in err
    owner = open_database(as_owner(school))
    assert dump(owner) == changed
    owner.close()

    # As a user (even the IB-er), not as the owner of the tables: refused.
    ib_address = school.replace(":///", f"://ib:{PASSPHRASE}@/")
    assert run(["restore", "--db", ib_address, str(out), "--ja", "--vervang"]) == 1
    assert "beheerdersrol" in capsys.readouterr().err

    assert run(["restore", "--db", as_owner(school), str(out), "--ja", "--vervang"]) == 0
    said = capsys.readouterr().out
    assert "Kopie teruggezet op de server" in said and "wachtwoord op de server houden: ib, juf" in said
    owner = open_database(as_owner(school))
    try:
        same_data(before, owner)
    finally:
        owner.close()
    safety = [p for p in out.parent.iterdir() if "_voor-terugzetten_" in p.name and p.suffix == ".db"]
    assert len(safety) == 1 and str(safety[0]) in said
    copy_of_before = open_database(str(safety[0]), passphrase=PASSPHRASE)  # what was there, with the late change
    try:
        assert len(dump(copy_of_before)["absence"]) == len(changed["absence"]) == len(before["absence"]) + 1
    finally:
        copy_of_before.close()
    # The accounts log in with the passwords they had; the leerkracht still sees only her group.
    login(school, username="ib", password=PASSPHRASE)[0].close()
    with raw(school, "juf", JUF) as conn:
        assert [r[0] for r in conn.execute("SELECT number FROM pupil")] == ["1002"]
    # New rows get ids after the restored ones (the sequences were set).
    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        with db.read() as s:
            pupil = s.scalars(select(Pupil.id).where(Pupil.number == "1003")).one()
        apply_edit(db, add=[AbsenceSpec(pupil, date(2025, 11, 10), "Z")], by=ib)
        with db.read() as s:
            newest = s.scalar(select(Absence.id).where(Absence.pupil_id == pupil, Absence.day == date(2025, 11, 10)))
    finally:
        db.close()
    assert newest is not None and newest > max(r[0] for r in before["absence"])


def test_a_restore_into_an_empty_database_on_a_new_server_gives_each_account_a_one_time_password(
        backed_up: tuple[Path, dict[str, list[tuple[object, ...]]]], capsys: pytest.CaptureFixture[str]) -> None:
    out, before = backed_up
    with cluster(password=ADMIN) as (host, port):  # the old server is gone: no roles of these people here
        with psycopg.connect(host=host, port=port, user="verzuimdesk", password=ADMIN, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute('CREATE DATABASE "school"')
        fresh = f"postgresql:///school?host={host}&port={port}"
        capsys.readouterr()
        assert run(["restore", "--db", as_owner(fresh), str(out), "--ja"]) == 0
        said = capsys.readouterr().out
        one_time = dict(line.strip().split(": ", 1) for line in said.splitlines() if line.startswith("  "))
        assert set(one_time) == {"ib", "juf"}
        owner = open_database(as_owner(fresh))
        try:
            same_data(before, owner)
        finally:
            owner.close()
        with pytest.raises(Refused):
            login(fresh, username="juf", password=JUF)  # her old password was never in the file
        db, juf = login(fresh, username="juf", password=one_time["juf"])
        try:
            assert juf.role is Role.TEACHER and must_change_password(db, "juf")
            with db.read() as s:
                assert s.scalars(select(Pupil.number)).all() == ["1002"]  # row-level security on the new server
        finally:
            db.close()


def test_a_restore_whose_accounts_belong_to_another_database_is_refused_and_changes_nothing(
        secure_server: tuple[str, int], backed_up: tuple[Path, dict[str, list[tuple[object, ...]]]],  # noqa: F811
        capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = backed_up
    host, port = secure_server
    with psycopg.connect(host=host, port=port, user="verzuimdesk", password=ADMIN, dbname="postgres",
                         autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "andere"')
        conn.execute('CREATE DATABASE "andere"')
    other = f"postgresql://verzuimdesk:{ADMIN}@/andere?host={host}&port={port}"
    capsys.readouterr()
    assert run(["restore", "--db", other, str(out), "--ja"]) == 1
    assert "geen IB-er kunnen inloggen" in capsys.readouterr().err
    db = open_database(other)
    try:
        from verzuimdesk.services.server_restore import contents

        assert contents(db) is None
    finally:
        db.close()
    # A leerkracht's copy holds only her group: it never replaces a school.
    db, _juf = login(secure_address(secure_server, "school"), username="juf", password=JUF)
    try:
        backup_server(db, out.with_name("juf.db"), user="juf", password=PASSPHRASE)
    finally:
        db.close()
    assert run(["restore", "--db", other, str(out.with_name("juf.db")), "--ja"]) == 1
    assert "alleen de leerlingen van diens groepen" in capsys.readouterr().err
    # A wrong password of the copy: refused in Dutch before anything is read.
    bad = {"VERZUIMDESK_PASSPHRASE": "fout-wachtwoord-99"}
    import os

    old = os.environ["VERZUIMDESK_PASSPHRASE"]
    os.environ.update(bad)
    try:
        assert run(["restore", "--db", other, str(out), "--ja"]) == 1
    finally:
        os.environ["VERZUIMDESK_PASSPHRASE"] = old
    assert "wachtwoord" in capsys.readouterr().err.lower()


def test_a_laptops_database_moves_to_a_server_by_restore(
        secure_server: tuple[str, int], school_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    laptop = open_database(str(school_path), passphrase=PASSPHRASE)
    before = dump(laptop)
    laptop.close()
    host, port = secure_server
    with psycopg.connect(host=host, port=port, user="verzuimdesk", password=ADMIN, dbname="postgres",
                         autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "verhuisd" WITH (FORCE)')
        conn.execute('DROP DATABASE IF EXISTS "school" WITH (FORCE)')
        conn.execute('CREATE DATABASE "verhuisd"')
        conn.execute("DROP ROLE IF EXISTS juf")
        conn.execute("DROP ROLE IF EXISTS ib")
        conn.execute("CREATE ROLE ib LOGIN")  # someone else's 'ib' on this server
    target = secure_address(secure_server, "verhuisd")
    capsys.readouterr()
    # The laptop's IB-er 'ib' is a role on this server that is no account of this database: refused.
    assert run(["restore", "--db", as_owner(target), str(school_path), "--ja"]) == 1
    assert "geen IB-er kunnen inloggen" in capsys.readouterr().err
    with psycopg.connect(host=host, port=port, user="verzuimdesk", password=ADMIN, dbname="postgres",
                         autocommit=True) as conn:
        conn.execute("DROP ROLE ib")
    assert run(["restore", "--db", as_owner(target), str(school_path), "--ja"]) == 0
    said = capsys.readouterr().out
    one_time = dict(line.strip().split(": ", 1) for line in said.splitlines() if line.startswith("  "))
    assert set(one_time) == {"ib"}
    owner = open_database(as_owner(target))
    try:
        same_data(before, owner, same_key=False)  # the laptop's chain was keyed with its data key
    finally:
        owner.close()
    db, ib = login(target, username="ib", password=one_time["ib"])
    try:
        assert ib.role is Role.IB and must_change_password(db, "ib")
    finally:
        db.close()
