"""The database's errors, in a module of their own so the command line can catch them without loading
SQLAlchemy (a `verzuimdesk --help` or a refused argument needs no database)."""

from __future__ import annotations


class DatabaseError(Exception):
    """A database that cannot be opened or used; the message is Dutch and meant for the user."""


class PassphraseRequired(DatabaseError):
    """The database is encrypted and no password was given."""
