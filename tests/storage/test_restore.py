"""Restore (issue #18): the locks, a safety copy first, the pair swapped whole, the copy named first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, cli
from verzuimdesk.services.pupils import list_pupils
from verzuimdesk.storage import swap
from verzuimdesk.storage.database import DatabaseError, open_database
from verzuimdesk.storage.instance_lock import InstanceLock

NEW = "leerlingnummer;voornaam;achternaam;geboortedatum;groep;inschrijfdatum\n3001;Nieuw;Kind;2018-01-01;3;2022-08-29\n"


@pytest.fixture
def copied(db_path: Path, tmp_path: Path) -> Path:
    """A backup of the school, then a change after it (a pupil the backup does not know)."""
    copy = tmp_path / "kopie.db"
    assert cli("backup", "--db", db_path, "--out", copy) == 0
    (tmp_path / "p.csv").write_text(NEW, encoding="utf-8")
    assert cli("import", "pupils", "--db", db_path, tmp_path / "p.csv") == 0
    return copy


def pupils(path: Path) -> list[str]:
    db = open_database(str(path), passphrase=PASSPHRASE)
    try:
        return [p.number for p in list_pupils(db)]
    finally:
        db.close()


def test_the_copy_is_named_by_school_and_date_before_anything_happens(
        db_path: Path, copied: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli("restore", "--db", db_path, copied) == 1  # no terminal and no --ja: nothing is replaced
    out = capsys.readouterr()
    assert "Reservekopie van OBS De Klimop, gemaakt op " in out.out
    assert "--ja" in out.err
    assert "3001" in pupils(db_path)


def test_a_restore_makes_a_safety_copy_that_opens_with_the_same_password(
        db_path: Path, copied: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("restore", "--ja", "--db", db_path, copied) == 0
    assert "3001" not in pupils(db_path)
    safety = next((db_path.parent / "reservekopieen").glob("school_*_voor-herstel.db"))
    assert safety.with_name(safety.name + ".sleutels").exists()
    assert "3001" in pupils(safety)  # what was there before the restore is kept
    assert str(safety) in capsys.readouterr().out


def test_a_restore_is_refused_while_another_process_has_the_database_open(db_path: Path, copied: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    code = ("import sys; from verzuimdesk.storage.database import open_database; "
            f"db = open_database({str(db_path)!r}, passphrase={PASSPHRASE!r}); print('open', flush=True); "
            "sys.stdin.read(); db.close()")
    other = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             env={**os.environ}, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        capsys.readouterr()
        assert cli("restore", "--ja", "--db", db_path, copied) == 1
        assert "geopend door VerzuimDesk of een andere opdracht" in capsys.readouterr().err
    finally:
        other.communicate("")
    assert "3001" in pupils(db_path)  # nothing was replaced
    assert cli("restore", "--ja", "--db", db_path, copied) == 0  # once it is closed, the restore goes ahead


def test_a_restore_is_refused_while_the_app_holds_the_instance_lock(db_path: Path, copied: Path) -> None:
    code = ("import sys; from pathlib import Path; from verzuimdesk.storage.instance_lock import InstanceLock; "
            f"lock = InstanceLock(Path({str(db_path)!r})); assert lock.acquire(); print('open', flush=True); sys.stdin.read()")
    other = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        assert cli("restore", "--ja", "--db", db_path, copied) == 1
    finally:
        other.communicate("")
    assert InstanceLock(db_path).acquire()


def test_a_command_cannot_open_the_database_while_a_restore_runs(db_path: Path) -> None:
    from verzuimdesk.storage.instance_lock import UseLock

    lock = UseLock(db_path)
    assert lock.acquire(exclusive=True)
    try:
        with pytest.raises(DatabaseError, match="reservekopie teruggezet"):
            open_database(str(db_path), passphrase=PASSPHRASE)
    finally:
        lock.release()


def test_a_crash_between_the_slots_and_the_database_is_finished_at_the_next_open(
        db_path: Path, copied: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace

    def crash_on_the_database(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == db_path:
            raise SystemExit("kill")  # the process dies after the slots were replaced
        real(src, dst)

    monkeypatch.setattr(swap.os, "replace", crash_on_the_database)
    with pytest.raises(SystemExit):
        cli("restore", "--ja", "--db", db_path, copied)
    monkeypatch.setattr(swap.os, "replace", real)
    assert swap.marker(db_path).exists()
    assert "3001" not in pupils(db_path)  # the password opens the restored pair, not half of each
    assert not swap.marker(db_path).exists()


def test_a_crash_before_the_swap_began_leaves_the_old_pair(db_path: Path, copied: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(swap, "commit", lambda *a, **k: (_ for _ in ()).throw(SystemExit("kill")))
    with pytest.raises(SystemExit):
        cli("restore", "--ja", "--db", db_path, copied)
    assert swap.pending(db_path).exists()
    assert "3001" in pupils(db_path)
    assert not swap.pending(db_path).exists()  # the half-made copy was thrown away
