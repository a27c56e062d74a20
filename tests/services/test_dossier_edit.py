"""Reports made and plan links: written with their audit row, refused in Dutch, and counted by the engine."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.actors import IB
from tests.services.test_conversations import TODAY, db  # noqa: F401
from verzuimdesk.services.dossier_edit import add_plan, delete_event, register_event, update_event, update_plan
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.status import school_status
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import AuditEntry, EventRow, PlanLink

VINCE = 15  # 1015: the DUO report is overdue


def light(db: Database, pupil_id: int) -> str:  # noqa: F811  (not the fixture: a helper taking it)
    return school_status(db, TODAY, pupil_ids=[pupil_id]).pupils[0].light.value


def test_duo_report_turns_red_to_orange_and_deleting_it_back(db: Database) -> None:  # noqa: F811
    assert light(db, VINCE) == "red"
    eid = register_event(db, pupil_id=VINCE, kind="duo_report", day=TODAY, reference="VM-1", by=IB, today=TODAY).id
    assert light(db, VINCE) == "orange"
    update_event(db, event_id=eid, kind="duo_report", day=TODAY, reference="VM-2", note="", by=IB, today=TODAY)
    delete_event(db, event_id=eid, by=IB)
    assert light(db, VINCE) == "red"
    with db.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "event",
                                                            AuditEntry.entity_id == eid)).all()
    assert actions == ["create", "update", "delete"]


@pytest.mark.parametrize(("kwargs", "message"), [
    (dict(kind="duo_report", reference=" "), "Vul het meldingsnummer van DUO in"),
    (dict(kind="duo_report", reference="VM", day=date(2026, 12, 1)), "niet in de toekomst"),
    (dict(kind="talk_pupil"), "is geen melding"),
    (dict(kind="duo_report", reference="VM", day=date(2001, 1, 1)), "voor de inschrijving"),
])
def test_bad_report_is_refused_and_writes_nothing(db: Database, kwargs: dict, message: str) -> None:  # noqa: F811
    args = dict(pupil_id=VINCE, day=TODAY, by=IB, today=TODAY)
    args.update(kwargs)
    with pytest.raises(Refused, match=message):
        register_event(db, **args)  # type: ignore[arg-type]
    with db.read() as s:
        assert not s.scalars(select(EventRow).where(EventRow.pupil_id == VINCE,
                                                    EventRow.kind == "duo_report")).all()


def test_plan_needs_a_location_and_a_sane_evaluation(db: Database) -> None:  # noqa: F811
    with pytest.raises(Refused, match="Kies een bestand"):
        add_plan(db, pupil_id=VINCE, kind="IHP", location=" ", start=TODAY, by=IB)
    with pytest.raises(Refused, match="ligt voor de startdatum"):
        add_plan(db, pupil_id=VINCE, kind="OPP", location="https://x", start=TODAY, evaluation=date(2026, 1, 1),
                 by=IB)
    pid = add_plan(db, pupil_id=VINCE, kind="IHP", location="https://plannen/ihp", start=TODAY, by=IB).id
    update_plan(db, plan_id=pid, kind="OPP", location="https://plannen/opp", start=TODAY, by=IB)
    with db.read() as s:
        assert [(p.kind, p.location) for p in s.scalars(select(PlanLink).where(PlanLink.pupil_id == VINCE))] == [
            ("OPP", "https://plannen/opp")]


def test_a_plan_link_to_a_program_is_refused_and_nothing_is_stored(db: Database) -> None:  # noqa: F811
    from verzuimdesk.services.dossier_edit import plan_target

    for bad in ("javascript:alert(1)", r"\\server\share\setup.exe", "plan\u202efdp.exe", "https://" + "x" * 10_000):
        with pytest.raises(Refused):
            add_plan(db, pupil_id=VINCE, kind="IHP", location=bad, start=TODAY, by=IB)
    assert plan_target("javascript:alert(1)").allowed is False
    assert plan_target("https://las.example.nl/ihp").text.startswith("de website las.example.nl")
