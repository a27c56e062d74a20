"""Kwartaal: the SWV list for the coming reference date (15 Sep/Dec/Mar/Jun). On top the candidates the
engine found without a case, marked "voorstel, nog niet bevestigd" with the numbers behind them, to
confirm (the Traject form, prefilled) or dismiss with a reason; then the cases with what is still
missing marked; at the bottom, greyed, the dismissed candidates, which can be brought back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.cases import dismiss_candidate, undo_dismissal
from verzuimdesk.services.changes import OpChanges, Saved
from verzuimdesk.services.quarterly import quarterly_list
from verzuimdesk.services.vocabulary import CLOSE_LEFT, QuarterlyRow, format_date, reference_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.follow import Follower
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.rows_model import KIND_ROLE, ROW_ID_ROLE, Row, RowsModel

(COL_PUPIL, COL_GROUP, COL_OT, COL_CATEGORY, COL_START, COL_CAUSE, COL_STATUS, COL_SHARE, COL_END,
 COL_NOTE) = range(10)
# The cell that shows a missing field (the service names what the SWV still asks for).
MISSING_COLUMN = {"SWV/OT-nummer": COL_OT, "hoofdoorzaak": COL_CAUSE, "interventie": COL_STATUS,
                  "onderwijsdeelname": COL_SHARE}
PROPOSAL, CASE, DISMISSED = "proposal", "case", "dismissed"
PROPOSAL_DOT = "#ef8c00"  # a proposal waits for the IB-er, like an orange light
# OT's long texts, and the proposal's marking: wrapped within these widths (px).
WIDE_COLUMNS = {COL_CATEGORY: 140, COL_CAUSE: 150, COL_STATUS: 170, COL_END: 120}

if TYPE_CHECKING:
    from verzuimdesk.ui.case_dialog import CaseDialog


class QuarterlyPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.toolbar_actions: list[QAction] = []
        self.rows: dict[tuple[str, int], QuarterlyRow] = {}
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.model = RowsModel([self.tr("Pupil"), self.tr("Group"), self.tr("OT number"), self.tr("Category"),
                                self.tr("Start"), self.tr("Main cause"), self.tr("Intervention"),
                                self.tr("Education followed"), self.tr("Closed"), self.tr("Note")], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.activated.connect(self._open)
        self.confirm = QPushButton(self.tr("Confirm…"))
        self.confirm.setToolTip(self.tr("Open the case form filled in with the proposal"))
        self.confirm.clicked.connect(lambda: self._open(self.table.currentIndex()))
        self.dismiss = QPushButton(self.tr("Dismiss…"))
        self.dismiss.setToolTip(self.tr("Not a case of worrying absence: give the reason; it stays visible, greyed"))
        self.dismiss.clicked.connect(self._dismiss)
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
        for button in (self.confirm, self.dismiss, self.edit, self.dossier, self.export):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        self.detail = QLabel()  # the whole story of the current row: the numbers behind a proposal
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        self.follow = Follower(self, ctx, lambda _what: self.refresh(), peildatum=True)
        self.refresh()

    def refresh(self) -> None:
        today = self.ctx.peildatum
        ref = reference_date(today)
        data = quarterly_list(self.ctx.db, on=today, names=True, today=today)  # as it stood on the peildatum
        seen = [r for r in data.rows if self.ctx.account.sees_group(r.group)]
        dismissed = [r for r in data.dismissed if self.ctx.account.sees_group(r.group)]
        proposals = [r for r in seen if r.proposal]
        cases = [r for r in seen if not r.proposal]
        self.rows = {}
        rows = [self._row(r, PROPOSAL) for r in proposals] + [self._row(r, CASE) for r in cases] + [
            self._row(r, DISMISSED) for r in dismissed]
        self.model.set_rows(rows)
        self._fit()
        self.title.setText(self.tr("Quarterly list for %1").replace("%1", format_date(ref)))
        text = self.tr("%1 days left. %2 cases, %3 fields still missing.")
        text = (text.replace("%1", str((ref - today).days)).replace("%2", str(len(cases)))
                .replace("%3", str(sum(len(r.missing) for r in cases))))
        if proposals:
            text += " " + self.tr("%1 proposals from the records, not yet confirmed: confirm or dismiss them."
                                  ).replace("%1", str(len(proposals)))
        if dismissed:
            text += " " + self.tr("%1 dismissed (greyed).").replace("%1", str(len(dismissed)))
        self.summary.setText(text)
        self._buttons()

    def _fit(self) -> None:
        """Every column as wide as its contents but OT's long texts (wrapped), the note taking what is left:
        the list fits 1366 px without scrolling sideways."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for col, most in WIDE_COLUMNS.items():
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), most))
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()

    def _row(self, r: QuarterlyRow, kind: str) -> Row:
        self.rows[(kind, r.pupil_id)] = r
        share = f"{r.share} %" if r.share is not None else ""
        end = f"{format_date(r.end)}: {r.close_reason}" if r.end else ""
        if kind == CASE:
            category = r.category
            if r.proposed_category and r.proposed_category != r.category:
                category += " " + self.tr("(proposed: %1)").replace("%1", r.proposed_category)
            left = r.proposed_close_reason == CLOSE_LEFT
            notes = [(self.tr("Proposal: close per %1, the pupil was deregistered") if left else
                      self.tr("Proposal: close per %1, back at school for more than half")).replace(
                "%1", format_date(r.proposed_end))] if r.proposed_end else []
            unshown = [m for m in r.missing if m not in MISSING_COLUMN]
            if unshown:
                notes.append(self.tr("Still missing: %1").replace("%1", ", ".join(unshown)))
            note = "; ".join(notes)
        else:
            category = self.tr("%1, proposal, not yet confirmed").replace("%1", r.category)
            note = self._basis(r)
            if kind == DISMISSED:
                category = self.tr("%1, dismissed").replace("%1", r.category)
                note = self.tr("Dismissed: %1").replace("%1", r.dismissed)
        cells = [r.pupil_label, r.group, r.ot_number, category, format_date(r.start), r.main_cause, r.status,
                 share, end, note]
        gaps = sorted(MISSING_COLUMN.get(m, COL_NOTE) for m in r.missing)
        for i in gaps:
            if i != COL_NOTE:
                cells[i] = self.tr("missing")
        tip = (self.tr("Still to fill in for the SWV: %1").replace("%1", ", ".join(r.missing)) if r.missing
               else self._basis(r, weeks=True) if kind == PROPOSAL else "")
        return Row(r.pupil_id, tuple(cells), kind=kind, warn_col=gaps[0] if gaps else None, tip=tip,
                   muted=kind == DISMISSED, dot=PROPOSAL_DOT if kind == PROPOSAL else None)

    def _basis(self, r: QuarterlyRow, *, weeks: bool = False) -> str:
        """The numbers behind a proposal: the share absent of the 5 lesweken (with `weeks`, of each) and
        the part of it unauthorised or unexplained."""
        absent, lestijd = sum(a for _, a, _ in r.weeks), sum(t for _, _, t in r.weeks)
        if not lestijd:
            return ""
        text = self.tr("%1 school weeks %2% absent, %3% of it unauthorised or unexplained")
        text = (text.replace("%1", str(len(r.weeks))).replace("%2", str(round(100 * absent / lestijd)))
                .replace("%3", str(round(100 * r.unauthorised / absent) if absent else 0)))
        if r.outside_leerplicht and absent:
            text += "; " + self.tr("%1% on days the pupil was not of compulsory school age or exempted (never "
                                   "category A)").replace("%1", str(round(100 * r.outside_leerplicht / absent)))
        if weeks:
            text += "\n" + self.tr("Per school week: %1").replace("%1", ", ".join(
                f"{format_date(monday, weekday=False)} {round(100 * a / t) if t else 0}%" for monday, a, t in r.weeks))
        return text

    def _current(self) -> tuple[str, int] | None:
        index = self.table.currentIndex()
        kind, pupil_id = index.data(KIND_ROLE), index.data(ROW_ID_ROLE)
        return (kind, pupil_id) if isinstance(pupil_id, int) and isinstance(kind, str) else None

    def _buttons(self) -> None:
        current = self._current()
        kind = current[0] if current else None
        r = self.rows.get(current) if current else None
        detail = ""
        if r is not None:
            lines = [f"{r.pupil_label}: " + (self._basis(r, weeks=True) if kind != CASE else self.model.index(
                self.table.currentIndex().row(), COL_NOTE).data() or self.tr("nothing to add"))]
            if kind == DISMISSED:
                lines.append(self.tr("Dismissed: %1").replace("%1", r.dismissed))
            detail = "\n".join(lines)
        self.detail.setText(detail)
        can = self.ctx.account.can(Permission.EDIT_DOSSIER)
        self.confirm.setEnabled(can and kind == PROPOSAL)
        self.dismiss.setEnabled(can and kind in (PROPOSAL, DISMISSED))
        self.dismiss.setText(self.tr("Undo dismissal") if kind == DISMISSED else self.tr("Dismiss…"))
        self.edit.setEnabled(can and kind == CASE)

    def _open(self, index: QModelIndex) -> None:
        """The Traject form of the row's pupil: a new case prefilled with a proposal, or the case itself."""
        pupil_id, kind = index.data(ROW_ID_ROLE), index.data(KIND_ROLE)
        if not isinstance(pupil_id, int) or not self.ctx.account.can(Permission.EDIT_DOSSIER) or kind == DISMISSED:
            return
        self.case_dialog(pupil_id, new=kind == PROPOSAL).exec()

    def case_dialog(self, pupil_id: int, *, new: bool) -> CaseDialog:
        """The Traject form for the pupil's row: prefilled with the proposal when `new`."""
        from verzuimdesk.ui.case_dialog import CaseDialog

        r = self.rows.get((PROPOSAL if new else CASE, pupil_id))
        return CaseDialog(self.ctx, pupil_id, self.window(), proposed_category=r.proposed_category if r else None,
                          proposed_start=r.proposed_start if r else None, new=new,
                          proposed_end=r.proposed_end if r else None,
                          proposed_reason=r.proposed_close_reason if r else "")

    def ask_reason(self, label: str) -> str | None:
        """The reason for dismissing a proposal, or None when the IB-er cancels."""
        text, ok = QInputDialog.getText(self, self.tr("Dismiss proposal"), label)
        return text if ok else None

    def _dismiss(self) -> None:
        current = self._current()
        if current is None:
            return
        kind, pupil_id = current
        r = self.rows[current]
        reason = ""
        if kind == PROPOSAL:
            asked = self.ask_reason(self.tr("Why is %1 no case of worrying absence?").replace("%1", r.pupil_label))
            if asked is None:
                return
            reason = asked

        def write() -> Saved | OpChanges | bool:
            if kind == DISMISSED:
                return undo_dismissal(self.ctx.db, pupil_id=pupil_id, start=r.start, by=self.ctx.account)
            if kind == PROPOSAL:
                return dismiss_candidate(self.ctx.db, pupil_id=pupil_id, start=r.start, category=r.category,
                                         reason=reason, on=self.ctx.peildatum, by=self.ctx.account)
            return True  # nothing to write

        if run_write(self.ctx, write, refused=lambda exc: self.error.setText(str(exc))):
            self.error.clear()

    def _open_dossier(self) -> None:
        pupil_id = self.table.currentIndex().data(ROW_ID_ROLE)
        if isinstance(pupil_id, int):
            from verzuimdesk.ui.dossier import open_dossier

            open_dossier(self.ctx, pupil_id, self.window())

    def _export(self) -> None:
        from verzuimdesk.ui.export_dialog import run_export_dialog

        # the list of the date the page shows, not of today (a peildatum looked back at is exported as seen)
        run_export_dialog(self.window(), self.ctx.db, by=self.ctx.account, kind="quarterly", on=self.ctx.peildatum)
