"""Verlofaanvragen: recording a request (one pupil or siblings at once), the directeur's decision, and what
the decision does to the registration grid (docs/verlof.md).

Granting fills each requested schooldag of each pupil with a whole-day `V` record (a `?` on such a day
is replaced and kept aside in `verlof_replaced`; any other record is left and the day reported);
reversing the decision takes exactly those records away again and puts the `?` back. Absence on the
days of a refused request is proposed as luxeverzuim (`X`) for the IB-er to confirm, after which the
LUXE rule asks for the DUO report. Each write is one
transaction with its audit rows; bad input raises VerlofRefused with a Dutch message and changes nothing.
What a decision does to the grid lives in services/verlof_grid.py, the luxe proposals in
services/verlof_luxe.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.dutch import format_date, full_name, sort_key
from verzuimdesk.domain.leerplicht import Leerplicht, leerplicht_for
from verzuimdesk.domain.records import Exemption
from verzuimdesk.domain.refusal import NotAllowed, Refused, no_such_pupil
from verzuimdesk.domain.verlof import (
    ARTICLE_NL,
    Article,
    Assessment,
    Decision,
    Earlier,
    assess,
    can_decide,
)
from verzuimdesk.services.accounts import Account, Permission
from verzuimdesk.services.changes import NOTHING, OpChanges
from verzuimdesk.services.permissions import audit_name
from verzuimdesk.services.verlof_grid import LEAVE_CODE, fill, undo_luxe, unfill
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, lock_for_writing
from verzuimdesk.storage.loading import load_calendar
from verzuimdesk.storage.models import (
    AbsenceCodeRow,
    ExemptionRow,
    Group,
    Pupil,
    VerlofAbsence,
    VerlofPupil,
    VerlofRequest,
)


class VerlofRefused(Refused):
    """Input or a decision the service will not write; the message is Dutch and meant for the user. `column`:
    the CSV column (docs/verlof.md) the input came from, for the import's list of wrong lines."""

    def __init__(self, message: str, column: str = "") -> None:
        super().__init__(message)
        self.column = column


@dataclass(frozen=True, slots=True)
class VerlofPupilRow:
    pupil_id: int
    number: str
    name: str
    group: str
    days: tuple[date, ...]  # the pupil's schooldagen in the request
    findings: tuple[str, ...]  # the law's objections, in Dutch
    needs_leerplicht: bool


@dataclass(frozen=True, slots=True)
class VerlofRow:
    id: int
    start: date
    end: date
    article: Article
    reason: str
    documents: str
    employer_statement: bool
    requested_on: date
    requested_by: str
    decision: Decision
    decided_on: date | None
    decided_by: str
    decision_note: str
    pupils: tuple[VerlofPupilRow, ...]
    filled: int  # `V` records the decision put in the grid
    decided_by_leerplicht: bool = False  # the leerplichtambtenaar's decision, recorded by the directeur

    @property
    def article_nl(self) -> str:
        return ARTICLE_NL[self.article]

    @property
    def days(self) -> int:
        return max((len(p.days) for p in self.pupils), default=0)


@dataclass(frozen=True, slots=True)
class DecisionDone:
    request: VerlofRow
    added: int  # `V` records put in the grid
    removed: int  # `V` records taken away (a granted request reversed)
    skipped: tuple[str, ...]  # "1027 op ma 2 mrt 2026 (Z)": days that held another record
    changes: OpChanges = NOTHING  # the pupils whose grid and light changed
    luxe_undone: int = 0  # luxe (`X`) records of this request given back their code (leave granted after all)


def _name(p: Pupil) -> str:
    return full_name(p.first_name, p.prefix, p.last_name)


def _need(by: Account, *permissions: Permission) -> None:
    if not any(by.can(p) for p in permissions):
        if Permission.DECIDE_LEAVE in permissions and len(permissions) == 1:
            raise NotAllowed("Alleen de directeur beslist over verlof.")
        if Permission.DECIDE_LEAVE not in permissions:  # luxe: the registration is the IB-er's
            raise NotAllowed("Alleen de IB-er werkt met de registraties van geweigerd verlof (luxeverzuim).")
        raise NotAllowed("Alleen de IB-er en de directeur werken met verlofaanvragen.")


