"""Loading ahead what opening a database needs, while the user types a password.

The app's login dialog paints before SQLAlchemy is imported (a quarter of a second to a second on a
busy machine), and a user then takes seconds to type. `warm_up` imports the modules that the login
and the first window use, and lets the ORM configure its mappers, so that submitting the password
costs the key derivation, opening the file and building the window, and no more. It opens nothing,
reads no file and derives no key: what it does is what the first query would do anyway.
"""

from __future__ import annotations

from importlib import import_module

# What the login (opening, the account, the audit line) and the first window (the Overzicht's
# figures, the Registratie grid, the daily backup) import.
MODULES = (
    "verzuimdesk.services.accounts",
    "verzuimdesk.services.account_admin",
    "verzuimdesk.services.backups",
    "verzuimdesk.services.audit_log",
    "verzuimdesk.services.overview",
    "verzuimdesk.services.registration",
    "verzuimdesk.services.quarterly",
    "verzuimdesk.services.pupils",
)


def warm_up() -> None:
    """Import `MODULES` and configure the ORM's mappers (safe to run on a thread of its own)."""
    for name in MODULES:
        import_module(name)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
