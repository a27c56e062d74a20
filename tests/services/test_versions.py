"""No lost update (issue #24): a conversation, a case or a registration cell that someone else saved after it
was opened is not overwritten; the save is refused in Dutch, showing both versions and who saved the other."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.actors import IB, ib
from verzuimdesk.services.cases import CaseForm, load_case, save_case
from verzuimdesk.services.conversations import get_conversation, save_conversation
from verzuimdesk.services.errors import REFUSALS, ChangedMeanwhile
from verzuimdesk.services.registration import AbsenceSpec, apply_edit
from verzuimdesk.services.registration_grid import week_grid
from verzuimdesk.storage.database import Database, open_database
from verzuimdesk.storage.models import Absence, Group, Pupil

TODAY = date(2026, 11, 23)  # a Monday
NOW = datetime(2026, 11, 23, 15, 0)
WESSEL = 12  # a pupil of the small demo school, enrolled all year


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from verzuimdesk.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    create_demo(str(path), size=30, today=TODAY).close()
    return path


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    shutil.copy(demo_file, tmp_path / "demo.db")
    d = open_database(str(tmp_path / "demo.db"))
    yield d
    d.close()


def talk(db: Database, summary: str, user: str, cid: int | None = None, version: int | None = None) -> int:
    return save_conversation(db, pupil_id=WESSEL, kind="pupil", held_at=datetime(2026, 11, 23, 10, 0),
                             participants="Wessel, juf", summary=summary, by=ib(user), conversation_id=cid,
                             now=NOW, version=version).id


def test_a_conversation_saved_by_someone_else_since_it_was_opened_is_not_overwritten(db: Database) -> None:
    cid = talk(db, "Eerste versie.", "ib")
    opened_by_ib = get_conversation(db, conversation_id=cid, by=IB)
    opened_by_juf = get_conversation(db, conversation_id=cid, by=IB)
    talk(db, "Juf schreef dit.", "juf", cid, opened_by_juf.version)

    with pytest.raises(ChangedMeanwhile) as refused:
        talk(db, "De IB-er schreef dit.", "ib", cid, opened_by_ib.version)
    message = str(refused.value)
    assert "intussen gewijzigd door juf" in message
    assert "uw versie: De IB-er schreef dit." in message and "opgeslagen versie: Juf schreef dit." in message
    assert "deelnemers" not in message  # only the fields that differ
    assert isinstance(refused.value, REFUSALS)  # the UI's runner shows it like any refusal
    assert get_conversation(db, conversation_id=cid, by=IB).summary == "Juf schreef dit."

    # Opened again, the IB-er's change goes in on top of the juf's.
    again = get_conversation(db, conversation_id=cid, by=IB)
    talk(db, "Juf schreef dit. De IB-er vult aan.", "ib", cid, again.version)
    assert get_conversation(db, conversation_id=cid, by=IB).summary == "Juf schreef dit. De IB-er vult aan."
    assert get_conversation(db, conversation_id=cid, by=IB).version == again.version + 1


def test_a_case_saved_by_someone_else_since_it_was_opened_is_not_overwritten(db: Database) -> None:
    save_case(db, CaseForm(None, WESSEL, "B", date(2026, 10, 1)), on=TODAY, by=IB)
    mine, theirs = load_case(db, pupil_id=WESSEL), load_case(db, pupil_id=WESSEL)
    assert mine is not None and theirs is not None
    save_case(db, replace(theirs, regiehouder="Wijkteam Oost"), on=TODAY, by=ib('directie'))

    with pytest.raises(ChangedMeanwhile) as refused:
        save_case(db, replace(mine, regiehouder="Leerplicht"), on=TODAY, by=IB)
    assert "intussen gewijzigd door directie" in str(refused.value)
    assert "regiehouder: uw versie: Leerplicht" in str(refused.value)
    assert "opgeslagen versie: Wijkteam Oost" in str(refused.value)
    stored = load_case(db, pupil_id=WESSEL)
    assert stored is not None and stored.regiehouder == "Wijkteam Oost"


def test_a_registration_cell_changed_since_the_grid_was_read_is_not_overwritten(db: Database) -> None:
    with db.read() as s:
        group = s.scalars(select(Group.name).join(Pupil, Pupil.group_id == Group.id).where(Pupil.id == WESSEL)).one()
    day = TODAY
    with db.begin() as s:
        for a in s.scalars(select(Absence).where(Absence.pupil_id == WESSEL, Absence.day == day)):
            s.delete(a)
    first = apply_edit(db, add=[AbsenceSpec(WESSEL, day, "Z")], by=IB).added_ids[0]
    grid = week_grid(db, group=group, monday=day, by=IB)  # what the IB-er's grid shows
    seen = grid.record(first)
    assert seen is not None

    # Meanwhile the juf replaces the Z by an O in her own app.
    apply_edit(db, remove=[first], add=[AbsenceSpec(WESSEL, day, "O")], by=ib('juf'))

    with pytest.raises(ChangedMeanwhile) as refused:
        apply_edit(db, remove=[first], add=[AbsenceSpec(WESSEL, day, "T", minutes_late=10)], by=IB,
                   seen=[seen])
    message = str(refused.value)
    assert "intussen gewijzigd door juf" in message
    assert "uw versie: T" in message and "opgeslagen versie: O" in message
    with db.read() as s:
        codes = [a.code_id for a in s.scalars(select(Absence).where(Absence.pupil_id == WESSEL, Absence.day == day))]
    assert len(codes) == 1  # the juf's O, nothing else

    # A record updated in place (an import corrected its note) has a new version: also not overwritten.
    now_there = week_grid(db, group=group, monday=day, by=IB).rows
    record = next(r for row in now_there for cell in row.cells for r in cell if r.spec.pupil_id == WESSEL)
    with db.begin() as s:
        s.get(Absence, record.id).note = "gecorrigeerd"  # type: ignore[union-attr]
    with pytest.raises(ChangedMeanwhile):
        apply_edit(db, remove=[record.id], add=[], by=IB, seen=[record])
