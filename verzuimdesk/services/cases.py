"""The IB-er's Traject form: opening a case of zorgwekkend verzuim and keeping its fields current.

The intervention status and the share of education keep their history: a change adds a row from a
date on, so the quarterly list can show how a case went.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from sqlalchemy import select
from sqlalchemy.orm.attributes import flag_modified

from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.quarterly import CLOSE_REASONS, INTERVENTIONS, MAIN_CAUSES, SHARE_TEXTS, SHARES
from verzuimdesk.services.changes import OpChanges, Saved
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.services.versions import check_version
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database, DatabaseError, lock_for_writing
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
    # (from, until, share %) per period; given by the form, it replaces the stored periods (end dates edited)
    share_history: tuple[tuple[date, date | None, int], ...] = ()
    regiehouder: str = ""
    duo_report_date: date | None = None  # category A: the DUO report (langdurig relatief verzuim)
    duo_report_number: str = ""
    edit_periods: bool = False  # True: `share_history` holds the periods as the IB-er edited them
    version: int | None = None  # the stored version the form opened; a save over a newer one is refused


def load_case(db: Database, *, pupil_id: int) -> CaseForm | None:
    """The pupil's open case, or else the latest closed one."""
    with db.read() as s:
        case = s.scalars(select(CareCase).where(CareCase.pupil_id == pupil_id)
                         .order_by(CareCase.closed.is_not(None), CareCase.start.desc())).first()
        return None if case is None else load_form(case, pupil_id)


def load_form(case: CareCase, pupil_id: int) -> CaseForm:
    statuses = tuple((x.since, x.status) for x in case.statuses)
    shares = tuple((x.since, x.until, x.share) for x in case.shares)
    return CaseForm(case.id, pupil_id, case.category, case.start, case.main_cause,
                    statuses[-1][1] if statuses else "", shares[-1][2] if shares else None, case.waiting_list,
                    case.closed, case.close_reason, statuses, shares, case.regiehouder, case.duo_report_date,
                    case.duo_report_number, version=case.version)


def _shown(form: CaseForm) -> dict[str, object]:
    """The case's fields under their Dutch names, for a refusal that shows both versions."""
    return {"categorie": form.category, "startdatum": form.start, "hoofdoorzaak": form.main_cause,
            "interventiestatus": form.status, "onderwijsdeelname": form.share, "wachtlijst": form.waiting_list,
            "einddatum": form.closed, "reden van afronding": form.close_reason, "regiehouder": form.regiehouder,
            "DUO-melding": form.duo_report_number}


def check_periods(periods: list[tuple[date, date | None, int]]) -> list[str]:
    """What is wrong with a share history (PROTOCOLS.md §5): an end before its start, periods that overlap,
    an earlier period without its end date ("eerst de einddatum van het voorafgaande percentage")."""
    problems = []
    ordered = sorted(periods, key=lambda x: x[0])
    for since, until, share in ordered:
        if share not in SHARES:
            problems.append("onderwijsdeelname is 100, 75, 50, 25 of 0 %")
        if until is not None and until < since:
            problems.append(f"de einddatum {_d(until)} van {SHARE_TEXTS.get(share, share)} ligt voor de begindatum "
                            f"{_d(since)}")
    for (since, until, share), (nxt, _, _) in pairwise(ordered):
        if until is None:
            problems.append(f"vul eerst de einddatum in van {SHARE_TEXTS.get(share, share)} vanaf {_d(since)}")
        elif until >= nxt:
            problems.append(f"de periodes onderwijsdeelname vanaf {_d(since)} en vanaf {_d(nxt)} overlappen")
    return problems


def _d(day: date) -> str:
    return format_date(day, weekday=False)


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
    if form.edit_periods:
        problems += check_periods(list(form.share_history))
    if len(form.regiehouder) > 200:
        problems.append("de regiehouder is langer dan 200 tekens")
    if len(form.duo_report_number) > 50:
        problems.append("het nummer van de DUO-melding is langer dan 50 tekens")
    if form.duo_report_date is not None and form.duo_report_date < form.start:
        problems.append("de DUO-melding ligt voor de startdatum")
    if problems:
        raise DatabaseError("Traject niet opgeslagen: " + "; ".join(problems) + ".")


