"""The table model of the pupil list: plain rows in, translated headers, the pupil id under ROW_ID_ROLE."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from verzuimdesk.domain.dutch import format_date
from verzuimdesk.services.pupils import PupilRow

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COL_NUMBER, COL_NAME, COL_GROUP, COL_BIRTH = range(4)
# Marked for translation here, translated when shown (headerData), never at import time.
_HEADERS = (
    QT_TRANSLATE_NOOP("PupilModel", "Number"),
    QT_TRANSLATE_NOOP("PupilModel", "Name"),
    QT_TRANSLATE_NOOP("PupilModel", "Group"),
    QT_TRANSLATE_NOOP("PupilModel", "Date of birth"),
)


class PupilModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PupilRow] = []

    def set_rows(self, rows: list[PupilRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("PupilModel", _HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NUMBER:
                return row.number
            if col == COL_NAME:
                return row.name
            if col == COL_GROUP:
                return row.group
            if col == COL_BIRTH:
                return format_date(row.birth_date) if row.birth_date else ""
        if role == SORT_ROLE:
            if col == COL_NAME:
                return row.sort_name.lower()
            if col == COL_BIRTH:
                return row.birth_date.toordinal() if row.birth_date else 0
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == ROW_ID_ROLE:
            return row.id
        return None
