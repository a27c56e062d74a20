"""The table model of the "Te doen" list: one row per pupil and action kind, overdue first (the service sorts)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from verzuimdesk.services.desk import TodoItem
from verzuimdesk.ui.widgets.table_base import PlainRowsModel
from verzuimdesk.ui.widgets.words import action_word, day_text, light_icon, light_word

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the pupil id
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # the action kind's code

COL_PUPIL, COL_GROUP, COL_ACTION, COL_REASON, COL_DUE, COL_REGIE = range(6)
_HEADERS = (
    QT_TRANSLATE_NOOP("TodoModel", "Pupil"),
    QT_TRANSLATE_NOOP("TodoModel", "Group"),
    QT_TRANSLATE_NOOP("TodoModel", "Action"),
    QT_TRANSLATE_NOOP("TodoModel", "Reason"),
    QT_TRANSLATE_NOOP("TodoModel", "Due"),
    QT_TRANSLATE_NOOP("TodoModel", "In charge"),
)


class TodoModel(PlainRowsModel):
    CONTEXT, HEADERS = "TodoModel", _HEADERS

    def row_key(self, row: TodoItem) -> tuple[object, ...]:
        """The same open action across refreshes: a key typed for one pupil repaints that pupil's lines."""
        return (row.pupil_id, row.kind, row.rule_id, row.due_date)

    def display_texts(self, col: int) -> list[str]:
        return [str(_display(row, col) or "") for row in self._rows]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            shown = _display(row, col)
            if shown is not None:
                return shown
        if role == Qt.ItemDataRole.DecorationRole and col == COL_PUPIL:
            return light_icon(row.light)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_DUE and row.overdue:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.FontRole and col == COL_DUE and row.overdue:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_REASON:
            return "\n".join(row.reasons) or row.reason
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ACTION:  # cut short in a narrow window
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == ROW_ID_ROLE:
            return row.pupil_id
        if role == KIND_ROLE:
            return row.kind.value
        return None

    def item(self, row: int) -> TodoItem:
        return self._rows[row]


def _display(row: TodoItem, col: int) -> str | None:
    if col == COL_PUPIL:
        return f"{row.name} ({light_word(row.light).lower()})"
    if col == COL_GROUP:
        return row.group
    if col == COL_ACTION:
        legal = QCoreApplication.translate("TodoModel", " (legal)") if row.legal else ""
        return action_word(row.kind, follow_up=row.follow_up) + legal
    if col == COL_REASON:
        return row.reason
    if col == COL_DUE:
        late = QCoreApplication.translate("TodoModel", "overdue") if row.overdue else ""
        return f"{day_text(row.due_date)} — {late}" if late else day_text(row.due_date)
    if col == COL_REGIE:
        return row.regie
    return None
