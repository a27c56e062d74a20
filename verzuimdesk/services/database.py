"""The storage a client of the services may name: the Database handle, opening one, where it lives, the
instance lock. The UI and the command line import these from here, never from `storage` (the layer
rule, tests/test_layers.py); the services own what is done with them.

Each name is imported when first asked for, so a command that needs no database (`--help`) loads
no SQLAlchemy through this module."""

from __future__ import annotations

from verzuimdesk.services.lending import lender

_FROM = {
    "Database": "verzuimdesk.storage.database",
    "DatabaseDamaged": "verzuimdesk.storage.errors",
    "DatabaseError": "verzuimdesk.storage.errors",
    "InstanceLock": "verzuimdesk.storage.instance_lock",
    "PassphraseRequired": "verzuimdesk.storage.errors",
    "VaultError": "verzuimdesk.storage.vault",
    "backup": "verzuimdesk.storage.backup",
    "check_password_strength": "verzuimdesk.storage.vault",
    "is_encrypted": "verzuimdesk.storage.files",
    "open_database": "verzuimdesk.storage.database",
    "sqlite_path": "verzuimdesk.storage.files",
}
__all__ = sorted(_FROM)


__getattr__ = lender(__name__, _FROM, globals())
