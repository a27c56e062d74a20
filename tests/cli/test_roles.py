"""The command line acts as the account whose password opened the database, and does only what its role
allows: otherwise it says so in Dutch and exits 1, and nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, PASSPHRASE, cli, imported
from verzuimdesk.services.accounts import Role, account_of, add_account
from verzuimdesk.storage.database import open_database

JUF = "juf-groep-12-wachtwoord"  # leerkracht of group 1-2: Daniël (1002); Zoë, Sem and Anaïs are in 5
DIRECTIE = "directie-wachtwoord-9"


@pytest.fixture
def school(db_path: Path) -> Path:
    imported(db_path)
    db = open_database(str(db_path), passphrase=PASSPHRASE)
    try:
        ib = account_of(db, "ib")
        add_account(db, by=ib, username="juf", name="Juf Ans", role=Role.TEACHER, password=JUF, groups=("1-2",))
        add_account(db, by=ib, username="dir", name="Dirk", role=Role.MANAGEMENT, password=DIRECTIE)
    finally:
        db.close()
    return db_path


def as_user(monkeypatch: pytest.MonkeyPatch, password: str) -> None:
    monkeypatch.setenv("VERZUIMDESK_PASSPHRASE", password)


def refused(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    capsys.readouterr()
    assert cli(*args) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()
    return err


def test_a_teachers_status_shows_only_the_own_groups(school: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    as_user(monkeypatch, JUF)
    capsys.readouterr()
    assert cli("status", "--db", school, "--date", "2025-11-10", "--json") == 0
    assert [p["leerlingnummer"] for p in json.loads(capsys.readouterr().out)["pupils"]] == ["1002"]
    as_user(monkeypatch, DIRECTIE)
    assert "cijfers van de school" in refused(capsys, "status", "--db", school)


def test_a_teacher_makes_no_documents_and_changes_no_settings(school: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    as_user(monkeypatch, JUF)
    out = tmp_path / "dossier.pdf"
    assert "Alleen de IB-er maakt documenten" in refused(
        capsys, "export", "dossier", "--db", school, "--pupil", "1001", "--recipient", "ouders", "--out", out)
    assert "Alleen de IB-er" in refused(capsys, "inzage", "--db", school, "--pupil", "1001",
                                        "--out", tmp_path / "inzage.json")
    assert "Alleen de IB-er" in refused(capsys, "import", "absences", "--db", school, DATA / "absences.csv")
    assert "Alleen de IB-er" in refused(capsys, "school", "--db", school, DATA / "school.toml")
    assert "Alleen de IB-er" in refused(capsys, "retention", "--db", school, "--delete")
    assert "Alleen de IB-er" in refused(capsys, "backup", "--db", school, "--out", tmp_path / "kopie.db")
    assert not out.exists() and not (tmp_path / "inzage.json").exists() and not (tmp_path / "kopie.db").exists()


def test_a_teacher_cannot_restore_a_backup(school: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("backup", "--db", school, "--out", tmp_path / "kopie.db") == 0  # the IB-er's copy
    before = school.read_bytes()
    as_user(monkeypatch, JUF)
    assert "Alleen de IB-er" in refused(capsys, "restore", "--db", school, tmp_path / "kopie.db", "--ja")
    assert school.read_bytes() == before


def test_the_directie_exports_figures_but_no_dossier(school: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    as_user(monkeypatch, DIRECTIE)
    assert cli("export", "quarterly", "--db", school, "--date", "2025-11-10", "--out", tmp_path / "k.csv") == 0
    assert "Alleen de IB-er maakt documenten" in refused(
        capsys, "export", "dossier", "--db", school, "--pupil", "1001", "--recipient", "ouders",
        "--out", tmp_path / "d.pdf")


def test_the_ib_er_still_does_everything(school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("export", "dossier", "--db", school, "--pupil", "1001", "--recipient", "ouders",
               "--out", tmp_path / "d.pdf") == 0
    assert cli("backup", "--db", school, "--out", tmp_path / "kopie.db") == 0
    assert cli("restore", "--db", school, tmp_path / "kopie.db", "--ja") == 0
