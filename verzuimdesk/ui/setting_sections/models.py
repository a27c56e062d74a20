"""The lists of the settings page: vacations (editable), absence codes and staff (read-only)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt

from verzuimdesk.services.registration_grid import CodeRow
from verzuimdesk.services.settings import StaffRow
from verzuimdesk.services.vocabulary import Period, format_date

_Index = QModelIndex | QPersistentModelIndex
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class VacationModel(QAbstractTableModel):
    COL_NAME, COL_START, COL_END = range(3)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[list[Any]] = []
        self.unsure: frozenset[str] = frozenset()

    def set_rows(self, rows: tuple[Period, ...] | list[Period], unsure: frozenset[str] = frozenset()) -> None:
        self.beginResetModel()
        self._rows = [[p.name, p.start, p.end] for p in rows]
        self.unsure = unsure
        self.endResetModel()

    def rows(self) -> list[Period]:
        return [Period(str(n).strip(), s, e) for n, s, e in self._rows if str(n).strip()]

    def add(self, period: Period) -> None:
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append([period.name, period.start, period.end])
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, date):
                return format_date(value)
            return value + (" " + self.tr("(check)") if value in self.unsure else "")
        if role == Qt.ItemDataRole.EditRole:
            return QDate(value) if isinstance(value, date) else value
        if role == Qt.ItemDataRole.ToolTipRole and self._rows[index.row()][0] in self.unsure:
            return self.tr("Not certain: check this date against rijksoverheid.nl")
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if isinstance(value, QDate):
            value = value.toPython()
        self._rows[index.row()][index.column()] = value
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Vacation"), self.tr("First day"), self.tr("Last day"))[section]
        return None


class CodeModel(QAbstractTableModel):
    COL_CODE, COL_LABEL, COL_CATEGORY, COL_KIND = range(4)

    def __init__(self, category_words: dict[str, str]) -> None:
        super().__init__()
        self._rows: list[CodeRow] = []
        self.words = category_words

    def set_rows(self, rows: list[CodeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, i: int) -> CodeRow:
        return self._rows[i]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        c = self._rows[index.row()]
        kind = self.tr("default") if c.builtin else self.tr("own")
        if c.luxe:
            kind = self.tr("%1, luxe").replace("%1", kind)
        return (c.code, c.label, self.words.get(c.category.value, c.category.value), kind)[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Code"), self.tr("Label"), self.tr("Category"), self.tr("Kind"))[section]
        return None


class StaffModel(QAbstractTableModel):
    COL_NAME, COL_USER, COL_ROLE, COL_GROUPS = range(4)

    def __init__(self, role_words: dict[str, str]) -> None:
        super().__init__()
        self._rows: list[StaffRow] = []
        self.words = role_words

    def set_rows(self, rows: list[StaffRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        if role == ROW_ID_ROLE:
            return s.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        off = self.tr("switched off")
        name = f"{s.name} ({off})" if not s.active else s.name
        return (name, s.username or "—", self.words.get(s.role, s.role), ", ".join(s.groups))[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.tr("User name"), self.tr("Role"), self.tr("Groups"))[section]
        return None
