"""What every list model of the app shares: plain rows set with a model reset, one column per header,
headers translated when shown (never at import time)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

FEW_MOVES = 16  # rows taken out plus rows put in that `set_rows` moves one by one rather than resetting


class PlainRowsModel(QAbstractTableModel):
    CONTEXT = ""  # the translation context of HEADERS
    HEADERS: tuple[str, ...] = ()  # marked with QT_TRANSLATE_NOOP(CONTEXT, ...)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        return [QCoreApplication.translate(self.CONTEXT, h) for h in self.HEADERS]

    def row_key(self, row: Any) -> Any:
        """What identifies a row across refreshes; None: every refresh resets the model."""
        return None

    def set_rows(self, rows: list[Any]) -> list[int] | None:
        """Show `rows`. The same rows again (by `row_key`, in the same order) update in place: only
        the rows that differ repaint, and a sorted view keeps its selection and scroll position; so do
        a few rows taken out or put in (`_insert_and_remove`). The rows that changed or came in (to be
        measured for their columns), or None when the model was reset."""
        rows = list(rows)
        changed = self._changed_in_place(rows)
        if changed is None:
            changed = self._insert_and_remove(rows)
        if changed is not None:
            self._rows = rows
            if changed:
                # One signal over the changed span: a sort proxy told row by row would place each
                # row among neighbours that have changed already, and sort them wrong.
                self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], self.column_total() - 1))
            return changed
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        return None

    def _insert_and_remove(self, rows: list[Any]) -> list[int] | None:
        """When `rows` are the rows shown with a few taken out and a few new ones put in (at most
        FEW_MOVES, and the rows that stay in the same order): those rows are removed and inserted, so the
        view keeps its selection and scroll position and repaints only what moved (a key in the grid
        that gives one pupil a new open action). The rows that changed or came in, or None (reset)."""
        old, key = self._rows, self.row_key
        if not rows or not old or key(rows[0]) is None:
            return None
        old_keys, new_keys = [key(r) for r in old], [key(r) for r in rows]
        old_set, new_set = set(old_keys), set(new_keys)
        if len(old_set) != len(old_keys) or len(new_set) != len(new_keys):
            return None  # two rows with one key: nothing to match them by
        gone = [i for i, k in enumerate(old_keys) if k not in new_set]
        came = [j for j, k in enumerate(new_keys) if k not in old_set]
        if len(gone) + len(came) > FEW_MOVES or \
                [k for k in old_keys if k in new_set] != [k for k in new_keys if k in old_set]:
            return None
        none = QModelIndex()
        for i in reversed(gone):
            self.beginRemoveRows(none, i, i)
            del old[i]
            self.endRemoveRows()
        for j in came:  # ascending: every row before j is in place already
            self.beginInsertRows(none, j, j)
            old.insert(j, rows[j])
            self.endInsertRows()
        return sorted({*came, *(i for i, (a, b) in enumerate(zip(old, rows, strict=True)) if a is not b and a != b)})

    def _changed_in_place(self, rows: list[Any]) -> list[int] | None:
        """The rows that differ from those shown, when `rows` are the same rows (by `row_key`, in the same
        order); else None. A row that is the very object shown is the same and unchanged: after a key
        in the grid all but one of a thousand lines are the objects shown (services/overview.py)."""
        old, key = self._rows, self.row_key
        if not rows or len(rows) != len(old) or key(rows[0]) is None:
            return None
        changed = []
        for i, (a, b) in enumerate(zip(old, rows, strict=True)):
            if a is b:
                continue
            if key(a) != key(b):
                return None
            if a != b:
                changed.append(i)
        return changed

    def display_texts(self, col: int) -> list[str]:
        """Every row's text in column `col`, as shown (for fitting the columns without asking Qt's way)."""
        display = Qt.ItemDataRole.DisplayRole
        return [str(self.data(self.index(r, col), display) or "") for r in range(len(self._rows))]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        # Qt asks this for every cell it checks: counted, never translated (that made a list of
        # 1,000 pupils take a quarter of a second to fit its columns).
        return 0 if parent.isValid() else self.column_total()

    def column_total(self) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None
