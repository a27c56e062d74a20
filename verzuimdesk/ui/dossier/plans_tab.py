"""Plannen: IHP, OPP and plan van aanpak as links to a file or URL, opened with the system's program; a file
that is gone is shown as gone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.dossier_edit import delete_plan, plan_target
from verzuimdesk.services.dossier_view import DeskDossier, PlanItem, is_url
from verzuimdesk.services.vocabulary import format_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.dossier.list_tab import ListTab
from verzuimdesk.ui.dossier.plan_dialog import PlanDialog
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.rows_model import Row


class PlansTab(ListTab):
    def __init__(self, ctx: AppContext, pupil_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, pupil_id, [self.tr("Plan"), self.tr("Start"), self.tr("Evaluation"),
                                         self.tr("File or URL"), self.tr("Note")], 3, parent, share=(0, 4))
        self.plans: dict[int, PlanItem] = {}
        self.dialog: PlanDialog | None = None
        can = ctx.account.can(Permission.EDIT_DOSSIER)
        self.open_button = self.add_button(self.tr("Open"), self.open_current)
        self.new_button = self.add_button(self.tr("Link a plan…"), self.new_plan, enabled=can)
        self.edit_button = self.add_button(self.tr("Change"), self.change_current, enabled=can)
        self.delete_button = self.add_button(self.tr("Delete link"), self.delete_current, enabled=can)
        self.buttons.addStretch(1)

    def show_dossier(self, d: DeskDossier) -> None:
        self.plans = {p.id: p for p in d.plans}
        rows = []
        for p in reversed(d.plans):
            where = p.location + ("  — " + self.tr("file is gone") if p.missing else "")
            rows.append(Row(p.id, (p.kind, format_date(p.start), format_date(p.evaluation) if p.evaluation else "",
                                   where, p.note), p.kind, warn_col=3 if p.missing else None))
        self.set_rows(rows, self.tr("No IHP, OPP or plan van aanpak linked yet."))

    def edit_current(self) -> None:
        self.open_current()

    def open_current(self) -> None:
        pid = self.current_id()
        if pid is None or pid not in self.plans:
            return
        plan = self.plans[pid]
        if plan.missing:
            QMessageBox.warning(self, self.tr("Open plan"), self.tr(
                "The file '%1' is gone: it was moved, renamed or deleted. Link the plan again with Change.")
                .replace("%1", plan.location))
            return
        target = plan_target(plan.location)
        if not target.allowed:
            QMessageBox.warning(self, self.tr("Open plan"), self.tr(
                "This link is not opened: %1 Link the plan again with Change.").replace("%1", target.text))
            return
        answer = QMessageBox.question(self, self.tr("Open plan"), self.tr("This opens %1\n\nOpen it?")
                                      .replace("%1", target.text))
        if answer != QMessageBox.StandardButton.Yes:
            return
        url = QUrl(plan.location) if is_url(plan.location) else QUrl.fromLocalFile(
            str(Path(plan.location).expanduser()))
        if not QDesktopServices.openUrl(url):
            QMessageBox.warning(self, self.tr("Open plan"), self.tr("No program could open '%1'.")
                                .replace("%1", plan.location))

    def new_plan(self) -> None:
        self.dialog = PlanDialog(self.ctx, pupil_id=self.pupil_id, parent=self)
        self.dialog.open()

    def change_current(self) -> None:
        pid = self.current_id()
        if pid is not None and pid in self.plans:
            self.dialog = PlanDialog(self.ctx, pupil_id=self.pupil_id, plan=self.plans[pid], parent=self)
            self.dialog.open()

    def delete_current(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete link"),
                                      self.tr("Delete the link to this plan? The file itself stays where it is."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_write(self.ctx, lambda: delete_plan(self.ctx.db, plan_id=pid, by=self.ctx.account),
                  parent=self, title=self.tr("Delete link"))
