"""The desktop app on a real window (offscreen): it opens a database and shows its pupils."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.cli.test_end_to_end import cli, imported
from tests.conftest import PASSPHRASE
from verzuimdesk.storage.database import open_database
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.pupil_model import COL_GROUP, COL_NAME, ROW_ID_ROLE


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, school_file: Path) -> MainWindow:
    path = tmp_path / "school.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    imported(path)
    w = MainWindow(open_database(str(path), passphrase=PASSPHRASE))
    qtbot.addWidget(w)
    w.show()
    return w


def visible_names(w: MainWindow) -> list[str]:
    m = w.table.model()
    return [m.index(r, COL_NAME).data() for r in range(m.rowCount())]


def test_window_lists_the_pupils_of_the_database(window: MainWindow) -> None:
    assert sorted(visible_names(window)) == ["Anaïs de Vries", "Daniël van der Berg", "Sem Jansen", "Zoë van der Berg"]
    assert "OBS De Klimop" in window.windowTitle()
    m = window.table.model()
    assert {m.index(r, COL_GROUP).data() for r in range(m.rowCount())} == {"5", "1-2"}
    assert all(isinstance(m.index(r, 0).data(ROW_ID_ROLE), int) for r in range(m.rowCount()))


def test_sorted_by_surname_not_first_name(window: MainWindow) -> None:
    # "van der Berg" files under B and "de Vries" under V, as in a school's own lists.
    assert visible_names(window) == ["Daniël van der Berg", "Zoë van der Berg", "Sem Jansen", "Anaïs de Vries"]


def test_ctrl_f_then_typing_filters_by_name_or_number(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "berg")
    assert sorted(visible_names(window)) == ["Daniël van der Berg", "Zoë van der Berg"]
    window.search.clear()
    qtbot.keyClicks(window.search, "1003")
    assert visible_names(window) == ["Sem Jansen"]


def test_first_start_offers_the_demo_and_an_empty_start_makes_an_empty_database(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui.app import open_or_offer_demo

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.No)
    db = open_or_offer_demo(str(tmp_path / "nieuw.db"))
    assert asked and db is not None and (tmp_path / "nieuw.db").exists()
    db.close()