def _earlier(s: Session, pupil_id: int, request_id: int | None, calendar: SchoolCalendar,
             group: str) -> list[Earlier]:
    """The pupil's other granted leave that counts against request `request_id`: all of it while the request
    waits for its decision; once it is decided, only what was granted before it (a later grant does not turn
    this one into 'more than 10 days' or 'a second vakantieverlof' after the fact)."""
    rows = s.scalars(select(VerlofRequest).join(VerlofPupil).where(
        VerlofPupil.pupil_id == pupil_id, VerlofRequest.decision == Decision.GRANTED.value,
        VerlofRequest.id != (request_id or -1))).all()
    this = s.get(VerlofRequest, request_id) if request_id is not None else None
    if this is not None and this.decision not in (Decision.PENDING.value, Decision.LEERPLICHT.value) \
            and this.decided_on is not None:
        mine = (this.decided_on, this.id)
        rows = [r for r in rows if r.decided_on is not None and (r.decided_on, r.id) < mine]
    return [Earlier(r.id, Article(r.article), tuple(calendar.schooldagen(r.start, r.end, group))) for r in rows]


def leerplicht_of_pupil(s: Session, pupil: Pupil, calendar: SchoolCalendar) -> Leerplicht:
    """When the pupil is leerplichtig (birth date, vrijstellingen): the law's limits on leave hold only then."""
    exemptions = tuple(Exemption(e.start, e.end, e.article, e.note) for e in s.scalars(
        select(ExemptionRow).where(ExemptionRow.pupil_id == pupil.id).order_by(ExemptionRow.start)))
    return leerplicht_for(pupil.birth_date, pupil.group.name, exemptions, calendar)


def _assess(s: Session, req: VerlofRequest, pupil: Pupil, calendar: SchoolCalendar) -> Assessment:
    group = pupil.group.name
    return assess(calendar, group=group, start=req.start, end=req.end, article=Article(req.article),
                  employer_statement=req.employer_statement,
                  earlier=_earlier(s, pupil.id, req.id, calendar, group),
                  enrolled_from=pupil.enrolled_from, enrolled_until=pupil.enrolled_until,
                  requested_on=req.requested_on, leerplichtig=leerplicht_of_pupil(s, pupil, calendar).on)


def _pupils(s: Session, request_id: int) -> list[Pupil]:
    return list(s.scalars(select(Pupil).join(VerlofPupil, VerlofPupil.pupil_id == Pupil.id)
                          .where(VerlofPupil.request_id == request_id).order_by(Pupil.number)))


def _row(s: Session, req: VerlofRequest, calendar: SchoolCalendar) -> VerlofRow:
    pupils = []
    for p in _pupils(s, req.id):
        a = _assess(s, req, p, calendar)
        pupils.append(VerlofPupilRow(p.id, p.number, _name(p), p.group.name, a.days,
                                     tuple(f.text for f in a.findings), a.needs_leerplicht))
    filled = len(s.scalars(select(VerlofAbsence.absence_id).where(VerlofAbsence.request_id == req.id)).all())
    return VerlofRow(req.id, req.start, req.end, Article(req.article), req.reason, req.documents,
                     req.employer_statement, req.requested_on, req.requested_by, Decision(req.decision),
                     req.decided_on, req.decided_by, req.decision_note, tuple(pupils), filled,
                     req.decided_by_leerplicht)


def _snapshot(req: VerlofRequest, numbers: Sequence[str]) -> dict[str, object]:
    return {"leerlingen": list(numbers), "van": req.start.isoformat(), "tot": req.end.isoformat(),
            "artikel": req.article, "reden": req.reason, "documenten": req.documents,
            "werkgeversverklaring": req.employer_statement, "besluit": req.decision,
            "toelichting": req.decision_note, "door_leerplicht": req.decided_by_leerplicht}


def family_of(db: Database, *, pupil_number: str) -> list[str]:
    """The leerlingnummers of the pupil and the siblings (same `gezin`) enrolled, the pupil first."""
    with db.read() as s:
        p = s.scalar(select(Pupil).where(Pupil.number == pupil_number))
        if p is None:
            raise VerlofRefused(no_such_pupil(pupil_number))
        if not p.family:
            return [p.number]
        others = s.scalars(select(Pupil.number).where(Pupil.family == p.family, Pupil.id != p.id,
                                                      Pupil.enrolled_until.is_(None)).order_by(Pupil.number)).all()
    return [p.number, *others]


def add_request(db: Database, *, by: Account, pupil_numbers: Sequence[str], start: date, end: date,
                article: Article | str, reason: str, documents: str = "", employer_statement: bool = False,
                requested_on: date | None = None, requested_by: str = "") -> VerlofRow:
    """Record a request for one pupil or several siblings; checked against the law, not yet decided."""
    _need(by, Permission.EDIT_DOSSIER, Permission.DECIDE_LEAVE)
    art, numbers = checked_request(pupil_numbers, start, end, article, reason, documents, requested_by)
    with db.begin() as s:
        lock_for_writing(s)
        calendar = load_calendar(s)
        req = insert_request(s, by, numbers, start, end, art, reason, documents, employer_statement,
                             requested_on, requested_by, calendar)
        return _row(s, req, calendar)


