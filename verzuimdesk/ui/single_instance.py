"""A second start of VerzuimDesk on the same database brings the running window forward.

The first instance watches a small file beside the database (`verzuimdesk.db.tonen`) with QtCore's file
watcher; a second start, refused by the instance lock, writes to that file and ends, and the first raises
its window. QtCore only: the bundle leaves QtNetwork (and a local socket) out on purpose.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt
from PySide6.QtWidgets import QWidget


def request_file(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".tonen")


class InstanceWatcher(QObject):
    """While the app runs: `on_show` is called each time a second start asks for the window."""

    def __init__(self, db_path: Path, on_show: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = request_file(db_path)
        self.on_show = on_show
        self.path.write_text("", encoding="utf-8")
        self.watcher = QFileSystemWatcher([str(self.path)], self)
        self.watcher.fileChanged.connect(self._changed)

    def _changed(self, _path: str) -> None:
        if not self.path.exists():
            self.path.write_text("", encoding="utf-8")
        if str(self.path) not in self.watcher.files():
            self.watcher.addPath(str(self.path))  # a file written anew is watched again
        if self.path.read_text(encoding="utf-8").strip():
            self.on_show()

    def close(self) -> None:
        self.watcher.removePaths(self.watcher.files())
        self.path.unlink(missing_ok=True)


def ask_running_instance(db_path: Path) -> bool:
    """Ask the running instance to show its window; False when there is none to ask."""
    path = request_file(db_path)
    if not path.exists():
        return False
    try:
        with path.open("a", encoding="utf-8") as f:
            f.write(f"{time.time()}\n")
    except OSError:
        return False
    return True


def bring_forward(widget: QWidget | None) -> None:
    if widget is None:
        return
    if widget.isMinimized():
        widget.setWindowState(widget.windowState() & ~Qt.WindowState.WindowMinimized)
    widget.show()
    widget.raise_()
    widget.activateWindow()
