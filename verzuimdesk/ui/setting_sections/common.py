"""What every settings section shares: a status line that says what was saved or why not."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.storage.database import DatabaseError


class StatusLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status")
        self.setWordWrap(True)

    def ok(self, text: str) -> None:
        self.setStyleSheet("color: #1b5e20;")
        self.setText(text)

    def refused(self, exc: Exception) -> None:
        """Every reason of a refusal, one a line, in the services' Dutch."""
        self.setStyleSheet("color: #b71c1c;")
        if isinstance(exc, InputRefused):
            self.setText("\n".join(p.reason for p in exc.problems))
        elif isinstance(exc, DatabaseError | ValueError):
            self.setText(str(exc))
        else:
            raise exc
