"""The Kwartaal page with candidates: proposals on top with their numbers, confirmed through the Traject
form prefilled, or dismissed with a reason (greyed, reversible)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, func, select

from verzuimdesk.services.accounts import SCHOOL_WIDE
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.loading import load_calendar
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, CareCase, CaseDismissal, Group, Pupil
from verzuimdesk.ui.case_dialog import CaseDialog
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.pages.quarterly_page import (
    COL_CATEGORY,
    COL_NOTE,
    COL_PUPIL,
    DISMISSED,
    PROPOSAL,
    QuarterlyPage,
)
from verzuimdesk.ui.widgets.rows_model import KIND_ROLE, ROW_ID_ROLE

TODAY = date(2026, 11, 23)


@pytest.fixture
def page(qtbot: QtBot, demo_db: Path) -> QuarterlyPage:
    """The demo school, plus one pupil without a case absent without leave every schooldag since 12 Oct."""
    db = open_database(str(demo_db))
    with db.begin() as s:
        cases = set(s.scalars(select(CareCase.pupil_id)))
        pupil_id, group = next((p, g) for p, g in s.execute(
            select(Pupil.id, Group.name).join(Group).where(Group.name == "6").order_by(Pupil.id)) if p not in cases)
        code = s.scalars(select(AbsenceCodeRow.id).where(AbsenceCodeRow.code == "O")).one()
        days = list(load_calendar(s).schooldagen(date(2026, 10, 12), TODAY, group))
        s.execute(delete(Absence).where(Absence.pupil_id == pupil_id, Absence.day >= days[0]))
        for d in days:
            s.add(Absence(pupil_id=pupil_id, day=d, code_id=code, created_at=datetime(2026, 11, 23), created_by="t"))
    ctx = AppContext(db, SCHOOL_WIDE)
    ctx.set_peildatum(TODAY)
    p = QuarterlyPage(ctx)
    p.candidate_id = pupil_id  # type: ignore[attr-defined]
    p.candidate_start = days[0]  # type: ignore[attr-defined]  # the first schooldag after the herfstvakantie
    qtbot.addWidget(p)
    p.resize(1366, 768)
    return p


def select_row(page: QuarterlyPage, pupil_id: int) -> int:
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data(ROW_ID_ROLE) == pupil_id)
    page.table.selectionModel().setCurrentIndex(page.model.index(row, 0),
                                                QItemSelectionModel.SelectionFlag.ClearAndSelect)
    return row


def test_the_candidate_is_on_top_marked_as_a_proposal_with_its_numbers(page: QuarterlyPage) -> None:
    top = page.model.index(0, 0)
    assert top.data(ROW_ID_ROLE) == page.candidate_id and top.data(KIND_ROLE) == PROPOSAL  # type: ignore[attr-defined]
    assert "proposal, not yet confirmed" in page.model.index(0, COL_CATEGORY).data()
    assert page.model.index(0, COL_CATEGORY).data().startswith("A")
    assert page.model.index(0, COL_NOTE).data() == "5 school weeks 100% absent, 100% of it unauthorised or unexplained"
    assert "1 proposals from the records" in page.summary.text()
    assert page.model.rowCount() == 3  # the proposal and the demo's two cases
    select_row(page, page.candidate_id)  # type: ignore[attr-defined]
    assert "Per school week: " in page.detail.text() and page.detail.text().count("100%") >= 5
    page.grab().save(str(Path("/tmp") / "kwartaal-candidates.png"))


def test_confirming_opens_the_case_form_prefilled_and_the_row_becomes_a_case(
        page: QuarterlyPage, monkeypatch: pytest.MonkeyPatch) -> None:
    pupil_id = page.candidate_id  # type: ignore[attr-defined]
    select_row(page, pupil_id)
    assert page.confirm.isEnabled() and not page.edit.isEnabled()
    opened: list[CaseDialog] = []

    def exec_(dialog: CaseDialog) -> int:
        opened.append(dialog)
        assert dialog.case is None  # a new case, not the pupil's latest
        dialog.save()
        return 1

    monkeypatch.setattr(CaseDialog, "exec", exec_)
    page.confirm.click()
    (dialog,) = opened
    assert dialog.category.currentText() == "A" and dialog.start.date().toPython() == page.candidate_start  # type: ignore[attr-defined]
    kinds = {page.model.index(r, 0).data(ROW_ID_ROLE): page.model.index(r, 0).data(KIND_ROLE)
             for r in range(page.model.rowCount())}
    assert kinds[pupil_id] == "case"
    assert "proposals from the records" not in page.summary.text()


def test_dismissing_asks_a_reason_greys_the_row_and_can_be_undone(page: QuarterlyPage,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pupil_id = page.candidate_id  # type: ignore[attr-defined]
    select_row(page, pupil_id)
    monkeypatch.setattr(page, "ask_reason", lambda _label: "Verhuisd naar het buitenland, uitschrijving volgt")
    page.dismiss.click()
    row = select_row(page, pupil_id)
    assert page.model.index(row, 0).data(KIND_ROLE) == DISMISSED
    assert page.model.rows()[row].muted
    assert "Verhuisd naar het buitenland" in page.model.index(row, COL_NOTE).data()
    assert row == page.model.rowCount() - 1  # at the bottom, below the cases
    assert page.dismiss.text() == "Undo dismissal" and not page.confirm.isEnabled()
    page.dismiss.click()
    row = select_row(page, pupil_id)
    assert row == 0 and page.model.index(row, 0).data(KIND_ROLE) == PROPOSAL


def test_dismissing_without_a_reason_says_so_and_changes_nothing(page: QuarterlyPage,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    select_row(page, page.candidate_id)  # type: ignore[attr-defined]
    monkeypatch.setattr(page, "ask_reason", lambda _label: "")
    page.dismiss.click()
    assert "geef een reden" in page.error.text()
    with page.ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(CaseDismissal)) == 0
    assert page.model.index(0, COL_PUPIL).data(KIND_ROLE) == PROPOSAL


def test_the_overview_reminds_of_the_list_from_four_weeks_before_the_15th(page: QuarterlyPage,
                                                                          qtbot: QtBot) -> None:
    from verzuimdesk.ui.widgets.quarterly_line import QuarterlyLine

    line = QuarterlyLine(page.ctx)
    qtbot.addWidget(line)
    missing = sum(len(r.missing) for r in page.rows.values())
    assert missing > 0
    assert line.text() == f"Quarterly list 15 dec: 3 pupils, 1 to confirm, {missing} fields empty"
    page.ctx.set_peildatum(date(2026, 11, 16))  # 29 days before 15 Dec: not yet
    assert line.isHidden()
    page.ctx.set_peildatum(date(2026, 11, 17))  # 28 days before
    assert not line.isHidden() and line.text().startswith("Quarterly list 15 dec: ")
