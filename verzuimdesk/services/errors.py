"""The refusals a client of the services sees, in one place: the UI and the command line import them
from here, never from storage or the importers (the layer rule, tests/test_layers.py).

There is one refusal, `Refused` (domain/refusal.py); its kinds carry more but are caught as it:
`InputRefused` lists the problems of a file line by line, `NotAllowed` is a role or group that may not,
`DatabaseDamaged` a database (or its key slots) that a backup must replace. Nobody branches on the words.
"""

from __future__ import annotations

from verzuimdesk.domain.refusal import ChangedMeanwhile, DatabaseDamaged, NotAllowed, Refused
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.storage.errors import DatabaseError, PassphraseRequired

__all__ = [
    "REFUSALS",
    "ChangedMeanwhile",
    "DatabaseDamaged",
    "DatabaseError",
    "InputRefused",
    "NotAllowed",
    "PassphraseRequired",
    "Problem",
    "Refused",
    "refusal_text",
]

# What a write may answer instead of doing it: said to the user in Dutch, nothing changed.
REFUSALS: tuple[type[Exception], ...] = (Refused,)


def refusal_text(exc: BaseException) -> str:
    """Every reason of a refusal, one a line, in the services' Dutch."""
    if isinstance(exc, InputRefused):
        return "\n".join(p.reason for p in exc.problems)
    return str(exc)
