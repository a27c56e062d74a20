"""The services check who acts: a leerkracht only for the own groups, the directie only figures, and a
refusal (in Dutch) writes nothing, so the command line and any script get the window's answer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.actors import DIRECTIE, IB, teacher
from tests.conftest import PASSPHRASE, imported
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.disclosure import Recipient
from verzuimdesk.services.audit_log import read_audit_log
from verzuimdesk.services.conversations import save_conversation
from verzuimdesk.services.dossier_edit import register_event
from verzuimdesk.services.dossier_view import view_dossier
from verzuimdesk.services.errors import NotAllowed, Refused
from verzuimdesk.services.exports import export_dossier, export_quarterly
from verzuimdesk.services.imports import import_absences
from verzuimdesk.services.registration import record_absence
from verzuimdesk.services.registration_checks import set_checked
from verzuimdesk.services.registration_grid import week_grid
from verzuimdesk.services.retention import purge_due
from verzuimdesk.services.settings import save_code
from verzuimdesk.services.status import status_seen_by
from verzuimdesk.storage.database import Database, open_database
from verzuimdesk.storage.models import Absence, AuditEntry, Conversation, EventRow, Pupil

JUF_12 = teacher("1-2", username="juf12")  # Daniël (1002) is in 1-2; Zoë, Sem and Anaïs in 5
JUF_5 = teacher("5", username="juf5")
MONDAY = date(2025, 11, 10)


@pytest.fixture
def school(db_path: Path) -> Iterator[Database]:
    imported(db_path)
    db = open_database(str(db_path), passphrase=PASSPHRASE)
    yield db
    db.close()


def _id(db: Database, number: str) -> int:
    with db.read() as s:
        return s.scalar(select(Pupil.id).where(Pupil.number == number))


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_a_teacher_registers_absence_for_the_own_groups_only(school: Database) -> None:
    before = _count(school, Absence)
    with pytest.raises(NotAllowed, match="niet in een van uw groepen"):
        record_absence(school, pupil_id=_id(school, "1001"), day=MONDAY, code="Z", by=JUF_12)
    with pytest.raises(NotAllowed, match="geen verzuim registreren"):
        record_absence(school, pupil_id=_id(school, "1001"), day=MONDAY, code="Z", by=DIRECTIE)
    assert _count(school, Absence) == before
    record_absence(school, pupil_id=_id(school, "1001"), day=MONDAY, code="Z", by=JUF_5)
    assert _count(school, Absence) == before + 1


def test_a_teacher_sees_and_checks_the_grid_of_the_own_groups_only(school: Database) -> None:
    with pytest.raises(NotAllowed, match="Groep 5 is niet een van uw groepen"):
        week_grid(school, group="5", monday=MONDAY, by=JUF_12)
    with pytest.raises(NotAllowed):
        set_checked(school, group="5", day=MONDAY, part=0, checked=True, by=JUF_12, today=MONDAY)
    assert [r.number for r in week_grid(school, group="1-2", monday=MONDAY, by=JUF_12).rows] == ["1002"]


def test_conversations_for_the_own_groups_and_the_dossier_for_the_ib_er(school: Database) -> None:
    talk = dict(kind="parents_phone", held_at=datetime(2025, 11, 10, 9, 0), participants="moeder",
                summary="Gesprek over het verzuim.")
    with pytest.raises(NotAllowed):
        save_conversation(school, pupil_id=_id(school, "1001"), by=JUF_12, **talk)  # type: ignore[arg-type]
    with pytest.raises(NotAllowed):
        save_conversation(school, pupil_id=_id(school, "1001"), by=DIRECTIE, **talk)  # type: ignore[arg-type]
    assert _count(school, Conversation) == 0
    save_conversation(school, pupil_id=_id(school, "1001"), by=JUF_5, **talk)  # type: ignore[arg-type]
    events = _count(school, EventRow)
    with pytest.raises(NotAllowed, match="Alleen de IB-er wijzigt het dossier"):
        register_event(school, pupil_id=_id(school, "1001"), kind="duo_report", day=MONDAY, reference="M-1",
                       by=JUF_5, today=MONDAY)
    assert _count(school, EventRow) == events


def test_documents_and_settings_are_the_ib_ers(school: Database, tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    for who in (JUF_5, DIRECTIE):
        with pytest.raises(NotAllowed):
            export_dossier(school, pupil_number="1001", recipient=Recipient.OUDERS, out=out, by=who)
        with pytest.raises(NotAllowed):
            save_code(school, code="X", label="Extra", category=Category.AUTHORISED, by=who)
        with pytest.raises(NotAllowed):
            import_absences(school, b"leerlingnummer;datum;code\n1001;2025-11-11;Z\n", by=who)
        with pytest.raises(NotAllowed):
            purge_due(school, today=date(2040, 1, 1), by=who)
        with pytest.raises(NotAllowed):
            read_audit_log(school, by=who)
    assert not out.exists()
    with pytest.raises(NotAllowed):
        export_quarterly(school, on=MONDAY, out=tmp_path / "kwartaal.csv", by=JUF_5)
    export_quarterly(school, on=MONDAY, out=tmp_path / "kwartaal.csv", by=DIRECTIE)  # figures: the directie's
    assert (tmp_path / "kwartaal.csv").exists()


def test_a_refused_dossier_view_is_not_logged_as_a_view(school: Database) -> None:
    def views() -> int:
        with school.read() as s:
            return s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "view")) or 0

    with pytest.raises(NotAllowed):
        view_dossier(school, pupil_id=_id(school, "1001"), peildatum=MONDAY, by=JUF_12)
    with pytest.raises(NotAllowed):
        view_dossier(school, pupil_id=_id(school, "1001"), peildatum=MONDAY, by=DIRECTIE)
    assert views() == 0
    view_dossier(school, pupil_id=_id(school, "1001"), peildatum=MONDAY, by=JUF_5)
    assert views() == 1
    row = read_audit_log(school, kind="inzien", by=IB).rows[0]
    assert row.user.endswith("(juf5)") or row.user == "juf5"


def test_the_status_list_holds_only_the_pupils_the_account_may_see(school: Database) -> None:
    assert sorted(p.number for p in status_seen_by(school, MONDAY, by=IB).pupils) == ["1001", "1002", "1003", "1004"]
    assert [p.number for p in status_seen_by(school, MONDAY, by=JUF_12).pupils] == ["1002"]
    with pytest.raises(NotAllowed, match="cijfers van de school"):
        status_seen_by(school, MONDAY, by=DIRECTIE)


def test_a_refusal_of_a_role_is_the_one_refusal_type() -> None:
    assert issubclass(NotAllowed, Refused)
