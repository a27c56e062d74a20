"""The table model of "Let op": pupils with a signal (SIGNALS.md) and no open action, sortable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from verzuimdesk.services.desk import AttentionItem
from verzuimdesk.ui.widgets.sorted_rows import SortedRowsModel
from verzuimdesk.ui.widgets.words import day_text, light_icon, light_word

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the pupil id
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COL_PUPIL, COL_GROUP, COL_SIGNALS, COL_LATEST, COL_TEXT = range(5)
_HEADERS = (
    QT_TRANSLATE_NOOP("AttentionModel", "Pupil"),
    QT_TRANSLATE_NOOP("AttentionModel", "Group"),
    QT_TRANSLATE_NOOP("AttentionModel", "Signals"),
    QT_TRANSLATE_NOOP("AttentionModel", "Latest date"),
    QT_TRANSLATE_NOOP("AttentionModel", "What stands out"),
)


class AttentionModel(SortedRowsModel):
    CONTEXT, HEADERS = "AttentionModel", _HEADERS

    def row_key(self, row: AttentionItem) -> int:
        return row.pupil_id

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: AttentionItem = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, col)
        if role == SORT_ROLE:
            return self.sort_value(row, col)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_PUPIL:
            return light_icon(row.light)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_SIGNALS, COL_TEXT):
            return row.text
        if role == ROW_ID_ROLE:
            return row.pupil_id
        return None

    def sort_value(self, row: AttentionItem, col: int) -> Any:
        return (row.name.lower(), row.group, len(row.signals), row.latest.toordinal() if row.latest else 0,
                row.text)[col]

    def display_texts(self, col: int) -> list[str]:
        return [_display(row, col) for row in self._rows]


def _display(row: AttentionItem, col: int) -> str:
    if col == COL_PUPIL:
        return f"{row.name} ({light_word(row.light).lower()})"
    if col == COL_GROUP:
        return row.group
    if col == COL_SIGNALS:
        return ", ".join(row.signals)
    if col == COL_LATEST:
        return day_text(row.latest)
    return row.text
