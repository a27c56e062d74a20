"""What the app does with an error nobody foresaw: a Dutch message instead of a silent traceback, and a
line in the log file of the data folder that the ICT coordinator can send on.

The log holds where the program was (file, line, function, the line of code) and the kind of error,
never the error's own text: that text can hold a pupil's name or a note. The database is not touched:
every write is one transaction, so an error halfway leaves the last committed state.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from verzuimdesk.ui.i18n import tr

LOG_NAME = "verzuimdesk.log"
log = logging.getLogger("verzuimdesk")

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]



def where(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The error's kind and its frames, without its message (which may name a pupil)."""
    lines = [f"{exc_type.__module__}.{exc_type.__qualname__}"]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  {Path(frame.filename).name}:{frame.lineno} in {frame.name}: {(frame.line or "").strip()}')
    return "\n".join(lines)


class _Where(logging.Formatter):
    """A `log.exception` anywhere in the app writes where it happened, never the error's text."""

    def formatException(self, ei: Any) -> str:
        return where(ei[0], ei[2]) if ei and ei[0] else ""


class CrashGuard:
    """Installed by run_app for as long as the app runs; `uninstall` puts the previous hooks back."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / LOG_NAME
        self.handler = RotatingFileHandler(self.path, maxBytes=512_000, backupCount=2, encoding="utf-8")
        self.handler.setFormatter(_Where("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(self.handler)
        log.setLevel(logging.INFO)
        self.previous: Hook = sys.excepthook
        self.previous_thread = threading.excepthook
        self.box: QMessageBox | None = None
        sys.excepthook = self.on_error
        threading.excepthook = self.on_thread_error

    def on_thread_error(self, args: threading.ExceptHookArgs) -> None:
        self.note(args.exc_type, args.exc_traceback)
        self.previous_thread(args)

    def on_error(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            self.note(exc_type, tb)
        self.previous(exc_type, exc, tb)  # the default prints it; pytest-qt records it in the tests

    def note(self, exc_type: type[BaseException], tb: TracebackType | None) -> None:
        log.error("onverwachte fout\n%s", where(exc_type, tb))
        app = QApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app, self.tell_user)  # in the GUI thread, also for a worker's error

    def tell_user(self) -> None:
        if self.box is not None and self.box.isVisible():
            return  # one message for a burst of errors
        self.box = QMessageBox(QMessageBox.Icon.Critical, "VerzuimDesk", tr(
            "Something unexpected went wrong. What was already saved is intact: every change is saved "
            "whole or not at all. Check whether your last change is there.\n\nThe technical details "
            "(without pupil data) are in %1. Send that file to your ICT coordinator if this happens "
            "again.").replace("%1", str(self.path)))
        self.box.setModal(True)
        self.box.show()  # not exec(): an error inside a running dialog must not stack event loops

    def uninstall(self) -> None:
        sys.excepthook = self.previous
        threading.excepthook = self.previous_thread
        log.removeHandler(self.handler)
        self.handler.close()


def after_shown(moment: str) -> None:
    """Log `moment` once the event loop runs again, i.e. after what was just shown has been painted."""
    QTimer.singleShot(0, lambda: log.info(moment))
