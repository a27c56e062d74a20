"""The database's errors, in a module of their own so the command line can catch them without loading
SQLAlchemy (a `verzuimdesk --help` or a refused argument needs no database).

A database that cannot be opened or used is refused like anything else (`Refused`, the message Dutch and
meant for the user); `DatabaseError` is that refusal's name in the storage layer.
"""

from __future__ import annotations

from verzuimdesk.domain.refusal import DatabaseDamaged, Refused

__all__ = ["DatabaseDamaged", "DatabaseError", "PassphraseRequired"]

DatabaseError = Refused


class PassphraseRequired(DatabaseError):
    """The database is encrypted and no password was given."""
