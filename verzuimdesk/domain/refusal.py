"""The one refusal: what the user asked was not done, and nothing changed.

Every layer raises `Refused` (or a subtype that carries more, such as an importer's list of problems)
with a Dutch reason as its text; every client (the window, the command line, a script) catches
`Refused` and shows that text. Nobody reads the words to decide what to do: a case that needs its own
answer gets its own subtype, such as `DatabaseDamaged`, for which the window offers a backup.
"""

from __future__ import annotations


class Refused(Exception):
    """Refused, nothing written; `str(exc)` is the Dutch reason, meant for the user."""


class DatabaseDamaged(Refused):
    """The database file is damaged or no database at all: restoring a backup is the way out."""


class NotAllowed(Refused):
    """The account's role or groups do not allow this; said in Dutch, nothing read or written."""
