"""Kwartaal: the cases of zorgwekkend verzuim for the coming reference date (15 Sep/Dec/Mar/Jun), with
what is still missing marked, the days left counted, and the export for the SWV."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.quarterly import reference_date
from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.quarterly import quarterly_list
from verzuimdesk.ui.context import AppContext, Changed
from verzuimdesk.ui.widgets.rows_model import ROW_ID_ROLE, Row, RowsModel

COL_PUPIL, COL_GROUP, COL_OT, COL_CATEGORY, COL_START, COL_CAUSE, COL_STATUS, COL_SHARE, COL_END = range(9)


class QuarterlyPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.toolbar_actions: list[QAction] = []
        self.proposals: dict[int, tuple[str | None, date | None]] = {}
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = RowsModel([self.tr("Pupil"), self.tr("Group"), self.tr("OT number"), self.tr("Category"),
                                self.tr("Start"), self.tr("Main cause"), self.tr("Intervention"),
                                self.tr("Education followed"), self.tr("Closed")], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open)
        self.edit = QPushButton(self.tr("Case…"))
        self.edit.setToolTip(self.tr("Confirm or correct the case (Enter)"))
        self.edit.clicked.connect(lambda: self._open(self.table.currentIndex()))
        self.dossier = QPushButton(self.tr("Open dossier"))
        self.dossier.clicked.connect(self._open_dossier)
        self.export = QPushButton(self.tr("Export for the SWV…"))
        self.export.clicked.connect(self._export)
        self.export.setEnabled(ctx.account.can(Permission.EXPORT_FIGURES))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.edit)
        top.addWidget(self.dossier)
        top.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        ctx.data_changed.connect(self._changed)
        ctx.peildatum_changed.connect(lambda _d: self.refresh())
        self.refresh()

    def _changed(self, _what: Changed) -> None:
        self.refresh()

    def refresh(self) -> None:
        today = self.ctx.peildatum
        ref = reference_date(today)
        data = quarterly_list(self.ctx.db, on=today, names=True)
        missing_total = 0
        rows = []
        self.proposals = {r.pupil_id: (r.proposed_category, r.proposed_start) for r in data.rows}
        for r in data.rows:
            if not self.ctx.account.sees_group(r.group):
                continue
            category = r.category
            if r.proposed_category and r.proposed_category != r.category:
                category += " " + self.tr("(proposed: %1)").replace("%1", r.proposed_category)
            share = f"{r.share} %" if r.share is not None else ""
            end = f"{format_date(r.end)}: {r.close_reason}" if r.end else ""
            cells = [r.pupil_label, r.group, r.ot_number, category, format_date(r.start), r.main_cause, r.status,
                     share, end]
            gaps = [i for i in (COL_OT, COL_CAUSE, COL_STATUS, COL_SHARE) if not cells[i]]
            for i in gaps:
                cells[i] = self.tr("missing")
            missing_total += len(gaps)
            rows.append(Row(r.pupil_id, tuple(cells), warn_col=gaps[0] if gaps else None,
                            tip=self.tr("Still to fill in for the SWV") if gaps else ""))
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        days = (ref - today).days
        self.title.setText(self.tr("Quarterly list for %1").replace("%1", format_date(ref)))
        text = self.tr("%1 days left. %2 cases, %3 fields still missing.")
        self.summary.setText(text.replace("%1", str(days)).replace("%2", str(len(rows)))
                             .replace("%3", str(missing_total)))

    def _open(self, index: QModelIndex) -> None:
        """The Traject form of the row's pupil, where the IB-er confirms or corrects the case."""
        pupil_id = index.data(ROW_ID_ROLE)
        if isinstance(pupil_id, int) and self.ctx.account.can(Permission.EDIT_DOSSIER):
            from verzuimdesk.ui.case_dialog import CaseDialog

            row = self.proposals.get(pupil_id, (None, None))
            CaseDialog(self.ctx, pupil_id, self.window(), proposed_category=row[0], proposed_start=row[1]).exec()

    def _open_dossier(self) -> None:
        pupil_id = self.table.currentIndex().data(ROW_ID_ROLE)
        if isinstance(pupil_id, int):
            from verzuimdesk.ui.dossier import open_dossier

            open_dossier(self.ctx, pupil_id, self.window())

    def _export(self) -> None:
        from verzuimdesk.ui.export_dialog import run_export_dialog

        run_export_dialog(self.window(), self.ctx.db, kind="quarterly")
