"""One pupil's dossier as plain data, and THE recipient filter: what may leave the app, and to whom.

`load_dossier` reads everything about one pupil over a period; `for_recipient` is the only place that
decides what a recipient receives (DESIGN.md, "Who may receive what"; the rules are written out in
docs/reports.md). Every document about one pupil goes through it, so a document cannot forget a rule.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from verzuimdesk.domain.calendar import GroupDays
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.disclosure import (
    NEEDS_CONSENT,
    TOPICS,
    Entry,
    Topic,
    public_rule_text,
    receives,
    receives_rule,
    receives_waiting_list,
    shows_overdue,
)
from verzuimdesk.domain.engine import evaluate
from verzuimdesk.domain.leerplicht import leerplicht_of
from verzuimdesk.domain.measures import absent_minutes
from verzuimdesk.domain.records import AbsenceRecord
from verzuimdesk.domain.refusal import Refused, no_such_pupil
from verzuimdesk.reports.data import (
    AgreementRow,
    CaseRow,
    ConversationRow,
    Dossier,
    EventItem,
    GuardianRow,
    PlanRow,
    PupilInfo,
    Recipient,
    RecordRow,
)
from verzuimdesk.services.status import school_protocol
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school
from verzuimdesk.storage.models import (
    Absence,
    AbsenceCodeRow,
    CareCase,
    Conversation,
    EventRow,
    Group,
    Guardian,
    PlanLink,
    Pupil,
    Staff,
)
from verzuimdesk.storage.topic_defaults import by_words, guess_topic

LEFT_OUT = {
    Recipient.OUDERS: "",
    Recipient.LEERPLICHT: "Deze versie voor de leerplichtambtenaar bevat alleen wat over het verzuim gaat: geen "
                          "ziekmeldingen, geen geoorloofd verzuim en geen gezondheidsgegevens (AVG).",
    Recipient.JEUGDARTS: "Deze versie voor de jeugdarts bevat alleen de ziekmeldingen (data en duur) en wat over "
                         "de gezondheid gaat; ander verzuim en andere gesprekken zijn niet opgenomen.",
    Recipient.SWV: "Verstrekt met toestemming van de ouders. Wat over de gezondheid gaat (ook opmerkingen bij "
                   "ziekmeldingen en medische bezoeken) is niet opgenomen.",
}

SWV_NEEDS_CONSENT = ("Een dossier voor het samenwerkingsverband mag alleen met toestemming van de ouders. "
                     "Leg de toestemming vast en exporteer opnieuw met toestemming (--consent).")


def parse_recipient(text: str) -> Recipient:
    try:
        return Recipient(text)
    except ValueError:
        names = ", ".join(r.value for r in Recipient)
        raise Refused(f"Onbekende ontvanger '{text}'; kies uit {names}.") from None


def pupil_id_of(session: Session, number: str) -> int:
    pid = session.scalar(select(Pupil.id).where(Pupil.number == number))
    if pid is None:
        raise Refused(no_such_pupil(number))
    return pid


def pupil_number_of(db: Database, pupil_id: int | None) -> str:
    """The leerlingnummer of a pupil the UI knows by id."""
    if pupil_id is None:
        raise Refused("Kies eerst een leerling.")
    with db.read() as s:
        number = s.scalar(select(Pupil.number).where(Pupil.id == pupil_id))
    if number is None:
        raise Refused("Deze leerling bestaat niet (meer).")
    return number


def load_dossier(db: Database, *, pupil_id: int, start: date | None = None, end: date) -> Dossier:
    """Everything about one pupil from `start` (default: the enrolment) to `end`, unfiltered."""
    if start is not None and start > end:
        raise Refused(f"De periode klopt niet: {start:%d-%m-%Y} ligt na {end:%d-%m-%Y}.")
    with db.read() as s:
        school = load_school(s)
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        row = s.execute(select(Pupil, Group.name).join(Group).where(Pupil.id == pupil_id)).first()
        if row is None:
            raise Refused("Deze leerling bestaat niet (meer).")
        pupil_row, group = row
        info = PupilInfo(pupil_row.id, pupil_row.number, pupil_row.first_name, pupil_row.prefix,
                         pupil_row.last_name, group, pupil_row.birth_date, pupil_row.ot_number,
                         pupil_row.enrolled_from, pupil_row.enrolled_until)
        first = start or min(info.enrolled_from, end)
        calendar = load_calendar(s)
        protocol = school_protocol(school.protocol, school.protocol_text)
        g = calendar.group_days(group)
        records = _records(s, pupil_id, first, end, g)
        conversations = _conversations(s, pupil_id, first, end)
        plans = tuple(PlanRow(pl.kind, pl.location, pl.start, pl.evaluation, pl.note, Topic(pl.topic))
                      for pl in s.scalars(select(PlanLink).where(PlanLink.pupil_id == pupil_id, PlanLink.start <= end)
                                          .order_by(PlanLink.start)))
        events = tuple(EventItem(e.id, e.day, e.kind, e.reference, e.note, Topic(e.topic)) for e in s.scalars(
            select(EventRow).where(EventRow.pupil_id == pupil_id, EventRow.day >= first, EventRow.day <= end)
            .order_by(EventRow.day, EventRow.id)))
        cases = tuple(case_row(c) for c in s.scalars(
            select(CareCase).options(selectinload(CareCase.statuses), selectinload(CareCase.shares))
            .where(CareCase.pupil_id == pupil_id, CareCase.start <= end).order_by(CareCase.start)))
        (data,) = load_pupil_data(s, until=end, pupil_ids=[pupil_id])
        guardians = tuple(GuardianRow(gu.name, gu.relation, gu.phone, gu.email) for gu in s.scalars(
            select(Guardian).where(Guardian.pupil_id == pupil_id).order_by(Guardian.id)))
    status = evaluate(data, calendar, protocol, end)
    days = tuple(day for day in g.days if first <= day <= end)
    labels = {r.id: r.label for r in protocol.rules}
    rules = tuple(replace(h, text=public_rule_text(h.text, labels)) for h in status.rules)
    # The rules that make a pupil a thuiszitter, shown to leerplicht whatever the records behind them, but only
    # while the pupil is one (§1b: more than 20 schooldagen in a row): a rule that opens a case earlier (TB-START
    # from 10 days) over sick days is not leerplicht's
    thuis = frozenset(r.id for r in protocol.rules
                      if status.thuiszitter and (r.starts_case or "thuiszitter" in r.condition.kind))
    law = leerplicht_of(data, calendar)
    exemptions = tuple((e.start, e.end, e.article) for e in law.exemptions if e.start <= end)
    return Dossier(school.name, info, first, end, records, conversations, plans, events, cases,
                   rules, status.actions, days, rule_labels=labels, guardians=guardians, thuiszitter_rules=thuis,
                   leerplicht_from=law.start, exemptions=exemptions)


def _records(s: Session, pupil_id: int, first: date, end: date, g: GroupDays) -> tuple[RecordRow, ...]:
    q = (select(Absence, AbsenceCodeRow.code, AbsenceCodeRow.label, AbsenceCodeRow.category).join(AbsenceCodeRow)
         .where(Absence.pupil_id == pupil_id, Absence.day >= first, Absence.day <= end)
         .order_by(Absence.day, Absence.start, Absence.id))
    out = []
    for a, code, label, cat in s.execute(q):
        category = Category(cat)
        rec = AbsenceRecord(a.id, a.day, code, category, a.start, a.end, a.minutes_late)
        topic = Topic(a.topic) if a.topic else guess_topic(Entry.NOTE, code, a.note, category=category)
        out.append(RecordRow(a.id, a.day, code, label, category, a.start, a.end,
                             absent_minutes(rec, g), a.minutes_late, a.note, topic))
    return tuple(out)


def _conversations(s: Session, pupil_id: int, first: date, end: date) -> tuple[ConversationRow, ...]:
    q = (select(Conversation).options(selectinload(Conversation.agreements))
         .where(Conversation.pupil_id == pupil_id).order_by(Conversation.held_at, Conversation.id))
    names = {u: n for u, n in s.execute(select(Staff.username, Staff.name).where(Staff.username.is_not(None)))}
    return tuple(
        ConversationRow(c.id, c.kind, c.held_at, c.participants, c.summary, c.created_by,
                        tuple(AgreementRow(a.text, a.owner, a.due, a.done, agreement_topic(a.topic, a.text, c.topic))
                              for a in c.agreements),
                        Topic(c.topic), names.get(c.created_by) or "")
        for c in s.scalars(q) if first <= c.held_at.date() <= end
    )


def agreement_topic(own: str | None, text: str, conversation: str) -> Topic:
    """An agreement's own topic, else gezondheid when it names a health word, else its conversation's (or
    thuissituatie where that is verzuim and the text names a word of the home)."""
    if own:
        return Topic(own)
    return by_words(text, Topic(conversation))


def case_row(c: CareCase) -> CaseRow:
    """A case with its histories, as the dossier and the quarterly list read it (statuses and shares loaded)."""
    return CaseRow(c.id, c.category, c.start, c.main_cause, c.waiting_list, c.closed, c.close_reason,
                   tuple((st.since, st.status) for st in c.statuses),
                   tuple((sh.since, sh.until, sh.share) for sh in c.shares),
                   c.regiehouder, c.duo_report_date, c.duo_report_number)


def for_recipient(dossier: Dossier, recipient: Recipient, *, consent: bool = False) -> Dossier:
    """The part of `dossier` that `recipient` may receive, by the table of domain/disclosure.py.

    Raises Refused for the SWV without the parents' consent. Records the sections it took
    something out of, so the documents can say so instead of claiming there is nothing.
    """
    if recipient in NEEDS_CONSENT and not consent:
        raise Refused(SWV_NEEDS_CONSENT)
    withheld: set[str] = set()

    def keep(entry: Entry, items: tuple[Any, ...], section: str) -> tuple[Any, ...]:
        out = tuple(x for x in items if receives(recipient, entry, topic=x.topic))
        if len(out) < len(items):
            withheld.add(section)
        return out

    records = []
    for r in dossier.records:
        if not receives(recipient, Entry.RECORD, category=r.category):
            withheld.add("records")
            continue
        if r.note and not receives(recipient, Entry.NOTE, topic=r.note_topic):
            withheld.add("notes")
            r = replace(r, note="")
        records.append(r)
    received = {r.id for r in records}
    hidden = frozenset(r.day for r in dossier.records if r.id not in received) - {r.day for r in records}
    conversations = tuple(replace(c, agreements=keep(Entry.AGREEMENT, c.agreements, "agreements"))
                          for c in keep(Entry.CONVERSATION, dossier.conversations, "conversations"))
    cases = tuple(c for c in dossier.cases if receives(recipient, Entry.CASE, case_category=c.category))
    if len(cases) < len(dossier.cases):
        withheld.add("cases")
    if not receives_waiting_list(recipient):
        from verzuimdesk.reports.parts import FOR_NL  # ReportLab loads when a version is made, not at start

        hidden_list = f"niet opgenomen in deze versie {FOR_NL[recipient]}"
        cases = tuple(replace(c, waiting_list=hidden_list) if c.waiting_list else c for c in cases)
    rules = tuple(h for h in dossier.rules if receives_rule(recipient, h.unit, h.record_ids, received,
                                                            thuiszitter=h.rule_id in dossier.thuiszitter_rules))
    if len(rules) < len(dossier.rules):
        withheld.add("rules")
    kept = {h.rule_id for h in rules}
    actions = tuple(a if shows_overdue(recipient) else replace(a, overdue=False)
                    for a in dossier.actions if a.rule_id in kept)
    # Art. 5 onder a (physically or psychologically unfit) is a health ground: named only to whom
    # health may go, and to leerplicht, who granted it.
    ground = Topic.GEZONDHEID in TOPICS[recipient] or recipient is Recipient.LEERPLICHT
    exemptions = tuple((a, b, art if ground or art != "5a" else "") for a, b, art in dossier.exemptions)
    return replace(dossier, records=tuple(records), conversations=conversations, exemptions=exemptions,
                   plans=keep(Entry.PLAN, dossier.plans, "plans"), events=keep(Entry.EVENT, dossier.events, "events"),
                   cases=cases, rules=rules, actions=actions, recipient=recipient, left_out=LEFT_OUT[recipient],
                   withheld=frozenset(withheld), hidden_days=hidden)
