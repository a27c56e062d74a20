"""The IB-er's Traject form: opening a case of zorgwekkend verzuim and keeping its fields current.

The intervention status and the share of education keep their history: a change adds a row from a
date on, so the quarterly list can show how a case went.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from verzuimdesk.domain.quarterly import CLOSE_REASONS, INTERVENTIONS, MAIN_CAUSES, SHARES
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.models import CareCase, CaseDismissal, CaseShare, CaseStatus, Pupil


@dataclass(frozen=True, slots=True)
class CaseForm:
    """One case as the form shows it; `status` and `share` are the current values of their histories."""

    id: int | None
    pupil_id: int
    category: str
    start: date
    main_cause: str = ""
    status: str = ""
    share: int | None = None
    waiting_list: str = ""
    closed: date | None = None
    close_reason: str = ""
    status_history: tuple[tuple[date, str], ...] = ()
    share_history: tuple[tuple[date, int], ...] = ()


def load_case(db: Database, *, pupil_id: int) -> CaseForm | None:
    """The pupil's open case, or else the latest closed one."""
    with db.read() as s:
        case = s.scalars(select(CareCase).where(CareCase.pupil_id == pupil_id)
                         .order_by(CareCase.closed.is_not(None), CareCase.start.desc())).first()
        if case is None:
            return None
        statuses = tuple((x.since, x.status) for x in case.statuses)
        shares = tuple((x.since, x.share) for x in case.shares)
        return CaseForm(case.id, pupil_id, case.category, case.start, case.main_cause,
                        statuses[-1][1] if statuses else "", shares[-1][1] if shares else None, case.waiting_list,
                        case.closed, case.close_reason, statuses, shares)


def _check(form: CaseForm) -> None:
    problems = []
    if form.category not in MAIN_CAUSES:
        problems.append("kies categorie A of B")
    elif form.main_cause and form.main_cause not in MAIN_CAUSES[form.category]:
        problems.append(f"'{form.main_cause}' is geen hoofdoorzaak van categorie {form.category}")
    if form.status and form.status not in INTERVENTIONS:
        problems.append(f"'{form.status}' is geen interventiestatus van de lijst")
    if form.share is not None and form.share not in SHARES:
        problems.append("onderwijsdeelname is 100, 75, 50, 25 of 0 %")
    if form.closed is not None:
        if form.closed < form.start:
            problems.append("de einddatum ligt voor de startdatum")
        if form.close_reason not in CLOSE_REASONS:
            problems.append("kies bij een afgesloten traject de reden van afronding")
    elif form.close_reason:
        problems.append("een reden van afronding hoort bij een einddatum")
    if problems:
        raise DatabaseError("Traject niet opgeslagen: " + "; ".join(problems) + ".")


def save_case(db: Database, form: CaseForm, *, on: date, user: str = "") -> int:
    """Create or update the case; a changed status or share adds a history row from `on`. Audited."""
    _check(form)
    with db.begin() as s:
        if s.get(Pupil, form.pupil_id) is None:
            raise DatabaseError("Onbekende leerling.")
        case = s.get(CareCase, form.id) if form.id is not None else None
        before = None
        if case is None:
            case = CareCase(pupil_id=form.pupil_id, category=form.category, start=form.start)
            s.add(case)
        else:
            before = {"categorie": case.category, "start": case.start, "hoofdoorzaak": case.main_cause,
                      "wachtlijst": case.waiting_list, "einde": case.closed, "reden": case.close_reason}
        case.category, case.start, case.main_cause = form.category, form.start, form.main_cause
        case.waiting_list, case.closed, case.close_reason = form.waiting_list, form.closed, form.close_reason
        current_status = case.statuses[-1].status if case.statuses else ""
        if form.status and form.status != current_status:
            case.statuses.append(CaseStatus(since=max(on, form.start), status=form.status))
        current_share = case.shares[-1].share if case.shares else None
        if form.share is not None and form.share != current_share:
            since = max(on, form.start)
            if case.shares and case.shares[-1].until is None:
                # "Zodra dit percentage wijzigt dient u eerst de einddatum van het voorafgaande percentage in
                # te vullen": the earlier share ends the day before the new one.
                case.shares[-1].until = max(case.shares[-1].since, since - timedelta(days=1))
            case.shares.append(CaseShare(since=since, share=form.share))
        s.flush()
        audit.append(s, user=user, action="create" if before is None else "update", entity="traject",
                     entity_id=case.id, pupil_id=form.pupil_id,
                     detail={"voor": before, "na": {"categorie": form.category, "start": form.start,
                                                    "hoofdoorzaak": form.main_cause, "status": form.status,
                                                    "onderwijsdeelname": form.share, "einde": form.closed,
                                                    "reden": form.close_reason}})
        return case.id


def dismiss_candidate(db: Database, *, pupil_id: int, start: date, category: str, reason: str, on: date,
                      user: str = "") -> int:
    """Dismiss the candidate (PROTOCOLS.md §5) whose proposed start is `start`, with a reason. It stays
    visible, greyed, and `undo_dismissal` brings it back. Audited."""
    reason = reason.strip()
    if not reason:
        raise DatabaseError("Voorstel niet afgewezen: geef een reden.")
    if len(reason) > 2000:
        raise DatabaseError("Voorstel niet afgewezen: de reden is langer dan 2000 tekens.")
    with db.begin() as s:
        if s.get(Pupil, pupil_id) is None:
            raise DatabaseError("Onbekende leerling.")
        if s.scalars(select(CaseDismissal).where(CaseDismissal.pupil_id == pupil_id,
                                                 CaseDismissal.start == start)).first() is not None:
            raise DatabaseError("Dit voorstel is al afgewezen.")
        row = CaseDismissal(pupil_id=pupil_id, start=start, category=category, reason=reason, dismissed_on=on,
                            user=user)
        s.add(row)
        s.flush()
        audit.append(s, user=user, action="create", entity="voorstel_afgewezen", entity_id=row.id, pupil_id=pupil_id,
                     detail={"start": start, "categorie": category, "reden": reason})
        return row.id


def undo_dismissal(db: Database, *, pupil_id: int, start: date, user: str = "") -> None:
    """Bring a dismissed candidate back onto the list as a proposal. Audited."""
    with db.begin() as s:
        row = s.scalars(select(CaseDismissal).where(CaseDismissal.pupil_id == pupil_id,
                                                    CaseDismissal.start == start)).first()
        if row is None:
            raise DatabaseError("Dit voorstel was niet afgewezen.")
        audit.append(s, user=user, action="delete", entity="voorstel_afgewezen", entity_id=row.id, pupil_id=pupil_id,
                     detail={"start": start, "categorie": row.category, "reden": row.reason})
        s.delete(row)
