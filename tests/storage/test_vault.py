from __future__ import annotations

from pathlib import Path

import pytest

from verzuimdesk.storage.database import create_encrypted_database, open_database
from verzuimdesk.storage.instance_lock import InstanceLock
from verzuimdesk.storage.vault import Vault, VaultError, normalise_recovery_key


def test_recovery_key_opens_when_the_password_is_forgotten(tmp_path: Path) -> None:
    db, recovery = create_encrypted_database(str(tmp_path / "e.db"), user="ib", password="lang-genoeg-wachtwoord")
    db.close()
    assert len(normalise_recovery_key(recovery)) == 32
    again = open_database(str(tmp_path / "e.db"), passphrase=recovery.lower().replace("-", " "))
    assert again.user == "herstelsleutel"
    again.close()


def test_slots_are_bound_to_their_vault_and_user() -> None:
    v, key, _ = Vault.create("ib", "lang-genoeg-wachtwoord")
    other, _, _ = Vault.create("ib", "lang-genoeg-wachtwoord")
    other.slots = v.slots  # a slot copied into another vault does not open there
    with pytest.raises(VaultError):
        other.unlock("lang-genoeg-wachtwoord")
    renamed = Vault.from_json(v.to_json().replace('"user": "ib"', '"user": "directie"'))
    with pytest.raises(VaultError):
        renamed.unlock("lang-genoeg-wachtwoord")
    assert v.unlock("lang-genoeg-wachtwoord") == (key, "ib")


def test_damaged_slots_file_is_a_dutch_error() -> None:
    with pytest.raises(VaultError, match="beschadigd"):
        Vault.from_json("{niet json")


def test_a_second_instance_on_the_same_database_is_refused(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path / "x.db"), InstanceLock(tmp_path / "x.db")
    assert first.acquire()
    try:
        import subprocess
        import sys

        code = ("import sys; from pathlib import Path; from verzuimdesk.storage.instance_lock import InstanceLock;"
                f"sys.exit(0 if InstanceLock(Path({str(tmp_path / 'x.db')!r})).acquire() else 3)")
        assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 3
    finally:
        first.release()
    assert second.acquire()
    second.release()
