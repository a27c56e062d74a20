"""Loading ahead what opening a database needs, while the user types a password.

The app's login dialog paints before SQLAlchemy is imported (a quarter of a second to a second on a
busy machine), and a user then takes seconds to type. `warm_up` imports the modules that the login
and the first window use, and lets the ORM configure its mappers, so that submitting the password
costs the key derivation, opening the file and building the window, and no more. It opens nothing,
reads no file and derives no key: what it does is what the first query would do anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

# What the login's quick Overzicht reads and works out with (services/status_quick.quick_login), without
# SQLAlchemy: first, so that a password submitted at once finds them imported or under way.
QUICK = (
    "verzuimdesk.storage.vault",
    "verzuimdesk.services.status_quick",
)
# What the login (opening, the account, the audit line) and the first window (the Overzicht's
# figures, the Registratie grid, the daily backup) import.
MODULES = (
    "sqlalchemy.dialects.sqlite.pysqlite",  # the engine's dialects, loaded by name when it is made
    "sqlalchemy.dialects.sqlite.pysqlcipher",
    "verzuimdesk.services.accounts",
    "verzuimdesk.services.account_admin",
    "verzuimdesk.services.backups",
    "verzuimdesk.services.audit_log",
    "verzuimdesk.services.overview",
    "verzuimdesk.services.registration",
    "verzuimdesk.services.registration_grid",
    "verzuimdesk.services.quarterly",
    "verzuimdesk.services.pupils",
    "verzuimdesk.services.retention",
    "verzuimdesk.services.server_changes",
    "verzuimdesk.services.vocabulary",
)


def warm_up(between: Callable[[], object] = lambda: None) -> None:
    """Import `QUICK` and `MODULES` and configure the ORM's mappers (safe to run on a thread of its own).
    `between` is called before each of `MODULES` and before configuring: where the thread holds no
    import lock, so it may wait there (the login's quick Overzicht keeps the interpreter meanwhile)."""
    for name in QUICK + MODULES:
        if name in MODULES:
            between()
        try:
            import_module(name)
        except ImportError:  # e.g. no SQLCipher on this machine: opening the database says so, not this
            continue
    between()
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
