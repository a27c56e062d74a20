"""Logging conversations and keeping drafts: what is written, what is refused (in Dutch), what the engine counts."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from tests.actors import IB, ib
from tests.conftest import DEMO_TODAY
from verzuimdesk.services.conversations import (
    AgreementInput,
    delete_conversation,
    discard_draft,
    draft_key,
    drafts_of,
    get_conversation,
    load_draft,
    save_conversation,
    save_draft,
)
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.status import school_status
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import AuditEntry, Conversation

TODAY = DEMO_TODAY
NOW = datetime(2026, 11, 23, 15, 0)
WESSEL = 112  # 1112: absent with reason unknown; talk_pupil and contact_parents open


@pytest.fixture
def db(demo: Database) -> Database:
    """A copy of the shared demo school (tests/conftest.py), opened."""
    return demo


def open_kinds(db: Database) -> list[str]:
    (p,) = school_status(db, TODAY, pupil_ids=[WESSEL]).pupils
    return sorted(a.kind.value for a in p.status.open_actions)


def test_talk_with_the_pupil_fulfils_talk_pupil(db: Database) -> None:
    assert open_kinds(db) == ["contact_parents", "contact_parents", "talk_pupil"]
    cid = save_conversation(db, pupil_id=WESSEL, kind="pupil", held_at=datetime(2026, 11, 23, 10, 0),
                            participants="Wessel, juf", summary="Hij was bij zijn oma.", by=IB,
                            agreements=[AgreementInput("Op tijd komen", "Wessel", date(2026, 11, 30))], now=NOW).id
    assert open_kinds(db) == ["contact_parents", "contact_parents"]
    c = get_conversation(db, conversation_id=cid, by=IB)
    assert c.agreements == (AgreementInput("Op tijd komen", "Wessel", date(2026, 11, 30), False),)


def test_bad_input_is_refused_in_dutch_and_writes_nothing(db: Database) -> None:
    with db.read() as s:
        before = len(s.scalars(select(Conversation)).all())
    cases = [
        (dict(kind="pupil", summary="  "), "Vul een samenvatting"),
        (dict(kind="gossip", summary="x"), "Onbekende soort gesprek 'gossip'"),
        (dict(kind="pupil", summary="x", held_at=datetime(2026, 12, 24, 9, 0)), "niet in de toekomst"),
        (dict(kind="pupil", summary="x", agreements=[AgreementInput(" ", "juf")]), "Afspraak 1 heeft geen tekst"),
    ]
    for args, message in cases:
        kwargs = dict(pupil_id=WESSEL, held_at=datetime(2026, 11, 23, 10, 0), participants="", by=IB, now=NOW)
        kwargs.update(args)
        with pytest.raises(Refused, match=message):
            save_conversation(db, **kwargs)  # type: ignore[arg-type]
    with db.read() as s:
        assert len(s.scalars(select(Conversation)).all()) == before


def test_change_and_delete_are_audited_with_before_and_after(db: Database) -> None:
    cid = save_conversation(db, pupil_id=WESSEL, kind="parents_phone", held_at=datetime(2026, 11, 23, 9, 0),
                            participants="vader", summary="Eerste versie", by=IB, now=NOW).id
    save_conversation(db, pupil_id=WESSEL, kind="parents_phone", held_at=datetime(2026, 11, 23, 9, 0),
                      participants="vader", summary="Tweede versie", by=IB, conversation_id=cid, now=NOW)
    delete_conversation(db, conversation_id=cid, by=IB)
    with db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.entity == "conversation",
                                                  AuditEntry.entity_id == cid).order_by(AuditEntry.id)).all()
        assert [r.action for r in rows] == ["create", "update", "delete"]
        assert '"Eerste versie"' in rows[1].detail and '"Tweede versie"' in rows[1].detail
        assert s.get(Conversation, cid) is None


def test_drafts_are_per_user_and_editor_and_come_back(db: Database) -> None:
    key = draft_key(WESSEL, None)
    save_draft(db, key=key, pupil_id=WESSEL, by=IB, payload={"summary": "half"})
    save_draft(db, key=key, pupil_id=WESSEL, by=IB, payload={"summary": "half af"})
    assert load_draft(db, key=key, by=IB).payload == {"summary": "half af"}  # type: ignore[union-attr]
    assert load_draft(db, key=key, by=ib('juf')) is None
    assert [d.key for d in drafts_of(db, by=IB, pupil_id=WESSEL)] == [key]
    discard_draft(db, key=key, by=IB)
    assert load_draft(db, key=key, by=IB) is None
