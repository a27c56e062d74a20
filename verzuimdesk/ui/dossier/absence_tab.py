"""Verzuim: the school year as a heatmap with a legend, and the totals per category (hours, episodes, records)."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from verzuimdesk.services.dossier_view import SEVERITY, DeskDossier
from verzuimdesk.services.vocabulary import format_date, number
from verzuimdesk.ui.widgets.heatmap import FUTURE, OFF, PRESENT, STATE_COLOURS, YearHeatmap, state_word
from verzuimdesk.ui.widgets.rows_model import Row, RowsModel
from verzuimdesk.ui.widgets.words import CATEGORY_COLOURS, category_word


def _swatch(colour: str, word: str) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    square = QLabel()
    square.setFixedSize(14, 14)
    square.setStyleSheet(f"background: {colour}; border: 1px solid #b0b0b0; border-radius: 3px;")
    row.addWidget(square)
    row.addWidget(QLabel(word))
    row.addStretch(1)
    return box



class AbsenceTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.heatmap = YearHeatmap()
        legend = QGridLayout()
        states = [c.value for c in SEVERITY] + [PRESENT, OFF, FUTURE]
        for i, state in enumerate(states):
            legend.addWidget(_swatch(STATE_COLOURS[state], state_word(state)), i // 2, i % 2)
        legend_box = QWidget()
        legend_box.setLayout(legend)
        self.totals = RowsModel([self.tr("Category"), self.tr("Hours"), self.tr("Episodes"), self.tr("Records")], self)
        self.table = QTableView()
        self.table.setModel(self.totals)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(self.tr("No absence registered in this school year."))

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Legend")))
        right.addWidget(legend_box)
        right.addSpacing(10)
        right.addWidget(QLabel(self.tr("Totals this school year up to the peildatum")))
        right.addWidget(self.table)
        right.addWidget(self.empty)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.heatmap)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 0)
        body.addSpacing(16)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)

    def show_dossier(self, d: DeskDossier) -> None:
        self.title.setText(self.tr("School year %1 – %2").replace("%1", format_date(d.year_start, weekday=False))
                           .replace("%2", format_date(d.year_end, weekday=False)))
        self.heatmap.set_cells(list(d.cells))
        self.heatmap.adjustSize()
        self.totals.set_rows([
            Row(i, (category_word(t.category), number(t.hours), str(t.episodes), str(t.records)), t.category.value,
                dot=CATEGORY_COLOURS[t.category])
            for i, t in enumerate(d.totals)])
        self.table.resizeColumnsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(self.totals.rowCount()))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows_height + 4)
        self.table.setVisible(bool(d.totals))
        self.empty.setVisible(not d.totals)
