"""What every list model of the app shares: plain rows set with a model reset, one column per header,
headers translated when shown (never at import time)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt


class PlainRowsModel(QAbstractTableModel):
    CONTEXT = ""  # the translation context of HEADERS
    HEADERS: tuple[str, ...] = ()  # marked with QT_TRANSLATE_NOOP(CONTEXT, ...)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        return [QCoreApplication.translate(self.CONTEXT, h) for h in self.HEADERS]

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None
