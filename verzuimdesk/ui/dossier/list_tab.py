"""What the dossier's list tabs share: a table of rows with buttons under it; Enter or a double click edits."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.widgets.columns import fit_columns
from verzuimdesk.ui.widgets.rows_model import ROW_ID_ROLE, Row, RowsModel


class _Table(QTableView):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class ListTab(QWidget):
    def __init__(self, ctx: AppContext, pupil_id: int, headers: list[str], stretch: int,
                 parent: QWidget | None = None, *, share: tuple[int, ...] = ()) -> None:
        """`stretch`: the column that takes what is left (a summary, a note); `share`: long texts that give
        way with it when the window is too narrow (ui/widgets/columns.py), their full text as tooltip."""
        super().__init__(parent)
        self.ctx, self.pupil_id, self.stretch, self.share = ctx, pupil_id, stretch, share
        self.model = RowsModel(headers, self)
        self.table = _Table()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.activated.connect(self._activated)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(self.buttons)

    def add_button(self, text: str, slot: object, *, enabled: bool = True, needs_row: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        button.setEnabled(enabled)
        button.setProperty("needs_row", needs_row)
        self.buttons.addWidget(button)
        return button

    def set_rows(self, rows: list[Row], empty: str) -> None:
        current = self.current_id()
        self.model.set_rows(rows)
        fit_columns(self.table, self.stretch, share=self.share)
        self.empty.setText(empty)
        self.empty.setVisible(not rows)
        if current is not None:
            for r in range(self.model.rowCount()):
                if self.model.index(r, 0).data(ROW_ID_ROLE) == current:
                    self.table.setCurrentIndex(self.model.index(r, 0))

    def current_id(self) -> int | None:
        value = self.table.currentIndex().data(ROW_ID_ROLE)
        return value if isinstance(value, int) else None

    def _activated(self, index: QModelIndex) -> None:
        self.edit_current()

    def edit_current(self) -> None:  # overridden
        pass
