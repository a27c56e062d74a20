"""`--out` never replaces an existing file without `--overschrijven` (issue 15): the command refuses in
Dutch, exit 1, the file as it was and nothing logged as exported; with the flag it is replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.reports.conftest import cli, open_db, pdf_text
from verzuimdesk.storage.models import AuditEntry

EXPORTS = {
    "duo": ("export", "duo", "--pupil", "1003", "--date", "2025-11-21"),
    "dossier": ("export", "dossier", "--pupil", "1003", "--recipient", "ouders", "--date", "2025-11-21"),
    "conversation": ("export", "conversation", "--pupil", "1003"),
    "inzage": ("inzage", "--pupil", "1003"),
    "trends": ("trends", "--from", "2025-09-01", "--to", "2025-11-21"),
}


def _exports_logged(db_path: Path) -> int:
    db = open_db(db_path)
    with db.read() as s:
        n = len(list(s.scalars(select(AuditEntry).where(AuditEntry.action == "export"))))
    db.close()
    return n


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_an_existing_out_file_is_refused_unless_overschrijven(kind: str, school_db: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "verslag.pdf"
    out.write_bytes(b"de brief van gisteren")
    before = _exports_logged(school_db)
    assert cli(*EXPORTS[kind], "--db", school_db, "--out", out) == 1
    err = capsys.readouterr().err
    assert f"{out} bestaat al; er is niets geschreven" in err and "--overschrijven" in err
    assert out.read_bytes() == b"de brief van gisteren"
    assert _exports_logged(school_db) == before
    assert cli(*EXPORTS[kind], "--db", school_db, "--out", out, "--overschrijven") == 0
    assert out.read_bytes().startswith(b"%PDF") and pdf_text(out)


def test_a_folder_as_out_is_refused(school_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(*EXPORTS["duo"], "--db", school_db, "--out", tmp_path, "--overschrijven") == 1
    assert "is een map" in capsys.readouterr().err


def test_a_new_file_needs_no_flag(school_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "nieuw.pdf"
    assert cli(*EXPORTS["duo"], "--db", school_db, "--out", out) == 0
    assert out.exists()
