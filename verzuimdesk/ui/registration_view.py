"""The registration grid's view: turns keys into intentions; the page decides what they do.

A printable key is a code (`z` or `Z`); with Shift held on a letter it is meant for the whole day.
Delete or Backspace clears, Enter asks for the details; arrows and Shift+arrows move and select as
in any table.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from verzuimdesk.ui.registration_model import COL_NAME


class RegistrationView(QTableView):
    code_typed = Signal(str, bool)  # the code as typed (upper case), whole day
    clear_requested = Signal()
    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registration_grid")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setMinimumSectionSize(40)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)

    def size_columns(self) -> None:
        """The name as wide as it needs (within reason); the day parts share the rest equally."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_NAME, min(max(self.sizeHintForColumn(COL_NAME) + 16, 160), 240))
        for col in range(1, self.model().columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_requested.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.details_requested.emit()
            return
        text = event.text()
        mod = Qt.KeyboardModifier
        command = mod.ControlModifier | mod.AltModifier | mod.MetaModifier
        if len(text) == 1 and text.isprintable() and not text.isspace() and not mods & command:
            whole = bool(mods & Qt.KeyboardModifier.ShiftModifier) and text.isalpha()
            self.code_typed.emit(text.upper(), whole)
            return
        super().keyPressEvent(event)
