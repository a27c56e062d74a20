"""Logging a conversation (kind, time, participants, summary, agreements) and keeping drafts as they are typed.

A conversation of a kind that fulfils an action (CONVERSATION_ACTION) counts for the engine on its
date: storage.loading maps it to an event. Every write is one transaction with its audit row; bad
input raises Refused with a Dutch message and changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from verzuimdesk.domain.codes import ConversationKind
from verzuimdesk.domain.disclosure import Entry, Topic
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.services.changes import OpChanges, Saved
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require, require_pupils
from verzuimdesk.services.versions import check_version
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, lock_for_writing
from verzuimdesk.storage.models import Agreement, Conversation, Draft, Pupil
from verzuimdesk.storage.topic_defaults import guess_topic

MAX_TEXT = 20_000


@dataclass(frozen=True, slots=True)
class AgreementInput:
    text: str
    owner: str = ""
    due: date | None = None
    done: bool = False
    topic: str | None = None  # None: the conversation's topic


@dataclass(frozen=True, slots=True)
class ConversationData:
    id: int
    pupil_id: int
    kind: ConversationKind
    held_at: datetime
    participants: str
    summary: str
    created_by: str
    agreements: tuple[AgreementInput, ...]
    topic: Topic = Topic.VERZUIM
    topic_review: bool = False
    version: int = 1  # hand it back to save_conversation: a save over someone else's is refused


@dataclass(frozen=True, slots=True)
class DraftData:
    key: str
    pupil_id: int
    payload: dict[str, Any]
    saved_at: datetime


def _kind(kind: str) -> ConversationKind:
    try:
        return ConversationKind(kind)
    except ValueError:
        raise Refused(f"Onbekende soort gesprek '{kind}'.") from None


def _check(session: Session, *, pupil_id: int, kind: str, held_at: datetime, summary: str,
           participants: str, agreements: Sequence[AgreementInput], now: datetime) -> tuple[ConversationKind, Pupil]:
    k = _kind(kind)
    pupil = session.get(Pupil, pupil_id)
    if pupil is None:
        raise Refused("Deze leerling bestaat niet (meer).")
    if not summary.strip():
        raise Refused("Vul een samenvatting van het gesprek in.")
    if len(summary) > MAX_TEXT or len(participants) > MAX_TEXT:
        raise Refused(f"De tekst is te lang (meer dan {MAX_TEXT} tekens).")
    if held_at > now + timedelta(hours=1):
        raise Refused(f"Een gesprek kan niet in de toekomst liggen ({held_at:%d-%m-%Y %H:%M}).")
    if held_at.date() < pupil.enrolled_from:
        raise Refused(
            f"De datum {held_at:%d-%m-%Y} ligt voor de inschrijving van de leerling ({pupil.enrolled_from:%d-%m-%Y}).")
    for i, a in enumerate(agreements, start=1):
        if not a.text.strip():
            raise Refused(f"Afspraak {i} heeft geen tekst; vul die in of haal de afspraak weg.")
    return k, pupil


def parse_topic(topic: str | None) -> Topic | None:
    if topic is None or topic == "":
        return None
    try:
        return Topic(topic)
    except ValueError:
        names = ", ".join(t.value for t in Topic)
        raise Refused(f"Onbekend onderwerp '{topic}'; kies uit {names}.") from None


def _snapshot(c: Conversation) -> dict[str, Any]:
    return {"soort": c.kind, "datum": c.held_at.isoformat(timespec="minutes"), "deelnemers": c.participants,
            "samenvatting": c.summary, "onderwerp": c.topic,
            "afspraken": [{"tekst": a.text, "wie": a.owner, "wanneer": a.due.isoformat() if a.due else None,
                           "gedaan": a.done, **({"onderwerp": a.topic} if a.topic else {})} for a in c.agreements]}


def _shown(kind: str, held_at: datetime, participants: str, summary: str, topic: str,
           agreements: Sequence[AgreementInput]) -> dict[str, object]:
    """A conversation's fields under their Dutch names, for a refusal that shows both versions."""
    return {"soort": kind, "datum": held_at.replace(second=0, microsecond=0), "deelnemers": participants.strip(),
            "samenvatting": summary.strip(), "onderwerp": topic,
            "afspraken": "; ".join(a.text.strip() for a in agreements)}


