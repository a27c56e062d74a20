"""What a new user meets first: README's command-line examples run on the demo as written, and the
refusals read as plain Dutch (no English OS text, no import wording for a date, one message for a
pupil that does not exist)."""

from __future__ import annotations

import errno
import shlex
from pathlib import Path

import pytest

from tests.conftest import cli
from verzuimdesk.domain.file_errors import file_reason

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def fresh_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("VERZUIMDESK_PASSPHRASE", raising=False)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "school.db"
    assert cli("demo", "--db", path, "--today", "2026-11-23") == 0
    return path


def readme_line(start: str) -> list[str]:
    block = README.read_text(encoding="utf-8").split("## Command line", 1)[1].split("```", 2)[1]
    lines = [ln.split("  #")[0].strip() for ln in block.splitlines() if ln.startswith(start)]
    assert len(lines) == 1, lines
    return shlex.split(lines[0])[1:]  # without "verzuimdesk"


@pytest.mark.parametrize("start", ["verzuimdesk export dossier --db school.db --pupil 1027",
                                   "verzuimdesk export letter"])
def test_readme_export_examples_run_on_the_demo_as_written(fresh_demo: Path, start: str) -> None:
    args = readme_line(start)
    assert cli(*args) == 0
    assert (fresh_demo.parent / args[args.index("--out") + 1]).stat().st_size > 0


def test_a_missing_file_or_a_folder_is_said_in_dutch(fresh_demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("import", "absences", "--db", fresh_demo, "bestaatniet.csv") == 1
    assert cli("import", "absences", "--db", fresh_demo, fresh_demo.parent) == 1
    assert cli("verlof", "import", "--db", fresh_demo, fresh_demo.parent) == 1
    assert cli("school", "--db", fresh_demo, "bestaatniet.toml") == 1
    err = capsys.readouterr().err
    assert "kan het bestand niet lezen (het bestand bestaat niet)" in err
    assert "kan het bestand niet lezen (dit is een map, geen bestand)" in err
    assert "No such file" not in err and "Is a directory" not in err


def test_a_file_that_cannot_be_written_is_said_in_dutch(fresh_demo: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = fresh_demo.parent / "geen-map" / "inzage.json"
    assert cli("inzage", "--db", fresh_demo, "--pupil", "1001", "--out", out) == 1
    err = capsys.readouterr().err
    assert "kan niet geschreven worden: het bestand bestaat niet" in err and "Traceback" not in err


def test_every_os_reason_is_dutch() -> None:
    assert file_reason(PermissionError(errno.EACCES, "Permission denied")) == "geen toestemming om dit bestand te openen"
    assert file_reason(OSError(errno.ENOSPC, "No space left on device")) == "de schijf is vol"
    assert file_reason(OSError(errno.EIO, "Input/output error")) == "het besturingssysteem geeft een fout bij dit bestand"


@pytest.mark.parametrize("command", [["status"], ["export", "duo", "--pupil", "1027", "--out", "duo.pdf"],
                                     ["retention"]])
def test_a_wrong_date_is_a_plain_dutch_message(fresh_demo: Path, capsys: pytest.CaptureFixture[str],
                                               command: list[str]) -> None:
    assert cli(*command, "--db", fresh_demo, "--date", "2026-13-01") == 1
    err = capsys.readouterr().err
    assert "--date: 2026-13-01 is geen geldige datum (gebruik JJJJ-MM-DD)" in err
    assert "ingelezen" not in err and "fout(en)" not in err
    assert not (fresh_demo.parent / "duo.pdf").exists()


def test_an_unknown_pupil_reads_the_same_in_export_and_inzage(fresh_demo: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("export", "duo", "--db", fresh_demo, "--pupil", "9999", "--out", "duo.pdf") == 1
    assert cli("inzage", "--db", fresh_demo, "--pupil", "9999", "--out", "i.json") == 1
    err = capsys.readouterr().err.splitlines()
    assert err == ["Er is geen leerling met leerlingnummer 9999."] * 2


def test_verlof_list_runs_on_the_plain_demo(fresh_demo: Path) -> None:
    assert cli(*[a for a in readme_line("verzuimdesk verlof list") if a != "[--json]"]) == 0