def save_case(db: Database, form: CaseForm, *, on: date, by: Actor) -> Saved:
    """Create or update the case; a changed status or share adds a history row from `on`. Audited."""
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    _check(form)
    with db.begin() as s:
        lock_for_writing(s)  # a second save waits, then sees the first's version
        if s.get(Pupil, form.pupil_id) is None:
            raise DatabaseError("Onbekende leerling.")
        case = s.get(CareCase, form.id) if form.id is not None else None
        before = None
        if case is not None:
            check_version(s, what="Dit traject", entity="traject", entity_id=case.id, opened=form.version,
                          stored=case.version, mine=_shown(form),
                          theirs=_shown(load_form(case, form.pupil_id)))
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
        case.regiehouder, case.duo_report_date = form.regiehouder.strip(), form.duo_report_date
        case.duo_report_number = form.duo_report_number.strip()
        if form.edit_periods:
            case.shares = [CaseShare(since=a, until=b, share=c) for a, b, c in sorted(form.share_history)]
        current_share = case.shares[-1].share if case.shares else None
        if form.share is not None and form.share != current_share:
            since = max(on, form.start)
            if case.shares and case.shares[-1].since >= since:
                case.shares[-1].share = form.share  # changed again on the same day
            else:
                if case.shares and case.shares[-1].until is None:
                    # "Zodra dit percentage wijzigt dient u eerst de einddatum van het voorafgaande percentage
                    # in te vullen": the earlier share ends the day before the new one.
                    case.shares[-1].until = since - timedelta(days=1)
                case.shares.append(CaseShare(since=since, share=form.share))
        problems = check_periods([(x.since, x.until, x.share) for x in case.shares])
        if problems:
            raise DatabaseError("Traject niet opgeslagen: " + "; ".join(problems) + ".")
        if before is not None:
            flag_modified(case, "note")  # a change of only the histories is a new version of the case too
        s.flush()
        audit.append(s, user=user, action="create" if before is None else "update", entity="traject",
                     entity_id=case.id, pupil_id=form.pupil_id,
                     detail={"voor": before, "na": {"categorie": form.category, "start": form.start,
                                                    "hoofdoorzaak": form.main_cause, "status": form.status,
                                                    "onderwijsdeelname": form.share, "einde": form.closed,
                                                    "reden": form.close_reason, "regiehouder": form.regiehouder,
                                                    "duo_melding": [form.duo_report_date,
                                                                    form.duo_report_number]}})
        return Saved(case.id, OpChanges.pupils(form.pupil_id))


def dismiss_candidate(db: Database, *, pupil_id: int, start: date, category: str, reason: str, on: date,
                      by: Actor) -> Saved:
    """Dismiss the candidate (PROTOCOLS.md §5) whose proposed start is `start`, with a reason. It stays
    visible, greyed, and `undo_dismissal` brings it back. Audited."""
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
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
        return Saved(row.id, OpChanges.pupils(pupil_id))


def undo_dismissal(db: Database, *, pupil_id: int, start: date, by: Actor) -> OpChanges:
    """Bring a dismissed candidate back onto the list as a proposal. Audited."""
    require(by, Permission.EDIT_DOSSIER)
    user = audit_name(by)
    with db.begin() as s:
        row = s.scalars(select(CaseDismissal).where(CaseDismissal.pupil_id == pupil_id,
                                                    CaseDismissal.start == start)).first()
        if row is None:
            raise DatabaseError("Dit voorstel was niet afgewezen.")
        audit.append(s, user=user, action="delete", entity="voorstel_afgewezen", entity_id=row.id, pupil_id=pupil_id,
                     detail={"start": start, "categorie": row.category, "reden": row.reason})
        s.delete(row)
    return OpChanges.pupils(pupil_id)
