"""The key slots of an encrypted database: one random data key, wrapped once per password.

The data key encrypts the SQLite file (SQLCipher, raw key). It is never stored: each staff password
and the recovery key derive a key-encryption key with Argon2id, which wraps the data key with
AES-GCM in a slot. So a new colleague or a changed password adds or rewrites one slot and the
database is never re-encrypted. The slots file (`<database>.sleutels`) holds only salts, nonces and
wrapped keys; without a password or the recovery key it reveals nothing.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from verzuimdesk.domain.file_errors import file_reason
from verzuimdesk.domain.refusal import DatabaseDamaged, Refused
from verzuimdesk.storage import files
from verzuimdesk.storage.files import SLOTS_SUFFIX

SUFFIX = SLOTS_SUFFIX
RECOVERY = "herstelsleutel"  # the user name of the recovery slot
# Argon2id at OWASP's second recommended setting (19 MiB, t=2): about 50 ms here, enough against
# guessing with a wrapped key, short enough that the app opens at once.
KDF_TIME, KDF_MEMORY, KDF_LANES = 2, 19 * 1024, 1
# What a slot may ask for: a tampered file with t=10**9 or m=4 TiB would hang every command.
KDF_LIMITS = {"t": (1, 10), "m": (8 * 1024, 256 * 1024), "p": (1, 8)}
MAX_FILE = 1024 * 1024  # a slots file of thousands of colleagues is still a few hundred KiB


class VaultError(Refused):
    """A password that opens no slot, or a slots file that is missing or damaged (Dutch message)."""


class VaultDamaged(VaultError, DatabaseDamaged):
    """The slots file is damaged: like a damaged database, a backup (with its slots file) is the way out."""


def slots_path(db_path: Path) -> Path:
    return files.slots_path(db_path)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode(), validate=True)


def _kek(secret: str, salt: bytes, t: int, m: int, p: int) -> bytes:
    return hash_secret_raw(secret.encode(), salt, time_cost=t, memory_cost=m, parallelism=p, hash_len=32,
                           type=Type.ID)


@dataclass
class Slot:
    user: str
    kind: str  # "password" | "recovery"
    salt: str
    nonce: str
    wrapped: str
    t: int = KDF_TIME
    m: int = KDF_MEMORY
    p: int = KDF_LANES

    def check(self) -> None:
        """Raise ValueError unless every field is what `_add` writes (a tampered file is refused)."""
        if not all(isinstance(v, str) for v in (self.user, self.kind, self.salt, self.nonce, self.wrapped)):
            raise ValueError("een veld is geen tekst")
        if self.kind not in ("password", "recovery"):
            raise ValueError(f"onbekende soort sleutel {self.kind[:20]!r}")
        for name, (low, high) in KDF_LIMITS.items():
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ValueError(f"Argon2-parameter {name} buiten {low}..{high}")
        try:
            salt, nonce, wrapped = _unb64(self.salt), _unb64(self.nonce), _unb64(self.wrapped)
        except ValueError:
            raise ValueError("geen geldige base64") from None
        if len(salt) < 8 or len(nonce) != 12 or len(wrapped) != 48:
            raise ValueError("zout, nonce of sleutel heeft de verkeerde lengte")


@dataclass
class Vault:
    vault_id: str
    slots: list[Slot] = field(default_factory=list)
    anchor: dict[str, Any] | None = None  # the audit log's head (storage/audit.py)

    # -- making ---------------------------------------------------------------------------

    @classmethod
    def create(cls, user: str, password: str) -> tuple[Vault, bytes, str]:
        """A new vault with one password slot and a recovery slot: (vault, data key, recovery key)."""
        vault = cls(str(uuid.uuid4()))
        key = secrets.token_bytes(32)
        recovery = new_recovery_key()
        vault.set_password(key, user, password)
        vault._add(key, RECOVERY, "recovery", normalise_recovery_key(recovery))
        return vault, key, recovery

    def set_password(self, key: bytes, user: str, password: str) -> None:
        """Add the user's slot, or replace it (a changed password): the data key stays the same."""
        check_password_strength(password)
        self.slots = [s for s in self.slots if not (s.kind == "password" and s.user == user)]
        self._add(key, user, "password", password)

    def remove_user(self, user: str) -> None:
        self.slots = [s for s in self.slots if not (s.kind == "password" and s.user == user)]

    def _add(self, key: bytes, user: str, kind: str, secret: str) -> None:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _kek(secret, salt, KDF_TIME, KDF_MEMORY, KDF_LANES)
        wrapped = AESGCM(kek).encrypt(nonce, key, self._aad(user, kind))
        self.slots.append(Slot(user, kind, _b64(salt), _b64(nonce), _b64(wrapped)))

    def _aad(self, user: str, kind: str) -> bytes:
        # Binding the slot to this vault and user stops a slot being copied to another file or name.
        return f"{self.vault_id}|{kind}|{user}".encode()

    # -- opening --------------------------------------------------------------------------

    @property
    def users(self) -> list[str]:
        return [s.user for s in self.slots if s.kind == "password"]

    def unlock(self, secret: str, user: str | None = None) -> tuple[bytes, str]:
        """The data key and the user whose slot opened; tries the recovery slot too.

        With `user`, only that user's slot (and the recovery slot) is tried, so a login costs one
        key derivation.
        """
        candidates = [s for s in self.slots if user is None or s.user == user or s.kind == "recovery"]
        for slot in sorted(candidates, key=lambda s: s.kind != "password"):
            attempt = normalise_recovery_key(secret) if slot.kind == "recovery" else secret
            if slot.kind == "recovery" and not attempt:
                continue
            kek = _kek(attempt, _unb64(slot.salt), slot.t, slot.m, slot.p)
            try:
                key = AESGCM(kek).decrypt(_unb64(slot.nonce), _unb64(slot.wrapped), self._aad(slot.user, slot.kind))
            except InvalidTag:
                continue
            return key, slot.user
        raise VaultError("Onjuist wachtwoord of onjuiste herstelsleutel.")

    # -- the file -------------------------------------------------------------------------

    def to_json(self) -> str:
        data: dict[str, Any] = {"versie": 1, "kluis": self.vault_id, "sleutels": [asdict(s) for s in self.slots]}
        if self.anchor is not None:
            data["logboek"] = self.anchor
        return json.dumps(data, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Vault:
        try:
            data = json.loads(text)
            slots = [Slot(**s) for s in data["sleutels"]]
            for slot in slots:
                slot.check()
            anchor = data.get("logboek")
            if not isinstance(data["kluis"], str) or not (anchor is None or _anchor_ok(anchor)):
                raise ValueError("onverwachte inhoud")
            return cls(data["kluis"], slots, anchor)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise VaultDamaged(f"Het sleutelbestand is beschadigd ({str(exc)[:200]}). Zet een reservekopie "
                             "terug (met het sleutelbestand ernaast).") from None

    def save(self, path: Path) -> None:
        """Atomically: a crash leaves the old file or the new one, never half of one.

        The audit log's anchor in the file on disk is kept when it is newer than this vault's.
        """
        with _locked(path):
            if path.exists():
                try:
                    on_disk = Vault.load(path).anchor
                except VaultError:
                    on_disk = None
                if on_disk is not None and (self.anchor is None or on_disk["n"] > self.anchor["n"]):
                    self.anchor = on_disk
            self._write(path)

    def _write(self, path: Path) -> None:
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(self.to_json())
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> Vault:
        if not path.exists():
            raise VaultError(f"Het sleutelbestand {path.name} ontbreekt naast de database. Zet het terug uit "
                             "een reservekopie: zonder dit bestand opent geen wachtwoord de database.")
        try:
            if path.stat().st_size > MAX_FILE:
                raise VaultDamaged(f"Het sleutelbestand {path.name} is beschadigd (veel te groot).")
            return cls.from_json(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise VaultDamaged(f"Het sleutelbestand {path.name} is beschadigd (geen tekst).") from None
        except OSError as exc:
            raise VaultError(f"Het sleutelbestand {path.name} kan niet gelezen worden ({file_reason(exc)}).") from None


def _anchor_ok(anchor: Any) -> bool:
    return (isinstance(anchor, dict) and isinstance(anchor.get("n"), int) and isinstance(anchor.get("hash"), str)
            and isinstance(anchor.get("zegel"), str))


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An OS lock on `<slots>.lock` while the slots file is rewritten (by two processes at once)."""
    with path.with_name(path.name + ".lock").open("a+") as fh:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        yield  # closing the file drops the lock


def read_anchor(path: Path) -> tuple[int, str, str] | None:
    """The audit log's head kept in the slots file: (rows, last hash, seal), or None."""
    try:
        anchor = Vault.load(path).anchor
    except VaultError:
        return None
    return None if anchor is None else (anchor["n"], anchor["hash"], anchor["zegel"])


def write_anchor(path: Path, n: int, last: str, seal: str) -> None:
    """Record the head after a commit; an older head (another process committed later) never wins."""
    with _locked(path):
        v = Vault.load(path)
        if v.anchor is not None and v.anchor["n"] > n:
            return
        v.anchor = {"n": n, "hash": last, "zegel": seal}
        v._write(path)


_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: a recovery key is typed from paper


def new_recovery_key() -> str:
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(32))  # 160 bits
    return "-".join(chars[i:i + 4] for i in range(0, 32, 4))


def normalise_recovery_key(text: str) -> str:
    """Upper case, no spaces or dashes; empty when `text` cannot be a recovery key."""
    s = "".join(ch for ch in text.upper() if ch not in " -")
    return s if len(s) == 32 and all(ch in _ALPHABET for ch in s) else ""


def check_password_strength(password: str) -> None:
    if len(password) < 10:
        raise VaultError("Kies een wachtwoord van minstens 10 tekens.")


def sqlcipher_key(key: bytes) -> str:
    """The key as SQLCipher's raw-key literal: no key derivation on every open."""
    return f"x'{key.hex()}'"
