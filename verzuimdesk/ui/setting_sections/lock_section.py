"""The idle lock: after how many minutes without input the app locks itself (an encrypted database)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton, QSpinBox, QWidget

from verzuimdesk.ui.setting_sections.common import StatusLine, limit_fields, settings_form
from verzuimdesk.ui.settings import idle_lock_minutes


class LockSection(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.minutes = QSpinBox()
        self.minutes.setObjectName("idle_minutes")
        self.minutes.setRange(1, 120)
        self.minutes.setSuffix(" " + self.tr("minutes"))
        self.minutes.setValue(idle_lock_minutes())
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save)
        self.status = StatusLine()
        form = settings_form(self)
        form.addRow(self.tr("Lock the app after:"), self.minutes)
        form.addRow("", save)
        limit_fields(form)
        form.addRow(self.status)

    def save(self) -> None:
        QSettings().setValue("lock/idle_minutes", self.minutes.value())
        self.status.ok(self.tr("Saved. It applies from the next login."))
