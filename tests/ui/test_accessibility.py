"""Accessibility: names a screen reader says on the peildatum, the navigation, the search field and every
table, and every page reachable by keyboard alone (walked with Tab, as a user without a mouse would)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import desk
from verzuimdesk.ui.dossier import open_dossier
from verzuimdesk.ui.main_window import MainWindow


def _tab_walk(qtbot: QtBot, start: QWidget, steps: int = 60) -> list[QWidget]:
    start.setFocus()
    seen: list[QWidget] = []
    for _ in range(steps):
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused not in seen:
            seen.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return seen


def _window(qtbot: QtBot, demo_db: Path) -> MainWindow:
    w = desk(qtbot, demo_db)
    w.resize(1366, 768)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def test_the_main_controls_and_every_table_have_a_name(qtbot: QtBot, demo_db: Path) -> None:
    w = _window(qtbot, demo_db)
    assert w.peildatum.accessibleName() == "Peildatum"
    assert w.nav.accessibleName() == "Navigation"
    assert w.pupils_page.search.accessibleName() == "Search pupil"
    views = w.findChildren(QAbstractItemView)
    dossier = open_dossier(w.ctx, 15, w)
    assert dossier is not None
    views += dossier.findChildren(QAbstractItemView)
    unnamed = [type(v).__name__ for v in views if not v.accessibleName() and v.parent() is not None
               and not type(v).__name__.startswith("QCalendar") and v.objectName() != "qt_calendar_calendarview"]
    assert unnamed == []
    assert w.overview_page.table.accessibleName() == "To do"
    assert w.pupils_page.table.accessibleName() == "Pupils"
    dossier.close()


def test_tab_reaches_the_navigation_the_peildatum_and_each_pages_controls(qtbot: QtBot, demo_db: Path) -> None:
    w = _window(qtbot, demo_db)
    walked = _tab_walk(qtbot, w.nav)
    assert w.peildatum in walked or any(w.peildatum.isAncestorOf(x) for x in walked)
    assert w.overview_page.table in walked  # the Te-doen list, then Enter opens the dossier
    w.nav.setCurrentRow(w.PAGE_PUPILS)
    walked = _tab_walk(qtbot, w.nav)
    page = w.pupils_page
    for control in (page.search, page.group, page.light, page.table):
        assert control in walked, control.accessibleName() or control
    assert not any(isinstance(x, QAbstractItemView) and walked.count(x) > 1 for x in walked)
    w.nav.setCurrentRow(w.PAGE_REGISTRATION)
    reg = w.page_widgets[w.PAGE_REGISTRATION]
    walked = _tab_walk(qtbot, w.nav)
    assert reg.group in walked and reg.view in walked and reg.check in walked


def test_tab_leaves_a_table_instead_of_walking_its_cells(qtbot: QtBot, demo_db: Path) -> None:
    w = _window(qtbot, demo_db)
    w.nav.setCurrentRow(w.PAGE_PUPILS)
    table = w.pupils_page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
