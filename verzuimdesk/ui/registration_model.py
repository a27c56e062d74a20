"""The registration grid as a table model: pupils × the day parts of one week of one group.

Column `COL_NAME` holds the pupil; every column from `COL_FIRST_PART` on is one lesson part of a
weekday (`GridColumn`). What a cell shows is worked out once in `set_rows`, so painting a week of 32
pupils asks nothing of the database and little of Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from verzuimdesk.services.registration import RecordRow
from verzuimdesk.services.registration_grid import GridColumn, WeekGrid
from verzuimdesk.services.vocabulary import Category, DayOff, format_date

COL_NAME = 0
COL_FIRST_PART = 1
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the pupil's id
LOCK_ROLE = Qt.ItemDataRole.UserRole + 2  # why a cell takes no entry ("" when it does)

_Index = QModelIndex | QPersistentModelIndex

# A `?` must stand out (PROTOCOLS.md: it asks for a call home the same day); the rest stays calm.
UNKNOWN_BG = QColor("#e65100")
CATEGORY_BG = {
    Category.SICK: QColor("#dbe9fb"),
    Category.AUTHORISED: QColor("#dff3e0"),
    Category.UNAUTHORISED: QColor("#f9d6d5"),
    Category.LATE: QColor("#fff1c2"),
    Category.SUSPENDED: QColor("#ead9f5"),
    Category.PRESENT_ELSEWHERE: QColor("#e8eef0"),
    Category.UNEXPLAINED: UNKNOWN_BG,
}
LOCKED_BG = QColor("#d9d9d9")
TODAY_BG = QColor("#fffbe6")


@dataclass(frozen=True, slots=True)
class _Cell:
    text: str
    tip: str
    background: QColor | None
    locked: str  # the reason, "" when the cell takes entries
    unknown: bool


class RegistrationModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.grid: WeekGrid | None = None
        self.today = date.today()
        self.labels: dict[str, str] = {}
        self._cells: list[list[_Cell]] = []
        self.checked: frozenset[tuple[date, int]] = frozenset()  # dagdelen marked "registratie gecontroleerd"

    # -- filling ------------------------------------------------------------------------------

    def set_rows(self, grid: WeekGrid, *, today: date, labels: dict[str, str]) -> None:
        self.beginResetModel()
        self.grid, self.today, self.labels = grid, today, labels
        self._cells = [[self._cell(row.enrolled[c], row.cells[c], col) for c, col in enumerate(grid.columns)]
                       for row in grid.rows]
        self.endResetModel()

    def update_rows(self, part: WeekGrid) -> bool:
        """Show the rows of `part` (some pupils of this week, read again after an edit) in place of
        theirs: only those rows repaint. False when `part` is not of this grid's week and pupils."""
        grid = self.grid
        if grid is None or part.group != grid.group or part.monday != grid.monday or part.columns != grid.columns:
            return False
        at = {row.pupil_id: i for i, row in enumerate(grid.rows)}
        if any(row.pupil_id not in at for row in part.rows):
            return False
        rows = list(grid.rows)
        for row in part.rows:
            i = at[row.pupil_id]
            rows[i] = row
            self._cells[i] = [self._cell(row.enrolled[c], row.cells[c], col) for c, col in enumerate(grid.columns)]
        self.grid = WeekGrid(grid.group, grid.monday, grid.columns, tuple(rows))
        last = self.columnCount() - 1
        for row in part.rows:
            i = at[row.pupil_id]
            self.dataChanged.emit(self.index(i, 0), self.index(i, last))
        return True

    def day_off_word(self, off: DayOff) -> str:
        return {
            DayOff.WEEKEND: self.tr("weekend"),
            DayOff.OUTSIDE_YEAR: self.tr("no school year"),
            DayOff.VACATION: self.tr("vacation"),
            DayOff.HOLIDAY: self.tr("public holiday"),
            DayOff.STUDY_DAY: self.tr("study day"),
            DayOff.NO_LESSONS: self.tr("no lessons"),
        }[off]

    def _cell(self, enrolled: bool, records: tuple[RecordRow, ...], col: GridColumn) -> _Cell:
        if col.off is not None:
            word = self.day_off_word(col.off)
            reason = self.tr("%1 is no schooldag: %2").replace("%1", format_date(col.day)).replace("%2", word)
            return _Cell(word, reason, LOCKED_BG, reason, False)
        if not enrolled:
            reason = self.tr("Not enrolled on %1").replace("%1", format_date(col.day))
            return _Cell("–", reason, LOCKED_BG, reason, False)
        if not records:
            return _Cell("", "", TODAY_BG if col.day == self.today else None, "", False)
        texts, tips = [], []
        for r in records:
            s = r.spec
            texts.append(s.code + (f" {s.minutes_late}′" if s.minutes_late else ""))
            tip = f"{s.code} — {self.labels.get(s.code, '')}"
            if not s.whole_day:
                tip += f", {s.start:%H:%M}–{s.end:%H:%M}"
            else:
                tip += ", " + self.tr("whole day")
            if s.minutes_late:
                tip += ", " + self.tr("%1 minutes late").replace("%1", str(s.minutes_late))
            if s.reported_at:
                tip += "\n" + self.tr("Reported %1 at %2").replace("%1", format_date(s.reported_at.date())).replace(
                    "%2", f"{s.reported_at:%H:%M}")
                if s.reported_by:
                    tip += " " + self.tr("by %1").replace("%1", s.reported_by)
            if s.note:
                tip += "\n" + s.note
            tips.append(tip)
        unknown = any(r.category is Category.UNEXPLAINED for r in records)
        background = UNKNOWN_BG if unknown else CATEGORY_BG.get(records[0].category)
        return _Cell(" ".join(texts), "\n".join(tips), background, "", unknown)

    # -- lookups for the page -------------------------------------------------------------------

    def column(self, col: int) -> GridColumn | None:
        if self.grid is None or col < COL_FIRST_PART:
            return None
        return self.grid.columns[col - COL_FIRST_PART]

    def records_at(self, row: int, col: int) -> tuple[RecordRow, ...]:
        if self.grid is None or col < COL_FIRST_PART:
            return ()
        return self.grid.rows[row].cells[col - COL_FIRST_PART]

    def lock_reason(self, row: int, col: int) -> str:
        if col < COL_FIRST_PART or not self._cells:
            return ""
        return self._cells[row][col - COL_FIRST_PART].locked

    # -- the model's interface ------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else COL_FIRST_PART + len(self.grid.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        r, c = index.row(), index.column()
        if c == COL_NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.grid.rows[r].name
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Pupil number %1").replace("%1", self.grid.rows[r].number)
            if role == ROW_ID_ROLE:
                return self.grid.rows[r].pupil_id
            return None
        cell = self._cells[r][c - COL_FIRST_PART]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tip or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(cell.background) if cell.background is not None else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if cell.unknown:
                return QBrush(QColor("white"))
            return QBrush(QColor("#555555")) if cell.locked else None
        if role == Qt.ItemDataRole.FontRole and cell.unknown:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == ROW_ID_ROLE:
            return self.grid.rows[r].pupil_id
        if role == LOCK_ROLE:
            return cell.locked
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.grid is None:
            return None
        if section == COL_NAME:
            return self.tr("Pupil") if role == Qt.ItemDataRole.DisplayRole else None
        col = self.grid.columns[section - COL_FIRST_PART]
        today = col.day == self.today
        checked = (col.day, col.part) in self.checked
        if role == Qt.ItemDataRole.DisplayRole:
            day = format_date(col.day).rsplit(" ", 1)[0]  # "ma 3 nov"; today is bold and blue
            return f"{day}\n{self.part_name(col)}" + (" ✓" if checked else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = format_date(col.day)
            if col.span is not None:
                tip += f", {col.span.start:%H:%M}–{col.span.end:%H:%M}"
                tip += " — " + (self.tr("registration checked") if checked else self.tr("registration not checked"))
            return tip + (" — " + self.tr("today") if today else "")
        if role == Qt.ItemDataRole.FontRole and today:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and today:
            return QBrush(QColor("#1565c0"))
        return None

    def part_name(self, col: GridColumn) -> str:
        if col.span is None:
            return ""
        if col.parts == 1:
            return self.tr("day") if col.span.end.hour >= 14 else self.tr("morning")
        if col.parts == 2:
            return self.tr("morning") if col.part == 0 else self.tr("afternoon")
        return f"{col.span.start:%H:%M}"

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