def save_conversation(db: Database, *, pupil_id: int, kind: str, held_at: datetime, participants: str,
                      summary: str, agreements: Sequence[AgreementInput] = (), by: Actor,
                      conversation_id: int | None = None, now: datetime | None = None,
                      topic: str | None = None, version: int | None = None) -> Saved:
    """Create (conversation_id None) or replace a conversation with its agreements; its id.

    `topic` is what the writer chose; None takes the kind's default, or *gezondheid* when the summary
    names a health word. Saving it marks the topic as checked. `version` is the one the editor opened
    (ConversationData.version): when someone else saved the conversation since, ChangedMeanwhile.
    """
    require(by, Permission.LOG_CONVERSATION)
    user = audit_name(by)
    now = now or datetime.now()
    chosen = parse_topic(topic)
    agreement_topics = [parse_topic(a.topic) for a in agreements]
    with db.begin() as s:
        require_pupils(s, by, Permission.LOG_CONVERSATION, [pupil_id])
        lock_for_writing(s)  # a second save waits, then sees the first's version
        k, _pupil = _check(s, pupil_id=pupil_id, kind=kind, held_at=held_at, summary=summary,
                           participants=participants, agreements=agreements, now=now)
        # who took part counts as the dialog's health question counts it: a talk the kinderarts joined
        t = (chosen or guess_topic(Entry.CONVERSATION, k.value, f"{summary}\n{participants}")).value
        new_agreements = [Agreement(text=a.text.strip(), owner=a.owner.strip(), due=a.due, done=a.done,
                                    topic=at.value if at else None)
                          for a, at in zip(agreements, agreement_topics, strict=True)]
        if conversation_id is None:
            c = Conversation(pupil_id=pupil_id, kind=k.value, held_at=held_at.replace(second=0, microsecond=0),
                             participants=participants.strip(), summary=summary.strip(), created_by=user,
                             updated_at=now, agreements=new_agreements, topic=t, topic_review=False)
            s.add(c)
            s.flush()
            audit.append(s, user=user, action="create", entity="conversation", entity_id=c.id, pupil_id=pupil_id,
                         detail={"na": _snapshot(c)})
            return Saved(c.id, OpChanges.pupils(pupil_id))
        found = s.scalar(select(Conversation).options(selectinload(Conversation.agreements))
                         .where(Conversation.id == conversation_id, Conversation.pupil_id == pupil_id))
        if found is None:
            raise Refused("Dit gesprek bestaat niet (meer).")
        check_version(s, what="Dit gesprek", entity="conversation", entity_id=found.id, opened=version,
                      stored=found.version,
                      mine=_shown(k.value, held_at, participants, summary, t if chosen else found.topic, agreements),
                      theirs=_shown(found.kind, found.held_at, found.participants, found.summary, found.topic,
                                    [AgreementInput(a.text) for a in found.agreements]))
        before = _snapshot(found)
        found.kind, found.held_at = k.value, held_at.replace(second=0, microsecond=0)
        found.participants, found.summary, found.updated_at = participants.strip(), summary.strip(), now
        if chosen is not None:  # without one, the topic stays what its writer chose
            found.topic, found.topic_review = t, False
        found.agreements = new_agreements
        s.flush()
        audit.append(s, user=user, action="update", entity="conversation", entity_id=found.id, pupil_id=pupil_id,
                     detail={"voor": before, "na": _snapshot(found)})
        return Saved(found.id, OpChanges.pupils(pupil_id))


def delete_conversation(db: Database, *, conversation_id: int, by: Actor) -> OpChanges:
    require(by, Permission.LOG_CONVERSATION)
    user = audit_name(by)
    with db.begin() as s:
        found = s.scalar(select(Conversation).options(selectinload(Conversation.agreements))
                         .where(Conversation.id == conversation_id))
        if found is None:
            raise Refused("Dit gesprek bestaat niet (meer).")
        require_pupils(s, by, Permission.LOG_CONVERSATION, [found.pupil_id])
        audit.append(s, user=user, action="delete", entity="conversation", entity_id=found.id,
                     pupil_id=found.pupil_id, detail={"voor": _snapshot(found)})
        s.delete(found)
        return OpChanges.pupils(found.pupil_id)


def get_conversation(db: Database, *, conversation_id: int, by: Actor) -> ConversationData:
    with db.read() as s:
        c = s.scalar(select(Conversation).options(selectinload(Conversation.agreements))
                     .where(Conversation.id == conversation_id))
        if c is None:
            raise Refused("Dit gesprek bestaat niet (meer).")
        require_pupils(s, by, Permission.VIEW_DOSSIER, [c.pupil_id])
        return ConversationData(c.id, c.pupil_id, _kind(c.kind), c.held_at, c.participants, c.summary, c.created_by,
                                tuple(AgreementInput(a.text, a.owner, a.due, a.done, a.topic) for a in c.agreements),
                                Topic(c.topic), c.topic_review, c.version)


# -- drafts -----------------------------------------------------------------------------------

def draft_key(pupil_id: int, conversation_id: int | None) -> str:
    return f"conversation:{pupil_id}:{conversation_id if conversation_id is not None else 'new'}"


def save_draft(db: Database, *, key: str, pupil_id: int, by: Actor, payload: dict[str, Any],
               now: datetime | None = None) -> None:
    """Keep what is typed now (replacing this user's previous draft of the same editor)."""
    require(by, Permission.LOG_CONVERSATION)
    user = audit_name(by)
    text = json.dumps(payload, ensure_ascii=False, default=str)
    with db.begin() as s:
        require_pupils(s, by, Permission.LOG_CONVERSATION, [pupil_id])
        found = s.scalar(select(Draft).where(Draft.user == user, Draft.key == key))
        if found is None:
            s.add(Draft(user=user, key=key, pupil_id=pupil_id, payload=text, saved_at=now or datetime.now()))
        else:
            found.payload, found.saved_at = text, now or datetime.now()


def load_draft(db: Database, *, key: str, by: Actor) -> DraftData | None:
    user = audit_name(by)
    with db.read() as s:
        d = s.scalar(select(Draft).where(Draft.user == user, Draft.key == key))
        if d is None:
            return None
        try:
            payload = json.loads(d.payload)
        except ValueError:
            payload = {}
        return DraftData(d.key, d.pupil_id, payload if isinstance(payload, dict) else {}, d.saved_at)


def discard_draft(db: Database, *, key: str, by: Actor) -> None:
    user = audit_name(by)
    with db.begin() as s:
        s.execute(delete(Draft).where(Draft.user == user, Draft.key == key))


def drafts_of(db: Database, *, by: Actor, pupil_id: int | None = None) -> list[DraftData]:
    """This user's drafts (of one pupil), newest first: what the dossier offers to continue."""
    user = audit_name(by)
    q = select(Draft).where(Draft.user == user).order_by(Draft.saved_at.desc())
    if pupil_id is not None:
        q = q.where(Draft.pupil_id == pupil_id)
    with db.read() as s:
        out = []
        for d in s.scalars(q):
            try:
                payload = json.loads(d.payload)
            except ValueError:
                payload = {}
            out.append(DraftData(d.key, d.pupil_id, payload if isinstance(payload, dict) else {}, d.saved_at))
        return out
