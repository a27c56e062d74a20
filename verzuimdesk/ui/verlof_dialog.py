"""Verlof: the leave requests, with the law's objections per child; a new request, the directeur's decision,
the letter, and absence on refused days to confirm as luxeverzuim."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.errors import REFUSALS, refusal_text
from verzuimdesk.services.letter_verlof import suggested_template
from verzuimdesk.services.verlof import VerlofRow, list_requests
from verzuimdesk.services.verlof_luxe import luxe_proposals
from verzuimdesk.services.vocabulary import DECISION_NL, Decision, format_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.widgets.dialog_parts import error_label
from verzuimdesk.ui.widgets.rows_model import ROW_ID_ROLE, Row, RowsModel

DECISION_COLOUR = {Decision.PENDING: "#9e9e9e", Decision.GRANTED: "#2e7d32", Decision.REFUSED: "#c62828",
                   Decision.LEERPLICHT: "#ef6c00"}


class VerlofDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Leave requests (verlof)"))
        self.rows: dict[int, VerlofRow] = {}
        self.model = RowsModel([self.tr("No."), self.tr("Pupil(s)"), self.tr("Period"), self.tr("Schooldagen"),
                                self.tr("Article"), self.tr("Decision"), self.tr("What the law says")], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Leave requests"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._sync())
        self.table.activated.connect(lambda _i: self.decide())
        self.luxe_note = QLabel()
        self.luxe_note.setWordWrap(True)
        self.message = error_label()
        can_record = ctx.account.can(Permission.EDIT_DOSSIER) or ctx.account.can(Permission.DECIDE_LEAVE)
        self.new_button = QPushButton(self.tr("New request…"))
        self.new_button.setEnabled(can_record)
        self.new_button.clicked.connect(self.new_request)
        self.decide_button = QPushButton(self.tr("Decide…"))
        self.decide_button.setToolTip(self.tr("Only the directeur decides on leave"))
        self.decide_button.clicked.connect(self.decide)
        self.letter_button = QPushButton(self.tr("Make the letter…"))
        self.letter_button.clicked.connect(self.letter)
        self.luxe_button = QPushButton(self.tr("Absence on refused days…"))
        self.luxe_button.setEnabled(ctx.account.can(Permission.EDIT_DOSSIER) and ctx.account.can(
            Permission.EDIT_ABSENCE))
        self.luxe_button.clicked.connect(self.luxe)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.decide_button, self.letter_button, self.luxe_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.luxe_note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        ctx.data_changed.connect(self._on_changed)
        self.refresh()
        self.resize(1100, 520)

    def refresh(self) -> None:
        try:
            rows = list_requests(self.ctx.db, by=self.ctx.account)
            proposals = luxe_proposals(self.ctx.db, by=self.ctx.account) if self.luxe_button.isEnabled() else []
        except REFUSALS as exc:
            self.message.setText(refusal_text(exc))
            self.message.show()
            return
        self.rows = {r.id: r for r in rows}
        shown = []
        for r in rows:
            names = ", ".join(f"{p.name} ({p.group})" for p in r.pupils)
            findings = " ".join(dict.fromkeys(f for p in r.pupils for f in p.findings)) or self.tr("within the law")
            shown.append(Row(r.id, (str(r.id), names, f"{format_date(r.start)} – {format_date(r.end)}", str(r.days),
                                    r.article_nl, DECISION_NL[r.decision], findings), r.decision.value,
                             tip=f"{r.reason}\n{r.decision_note}".strip(), dot=DECISION_COLOUR[r.decision]))
        self.model.set_rows(shown)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        n = len(proposals)
        self.luxe_note.setText(self.tr("%1 absence record(s) on days of refused leave wait for your check as "
                                       "luxeverzuim.").replace("%1", str(n)) if n else "")
        self.luxe_note.setVisible(bool(n))
        self._sync()

    def _on_changed(self, _what: object) -> None:
        self.refresh()

    def current(self) -> VerlofRow | None:
        rid = self.table.currentIndex().data(ROW_ID_ROLE)
        return self.rows.get(rid) if isinstance(rid, int) else None

    def _sync(self) -> None:
        r = self.current()
        self.decide_button.setEnabled(r is not None and self.ctx.account.can(Permission.DECIDE_LEAVE))
        self.letter_button.setEnabled(r is not None and r.decision is not Decision.PENDING and (
            self.ctx.account.can(Permission.DECIDE_LEAVE) or self.ctx.account.can(Permission.EXPORT_PUPIL)))

    def new_request(self) -> None:
        from verzuimdesk.ui.verlof_request_dialog import VerlofRequestDialog

        if VerlofRequestDialog(self.ctx, parent=self).exec():
            self.refresh()

    def decide(self) -> None:
        from verzuimdesk.ui.verlof_decision_dialog import DecisionDialog

        r = self.current()
        if r is not None and self.ctx.account.can(Permission.DECIDE_LEAVE) and \
                DecisionDialog(self.ctx, r, parent=self).exec():
            self.refresh()  # a decision that put no V in the grid announces no change

    def letter(self) -> None:
        from verzuimdesk.ui.letter_dialog import LetterDialog

        r = self.current()
        if r is None or not r.pupils:
            return
        first = r.pupils[0]
        LetterDialog(self.ctx, pupil_id=first.pupil_id, pupil_number=first.number,
                     pupil_name=", ".join(p.name for p in r.pupils), verlof_id=r.id,
                     suggest=suggested_template(r.decision), parent=self).exec()

    def luxe(self) -> None:
        from verzuimdesk.ui.verlof_decision_dialog import LuxeDialog

        LuxeDialog(self.ctx, parent=self).exec()
