"""The one refusal: what the user asked was not done, and nothing changed.

Every layer raises `Refused` (or a subtype that carries more, such as an importer's list of problems)
with a Dutch reason as its text; every client (the window, the command line, a script) catches
`Refused` and shows that text. Nobody reads the words to decide what to do: a case that needs its own
answer gets its own subtype, such as `DatabaseDamaged`, for which the window offers a backup.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime


class Refused(Exception):
    """Refused, nothing written; `str(exc)` is the Dutch reason, meant for the user."""


class DatabaseDamaged(Refused):
    """The database file is damaged or no database at all: restoring a backup is the way out."""


class NotAllowed(Refused):
    """The account's role or groups do not allow this; said in Dutch, nothing read or written."""


class ChangedMeanwhile(Refused):
    """Someone else saved this row since it was opened; nothing was written. The message is Dutch.

    Here rather than in services/versions.py, so that importing the refusals (every command does) does
    not load SQLAlchemy and the models."""

    def __init__(self, message: str, *, mine: Mapping[str, object], theirs: Mapping[str, object],
                 by: str, at: datetime | None) -> None:
        super().__init__(message)
        self.mine, self.theirs, self.by, self.at = dict(mine), dict(theirs), by, at


def no_such_pupil(number: object) -> str:
    """The one message for a leerlingnummer that is not in the school (export, inzage, verlof, …)."""
    return f"Er is geen leerling met leerlingnummer {number}."
