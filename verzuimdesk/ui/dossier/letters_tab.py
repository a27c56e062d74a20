"""Brieven: the letters made for this pupil (from the templates), and making a new one."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.dossier_view import DeskDossier
from verzuimdesk.services.errors import REFUSALS
from verzuimdesk.services.letters import list_letters
from verzuimdesk.services.vocabulary import format_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.dossier.list_tab import ListTab
from verzuimdesk.ui.widgets.rows_model import Row


class LettersTab(ListTab):
    def __init__(self, ctx: AppContext, pupil_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, pupil_id, [self.tr("Date"), self.tr("Letter"), self.tr("To"), self.tr("File"),
                                         self.tr("Made by")], 1, parent, share=(2, 3))
        self.number, self.name = "", ""
        self.open_steps: tuple[str, ...] = ()  # the pupil's open actions: the letter to suggest first
        self.new_button = self.add_button(self.tr("Make a letter…"), self.new_letter,
                                          enabled=ctx.account.can(Permission.EXPORT_PUPIL))
        self.buttons.addStretch(1)
        self.dialog: QWidget | None = None

    def show_dossier(self, d: DeskDossier) -> None:
        self.number, self.name = d.dossier.pupil.number, d.dossier.pupil.name
        self.open_steps = tuple(a.kind.value for a in d.status.actions if not a.done)
        try:
            letters = list_letters(self.ctx.db, by=self.ctx.account, pupil_number=self.number)
        except REFUSALS:
            letters = []
        to = {"ouders": self.tr("parents"), "leerplicht": self.tr("leerplicht")}
        rows = [Row(x.id, (format_date(x.day), x.title, to.get(x.recipient, x.recipient), x.file, x.made_by))
                for x in reversed(letters)]
        self.set_rows(rows, self.tr("No letters made yet."))

    def new_letter(self) -> None:
        from verzuimdesk.ui.letter_dialog import LetterDialog

        dialog = LetterDialog(self.ctx, pupil_id=self.pupil_id, pupil_number=self.number, pupil_name=self.name,
                              steps=self.open_steps, parent=self)
        self.dialog = dialog
        dialog.open()
