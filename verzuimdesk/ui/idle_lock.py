"""Locking the app after a stretch without keyboard or mouse: the window hides (its widgets, and so
any unsaved text, stay as they are) until the same user types the password again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, interval=int(minutes * 60_000))
        self.timer.timeout.connect(self.idle.emit)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        self.timer.start()
