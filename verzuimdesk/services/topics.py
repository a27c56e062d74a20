"""Topics to check: entries whose topic was guessed (by migration 0006, from dates and words) rather than
chosen, for the IB-er to confirm or change one by one. Each change is one transaction with its audit row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.disclosure import TOPIC_NL, Entry, Topic
from verzuimdesk.domain.dutch import ACTION_NL, full_name
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.reports.data import CONVERSATION_NL
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, Conversation, EventRow, PlanLink, Pupil
from verzuimdesk.storage.topic_defaults import guess_topic, mentions_health

__all__ = [
    "TOPIC_NL",
    "Refused",
    "Topic",
    "TopicItem",
    "count_to_check",
    "health_words_in_text",
    "set_topic",
    "topics_to_check",
]

_Model = type[Conversation] | type[EventRow] | type[PlanLink] | type[Absence]
_MODELS: dict[Entry, _Model] = {Entry.CONVERSATION: Conversation, Entry.EVENT: EventRow, Entry.PLAN: PlanLink,
                                Entry.NOTE: Absence}
ENTRY_NL = {Entry.CONVERSATION: "gesprek", Entry.EVENT: "melding", Entry.PLAN: "plan",
            Entry.NOTE: "opmerking bij verzuim"}


@dataclass(frozen=True, slots=True)
class TopicItem:
    entry: Entry
    id: int
    pupil_id: int
    pupil_number: str
    pupil_name: str
    day: date
    what: str  # "gesprek: ouders, telefonisch"
    text: str
    topic: Topic


def health_words_in_text(text: str) -> list[str]:
    """The health words a text names: the conversation dialog asks once about these before saving."""
    return mentions_health(text)


def _name(p: Pupil) -> str:
    return full_name(p.first_name, p.prefix, p.last_name)


def topics_to_check(db: Database, *, pupil_id: int | None = None) -> list[TopicItem]:
    """Every entry whose topic is still a guess, oldest first."""
    out: list[TopicItem] = []
    with db.read() as s:
        which = Pupil.id == pupil_id if pupil_id is not None else true()
        for c, p in s.execute(select(Conversation, Pupil).join(Pupil)
                              .where(which, Conversation.topic_review.is_(True))):
            out.append(TopicItem(Entry.CONVERSATION, c.id, p.id, p.number, _name(p), c.held_at.date(),
                                 f"gesprek: {CONVERSATION_NL.get(c.kind, c.kind)}", c.summary, Topic(c.topic)))
        for e, p in s.execute(select(EventRow, Pupil).join(Pupil).where(which, EventRow.topic_review.is_(True))):
            out.append(TopicItem(Entry.EVENT, e.id, p.id, p.number, _name(p), e.day,
                                 f"melding: {ACTION_NL.get(e.kind, e.kind)}", e.note, Topic(e.topic)))
        for pl, p in s.execute(select(PlanLink, Pupil).join(Pupil).where(which, PlanLink.topic_review.is_(True))):
            out.append(TopicItem(Entry.PLAN, pl.id, p.id, p.number, _name(p), pl.start, f"plan: {pl.kind}",
                                 pl.note, Topic(pl.topic)))
        for a, code, cat, p in s.execute(select(Absence, AbsenceCodeRow.code, AbsenceCodeRow.category, Pupil)
                                         .join(AbsenceCodeRow).join(Pupil)
                                         .where(which, Absence.topic_review.is_(True))):
            topic = Topic(a.topic) if a.topic else guess_topic(Entry.NOTE, code, a.note, category=Category(cat))
            out.append(TopicItem(Entry.NOTE, a.id, p.id, p.number, _name(p), a.day, f"opmerking bij {code}",
                                 a.note, topic))
    out.sort(key=lambda i: (i.day, i.pupil_number, i.entry.value, i.id))
    return out


def count_to_check(db: Database) -> int:
    with db.read() as s:
        total = 0
        for m in _MODELS.values():
            total += s.scalar(select(func.count()).select_from(m).where(m.topic_review.is_(True))) or 0
        return total


def _row(s: Session, entry: Entry, entry_id: int) -> Conversation | EventRow | PlanLink | Absence:
    model = _MODELS.get(entry)
    if model is None:
        raise Refused(f"Een {entry.value} heeft geen eigen onderwerp.")
    row: Conversation | EventRow | PlanLink | Absence | None = s.get(model, entry_id)  # type: ignore[assignment]
    if row is None:
        raise Refused(f"Deze {ENTRY_NL[entry]} bestaat niet (meer).")
    return row


def set_topic(db: Database, *, entry: Entry, entry_id: int, topic: str, by: Actor) -> None:
    """Confirm or change the topic of one entry; it leaves the list of topics to check."""
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    try:
        t = Topic(topic)
    except ValueError:
        raise Refused(f"Onbekend onderwerp '{topic}'; kies uit {', '.join(x.value for x in Topic)}.") from None
    with db.begin() as s:
        row = _row(s, entry, entry_id)
        before = row.topic
        row.topic, row.topic_review = t.value, False
        audit.append(s, user=user, action="update", entity=f"onderwerp {ENTRY_NL[entry]}", entity_id=entry_id,
                     pupil_id=row.pupil_id, detail={"voor": before, "na": t.value, "gecontroleerd": True})
