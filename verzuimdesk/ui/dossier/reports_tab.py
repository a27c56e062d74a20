"""Meldingen: reports made (DUO, youth doctor, SWV, ZAT, suitable offer, escalation); registering one fulfils
the matching open actions."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.dossier_edit import REPORT_KINDS, delete_event
from verzuimdesk.services.dossier_view import DeskDossier
from verzuimdesk.services.vocabulary import ActionKind, EventItem, format_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.dossier.list_tab import ListTab
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.report_made_dialog import ReportMadeDialog
from verzuimdesk.ui.widgets.rows_model import Row
from verzuimdesk.ui.widgets.words import report_word


class ReportsTab(ListTab):
    def __init__(self, ctx: AppContext, pupil_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, pupil_id, [self.tr("Date"), self.tr("Report"), self.tr("Reference"), self.tr("Note")],
                         3, parent, share=(1,))
        self.events: dict[int, EventItem] = {}
        self.dialog: ReportMadeDialog | None = None
        can = ctx.account.can(Permission.EDIT_DOSSIER)
        self.new_button = self.add_button(self.tr("Register a report…"), lambda: self.new_report(), enabled=can)
        self.edit_button = self.add_button(self.tr("Change"), self.edit_current, enabled=can)
        self.delete_button = self.add_button(self.tr("Delete"), self.delete_current, enabled=can)
        self.duo_button = self.add_button(self.tr("DUO report form (PDF)…"), self.export_duo,
                                          enabled=ctx.account.can(Permission.EXPORT_PUPIL))
        self.buttons.addStretch(1)

    def show_dossier(self, d: DeskDossier) -> None:
        self.events = {e.id: e for e in d.dossier.events}
        rows = [Row(e.id, (format_date(e.day), report_word(e.kind), e.reference, e.note.replace("\n", " ")), e.kind,
                    tip=e.note) for e in reversed(d.dossier.events) if e.kind in set(REPORT_KINDS)]
        self.set_rows(rows, self.tr("No reports made yet."))

    def new_report(self, kind: ActionKind = ActionKind.DUO_REPORT) -> ReportMadeDialog:
        dialog = ReportMadeDialog(self.ctx, pupil_id=self.pupil_id, kind=kind, parent=self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_current(self) -> None:
        eid = self.current_id()
        if eid is None or eid not in self.events or not self.ctx.account.can(Permission.EDIT_DOSSIER):
            return
        e = self.events[eid]
        self.dialog = ReportMadeDialog(self.ctx, pupil_id=self.pupil_id, event=(e.id, e.kind, e.day, e.reference,
                                                                                 e.note), parent=self)
        self.dialog.open()

    def delete_current(self) -> None:
        eid = self.current_id()
        if eid is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete report"),
                                      self.tr("Delete this report? The actions it fulfilled become open again."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_write(self.ctx, lambda: delete_event(self.ctx.db, event_id=eid, by=self.ctx.account),
                  parent=self, title=self.tr("Delete report"))

    def export_duo(self) -> None:
        from verzuimdesk.ui.export_dialog import run_export_dialog

        run_export_dialog(self, self.ctx.db, by=self.ctx.account, pupil_id=self.pupil_id, kind="duo",
                          on=self.ctx.peildatum)  # the date the dossier shows, as the Kwartaal page does