def parse_article(article: Article | str) -> Article:
    try:
        return Article(str(article).strip().lower().removeprefix("art.").strip())
    except ValueError:
        raise VerlofRefused(f"Onbekend artikel '{article}': kies 11 (gewichtige omstandigheden) of 13a "
                            "(vakantieverlof).", "artikel") from None


def checked_request(pupil_numbers: Sequence[str], start: date, end: date, article: Article | str, reason: str,
                    documents: str, requested_by: str) -> tuple[Article, list[str]]:
    """The request's own input checked (not yet against the pupils or the calendar)."""
    art = parse_article(article)
    numbers = list(dict.fromkeys(n.strip() for n in pupil_numbers if n.strip()))
    if not numbers:
        raise VerlofRefused("Kies minstens één leerling.", "leerlingnummer")
    if end < start:
        raise VerlofRefused(f"De einddatum ({format_date(end)}) ligt voor de begindatum ({format_date(start)}).",
                            "tot")
    if not reason.strip():
        raise VerlofRefused("Vul de reden van de aanvraag in, zoals de ouders die opgeven.", "reden")
    if len(reason) > 5000 or len(documents) > 2000 or len(requested_by) > 200:
        raise VerlofRefused("De reden, de documenten of de naam van de aanvrager is te lang.")
    return art, numbers


def insert_request(s: Session, by: Account, numbers: list[str], start: date, end: date, art: Article, reason: str,
                   documents: str, employer_statement: bool, requested_on: date | None, requested_by: str,
                   calendar: SchoolCalendar) -> VerlofRequest:
    """The request's rows and audit rows, in the caller's transaction."""
    pupils = {p.number: p for p in s.scalars(select(Pupil).where(Pupil.number.in_(numbers)))}
    unknown = [n for n in numbers if n not in pupils]
    if unknown:
        raise VerlofRefused(no_such_pupil(', '.join(unknown)), "leerlingnummer")
    if not any(calendar.schooldagen(start, end)):
        raise VerlofRefused(f"Van {format_date(start)} tot en met {format_date(end)} valt geen schooldag: er "
                            "is geen verlof nodig.", "van")
    req = VerlofRequest(start=start, end=end, article=art.value, reason=reason.strip(),
                        documents=documents.strip(), employer_statement=employer_statement,
                        requested_on=requested_on or date.today(), requested_by=requested_by.strip(),
                        decision=Decision.PENDING.value, decided_by="", decision_note="",
                        created_at=datetime.now().replace(microsecond=0), created_by=audit_name(by))
    s.add(req)
    s.flush()
    s.add_all(VerlofPupil(request_id=req.id, pupil_id=pupils[n].id) for n in numbers)
    s.flush()
    for n in numbers:
        audit.append(s, user=audit_name(by), action="create", entity="verlof", entity_id=req.id,
                     pupil_id=pupils[n].id, detail=_snapshot(req, numbers))
    return req


def list_requests(db: Database, *, by: Account, pupil_number: str | None = None,
                  decision: Decision | None = None) -> list[VerlofRow]:
    """The requests, newest first; of one pupil, or with one decision, when asked."""
    _need(by, Permission.EDIT_DOSSIER, Permission.DECIDE_LEAVE)
    with db.read() as s:
        calendar = load_calendar(s)
        q = select(VerlofRequest).order_by(VerlofRequest.start.desc(), VerlofRequest.id.desc())
        if pupil_number is not None and s.scalar(select(Pupil.id).where(Pupil.number == pupil_number)) is None:
            raise VerlofRefused(no_such_pupil(pupil_number))
        if pupil_number is not None:
            q = q.join(VerlofPupil).join(Pupil).where(Pupil.number == pupil_number)
        if decision is not None:
            q = q.where(VerlofRequest.decision == decision.value)
        return [_row(s, r, calendar) for r in s.scalars(q)]


def get_request(db: Database, *, by: Account, request_id: int) -> VerlofRow:
    _need(by, Permission.EDIT_DOSSIER, Permission.DECIDE_LEAVE)
    with db.read() as s:
        req = s.get(VerlofRequest, request_id)
        if req is None:
            raise VerlofRefused(f"Verlofaanvraag {request_id} bestaat niet.")
        return _row(s, req, load_calendar(s))


