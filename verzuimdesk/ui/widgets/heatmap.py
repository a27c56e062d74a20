"""A school year as a calendar heatmap: one row per month, one square per day, coloured by what the day
holds (a category, present, no schooldag, after the peildatum). A tooltip names the day and its state."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from verzuimdesk.services.vocabulary import Category, format_date
from verzuimdesk.ui.widgets.words import CATEGORY_COLOURS, category_word, tr

OFF, PRESENT, FUTURE = "off", "present", "future"
STATE_COLOURS = {OFF: "#d6d6d6", PRESENT: "#dcedd5", FUTURE: "#ffffff",
                 **{c.value: colour for c, colour in CATEGORY_COLOURS.items()}}
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
CELL, GAP, LEFT, TOP = 18, 3, 44, 20


def month_label(year: int, month: int) -> str:
    """A row's label: the month, and beside August and January the year as "aug ’26" ("aug 26" read
    as the 26th of August)."""
    return MONTHS[month - 1] + (f" \u2019{year % 100:02d}" if month in (1, 8) else "")
STATE_WORDS = {
    OFF: QT_TRANSLATE_NOOP("Desk", "No schooldag"),
    PRESENT: QT_TRANSLATE_NOOP("Desk", "Present"),
    FUTURE: QT_TRANSLATE_NOOP("Desk", "After the peildatum"),
}


def state_word(state: str) -> str:
    if state in STATE_WORDS:
        return tr(STATE_WORDS[state])
    return category_word(Category(state))


class YearHeatmap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: list[tuple[date, str]] = []
        self.months: list[tuple[int, int]] = []  # (year, month) per row
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_cells(self, cells: list[tuple[date, str]]) -> None:
        self.cells = cells
        months: list[tuple[int, int]] = []
        for day, _ in cells:
            if not months or months[-1] != (day.year, day.month):
                months.append((day.year, day.month))
        self.months = months
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(LEFT + 31 * (CELL + GAP), TOP + max(len(self.months), 1) * (CELL + GAP))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _rect(self, day: date) -> QRect | None:
        try:
            row = self.months.index((day.year, day.month))
        except ValueError:
            return None
        return QRect(LEFT + (day.day - 1) * (CELL + GAP), TOP + row * (CELL + GAP), CELL, CELL)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        p.setPen(text)
        small = p.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        p.setFont(small)
        for d in (1, 5, 10, 15, 20, 25, 31):
            x = LEFT + (d - 1) * (CELL + GAP)
            p.drawText(QRect(x - 4, 0, CELL + 8, TOP - 4), Qt.AlignmentFlag.AlignCenter, str(d))
        for row, (year, month) in enumerate(self.months):
            y = TOP + row * (CELL + GAP)
            label = month_label(year, month)
            p.drawText(QRect(0, y, LEFT - 6, CELL), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        border = QPen(QColor("#b0b0b0"))
        for day, state in self.cells:
            rect = self._rect(day)
            if rect is None:
                continue
            p.setPen(border)
            p.setBrush(QColor(STATE_COLOURS.get(state, "#ffffff")))
            p.drawRoundedRect(rect, 3, 3)
        p.end()

    def state_at(self, pos: QPoint) -> tuple[date, str] | None:
        for day, state in self.cells:
            rect = self._rect(day)
            if rect is not None and rect.contains(pos):
                return day, state
        return None

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            found = self.state_at(event.pos())
            if found:
                QToolTip.showText(event.globalPos(), f"{format_date(found[0])}: {state_word(found[1])}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]
