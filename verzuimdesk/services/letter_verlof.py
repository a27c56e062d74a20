"""The fields of a letter about a leave request: the dates, the article, the decision, its grounds and the
bezwaar clause. A letter to leerplicht never quotes a reason that names a health word."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.disclosure import Entry, Recipient, Topic, receives
from verzuimdesk.domain.dutch import format_date, full_name
from verzuimdesk.domain.letters import Template
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.domain.verlof import (
    ARTICLE_NL,
    DECISION_NL,
    Article,
    Decision,
    assess,
    bezwaar_clause,
    refusal_reasons,
)
from verzuimdesk.storage.models import Pupil, VerlofPupil, VerlofRequest

# What a letter to leerplicht says in place of a reason that names a health word (no health data to leerplicht).
HEALTH_LEFT_OUT = ("(de reden staat in de aanvraag van de ouders en wordt in deze brief niet overgenomen; de ouders "
                   "kunnen die zelf aan u toelichten)")


def _leerplicht_may_read(text: str) -> bool:
    """The dossier's check on a text without a chosen topic (storage/topic_defaults.by_words, the table of
    domain/disclosure.py): one that names a health word, or one of the home, does not go to leerplicht."""
    from verzuimdesk.storage.topic_defaults import by_words

    return receives(Recipient.LEERPLICHT, Entry.NOTE, topic=by_words(text, Topic.VERZUIM))


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def verlof_fields(s: Session, verlof_id: int, pupil_id: int, t: Template,
                  calendar: SchoolCalendar) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """(fields, the pupils of the request as (id, leerlingnummer)) for a letter on request `verlof_id`."""
    from verzuimdesk.services.verlof import _earlier, leerplicht_of_pupil

    req = s.get(VerlofRequest, verlof_id)
    if req is None:
        raise Refused(f"Verlofaanvraag {verlof_id} bestaat niet.")
    pupils = list(s.scalars(select(Pupil).join(VerlofPupil, VerlofPupil.pupil_id == Pupil.id)
                            .where(VerlofPupil.request_id == req.id).order_by(Pupil.number)))
    if pupil_id not in {p.id for p in pupils}:
        raise Refused(f"Verlofaanvraag {verlof_id} gaat niet over deze leerling.")
    decision = Decision(req.decision)
    if t.decision and t.decision != decision.value:
        state = "er is nog niet beslist" if decision is Decision.PENDING else f"het besluit is {DECISION_NL[decision]}"
        raise Refused(f"De brief '{t.title}' past niet bij deze aanvraag: {state}.")
    article = Article(req.article)
    assessments = [assess(calendar, group=p.group.name, start=req.start, end=req.end, article=article,
                          employer_statement=req.employer_statement,
                          earlier=_earlier(s, p.id, req.id, calendar, p.group.name),
                          leerplichtig=leerplicht_of_pupil(s, p, calendar).on) for p in pupils]
    days = max((len(a.days) for a in assessments), default=0)
    reasons = refusal_reasons(assessments) if decision is Decision.REFUSED else []
    reason, note = req.reason, req.decision_note
    if t.recipient is Recipient.LEERPLICHT:
        reason = reason if _leerplicht_may_read(reason) else HEALTH_LEFT_OUT
        note = note if _leerplicht_may_read(note) else ""
    fields = {
        "verlof_van": format_date(req.start), "verlof_tot": format_date(req.end),
        "verlof_dagen": "1 schooldag" if days == 1 else f"{days} schooldagen",
        "verlof_leerlingen": _names([full_name(p.first_name, p.prefix, p.last_name) for p in pupils]),
        "artikel": ARTICLE_NL[article], "reden": reason, "aangevraagd_op": format_date(req.requested_on),
        "besluit": DECISION_NL[decision], "toelichting": note,
        "weigeringsgronden": ("Volgens de Leerplichtwet:\n" + "\n".join(f"- {r}" for r in reasons)) if reasons else "",
        "bezwaar": bezwaar_clause(decided_by_leerplicht=req.decided_by_leerplicht),
    }
    return fields, [(p.id, p.number) for p in pupils]


def suggested_template(decision: Decision) -> str:
    return {Decision.GRANTED: "verlof-verleend", Decision.REFUSED: "verlof-geweigerd",
            Decision.LEERPLICHT: "verlof-doorgestuurd"}.get(decision, "")
