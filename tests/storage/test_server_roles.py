"""Accounts on a server (issue #24): `verzuimdesk init --db postgresql://…` makes the schema and the first
IB-er's own login; the IB-er adds a leerkracht, who logs in with her own password and, even with raw SQL,
reads and writes only the pupils of her own group. A throwaway cluster that checks passwords."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import DATA, PASSPHRASE
from tests.storage.test_postgres import cluster
from verzuimdesk.cli.main import run
from verzuimdesk.services.account_admin import set_active
from verzuimdesk.services.accounts import Role, add_account, login
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.registration import AbsenceSpec, apply_edit
from verzuimdesk.services.status import school_status
from verzuimdesk.storage import audit
from verzuimdesk.storage.models import Pupil

pytestmark = pytest.mark.slow

ADMIN = "beheer-wachtwoord-42"
JUF = "juf-wachtwoord-7"


@pytest.fixture(scope="module")
def secure_server() -> Iterator[tuple[str, int]]:
    with cluster(password=ADMIN) as where:
        yield where


@pytest.fixture
def school(secure_server: tuple[str, int], school_file: Path) -> str:
    """A school database made by `init --db` as the owner, with the pupils and absences of tests/data;
    its address without a login (each person adds their own)."""
    import psycopg

    host, port = secure_server
    with psycopg.connect(host=host, port=port, user="verzuimdesk", password=ADMIN, dbname="postgres",
                         autocommit=True) as conn:
        conn.execute('DROP DATABASE IF EXISTS "school" WITH (FORCE)')  # a test's app may still hold one
        conn.execute('CREATE DATABASE "school"')
    owner = f"postgresql://verzuimdesk:{ADMIN}@/school?host={host}&port={port}"
    assert run(["init", "--db", owner, "--school", str(school_file)]) == 0  # IB-er 'ib', VERZUIMDESK_PASSPHRASE
    for kind, name in (("pupils", "pupils.csv"), ("absences", "absences.csv")):
        assert run(["import", kind, "--db", owner, str(DATA / name)]) == 0
    return f"postgresql:///school?host={host}&port={port}"


def raw(school: str, user: str, password: str):  # type: ignore[no-untyped-def]
    import psycopg

    host, port = school.split("host=")[1].split("&port=")
    return psycopg.connect(host=host, port=int(port), user=user, password=password, dbname="school", autocommit=True)


def test_a_leerkracht_reads_and_writes_only_her_own_group_even_with_raw_sql(
        school: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import json

    import psycopg

    with pytest.raises(Refused, match="Onjuiste gebruikersnaam of wachtwoord"):
        login(school, username="ib", password="fout")
    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        assert ib.role is Role.IB
        add_account(db, by=ib, username="juf", name="Juf Anna", role=Role.TEACHER, password=JUF, groups=("1-2",))
        with db.read() as s:
            everyone = set(s.scalars(select(Pupil.number)))
    finally:
        db.close()
    assert everyone == {"1001", "1002", "1003", "1004"}

    with raw(school, "juf", JUF) as conn:
        assert [r[0] for r in conn.execute("SELECT number FROM pupil")] == ["1002"]
        assert conn.execute("SELECT count(*) FROM absence a JOIN pupil p ON p.id = a.pupil_id").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM absence").fetchone() == (1,)  # 1001's and 1003's: not there
        assert conn.execute("SELECT count(*) FROM audit_log WHERE pupil_id IS NOT NULL AND pupil_id NOT IN "
                            "(SELECT id FROM pupil)").fetchone() == (0,)
        (own,) = conn.execute("SELECT id FROM pupil").fetchone()  # type: ignore[misc]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no own promotion to IB-er
            conn.execute("UPDATE staff SET role = 'ib' WHERE username = 'juf'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # no account of her own making
            conn.execute("SELECT vd_create_login('x', 'SCRAM-SHA-256$4096:x$y:z', 'ib')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the log is append-only for her
            conn.execute("DELETE FROM audit_log")
        # Writing a row for a pupil of another group is refused by the policy (no such pupil for her).
        with pytest.raises(psycopg.Error):
            conn.execute("INSERT INTO absence (pupil_id, day, code_id, created_at, created_by, note, reported_by, "
                         "topic_review, version) VALUES (%s, '2025-11-05', 1, now(), 'juf', '', '', false, 1)",
                         (1 if own != 1 else 2,))

    # Through the app she works as a leerkracht of 1-2; what she writes continues the one audit chain.
    db, juf = login(school, username="juf", password=JUF)
    try:
        assert (juf.role, juf.groups) == (Role.TEACHER, ("1-2",))
        with db.read() as s:
            mine = s.scalars(select(Pupil.id).where(Pupil.number == "1002")).one()
        apply_edit(db, add=[AbsenceSpec(mine, date(2025, 11, 5), "Z")], by=juf)
        # Her lights: her own pupil only; computed, not stored (only the IB-er's app fills the shared cache).
        assert [p.pupil_id for p in school_status(db, date(2025, 11, 12)).pupils] == [mine]
        assert school_status(db, date(2025, 11, 12)).computed == 1
    finally:
        db.close()
    # The command line with her login in the address works as her account too.
    monkeypatch.setenv("PGPASSWORD", JUF)
    capsys.readouterr()
    assert run(["status", "--db", school.replace(":///", "://juf@/"), "--date", "2025-11-12", "--json"]) == 0
    assert [p["leerlingnummer"] for p in json.loads(capsys.readouterr().out)["pupils"]] == ["1002"]
    # ... and keeps to her role: documents about a pupil are the IB-er's, also of her own pupil.
    assert run(["export", "dossier", "--db", school.replace(":///", "://juf@/"), "--pupil", "1002",
                "--recipient", "ouders", "--out", str(tmp_path / "d.pdf")]) == 1
    assert "Alleen de IB-er" in capsys.readouterr().err and not (tmp_path / "d.pdf").exists()
    monkeypatch.delenv("PGPASSWORD")

    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        with db.read() as s:
            assert audit.verify(s) is None
            assert audit.problem(s) is None
        set_active(db, by=ib, username="juf", active=False)  # she left the school
    finally:
        db.close()
    with pytest.raises(psycopg.OperationalError):  # the server itself refuses her login (NOLOGIN) ...
        raw(school, "juf", JUF)
    with raw(school, "verzuimdesk", ADMIN) as conn:  # ... and were it allowed again, she would see no pupil
        conn.execute("ALTER ROLE juf LOGIN")
    with raw(school, "juf", JUF) as conn:
        assert conn.execute("SELECT count(*) FROM pupil").fetchone() == (0,)
    with pytest.raises(Refused, match="geen actieve gebruiker"):
        login(school, username="juf", password=JUF)


def test_a_temporary_table_cannot_stand_in_for_the_tables_the_owners_functions_read(school: str) -> None:
    """The row-level security and the account functions run with the owner's rights; a table a colleague
    makes in her own temporary schema must not take the place of `staff` or `pg_roles` there."""
    import psycopg

    from verzuimdesk.storage.server_roles import scram_verifier

    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        add_account(db, by=ib, username="juf", name="Juf Anna", role=Role.TEACHER, password=JUF, groups=("1-2",))
    finally:
        db.close()
    with raw(school, "juf", JUF) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("CREATE TEMP TABLE staff (id int, username text, active bool, role text)")
    with raw(school, "verzuimdesk", ADMIN) as owner:  # should a grant let her make them after all:
        owner.execute('GRANT TEMPORARY ON DATABASE "school" TO juf, ib')
    with raw(school, "juf", JUF) as conn:
        mine = sorted(r[0] for r in conn.execute("SELECT number FROM pupil"))
        conn.execute("CREATE TEMP TABLE staff (id int, username text, active bool, role text)")
        conn.execute("INSERT INTO staff VALUES (1, 'juf', true, 'ib')")
        assert sorted(r[0] for r in conn.execute("SELECT number FROM pupil")) == mine == ["1002"]
    with raw(school, "ib", PASSPHRASE) as conn:
        conn.execute("CREATE TEMP TABLE pg_roles (oid oid, rolname name, rolsuper bool, rolcreaterole bool)")
        conn.execute("INSERT INTO pg_roles VALUES (1, 'verzuimdesk', false, false), (2, 'vd_school_ib', false, false)")
        conn.execute("CREATE TEMP TABLE pg_auth_members (member oid, roleid oid, admin_option bool)")
        conn.execute("INSERT INTO pg_auth_members VALUES (1, 2, false)")
        with pytest.raises(psycopg.errors.RaiseException, match="geen account van deze school"):
            conn.execute("SELECT vd_create_login('verzuimdesk', %s, 'ib')", (scram_verifier("overgenomen-1"),))
        with pytest.raises(psycopg.errors.RaiseException, match="geen account van deze school"):
            conn.execute("SELECT vd_end_login('verzuimdesk', true)")
    with raw(school, "verzuimdesk", ADMIN) as owner:
        owner.execute('REVOKE TEMPORARY ON DATABASE "school" FROM juf, ib')
        settings = owner.execute("SELECT p.proname, p.proconfig FROM pg_proc p JOIN pg_namespace n ON "
                                 "n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.prosecdef").fetchall()
    assert len(settings) >= 6
    assert all(cfg == ["search_path=pg_catalog, public, pg_temp"] for _name, cfg in settings), settings


def test_an_ib_er_cannot_manage_a_login_that_is_also_another_schools(school: str) -> None:
    import psycopg

    from verzuimdesk.storage.server_roles import scram_verifier

    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        add_account(db, by=ib, username="meester", name="Meester Ali", role=Role.TEACHER, password=JUF,
                    groups=("1-2",))
    finally:
        db.close()
    with raw(school, "verzuimdesk", ADMIN) as owner:  # the board also made him a colleague elsewhere
        owner.execute("CREATE ROLE vd_andere_school_leerkracht NOLOGIN")
        owner.execute("GRANT vd_andere_school_leerkracht TO meester")
    try:
        with raw(school, "ib", PASSPHRASE) as conn:
            with pytest.raises(psycopg.errors.RaiseException, match="geen account van deze school"):
                conn.execute("SELECT vd_create_login('meester', %s, 'leerkracht')", (scram_verifier("x-1234567"),))
            with pytest.raises(psycopg.errors.RaiseException, match="geen account van deze school"):
                conn.execute("SELECT vd_end_login('meester', true)")
        with raw(school, "meester", JUF) as conn:  # his own password still works
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        with raw(school, "verzuimdesk", ADMIN) as owner:
            owner.execute("DROP ROLE vd_andere_school_leerkracht")


def test_the_directeur_decides_leave_on_a_server(school: str, tmp_path: Path) -> None:
    # A review: on a server the directie's role could write no leave request and no absence, so the
    # directeur, who alone decides on verlof (Leerplichtwet art. 11, 13a, 14), could not decide at all.
    from verzuimdesk.domain.verlof import Decision
    from verzuimdesk.services.letters import make_letter
    from verzuimdesk.services.verlof import add_request, decide

    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        add_account(db, by=ib, username="dir", name="Dirk Directeur", role=Role.MANAGEMENT, password=JUF)
        req = add_request(db, by=ib, pupil_numbers=["1001"], start=date(2026, 3, 2), end=date(2026, 3, 3),
                          article="11", reason="Begrafenis van opa", requested_on=date(2026, 2, 20))
    finally:
        db.close()
    db, directeur = login(school, username="dir", password=JUF)
    try:
        done = decide(db, by=directeur, request_id=req.id, decision=Decision.GRANTED, on=date(2026, 2, 23))
        assert done.added == 2
        decide(db, by=directeur, request_id=req.id, decision=Decision.REFUSED, note="Herzien", on=date(2026, 2, 24))
        # ... and records a request himself and prints the decision's letter (a review: 'permission denied for
        # table verlof_pupil', 'for table letter')
        own = add_request(db, by=directeur, pupil_numbers=["1002"], start=date(2026, 4, 13), end=date(2026, 4, 13),
                          article="11", reason="Huwelijk van oom", requested_on=date(2026, 4, 1))
        decide(db, by=directeur, request_id=own.id, decision=Decision.GRANTED, on=date(2026, 4, 2))
        letter = make_letter(db, by=directeur, pupil_number="1002", template="verlof-verleend", verlof_id=own.id,
                             out=tmp_path / "verleend.pdf", on=date(2026, 4, 2))
        assert (tmp_path / "verleend.pdf").exists() and letter is not None
    finally:
        db.close()


def test_a_leerkrachts_own_copy_is_made_although_she_sees_part_of_the_log(school: str, tmp_path: Path) -> None:
    # A review: her view of the log leaves out the rows of other groups' pupils, and the copy was refused as a
    # broken log ("meld dit aan de directie"), a false alarm.
    from verzuimdesk.services.server_backup import backup_server

    db, ib = login(school, username="ib", password=PASSPHRASE)
    try:
        add_account(db, by=ib, username="juf", name="Juf Anna", role=Role.TEACHER, password=JUF, groups=("1-2",))
        with db.read() as s:
            others = s.scalars(select(Pupil.id).where(Pupil.number == "1001")).one()
        apply_edit(db, add=[AbsenceSpec(others, date(2025, 11, 5), "Z")], by=ib)  # a row she does not see
    finally:
        db.close()
    db, juf = login(school, username="juf", password=JUF)
    try:
        with db.read() as s:
            mine = s.scalars(select(Pupil.id).where(Pupil.number == "1002")).one()
        apply_edit(db, add=[AbsenceSpec(mine, date(2025, 11, 6), "Z")], by=juf)
        made = backup_server(db, tmp_path / "juf.db", user="juf", password=PASSPHRASE)
    finally:
        db.close()
    assert (tmp_path / "juf.db").exists() and made is not None
