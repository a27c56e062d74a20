"""The storage a client of the services may name: the Database handle, opening one, where it lives, the
instance lock. The UI and the command line import these from here, never from `storage` (the layer
rule, tests/test_layers.py); the services own what is done with them."""

from __future__ import annotations

from verzuimdesk.storage.backup import backup
from verzuimdesk.storage.database import Database, DatabaseError, is_encrypted, open_database, sqlite_path
from verzuimdesk.storage.instance_lock import InstanceLock
from verzuimdesk.storage.vault import VaultError, check_password_strength

__all__ = [
    "Database",
    "DatabaseError",
    "InstanceLock",
    "VaultError",
    "backup",
    "check_password_strength",
    "is_encrypted",
    "open_database",
    "sqlite_path",
]
