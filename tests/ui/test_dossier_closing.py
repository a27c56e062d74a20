"""The dossier window closes from the keyboard (Esc, Ctrl+W), also where the window manager gives it no close
button, and a conversation being typed in it is kept as a draft when it goes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.test_desk_dossier import SAAR, VINCE, db_rows, dossier
from verzuimdesk.storage.models import Draft
from verzuimdesk.ui.conversation_dialog import ConversationDialog
from verzuimdesk.ui.dossier import open_windows
from verzuimdesk.ui.dossier.window import TAB_TIMELINE, DossierWindow
from verzuimdesk.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def active(qtbot: QtBot, d: DossierWindow) -> QWidget:
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)  # shortcuts go to the active window
    return d.focusWidget() or d


def test_ctrl_w_and_ctrl_f4_close_the_dossier(qtbot: QtBot, window: MainWindow) -> None:
    d = dossier(window, VINCE)
    qtbot.keyClick(active(qtbot, d), Qt.Key.Key_W, CTRL)
    assert not d.isVisible() and open_windows(window.ctx) == []
    d = dossier(window, SAAR)
    qtbot.keyClick(active(qtbot, d), Qt.Key.Key_F4, CTRL)
    assert not d.isVisible()


def test_esc_closes_the_dossier_also_from_the_filter_field(qtbot: QtBot, window: MainWindow) -> None:
    d = dossier(window, VINCE)
    d.tabs.setCurrentIndex(TAB_TIMELINE)
    active(qtbot, d)
    d.timeline.search.setFocus()
    qtbot.keyClicks(d.timeline.search, "gesprek")
    qtbot.keyClick(d.timeline.search, Qt.Key.Key_Escape)
    assert not d.isVisible()


def test_closing_the_dossier_keeps_a_conversation_just_typed_as_draft(qtbot: QtBot, window: MainWindow,
                                                                      demo_db: Path) -> None:
    d = dossier(window, SAAR)
    dialog = d.conversations.new_conversation()
    qtbot.keyClicks(dialog.summary, "Moeder gebeld over de buikpijn.")
    assert dialog.timer.isActive() and db_rows(demo_db, Draft) == []  # typed less than a second ago
    d.close()  # e.g. Esc or Ctrl+W once the conversation window is gone, or the window manager
    assert [r.pupil_id for r in db_rows(demo_db, Draft)] == [SAAR]
    again = dossier(window, SAAR).conversations.new_conversation()
    assert isinstance(again, ConversationDialog)
    assert again.summary.toPlainText() == "Moeder gebeld over de buikpijn."


def test_esc_in_a_conversation_closes_only_the_conversation_and_keeps_its_draft(qtbot: QtBot, window: MainWindow,
                                                                                demo_db: Path) -> None:
    d = dossier(window, SAAR)
    active(qtbot, d)
    dialog = d.conversations.new_conversation()
    qtbot.keyClicks(dialog.summary, "Vader gebeld.")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and d.isVisible()
    assert [r.pupil_id for r in db_rows(demo_db, Draft)] == [SAAR]
