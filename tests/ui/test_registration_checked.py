"""Registratie gecontroleerd: the teacher marks a dagdeel complete in the grid, the header shows it, and the
overview lists the groups whose last schooldagen are not all checked."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.actors import IB, ib
from tests.ui.test_registration import MONDAY, db, go, make_page  # noqa: F401
from verzuimdesk.services.audit_log import read_audit_log
from verzuimdesk.services.registration_checks import checked_parts, set_checked, unchecked_groups
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.models import RegistrationCheck

FRIDAY = date(2025, 11, 7)


def test_a_dagdeel_is_checked_from_the_grid_and_shown_in_the_header(qtbot: QtBot, db: Database) -> None:  # noqa: F811
    page = make_page(qtbot, db)
    go(page, 0, 0)  # Monday morning
    assert page.check.isEnabled() and not page.check.isChecked()
    page.check.action.trigger()  # Ctrl+K
    assert checked_parts(db, group="5", start=MONDAY, end=FRIDAY) == {(MONDAY, 0)}
    header = page.model.headerData(page.view.currentIndex().column(), page.view.horizontalHeader().orientation())
    assert header.endswith("✓") and page.check.isChecked()
    go(page, 0, 1)  # Monday afternoon: not checked
    assert not page.check.isChecked()
    go(page, 0, 0)
    page.check.action.trigger()  # again: unchecked
    assert checked_parts(db, group="5", start=MONDAY, end=FRIDAY) == frozenset()
    lines = [r.detail for r in read_audit_log(db, by=IB).rows if r.kind == "verzuim"]
    assert lines[:2] == ["registratie gecontroleerd ingetrokken: groep 5, ma 3 nov ochtend",
                         "registratie gecontroleerd: groep 5, ma 3 nov ochtend"]


def test_a_future_day_or_a_day_without_lessons_is_refused(db: Database) -> None:  # noqa: F811
    with pytest.raises(DatabaseError, match="nog niet geweest"):
        set_checked(db, group="5", day=MONDAY, part=0, checked=True, by=IB, today=date(2025, 11, 1))
    with pytest.raises(DatabaseError, match="geen les"):
        set_checked(db, group="5", day=date(2025, 11, 8), part=0, checked=True, by=IB)  # a Saturday
    with db.read() as s:
        assert s.scalars(select(RegistrationCheck)).all() == []


def test_the_overview_lists_groups_whose_last_days_are_unchecked(db: Database) -> None:  # noqa: F811
    peil = date(2025, 11, 6)  # Thursday: the last three schooldagen are Mon, Tue, Wed
    before = {u.group: u for u in unchecked_groups(db, peildatum=peil)}
    assert set(before) == {"1-2", "5"}
    five = before["5"]
    assert five.labels == ("ma 3 nov ochtend", "ma 3 nov middag", "di 4 nov ochtend", "di 4 nov middag",
                           "wo 5 nov")  # Wednesday has one dagdeel
    for day, part in five.parts:
        set_checked(db, group="5", day=day, part=part, checked=True, by=ib('juf'))
    assert {u.group for u in unchecked_groups(db, peildatum=peil)} == {"1-2"}


def test_the_overview_page_links_an_unchecked_group_to_its_registration(qtbot: QtBot, db: Database) -> None:  # noqa: F811
    from verzuimdesk.services.accounts import SCHOOL_WIDE
    from verzuimdesk.ui.context import AppContext
    from verzuimdesk.ui.main_window import MainWindow

    ctx = AppContext(db, SCHOOL_WIDE)
    ctx.set_peildatum(date(2025, 11, 6))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    label = w.overview_page.unchecked
    assert label.isVisible() and "group 5" in label.text() and "ma 3 nov ochtend" in label.text()
    label.linkActivated.emit("group:5")
    assert w.pages.currentIndex() == w.PAGE_REGISTRATION
    page = w.page_widgets[w.PAGE_REGISTRATION]
    assert page.group.currentText() == "5" and page.monday == MONDAY
