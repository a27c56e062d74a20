"""The demo school: the plain data of `verzuimdesk.demo` written through the same paths as the imports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select, update

from verzuimdesk.demo import DemoSchool, generate_demo
from verzuimdesk.demo.calendar import school_settings
from verzuimdesk.importers.csvfile import CsvTable
from verzuimdesk.importers.rows import (
    ABSENCE_COLUMNS,
    EVENT_COLUMNS,
    PUPIL_COLUMNS,
    PupilKnown,
    check_absences,
    check_events,
    check_pupils,
)
from verzuimdesk.services.imports import write_absences, write_events, write_pupils
from verzuimdesk.services.school import new_school_database, update_school
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.loading import load_calendar, load_codes
from verzuimdesk.storage.models import (
    Agreement,
    CareCase,
    CaseShare,
    CaseStatus,
    Conversation,
    ExemptionRow,
    Group,
    Guardian,
    PlanLink,
    Pupil,
    Staff,
)

DEMO_USER = "demo"
DEMO_CONTACT = ("0186 - 61 23 45", "info@obs-deklimop.example.nl", "R. Verbeek")  # fictitious
DEMO_IB_NAME = "Marieke Aarts"  # fictitious: the IB-er of the demo conversations, who logs in as `demo`


def _table(columns: Sequence[str], rows: Sequence[dict[str, str]]) -> CsvTable:
    return CsvTable(tuple(columns), tuple((i + 2, dict(r)) for i, r in enumerate(rows)))


def create_demo(target: str, *, size: int = 200, today: date | None = None,
                password: str | None = None) -> Database:
    """A new database at `target` with the fictitious demo school, as it stands on `today`.

    Encrypted when a password is given; the demo holds no real pupils, so it may also be left plain.
    """
    demo = generate_demo(size=size, today=today or date.today())
    first, *rest = school_settings(demo.school_files)
    db, _ = new_school_database(target, first, user=DEMO_USER, password=password)
    from verzuimdesk.services.accounts import account_of

    with db.begin() as session:  # a name, as a school's IB-er has ("demo" printed as who drew a dossier up)
        session.execute(update(Staff).where(Staff.username == DEMO_USER).values(name=DEMO_IB_NAME))
    ib = account_of(db, DEMO_USER)
    for settings in rest:
        update_school(db, settings, by=ib)
    write_demo(db, demo)
    from verzuimdesk.services.registration_checks import mark_demo_checks

    mark_demo_checks(db, today=today or date.today())
    from verzuimdesk.services.school_contact import SchoolContact, save_school_contact

    # what the leerplicht dossier prints of the school, filled in as a school would ("–" looked unfinished)
    save_school_contact(db, SchoolContact(*DEMO_CONTACT), by=ib)
    return db


def write_demo(db: Database, demo: DemoSchool) -> None:
    with db.begin() as session:
        write_pupils(session, check_pupils(_table(PUPIL_COLUMNS, demo.pupils), "demoschool"))
        session.flush()
        q = select(Pupil.number, Pupil.id, Group.name, Pupil.enrolled_from, Pupil.enrolled_until).join(Group)
        known = {n: (pid, PupilKnown(g, f, u)) for n, pid, g, f, u in session.execute(q)}
        ids = {n: pid for n, (pid, _) in known.items()}
        absences = check_absences(_table(ABSENCE_COLUMNS, demo.absences), "demoschool",
                                  pupils={n: k for n, (_, k) in known.items()},
                                  codes=load_codes(session), calendar=load_calendar(session))
        write_absences(session, absences, ids, user=DEMO_USER)
        session.add_all(Guardian(pupil_id=ids[g["leerlingnummer"]], name=g["naam"], relation=g["relatie"],
                                 phone=g["telefoon"], email=g["email"]) for g in demo.guardians)
        for c in demo.conversations:
            held = datetime.combine(c.day, c.time)
            session.add(Conversation(
                pupil_id=ids[c.leerlingnummer], kind=c.kind.value, held_at=held, participants=c.participants,
                summary=c.summary, created_by=DEMO_USER, updated_at=held,
                agreements=[Agreement(text=a.text, owner=a.owner, due=a.due, done=a.done) for a in c.agreements]))
        session.add_all(ExemptionRow(pupil_id=ids[e["leerlingnummer"]], start=date.fromisoformat(e["van"]),
                                     end=date.fromisoformat(e["tot"]) if e["tot"] else None, article=e["artikel"],
                                     note=e["notitie"]) for e in demo.exemptions)
        session.add_all(PlanLink(pupil_id=ids[p.leerlingnummer], kind=p.kind, location=p.location, start=p.start,
                                 evaluation=p.evaluation) for p in demo.plans)
        for k in demo.cases:
            session.add(CareCase(
                pupil_id=ids[k.leerlingnummer], category=k.category, start=k.start, main_cause=k.main_cause,
                waiting_list=k.waiting_list, closed=k.closed, close_reason=k.close_reason,
                statuses=[CaseStatus(since=k.start, status=k.intervention)],
                shares=[CaseShare(since=k.start, share=k.education_share)]))
        session.flush()
        # the reports last: each keeps its DUO sheets from the whole dossier of its day (services/duo_kept.py)
        write_events(session, check_events(_table(EVENT_COLUMNS, demo.events), "demoschool", pupils=ids),
                     ids, user=DEMO_USER)
        audit.append(session, user=DEMO_USER, action="create", entity="demo",
                     detail={"leerlingen": len(demo.pupils), "verzuimregels": len(demo.absences)})
