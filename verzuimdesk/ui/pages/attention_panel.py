""""Let op" on the Overzicht: pupils with a signal and no open action, sortable by every column;
Enter or a double click opens the pupil's dossier at its Signalen. A signal is a reason to look:
it asks for nothing (SIGNALS.md)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from verzuimdesk.services.desk import AttentionItem
from verzuimdesk.ui.widgets.attention_model import COL_TEXT, ROW_ID_ROLE, AttentionModel
from verzuimdesk.ui.widgets.columns import grow_to_fit, resize_to_contents
from verzuimdesk.ui.widgets.enter_table import EnterTable


class AttentionPanel(QWidget):
    pupil_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        bold = self.title.font()
        bold.setBold(True)
        bold.setPointSize(bold.pointSize() + 2)
        self.title.setFont(bold)
        self.note = QLabel(self.tr("Pupils with a signal and no open action. A signal never changes the light "
                                   "and asks for nothing: it is a reason to look."))
        self.note.setWordWrap(True)
        self.model = AttentionModel(self)  # it sorts its own rows (a sort proxy took ~0.3 s for 1,000)
        self.table = EnterTable()
        self.table.setObjectName("attention")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._activate)
        self.empty = QLabel(self.tr("No pupil with a signal without an open action."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def show_items(self, items: tuple[AttentionItem, ...]) -> None:
        self.title.setText(self.tr("Look out: %1 pupils").replace("%1", str(len(items))))
        before = self.model.rowCount()
        changed = self.model.set_rows(list(items))
        self.table.setVisible(bool(items))
        self.empty.setVisible(not items)
        if changed is None or self.model.rowCount() < before:  # new rows, or fewer: fitted to them all
            resize_to_contents(self.table)
            self.table.horizontalHeader().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        else:  # the same pupils, a few of them changed: only those are measured
            grow_to_fit(self.table, changed)

    def _activate(self, index: QModelIndex) -> None:
        pupil_id = index.data(ROW_ID_ROLE)
        if isinstance(pupil_id, int):
            self.pupil_activated.emit(pupil_id)
