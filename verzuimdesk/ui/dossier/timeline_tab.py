"""Tijdlijn: records, conversations, reports made and plan links in date order (newest first), filterable by
kind and by text."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from verzuimdesk.services.dossier_view import DeskDossier
from verzuimdesk.services.vocabulary import format_date, number
from verzuimdesk.ui.widgets.rows_model import KIND_ROLE, SORT_ROLE, Row, RowsModel, refilter
from verzuimdesk.ui.widgets.words import CATEGORY_COLOURS, category_word, conversation_word, report_word

ABSENCE, CONVERSATION, REPORT, PLAN = "absence", "conversation", "report", "plan"


class _Filter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.kind = ""
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(self, kind: str, text: str) -> None:
        self.kind, self.text = kind, text.strip().lower()
        refilter(self)

    def filterAcceptsRow(self, source_row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        m = self.sourceModel()
        if self.kind and m.index(source_row, 0, parent).data(KIND_ROLE) != self.kind:
            return False
        if self.text:
            cells = (str(m.index(source_row, c, parent).data()) for c in range(m.columnCount()))
            return any(self.text in c.lower() for c in cells)
        return True



class TimelineTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Show"))
        for label, value in ((self.tr("Everything"), ""), (self.tr("Absence"), ABSENCE),
                             (self.tr("Conversations"), CONVERSATION), (self.tr("Reports made"), REPORT),
                             (self.tr("Plans"), PLAN)):
            self.kind.addItem(label, value)
        self.search = QLineEdit(placeholderText=self.tr("Filter by text"))
        self.search.setClearButtonEnabled(True)
        self.model = RowsModel([self.tr("Date"), self.tr("Kind"), self.tr("What")], self)
        self.proxy = _Filter()
        self.proxy.setParent(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.kind.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        bar = QHBoxLayout()
        bar.addWidget(self.kind)
        bar.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def _filter(self) -> None:
        self.proxy.set_filter(str(self.kind.currentData()), self.search.text())

    def show_dossier(self, d: DeskDossier) -> None:
        rows: list[Row] = []

        def key(day: date | datetime, order: int) -> str:
            # A string, since Qt's proxy compares sort values as QVariants and cannot order Python tuples.
            stamp = day.strftime("%Y-%m-%dT%H:%M") if isinstance(day, datetime) else day.isoformat() + "T00:00"
            return f"{stamp} {order}"

        for r in d.dossier.records:
            span = f"{r.start:%H:%M}–{r.end:%H:%M}" if r.start and r.end else self.tr("whole day")
            what = f"{r.code} {r.label}" if r.minutes_late else f"{r.code} {r.label}: {span}"
            if r.minutes:
                what += f", {number(r.minutes / 60)} " + self.tr("hours")
            if r.minutes_late:
                what += ", " + self.tr("%1 minutes late").replace("%1", str(r.minutes_late))
            if r.note:
                what += f" — {r.note}"
            rows.append(Row(r.id, (format_date(r.day), category_word(r.category), what), ABSENCE,
                            (key(r.day, 0), category_word(r.category), what), dot=CATEGORY_COLOURS[r.category]))
        for c in d.dossier.conversations:
            what = c.summary.replace("\n", " ")
            if c.agreements:
                n = len(c.agreements)
                what += " — " + (self.tr("1 agreement") if n == 1 else self.tr("%1 agreements").replace("%1", str(n)))
            rows.append(Row(c.id, (f"{format_date(c.held_at.date())} {c.held_at:%H:%M}", conversation_word(c.kind),
                                   what), CONVERSATION, (key(c.held_at, 1), "", what), tip=c.summary))
        for e in d.dossier.events:
            what = " — ".join(x for x in (e.reference, e.note) if x)
            rows.append(Row(e.id, (format_date(e.day), report_word(e.kind), what), REPORT, (key(e.day, 2), "", what)))
        for p in d.plans:
            what = p.location + (" — " + self.tr("file is gone") if p.missing else "")
            rows.append(Row(p.id, (format_date(p.start), p.kind, what), PLAN, (key(p.start, 3), "", what),
                            warn_col=2 if p.missing else None))
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
