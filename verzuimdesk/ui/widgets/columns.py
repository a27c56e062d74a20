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

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt
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
    """After `rows` changed in place: every column that does not stretch widens as far as those rows'
    cells need (the columns were fitted to the other rows already; a column never narrows here)."""
    model = table.model()
    if model is None or not rows:
        return
    header = table.horizontalHeader()
    grid = 1 if table.showGrid() else 0
    for col in range(model.columnCount()):
        if table.isColumnHidden(col) or header.sectionResizeMode(col) == QHeaderView.ResizeMode.Stretch:
            continue
        need = max(table.sizeHintForIndex(model.index(r, col)).width() for r in rows) + grid
        if need > header.sectionSize(col):
            header.resizeSection(col, need)


def fit_columns(table: QTableView, stretch: int) -> None:
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    resize_to_contents(table)
    header.setMinimumSectionSize(min(header.minimumSectionSize(), 40))
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if header.sectionSize(stretch) < STRETCH_MIN:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(stretch, STRETCH_MIN)
