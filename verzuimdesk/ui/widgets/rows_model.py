"""A table model for the dossier's short lists (conversations, reports, plans, the timeline): rows of display
text made by the tab that owns the list, the row's id under ROW_ID_ROLE and its kind under KIND_ROLE."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from verzuimdesk.ui.widgets.table_base import PlainRowsModel
from verzuimdesk.ui.widgets.words import dot_icon

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True, slots=True)
class Row:
    id: int
    cells: tuple[str, ...]
    kind: str = ""
    sort: tuple[Any, ...] = ()  # per column; the cell text when empty
    tip: str = ""
    dot: str | None = None  # a colour shown as a dot in the first column, beside its word
    warn_col: int | None = None  # a cell shown in red (an overdue date, a file that is gone)
    muted: bool = False  # the whole row greyed (kept and shown, but set aside)


class RowsModel(PlainRowsModel):
    def __init__(self, headers: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers  # already translated by the tab that owns the list

    def headers(self) -> list[str]:
        return self._headers

    def column_total(self) -> int:
        return len(self._headers)

    def rows(self) -> list[Row]:
        return list(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tip or row.cells[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and row.dot:
            return dot_icon(row.dot)
        if role == Qt.ItemDataRole.ForegroundRole and col == row.warn_col:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.ForegroundRole and row.muted:
            return QColor("#8a8a8a")
        if role == ROW_ID_ROLE:
            return row.id
        if role == KIND_ROLE:
            return row.kind
        if role == SORT_ROLE:
            return row.sort[col] if row.sort else row.cells[col]
        return None


def refilter(proxy: QSortFilterProxyModel) -> None:
    """Re-run a proxy's row filter after its criteria changed (the call Qt prefers on this version)."""
    if hasattr(proxy, "beginFilterChange"):  # Qt 6.9+
        proxy.beginFilterChange()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        proxy.invalidateRowsFilter()
