"""Columns that fit: every column as wide as its contents, one long column taking what is left, so a
list fits the window at 1366 px without scrolling sideways and no short column is cut to "Guu…"."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

STRETCH_MIN = 160  # the stretching column never narrower than this (its full text is its tooltip)


def fit_columns(table: QTableView, stretch: int) -> None:
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    header.setMinimumSectionSize(min(header.minimumSectionSize(), 40))
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if header.sectionSize(stretch) < STRETCH_MIN:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(stretch, STRETCH_MIN)
