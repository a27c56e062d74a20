"""The Kwartaal page on the demo school: the cases of the coming reference date, missing fields marked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.actors import IB
from verzuimdesk.services.accounts import SCHOOL_WIDE
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.models import CareCase
from verzuimdesk.ui.context import AppContext, Changed
from verzuimdesk.ui.pages.quarterly_page import COL_CAUSE, COL_PUPIL, QuarterlyPage


@pytest.fixture
def page(qtbot: QtBot, demo_db: Path) -> QuarterlyPage:
    ctx = AppContext(open_database(str(demo_db)), SCHOOL_WIDE)
    ctx.set_peildatum(date(2026, 11, 23))
    p = QuarterlyPage(ctx)
    qtbot.addWidget(p)
    return p


def test_lists_the_demo_cases_and_counts_the_days_to_15_december(page: QuarterlyPage) -> None:
    assert "15 dec 2026" in page.title.text()
    assert page.summary.text().startswith("22 ")  # 23 Nov → 15 Dec
    names = {page.model.index(r, COL_PUPIL).data() for r in range(page.model.rowCount())}
    assert len(names) == 2  # the demo's thuiszitter (A) and its pupil with long sickness (B)


def test_a_missing_main_cause_is_marked_and_filling_it_clears_the_mark(page: QuarterlyPage) -> None:
    with page.ctx.db.begin() as s:
        case = s.scalars(select(CareCase)).first()
        assert case is not None
        case.main_cause = ""
    page.ctx.changed(Changed(school=True))
    marked = [page.model.index(r, COL_CAUSE).data() for r in range(page.model.rowCount())]
    assert "missing" in marked
    with page.ctx.db.begin() as s:
        for case in s.scalars(select(CareCase)):
            case.main_cause = "Leerling wil niet naar school"
    page.ctx.changed(Changed(school=True))
    assert "missing" not in [page.model.index(r, COL_CAUSE).data() for r in range(page.model.rowCount())]


def test_case_form_fills_the_missing_fields_and_keeps_history(page: QuarterlyPage, qtbot: QtBot,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.services.cases import load_case
    from verzuimdesk.ui.case_dialog import CaseDialog

    with page.ctx.db.begin() as s:
        case = s.scalars(select(CareCase).where(CareCase.category == "A")).one()
        case.main_cause = ""
        pupil_id = case.pupil_id
    page.ctx.changed(Changed(school=True))
    before = load_case(page.ctx.db, pupil_id=pupil_id)
    assert before is not None
    dialog = CaseDialog(page.ctx, pupil_id)
    qtbot.addWidget(dialog)
    dialog.cause.setCurrentText("Leerling wil niet naar school")
    dialog.status.setCurrentText("Volgt (tijdelijk) daginvullingsprogramma")
    dialog.share.setCurrentText("Gedeeltelijk (25%)")
    dialog.save()
    after = load_case(page.ctx.db, pupil_id=pupil_id)
    assert after is not None and after.main_cause == "Leerling wil niet naar school"
    assert after.status == "Volgt (tijdelijk) daginvullingsprogramma" and after.share == 25
    assert len(after.status_history) == len(before.status_history) + 1  # history kept, not overwritten
    # The earlier share got its end date: the day before the new one (Onderwijs Transparant asks it).
    assert after.share_history[-2][1] == after.share_history[-1][0] - timedelta(days=1)
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
               == pupil_id)
    assert page.model.index(row, COL_CAUSE).data() == "Leerling wil niet naar school"  # the page followed


def test_closing_without_a_reason_is_refused_and_saves_nothing(page: QuarterlyPage, qtbot: QtBot) -> None:
    from verzuimdesk.services.cases import load_case
    from verzuimdesk.ui.case_dialog import CaseDialog

    with page.ctx.db.read() as s:
        pupil_id = s.scalars(select(CareCase.pupil_id)).first()
    assert pupil_id is not None
    before = load_case(page.ctx.db, pupil_id=pupil_id)
    dialog = CaseDialog(page.ctx, pupil_id)
    qtbot.addWidget(dialog)
    dialog.is_closed.setChecked(True)
    dialog.reason.setCurrentText("")
    dialog.save()
    assert "reden van afronding" in dialog.error.text()
    assert load_case(page.ctx.db, pupil_id=pupil_id) == before


def test_regiehouder_and_the_duo_report_are_kept_and_the_duo_fields_only_for_a(page: QuarterlyPage,
                                                                              qtbot: QtBot) -> None:
    from verzuimdesk.services.cases import load_case
    from verzuimdesk.ui.case_dialog import CaseDialog

    with page.ctx.db.read() as s:
        pupil_a = s.scalars(select(CareCase.pupil_id).where(CareCase.category == "A")).one()
        pupil_b = s.scalars(select(CareCase.pupil_id).where(CareCase.category == "B")).one()
    dialog = CaseDialog(page.ctx, pupil_a)
    qtbot.addWidget(dialog)
    dialog.regiehouder.setText("Leerplicht, mw. De Groot")
    dialog.duo_made.setChecked(True)
    dialog.duo_date.setDate(date(2026, 10, 20))
    dialog.duo_number.setText("LRV-2026-0142")
    dialog.save()
    after = load_case(page.ctx.db, pupil_id=pupil_a)
    assert after is not None and after.regiehouder == "Leerplicht, mw. De Groot"
    assert (after.duo_report_date, after.duo_report_number) == (date(2026, 10, 20), "LRV-2026-0142")
    b = CaseDialog(page.ctx, pupil_b)
    qtbot.addWidget(b)
    assert b.duo_number.isHidden() and not dialog.duo_number.isHidden()


def test_an_end_date_before_its_start_or_overlapping_shares_are_refused_and_nothing_is_written(
        page: QuarterlyPage, qtbot: QtBot) -> None:
    from verzuimdesk.services.cases import load_case, save_case
    from verzuimdesk.storage.database import DatabaseError
    from verzuimdesk.ui.case_dialog import CaseDialog

    with page.ctx.db.read() as s:
        pupil_id = s.scalars(select(CareCase.pupil_id).where(CareCase.category == "A")).one()
    dialog = CaseDialog(page.ctx, pupil_id)
    qtbot.addWidget(dialog)
    dialog.share.setCurrentText("Gedeeltelijk (25%)")
    dialog.save()
    before = load_case(page.ctx.db, pupil_id=pupil_id)
    assert before is not None and len(before.share_history) == 2
    dialog = CaseDialog(page.ctx, pupil_id)
    qtbot.addWidget(dialog)
    (_, ends, end), _ = dialog.period_ends
    assert ends.isChecked()  # the earlier share has its end date
    end.setDate(date(2026, 10, 1))  # before that share's start, 5 Oct
    dialog.save()
    assert "ligt voor de begindatum" in dialog.error.text()
    assert load_case(page.ctx.db, pupil_id=pupil_id) == before
    (a, _, pa), (b, _, pb) = before.share_history
    overlapping = replace(before, share_history=((a, b, pa), (b, None, pb)), edit_periods=True)
    with pytest.raises(DatabaseError, match="overlappen"):
        save_case(page.ctx.db, overlapping, on=date(2026, 11, 23), by=IB)
    open_earlier = replace(before, share_history=((a, None, pa), (b, None, pb)), edit_periods=True)
    with pytest.raises(DatabaseError, match="vul eerst de einddatum in van Nee \\(0%\\)"):
        save_case(page.ctx.db, open_earlier, on=date(2026, 11, 23), by=IB)
    assert load_case(page.ctx.db, pupil_id=pupil_id) == before


def test_the_export_takes_the_date_the_page_shows_and_its_title_fits(page: QuarterlyPage,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui.export_dialog import ExportDialog

    seen: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: seen.append(self) or 0)
    page.export.click()
    dialog = seen[0]
    assert dialog.end.date().toPython() == date(2026, 11, 23)  # the page's peildatum, not today
    assert dialog.minimumWidth() > dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())


def test_saving_a_waiting_list_that_names_health_asks_first(page: QuarterlyPage, qtbot: QtBot) -> None:
    """The Traject form warns when the waiting list or the regiehouder names health (it does not go to the
    SWV): No keeps the form open and saves nothing, Yes saves it."""
    from verzuimdesk.services.cases import load_case
    from verzuimdesk.ui.case_dialog import CaseDialog

    with page.ctx.db.read() as s:
        pupil_id = s.scalars(select(CareCase.pupil_id).where(CareCase.category == "B")).one()
    before = load_case(page.ctx.db, pupil_id=pupil_id)
    asked: list[list[tuple[str, list[str]]]] = []
    dialog = CaseDialog(page.ctx, pupil_id)
    qtbot.addWidget(dialog)
    dialog.waiting.setText("Karakter, opname kliniek eetstoornissen")
    dialog.ask_health = lambda found: asked.append(found) or False  # type: ignore[method-assign]
    dialog.save()
    assert asked == [[("Waiting list", ["kliniek", "eetstoornissen"])]]
    assert load_case(page.ctx.db, pupil_id=pupil_id) == before and dialog.error.text()
    dialog.ask_health = lambda found: asked.append(found) or True  # type: ignore[method-assign]
    dialog.save()
    after = load_case(page.ctx.db, pupil_id=pupil_id)
    assert after is not None and after.waiting_list == "Karakter, opname kliniek eetstoornissen"
    dialog = CaseDialog(page.ctx, pupil_id)
    qtbot.addWidget(dialog)
    dialog.waiting.setText("Jeugdhulp Rivierenland")
    dialog.ask_health = lambda found: asked.append(found) or False  # type: ignore[method-assign]
    dialog.save()
    assert len(asked) == 2  # no health word: not asked
    after = load_case(page.ctx.db, pupil_id=pupil_id)
    assert after is not None and after.waiting_list == "Jeugdhulp Rivierenland"
