"""Leerlingen: every pupil, searchable (Ctrl+F) and sortable; Enter opens the pupil."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

from verzuimdesk.services.pupils import list_pupils
from verzuimdesk.ui.context import AppContext, Changed
from verzuimdesk.ui.pupil_model import COL_NAME, ROW_ID_ROLE, SORT_ROLE, PupilModel


class PupilsPage(QWidget):
    pupil_activated = Signal(int)  # pupil id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = PupilModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.search = QLineEdit(placeholderText=self.tr("Search by name or number (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.returnPressed.connect(self._open_first)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        ctx.data_changed.connect(self._on_changed)
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        rows = [r for r in list_pupils(self.ctx.db) if self.ctx.account.sees_group(r.group)]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def _on_changed(self, _what: Changed) -> None:
        self.refresh()

    def _open(self, index: QModelIndex) -> None:
        pupil_id = index.data(ROW_ID_ROLE)
        if isinstance(pupil_id, int):
            self.pupil_activated.emit(pupil_id)

    def _open_first(self) -> None:
        if self.proxy.rowCount() == 1:
            self._open(self.proxy.index(0, 0))
