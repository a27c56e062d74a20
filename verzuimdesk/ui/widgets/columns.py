"""Columns that fit: every column as wide as its contents, one long column taking what is left, so a
list fits the window at 1366 px without scrolling sideways and no short column is cut to "Guu…".

Qt's own `resizeColumnsToContents` asks the model for every role of every cell (87,000 `data()` calls
for 1,000 pupils, a third to a whole second). `resize_to_contents` gives the same widths for less: it
takes each column's texts at once from the model (`display_texts`), measures the longest few with the
font, and lets the view measure only the widest of those cells in full (icon, margins and font as
painted)."""

from __future__ import annotations

import heapq
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

STRETCH_MIN = 160  # the stretching column never narrower than this (its full text is its tooltip)
LONGEST = 24  # texts per column measured with the font: the longest by characters
MEASURED = 4  # cells per column the view measures in full: the widest of those, and the first rows
EXACT_BELOW = 60  # a list this short is measured by Qt itself, cell by cell


def _column_texts(model: QAbstractItemModel) -> tuple[Callable[[int], list[str]], Callable[[int, int], QModelIndex]]:
    """(texts of a column by row, the view's index of row r, column c): from the model's own rows when it
    (or the source of an unfiltered sort proxy) offers `display_texts`, else cell by cell."""
    source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else None
    if source is not None and source.rowCount() == model.rowCount() and hasattr(source, "display_texts"):
        proxy = model
        return source.display_texts, lambda r, c: proxy.mapFromSource(source.index(r, c))
    if hasattr(model, "display_texts"):
        return model.display_texts, model.index
    display = Qt.ItemDataRole.DisplayRole

    def texts(col: int) -> list[str]:
        return [str(model.index(r, col).data(display) or "") for r in range(model.rowCount())]

    return texts, model.index


def resize_to_contents(table: QTableView) -> None:
    """Every visible column as wide as its widest cell or its header (as `resizeColumnsToContents`)."""
    model = table.model()
    if model is None:
        return
    rows = model.rowCount()
    if rows < EXACT_BELOW:
        table.resizeColumnsToContents()
        return
    header = table.horizontalHeader()
    advance = table.fontMetrics().horizontalAdvance
    column_texts, index = _column_texts(model)
    grid = 1 if table.showGrid() else 0
    for col in range(model.columnCount()):
        if table.isColumnHidden(col):
            continue
        texts = column_texts(col)
        longest = heapq.nlargest(LONGEST, range(len(texts)), key=lambda r: len(texts[r]))
        widest = heapq.nlargest(MEASURED, longest, key=lambda r: advance(texts[r]))
        candidates = set(widest) | set(range(min(MEASURED, rows)))
        content = max(table.sizeHintForIndex(index(r, col)).width() for r in candidates) + grid
        header.resizeSection(col, max(content, header.sectionSizeHint(col)))


def grow_to_fit(table: QTableView, rows: list[int]) -> None:
    """After `rows` changed in place or came in: every column that does not stretch widens as far as those
    rows' cells need (the columns were fitted to the other rows already; a column never narrows here); a
    column that shares the room (`fit_columns`) asks for that width and the room is shared again."""
    model = table.model()
    if model is None or not rows:
        return
    header = table.horizontalHeader()
    grid = 1 if table.showGrid() else 0
    share = table.findChild(_Share)
    shared = share.wanted if isinstance(share, _Share) and share.table is table else {}
    grown = False
    for col in range(model.columnCount()):
        if table.isColumnHidden(col) or (col not in shared and
                                         header.sectionResizeMode(col) == QHeaderView.ResizeMode.Stretch):
            continue
        need = max(table.sizeHintForIndex(model.index(r, col)).width() for r in rows) + grid
        if col in shared:  # a long text: it wants more, and gets its share of the room (fit_columns)
            if need > shared[col]:
                shared[col], grown = need, True
        elif need > header.sectionSize(col):
            header.resizeSection(col, need)
            grown = True
    if grown and isinstance(share, _Share) and shared:
        share.apply()  # the shared columns share again what the others leave now


def fit_columns(table: QTableView, stretch: int, share: tuple[int, ...] = ()) -> None:
    """Every column as wide as its contents and `stretch` taking what is left. The long texts of the
    columns in `share` (an action, the signals) give way first when the window is too narrow for all:
    they and `stretch` share the room the other columns leave, each as wide as its contents up to an
    equal share (never below SHARE_MIN), their full text elided and in the tooltip; the other columns
    (a name, a date, a number) are never cut. The share follows the table's width."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    resize_to_contents(table)
    header.setMinimumSectionSize(min(header.minimumSectionSize(), 40))
    _Share.of(table, stretch, {c: header.sectionSize(c) for c in (*share, stretch) if not table.isColumnHidden(c)})


SHARE_MIN = 120  # a shared column never narrower than this


def level(wanted: list[int], room: int) -> int:
    """The largest width w with sum(min(x, w) for x in wanted) <= room: each column as wide as it wants,
    up to w (an equal share of what the others leave)."""
    total, rest = 0, len(wanted)
    for x in sorted(wanted):
        if total + x * rest > room:
            return (room - total) // rest
        total, rest = total + x, rest - 1
    return max(wanted, default=room)


class _Share(QObject):
    """Keeps the shared columns of a table at their share, and its stretching column stretching (or at
    STRETCH_MIN where nothing is left), while the table's width changes. A shared column the user drags
    keeps the user's width from then on (until the list is fitted anew)."""

    def __init__(self, table: QTableView, stretch: int, wanted: dict[int, int]) -> None:
        super().__init__(table)
        self.table, self.stretch, self.wanted = table, stretch, wanted
        self.dragged: set[int] = set()
        self._applying = False
        self._width = -1  # the viewport width last shared out
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._resized)

    @classmethod
    def of(cls, table: QTableView, stretch: int, wanted: dict[int, int]) -> None:
        found = table.findChild(_Share)
        share = found if isinstance(found, _Share) else cls(table, stretch, wanted)
        share.stretch, share.wanted, share.dragged = stretch, wanted, set()
        share.apply()

    def _resized(self, col: int, _old: int, _new: int) -> None:
        if not self._applying and col in self.wanted and col != self.stretch:
            self.dragged.add(col)  # the user's width: kept

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # only a change of width shares anew (a scroll bar that comes and goes changes it too)
        if event.type() == QEvent.Type.Resize and self.table.viewport().width() != self._width:
            self.apply()
        return False

    def apply(self) -> None:
        self._applying = True
        try:
            self._apply()
        finally:
            self._applying = False

    def _apply(self) -> None:
        table, header = self.table, self.table.horizontalHeader()
        self._width = width = table.viewport().width()
        shared = {c: w for c, w in self.wanted.items() if c not in self.dragged}
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c not in shared and not table.isColumnHidden(c))
        widest = max(level(list(shared.values()), width - others), SHARE_MIN)
        for col, want in shared.items():
            if col != self.stretch:  # the stretching column takes what is left (at least its share)
                header.resizeSection(col, min(want, widest))
        left = width - sum(header.sectionSize(c) for c in range(header.count())
                           if c != self.stretch and not table.isColumnHidden(c))
        least = SHARE_MIN if len(self.wanted) > 1 else STRETCH_MIN  # sharing, it is one of the shared
        if left >= least:
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.stretch, least)
