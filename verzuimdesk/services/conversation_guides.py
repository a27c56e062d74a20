"""The region's guidance for a conversation: the questions of the step of the school's protocol whose
conversation it is (the protocol file's `leidraad`). A region whose documents give none gives none here:
the app never shows another region's steps."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from verzuimdesk.domain.codes import CONVERSATION_ACTION, ConversationKind
from verzuimdesk.services.status import school_protocol
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.models import School


@dataclass(frozen=True, slots=True)
class Guide:
    step: str  # the step's Dutch name, e.g. "Stap 4. Bel de ouders/verzorgers"
    questions: str


def conversation_guides(db: Database) -> dict[ConversationKind, Guide]:
    """Per kind of conversation, the guidance the school's protocol gives for it (kinds without: absent)."""
    with db.read() as s:
        row = s.execute(select(School.protocol, School.protocol_text).limit(1)).first()
    if row is None:
        raise DatabaseError("Deze database bevat nog geen school.")
    protocol = school_protocol(row[0], row[1])
    out = {}
    for kind, action in CONVERSATION_ACTION.items():
        found = protocol.guidance(action) if action is not None else None
        if found is not None:
            out[kind] = Guide(found[0].name, found[1])
    return out
