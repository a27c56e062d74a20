"""The Kwartaal page on the demo school: the cases of the coming reference date, missing fields marked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from verzuimdesk.services.accounts import SCHOOL_WIDE
from verzuimdesk.services.demo import create_demo
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.models import CareCase
from verzuimdesk.ui.context import AppContext, Changed
from verzuimdesk.ui.pages.quarterly_page import COL_CAUSE, COL_PUPIL, QuarterlyPage


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> QuarterlyPage:
    create_demo(str(tmp_path / "demo.db"), size=200, today=date(2026, 11, 23)).close()
    ctx = AppContext(open_database(str(tmp_path / "demo.db")), SCHOOL_WIDE)
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
            case.main_cause = "leerling wil niet naar school"
    page.ctx.changed(Changed(school=True))
    assert "missing" not in [page.model.index(r, COL_CAUSE).data() for r in range(page.model.rowCount())]
