"""One pupil's dossier as plain data, and THE recipient filter: what may leave the app, and to whom.

`load_dossier` reads everything about one pupil over a period; `for_recipient` is the only place that
decides what a recipient receives (DESIGN.md, "Who may receive what"; the rules are written out in
docs/reports.md). Every document about one pupil goes through it, so a document cannot forget a rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from verzuimdesk.domain.calendar import GroupDays
from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.engine import evaluate
from verzuimdesk.domain.measures import absent_minutes
from verzuimdesk.domain.records import AbsenceRecord
from verzuimdesk.reports.data import (
    AgreementRow,
    CaseRow,
    ConversationRow,
    Dossier,
    EventItem,
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
    PlanLink,
    Pupil,
)


class ExportRefused(Exception):
    """An export that may not or cannot be made; the message is Dutch and meant for the user."""


# Leerplicht sees the verzuim, not the health: only these categories (DESIGN.md). Authorised absence
# (verlof, medisch bezoek) and schorsing are not theirs either: the table names unauthorised absence
# and lateness, and a medical visit is a health detail.
LEERPLICHT_CATEGORIES = frozenset({Category.UNAUTHORISED, Category.UNEXPLAINED, Category.LATE})
# Conversations leerplicht never gets: the jeugdarts's (health) and social work's (family care, not
# the verzuim).
LEERPLICHT_NO_CONVERSATIONS = frozenset({"school_doctor", "social_work"})

LEFT_OUT = {
    Recipient.OUDERS: "",
    Recipient.LEERPLICHT: "Deze versie voor de leerplichtambtenaar bevat geen ziekmeldingen, geen geoorloofd "
                          "verzuim en geen gezondheidsgegevens (AVG); gesprekken op ziektedagen en met de "
                          "jeugdarts zijn weggelaten.",
    Recipient.JEUGDARTS: "Deze versie voor de jeugdarts bevat alleen de ziekmeldingen (data en duur) en wat "
                         "daarover besproken is; ander verzuim en andere gesprekken zijn weggelaten.",
    Recipient.SWV: "Verstrekt met toestemming van de ouders. Opmerkingen bij ziekmeldingen en gesprekken met "
                   "de jeugdarts zijn weggelaten.",
}

# (record ids behind a rule that holds, its unit) -> may the recipient see the rule?
RuleFilter = Callable[[set[int], str], bool]

SWV_NEEDS_CONSENT = ("Een dossier voor het samenwerkingsverband mag alleen met toestemming van de ouders. "
                     "Leg de toestemming vast en exporteer opnieuw met toestemming (--consent).")


def parse_recipient(text: str) -> Recipient:
    try:
        return Recipient(text)
    except ValueError:
        names = ", ".join(r.value for r in Recipient)
        raise ExportRefused(f"Onbekende ontvanger '{text}'; kies uit {names}.") from None


def pupil_id_of(session: Session, number: str) -> int:
    pid = session.scalar(select(Pupil.id).where(Pupil.number == number))
    if pid is None:
        raise ExportRefused(f"Er is geen leerling met leerlingnummer {number}.")
    return pid


def pupil_number_of(db: Database, pupil_id: int | None) -> str:
    """The leerlingnummer of a pupil the UI knows by id."""
    if pupil_id is None:
        raise ExportRefused("Kies eerst een leerling.")
    with db.read() as s:
        number = s.scalar(select(Pupil.number).where(Pupil.id == pupil_id))
    if number is None:
        raise ExportRefused("Deze leerling bestaat niet (meer).")
    return number


def load_dossier(db: Database, *, pupil_id: int, start: date | None = None, end: date) -> Dossier:
    """Everything about one pupil from `start` (default: the enrolment) to `end`, unfiltered."""
    if start is not None and start > end:
        raise ExportRefused(f"De periode klopt niet: {start:%d-%m-%Y} ligt na {end:%d-%m-%Y}.")
    with db.read() as s:
        school = load_school(s)
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        row = s.execute(select(Pupil, Group.name).join(Group).where(Pupil.id == pupil_id)).first()
        if row is None:
            raise ExportRefused("Deze leerling bestaat niet (meer).")
        pupil_row, group = row
        info = PupilInfo(pupil_row.id, pupil_row.number, pupil_row.first_name, pupil_row.prefix,
                         pupil_row.last_name, group, pupil_row.birth_date, pupil_row.ot_number,
                         pupil_row.enrolled_from, pupil_row.enrolled_until)
        first = start or min(info.enrolled_from, end)
        calendar = load_calendar(s)
        protocol = school_protocol(school.protocol)
        g = calendar.group_days(group)
        records = _records(s, pupil_id, first, end, g)
        conversations = _conversations(s, pupil_id, first, end)
        plans = tuple(PlanRow(pl.kind, pl.location, pl.start, pl.evaluation, pl.note) for pl in s.scalars(
            select(PlanLink).where(PlanLink.pupil_id == pupil_id, PlanLink.start <= end).order_by(PlanLink.start)))
        events = tuple(EventItem(e.id, e.day, e.kind, e.reference, e.note) for e in s.scalars(
            select(EventRow).where(EventRow.pupil_id == pupil_id, EventRow.day >= first, EventRow.day <= end)
            .order_by(EventRow.day, EventRow.id)))
        cases = tuple(case_row(c) for c in s.scalars(
            select(CareCase).options(selectinload(CareCase.statuses), selectinload(CareCase.shares))
            .where(CareCase.pupil_id == pupil_id, CareCase.start <= end).order_by(CareCase.start)))
        (data,) = load_pupil_data(s, until=end, pupil_ids=[pupil_id])
    status = evaluate(data, calendar, protocol, end)
    days = tuple(day for day in g.days if first <= day <= end)
    return Dossier(school.name, info, first, end, records, conversations, plans, events, cases,
                   status.rules, status.actions, days)


def _records(s: Session, pupil_id: int, first: date, end: date, g: GroupDays) -> tuple[RecordRow, ...]:
    q = (select(Absence, AbsenceCodeRow.code, AbsenceCodeRow.label, AbsenceCodeRow.category).join(AbsenceCodeRow)
         .where(Absence.pupil_id == pupil_id, Absence.day >= first, Absence.day <= end)
         .order_by(Absence.day, Absence.start, Absence.id))
    out = []
    for a, code, label, cat in s.execute(q):
        category = Category(cat)
        rec = AbsenceRecord(a.id, a.day, code, category, a.start, a.end, a.minutes_late)
        out.append(RecordRow(a.id, a.day, code, label, category, a.start, a.end,
                             absent_minutes(rec, g), a.minutes_late, a.note))
    return tuple(out)


def _conversations(s: Session, pupil_id: int, first: date, end: date) -> tuple[ConversationRow, ...]:
    q = (select(Conversation).options(selectinload(Conversation.agreements))
         .where(Conversation.pupil_id == pupil_id).order_by(Conversation.held_at, Conversation.id))
    return tuple(
        ConversationRow(c.id, c.kind, c.held_at, c.participants, c.summary, c.created_by,
                        tuple(AgreementRow(a.text, a.owner, a.due, a.done) for a in c.agreements))
        for c in s.scalars(q) if first <= c.held_at.date() <= end
    )


def case_row(c: CareCase) -> CaseRow:
    return CaseRow(c.id, c.category, c.start, c.main_cause, c.waiting_list, c.closed, c.close_reason,
                   tuple((st.since, st.status) for st in c.statuses), tuple((sh.since, sh.share) for sh in c.shares))


def for_recipient(dossier: Dossier, recipient: Recipient, *, consent: bool = False) -> Dossier:
    """The part of `dossier` that `recipient` may receive. Raises ExportRefused for the SWV without consent."""
    sick_days = {r.day for r in dossier.records if r.category is Category.SICK}

    def about_health(c: ConversationRow) -> bool:
        # A conversation held on a day the pupil was recorded sick is taken to be about the sickness:
        # withholding one too many from leerplicht is the safe side of the AVG.
        return c.kind == "school_doctor" or c.held_at.date() in sick_days

    if recipient is Recipient.OUDERS:
        return replace(dossier, recipient=recipient, left_out=LEFT_OUT[recipient])
    if recipient is Recipient.LEERPLICHT:
        records = tuple(r for r in dossier.records if r.category in LEERPLICHT_CATEGORIES)
        return _narrowed(
            dossier, recipient, records,
            conversations=tuple(c for c in dossier.conversations
                                if c.kind not in LEERPLICHT_NO_CONVERSATIONS and not about_health(c)),
            plans=tuple(replace(pl, note="") for pl in dossier.plans),
            # A report made is theirs; its note is not when it was written on a sick day.
            events=tuple(replace(e, note="") if e.day in sick_days else e
                         for e in dossier.events if e.kind != ActionKind.SCHOOL_DOCTOR),
            cases=tuple(c for c in dossier.cases if c.category == "A"),
            keep_rule=lambda ids, unit: unit != "ziekmeldingen" and ids <= {r.id for r in records},
        )
    if recipient is Recipient.JEUGDARTS:
        records = tuple(r for r in dossier.records if r.category is Category.SICK)
        sick_ids = {r.id for r in records}
        return _narrowed(
            dossier, recipient, records,
            conversations=tuple(c for c in dossier.conversations if about_health(c)),
            plans=(),
            events=tuple(e for e in dossier.events if e.kind == ActionKind.SCHOOL_DOCTOR),
            cases=tuple(c for c in dossier.cases if c.category == "B"),
            keep_rule=lambda ids, unit: unit == "ziekmeldingen" or (bool(ids) and ids <= sick_ids),
        )
    if not consent:
        raise ExportRefused(SWV_NEEDS_CONSENT)
    records = tuple(replace(r, note="") if r.category is Category.SICK else r for r in dossier.records)
    return _narrowed(
        dossier, recipient, records,
        conversations=tuple(c for c in dossier.conversations if c.kind != "school_doctor"),
        plans=dossier.plans,
        events=tuple(replace(e, note="") if e.kind == ActionKind.SCHOOL_DOCTOR else e for e in dossier.events),
        cases=dossier.cases,
        keep_rule=lambda ids, unit: True,
    )


def _narrowed(dossier: Dossier, recipient: Recipient, records: tuple[RecordRow, ...], *,
              conversations: tuple[ConversationRow, ...], plans: tuple[PlanRow, ...],
              events: tuple[EventItem, ...], cases: tuple[CaseRow, ...],
              keep_rule: RuleFilter) -> Dossier:
    rules = tuple(h for h in dossier.rules if keep_rule(set(h.record_ids), h.unit))
    kept = {h.rule_id for h in rules}
    actions = tuple(a for a in dossier.actions if a.rule_id in kept)
    return replace(dossier, records=records, conversations=conversations, plans=plans, events=events, cases=cases,
                   rules=rules, actions=actions, recipient=recipient, left_out=LEFT_OUT[recipient])
