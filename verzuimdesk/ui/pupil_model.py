"""The table model of the pupil list (light, name, group, reason, next action, figures) and its filter.

Plain rows in, translated headers, the pupil id under ROW_ID_ROLE. The light is a coloured mark AND
a word, never colour alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from verzuimdesk.services.desk import LIGHT_ORDER, PupilDeskRow
from verzuimdesk.services.vocabulary import Light, number
from verzuimdesk.ui.widgets.rows_model import refilter
from verzuimdesk.ui.widgets.table_base import PlainRowsModel
from verzuimdesk.ui.widgets.words import action_word, day_text, light_icon, light_word

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
LIGHT_ROLE = Qt.ItemDataRole.UserRole + 3

(COL_LIGHT, COL_NUMBER, COL_NAME, COL_GROUP, COL_REASON, COL_ACTION, COL_DUE, COL_HOURS,
 COL_EPISODES, COL_SIGNALS) = range(10)
# Marked for translation here, translated when shown (headerData), never at import time.
_HEADERS = (
    QT_TRANSLATE_NOOP("PupilModel", "Light"),
    QT_TRANSLATE_NOOP("PupilModel", "Number"),
    QT_TRANSLATE_NOOP("PupilModel", "Name"),
    QT_TRANSLATE_NOOP("PupilModel", "Group"),
    QT_TRANSLATE_NOOP("PupilModel", "Main reason"),
    QT_TRANSLATE_NOOP("PupilModel", "Next action"),
    QT_TRANSLATE_NOOP("PupilModel", "Due"),
    QT_TRANSLATE_NOOP("PupilModel", "Unauth. h"),
    QT_TRANSLATE_NOOP("PupilModel", "Sick rep."),
    QT_TRANSLATE_NOOP("PupilModel", "Signals"),
)
_TIPS = {
    COL_HOURS: QT_TRANSLATE_NOOP("PupilModel", "Hours of unauthorised and unexplained absence in the last 4 lesweken"),
    COL_EPISODES: QT_TRANSLATE_NOOP("PupilModel", "Sick episodes that started in the last 12 lesweken"),
    COL_SIGNALS: QT_TRANSLATE_NOOP("PupilModel", "Risk factors found in the records: a reason to look, never a "
                                                 "change of the light"),
}


def _hours(value: float) -> str:
    return number(value) if value else ""


class PupilModel(PlainRowsModel):
    CONTEXT, HEADERS = "PupilModel", _HEADERS

    def row_key(self, row: PupilDeskRow) -> int:
        return row.pupil_id

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section in _TIPS:
            return QCoreApplication.translate("PupilModel", _TIPS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_LIGHT:
            return light_icon(row.light)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_DUE and row.next_overdue:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_REASON:
            if row.birth_date_missing:
                missing = self.tr("The birth date is missing: the pupil is taken as leerplichtig. Enter it in "
                                  "the LAS and import the pupils again.")
                return f"{row.reason}\n{missing}" if row.reason else missing
            return row.reason
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_ACTION, COL_SIGNALS):  # cut short when narrow
            return self._display(row, col) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_HOURS, COL_EPISODES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            return self._sort_key(row, col)
        if role == ROW_ID_ROLE:
            return row.pupil_id
        if role == LIGHT_ROLE:
            return row.light.value
        return None

    def display_texts(self, col: int) -> list[str]:
        return [str(self._display(row, col) or "") for row in self._rows]

    def _display(self, row: PupilDeskRow, col: int) -> Any:
        if col == COL_LIGHT:
            return light_word(row.light)
        if col == COL_NUMBER:
            return row.number
        if col == COL_NAME:
            return row.name
        if col == COL_GROUP:
            return row.group
        if col == COL_REASON:
            if row.birth_date_missing:
                if not row.reason:
                    return self.tr("Birth date missing")
                return f"{row.reason}; " + self.tr("birth date missing")
            return row.reason
        if col == COL_ACTION:
            return action_word(row.next_action, follow_up=row.next_follow_up) if row.next_action else ""
        if col == COL_DUE:
            return day_text(row.next_due)
        if col == COL_HOURS:
            return _hours(row.unauthorised_hours)
        if col == COL_EPISODES:
            return str(row.sick_episodes) if row.sick_episodes else ""
        if col == COL_SIGNALS:
            return ", ".join(row.signals)
        return None

    def _sort_key(self, row: PupilDeskRow, col: int) -> Any:
        if col == COL_LIGHT:
            return LIGHT_ORDER[row.light] * 10_000_000 + (row.next_due.toordinal() if row.next_due else 9_999_999)
        if col == COL_NAME:
            return row.sort_key
        if col == COL_DUE:
            return row.next_due.toordinal() if row.next_due else 9_999_999
        if col == COL_HOURS:
            return row.unauthorised_hours
        if col == COL_EPISODES:
            return row.sick_episodes
        if col == COL_SIGNALS:
            return len(row.signals)
        return self._display(row, col)


class PupilFilter(QSortFilterProxyModel):
    """Group, light and a search on name or number; every filter narrows the others."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.group: str | None = None
        self.light: Light | None = None
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(self, *, group: str | None, light: Light | None, text: str) -> None:
        self.group, self.light, self.text = group, light, text.strip().lower()
        refilter(self)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        m = self.sourceModel()
        if self.group is not None and m.index(source_row, COL_GROUP, source_parent).data() != self.group:
            return False
        if self.light is not None and m.index(source_row, 0, source_parent).data(LIGHT_ROLE) != self.light.value:
            return False
        if self.text:
            name = str(m.index(source_row, COL_NAME, source_parent).data()).lower()
            number = str(m.index(source_row, COL_NUMBER, source_parent).data()).lower()
            return self.text in name or self.text in number
        return True
