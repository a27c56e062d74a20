"""The refusals a client of the services sees, in one place: the UI and the command line import them
from here, never from storage or the importers (the layer rule, tests/test_layers.py)."""

from __future__ import annotations

from verzuimdesk.domain.protocol import ProtocolError
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.services.conversations import ConversationRefused
from verzuimdesk.services.dossier import ExportRefused
from verzuimdesk.services.dossier_edit import EditRefused
from verzuimdesk.services.registration import EntryRefused
from verzuimdesk.services.school_contact import ContactRefused
from verzuimdesk.services.topics import TopicRefused
from verzuimdesk.services.versions import ChangedMeanwhile
from verzuimdesk.storage.database import DatabaseError, PassphraseRequired

__all__ = [
    "REFUSALS",
    "ChangedMeanwhile",
    "ContactRefused",
    "ConversationRefused",
    "DatabaseError",
    "EditRefused",
    "EntryRefused",
    "ExportRefused",
    "InputRefused",
    "PassphraseRequired",
    "Problem",
    "ProtocolError",
    "TopicRefused",
    "refusal_text",
]

# What a write may answer instead of doing it: said to the user in Dutch, nothing changed.
REFUSALS: tuple[type[Exception], ...] = (InputRefused, DatabaseError, ChangedMeanwhile, EntryRefused, EditRefused,
                                         ConversationRefused, ContactRefused, ExportRefused, TopicRefused,
                                         ProtocolError)


def refusal_text(exc: BaseException) -> str:
    """Every reason of a refusal, one a line, in the services' Dutch."""
    if isinstance(exc, InputRefused):
        return "\n".join(p.reason for p in exc.problems)
    return str(exc)
