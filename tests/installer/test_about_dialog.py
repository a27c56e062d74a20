"""The About dialog tells the IB-er and the ICT coordinator what runs, where its data is, and its licences."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from verzuimdesk import __version__
from verzuimdesk.ui import about_dialog
from verzuimdesk.ui.about_dialog import COL_LICENCE, COL_NAME, COL_VERSION, AboutDialog, show_about


def open_dialog(qtbot: QtBot, target: str) -> AboutDialog:
    dialog = AboutDialog(target)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def licence_rows(dialog: AboutDialog) -> dict[str, tuple[str, str]]:
    t = dialog.licences
    return {t.item(r, COL_NAME).text(): (t.item(r, COL_VERSION).text(), t.item(r, COL_LICENCE).text())
            for r in range(t.rowCount())}


def test_shows_the_version_the_data_folder_and_the_database(qtbot: QtBot, tmp_path: Path,
                                                          _private_data_dir: Path) -> None:
    db = tmp_path / "school.db"
    dialog = open_dialog(qtbot, str(db))
    assert __version__ in dialog.version_label.text()
    assert dialog.data_label.text() == str(_private_data_dir)
    assert dialog.db_label.text() == str(db)
    # The paths can be selected and copied into an e-mail to whoever helps the school.
    assert dialog.data_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_a_server_password_is_never_shown(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, "postgresql+psycopg2://ib:Geheim-123@db.school.local/verzuim")
    assert "Geheim-123" not in dialog.db_label.text()
    assert "db.school.local/verzuim" in dialog.db_label.text()


def test_lists_the_bundled_libraries_with_their_licences_and_versions(qtbot: QtBot) -> None:
    rows = licence_rows(open_dialog(qtbot, "x.db"))
    assert rows["Qt 6 / PySide6"][1] == "LGPLv3"
    assert rows["SQLCipher (sqlcipher3)"][1] == "BSD-style (Zetetic)"
    assert rows["cryptography"][1] == "Apache-2.0 / BSD"
    assert {rows[n][1] for n in ("SQLAlchemy", "Alembic", "platformdirs", "argon2-cffi", "openpyxl")} == {"MIT"}
    assert rows["ReportLab"][1] == "BSD"
    assert rows["SQLAlchemy"][0] == sqlalchemy.__version__


def test_open_data_folder_opens_it_in_the_file_manager(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                      _private_data_dir: Path) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    folder = _private_data_dir / "nog-niet-gemaakt"
    monkeypatch.setenv("VERZUIMDESK_DATA_DIR", str(folder))
    dialog = open_dialog(qtbot, "x.db")
    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [str(folder)]
    assert folder.is_dir()  # a fresh install has no data folder yet; the file manager still opens one


def test_show_about_opens_the_dialog_over_the_window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    shown: list[AboutDialog] = []
    monkeypatch.setattr(about_dialog.AboutDialog, "exec", lambda self: shown.append(self) or 0)
    show_about(window, "school.db")
    assert len(shown) == 1
    assert shown[0].parent() is window
    assert shown[0].db_label.text() == "school.db"
