"""F1 and Help › Manual open the Dutch manual offline; the window icon; a second start brings the window
forward instead of a warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import PATIENCE_MS
from tests.ui.conftest import desk
from verzuimdesk.ui.help_dialog import HelpDialog
from verzuimdesk.ui.single_instance import InstanceWatcher, ask_running_instance


def test_f1_opens_the_dutch_manual_with_the_three_parts(qtbot: QtBot, demo_db: Path) -> None:
    w = desk(qtbot, demo_db)
    manual = next(a for a in w.help_menu.actions() if a.shortcut().toString() == "F1")
    assert manual in w.actions()  # F1 works on every page, not only from the menu
    manual.trigger()
    dialog = w.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    for part in ("De dag van de IB-er", "Wat de leerkracht doet", "Privacy", "herstelsleutel"):
        assert part in text
    assert dialog.browser.source().isLocalFile()  # shipped with the app, read offline
    manual.trigger()
    assert len(w.findChildren(HelpDialog)) == 1  # a second F1 brings the same window forward


def test_the_window_icon_comes_from_resources_icons(qtbot: QtBot) -> None:
    from verzuimdesk.ui.app import app_icon

    icon = app_icon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes


def test_a_second_start_brings_the_running_window_forward(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "verzuimdesk.db"
    shown: list[bool] = []
    window = QWidget()
    qtbot.addWidget(window)
    watcher = InstanceWatcher(db, lambda: shown.append(True))
    assert ask_running_instance(db)  # what the second start does when the lock is taken
    qtbot.waitUntil(lambda: shown == [True], timeout=PATIENCE_MS)
    assert ask_running_instance(db)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=PATIENCE_MS)
    watcher.close()
    assert not ask_running_instance(db)  # nobody running: the second start says so itself
    assert QApplication.instance() is not None