def decide(db: Database, *, by: Account, request_id: int, decision: Decision | str, note: str = "",
           on: date | None = None, by_leerplicht: bool = False) -> DecisionDone:
    """The directeur's decision (or leerplicht's, recorded by the directeur); reverses an earlier one."""
    _need(by, Permission.DECIDE_LEAVE)
    try:
        new = Decision(decision)
    except ValueError:
        raise VerlofRefused(f"Onbekend besluit '{decision}': kies verleend, geweigerd of leerplicht.") from None
    if new is Decision.REFUSED and not note.strip():
        raise VerlofRefused("Geef bij een weigering de reden: die komt in de brief aan de ouders.")
    with db.begin() as s:
        lock_for_writing(s)
        req = s.get(VerlofRequest, request_id)
        if req is None:
            raise VerlofRefused(f"Verlofaanvraag {request_id} bestaat niet.")
        calendar = load_calendar(s)
        pupils = _pupils(s, req.id)
        assessments = [_assess(s, req, p, calendar) for p in pupils]
        current = Decision(req.decision)
        why = can_decide(current, new, assessments, by_leerplicht=by_leerplicht)
        if why:
            raise VerlofRefused(why)
        decided_on = on or date.today()
        if new is not Decision.PENDING and decided_on < req.requested_on:
            raise VerlofRefused(f"Het besluit ({format_date(decided_on)}) kan niet van vóór de aanvraag zijn: die is "
                                f"gedaan op {format_date(req.requested_on)}. Kies de datum van het besluit.")
        before = _snapshot(req, [p.number for p in pupils])
        removed = unfill(s, req, by) if current is Decision.GRANTED and new is not Decision.GRANTED else 0
        added, skipped, undone = 0, list[str](), 0
        if new is Decision.GRANTED and current is not Decision.GRANTED:
            undone = undo_luxe(s, req, by, covered=True)
            added, skipped = fill(s, req, pupils, assessments, by, _leave_code(s))
        elif current is Decision.REFUSED and new is not Decision.REFUSED:  # the refusal withdrawn
            undone = undo_luxe(s, req, by, covered=False)
        req.decision = new.value
        req.decided_on = None if new is Decision.PENDING else decided_on
        req.decided_by = "" if new is Decision.PENDING else audit_name(by)
        req.decision_note = note.strip()
        # passed on and decided now: only leerplicht could decide it (can_decide), so it is leerplicht's
        beyond = any(a.needs_leerplicht for a in assessments)
        req.decided_by_leerplicht = new in (Decision.GRANTED, Decision.REFUSED) and beyond and (
            by_leerplicht or current is Decision.LEERPLICHT)
        s.flush()
        for p in pupils:
            audit.append(s, user=audit_name(by), action="update", entity="verlof", entity_id=req.id, pupil_id=p.id,
                         detail={"voor": before, "na": _snapshot(req, [q.number for q in pupils]),
                                 "v_geplaatst": added, "v_gewist": removed})
        changed = OpChanges.pupils(*(p.id for p in pupils)) if added or removed or undone else NOTHING
        return DecisionDone(_row(s, req, calendar), added, removed, tuple(skipped), changed, undone)


def _leave_code(s: Session) -> AbsenceCodeRow:
    code = s.scalar(select(AbsenceCodeRow).where(AbsenceCodeRow.code == LEAVE_CODE))
    if code is None:
        raise VerlofRefused("De code V (verlof) ontbreekt in de codelijst van de school; voeg die weer toe.")
    return code


@dataclass(frozen=True, slots=True)
class PupilChoice:
    number: str
    name: str
    group: str
    family: str


def pupil_choices(db: Database, *, by: Account) -> list[PupilChoice]:
    """The enrolled pupils a request may name (the directeur too, who sees no dossiers)."""
    _need(by, Permission.EDIT_DOSSIER, Permission.DECIDE_LEAVE)
    with db.read() as s:
        rows = sorted(s.execute(select(Pupil, Group.name).join(Group).where(Pupil.enrolled_until.is_(None))),
                      key=lambda r: sort_key(r[0].first_name, r[0].prefix, r[0].last_name))
        return [PupilChoice(p.number, _name(p), g, p.family) for p, g in rows]


def preview_request(db: Database, *, by: Account, pupil_numbers: Sequence[str], start: date, end: date,
                    article: Article | str, employer_statement: bool,
                    requested_on: date | None = None) -> list[VerlofPupilRow]:
    """What the law says of a request before it is recorded: per pupil its schooldagen and objections."""
    _need(by, Permission.EDIT_DOSSIER, Permission.DECIDE_LEAVE)
    art = parse_article(article)
    with db.read() as s:
        calendar = load_calendar(s)
        out = []
        for p in s.scalars(select(Pupil).where(Pupil.number.in_(list(pupil_numbers))).order_by(Pupil.number)):
            a = assess(calendar, group=p.group.name, start=start, end=end, article=art,
                       employer_statement=employer_statement, earlier=_earlier(s, p.id, None, calendar, p.group.name),
                       enrolled_from=p.enrolled_from, enrolled_until=p.enrolled_until,
                       requested_on=requested_on, leerplichtig=leerplicht_of_pupil(s, p, calendar).on)
            out.append(VerlofPupilRow(p.id, p.number, _name(p), p.group.name, a.days, tuple(f.text for f in a.findings),
                                      a.needs_leerplicht))
        return out
