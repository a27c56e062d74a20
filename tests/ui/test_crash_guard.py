"""An error nobody foresaw: the user gets a Dutch message, the log gets where it happened, not what it said."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from verzuimdesk.ui.app import install_translations
from verzuimdesk.ui.crash_guard import LOG_NAME, CrashGuard


def boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_an_error_in_a_click_tells_the_user_in_dutch_and_logs_no_pupil_data(qtbot: QtBot, tmp_path: Path) -> None:
    name, note = "Noor el Amrani", "gesprek over de thuissituatie"

    def handler() -> None:
        raise ValueError(f"{name}: {note}")

    button = QPushButton("Opslaan")
    qtbot.addWidget(button)
    button.clicked.connect(handler)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dutch = install_translations(app)
    with qtbot.capture_exceptions() as caught:
        guard = CrashGuard(tmp_path)
        try:
            button.click()
            qtbot.waitUntil(lambda: bool(boxes()))
        finally:
            guard.uninstall()
            for translator in dutch:
                app.removeTranslator(translator)
    assert [type(e[1]) for e in caught] == [ValueError]  # the previous hook still hears of it
    box = boxes()[0]
    assert "onverwachts mis" in box.text() and str(tmp_path / LOG_NAME) in box.text()
    logged = (tmp_path / LOG_NAME).read_text(encoding="utf-8")
    assert "builtins.ValueError" in logged and "in handler" in logged and "test_crash_guard.py" in logged
    assert name not in logged and note not in logged
    box.close()


def test_an_error_on_a_worker_thread_reaches_the_user_too(qtbot: QtBot, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    heard: list[type[BaseException] | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: heard.append(args.exc_type))
    guard = CrashGuard(tmp_path)
    try:
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(boxes()))
    finally:
        guard.uninstall()
    assert heard == [ZeroDivisionError]  # the previous thread hook still hears of it
    assert "ZeroDivisionError" in (tmp_path / LOG_NAME).read_text(encoding="utf-8")
    for box in boxes():
        box.close()


def test_uninstall_puts_the_previous_hooks_back(tmp_path: Path) -> None:
    before = sys.excepthook, threading.excepthook
    CrashGuard(tmp_path).uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_a_logged_exception_elsewhere_in_the_app_keeps_its_text_out_of_the_file(tmp_path: Path) -> None:
    import logging

    guard = CrashGuard(tmp_path)
    try:
        try:
            {}["Noor el Amrani"]
        except KeyError:
            logging.getLogger("verzuimdesk.services.somewhere").exception("opslaan mislukt")
    finally:
        guard.uninstall()
    logged = (tmp_path / LOG_NAME).read_text(encoding="utf-8")
    assert "opslaan mislukt" in logged and "builtins.KeyError" in logged
    assert "Noor" not in logged.replace('{}["Noor el Amrani"]', "")  # the code line itself is ours
