"""Gesprekken: the pupil's conversations with their agreements; new, change, delete, and a report to sign."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.conversations import delete_conversation, drafts_of
from verzuimdesk.services.dossier_view import DeskDossier
from verzuimdesk.services.vocabulary import ConversationKind, format_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.conversation_dialog import ConversationDialog
from verzuimdesk.ui.dossier.list_tab import ListTab
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.rows_model import Row
from verzuimdesk.ui.widgets.words import conversation_word


class ConversationsTab(ListTab):
    def __init__(self, ctx: AppContext, pupil_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, pupil_id, [self.tr("Date"), self.tr("Kind"), self.tr("Participants"), self.tr("Summary"),
                                         self.tr("Agreements")], 3, parent, share=(2, 4))
        self.pupil_name = ""
        self.dialog: ConversationDialog | None = None
        can = ctx.account.can(Permission.LOG_CONVERSATION)
        self.new_button = self.add_button(self.tr("New conversation…"), lambda: self.new_conversation(), enabled=can)
        self.edit_button = self.add_button(self.tr("Open"), self.edit_current, enabled=can)
        self.delete_button = self.add_button(self.tr("Delete"), self.delete_current, enabled=can)
        self.export_button = self.add_button(self.tr("Conversation report (PDF)…"), self.export_current,
                                             enabled=ctx.account.can(Permission.EXPORT_PUPIL))
        self.buttons.addStretch(1)

    def show_dossier(self, d: DeskDossier) -> None:
        self.pupil_name = d.dossier.pupil.name
        rows = []
        for c in d.dossier.conversations:
            open_ = sum(1 for a in c.agreements if not a.done)
            agreements = self.tr("%1 (%2 open)").replace("%1", str(len(c.agreements))).replace("%2", str(open_)) \
                if c.agreements else ""
            rows.append(Row(c.id, (f"{format_date(c.held_at.date())} {c.held_at:%H:%M}", conversation_word(c.kind),
                                   c.participants, c.summary.replace("\n", " "), agreements), c.kind, tip=c.summary))
        rows.reverse()  # newest first
        drafts = drafts_of(self.ctx.db, by=self.ctx.account, pupil_id=self.pupil_id)
        empty = self.tr("No conversations yet.")
        if drafts:
            empty = self.tr("You have an unsaved draft: New conversation… brings it back.")
        self.set_rows(rows, empty)

    def new_conversation(self, kind: ConversationKind | None = None) -> ConversationDialog:
        return self._open(ConversationDialog(self.ctx, pupil_id=self.pupil_id, pupil_name=self.pupil_name, kind=kind,
                                             parent=self))

    def edit_current(self) -> None:
        cid = self.current_id()
        if cid is not None and self.ctx.account.can(Permission.LOG_CONVERSATION):
            self._open(ConversationDialog(self.ctx, pupil_id=self.pupil_id, pupil_name=self.pupil_name,
                                          conversation_id=cid, parent=self))

    def _open(self, dialog: ConversationDialog) -> ConversationDialog:
        # open(), not exec(): the dossier and the main window keep working (and tests never block).
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_current(self) -> None:
        cid = self.current_id()
        if cid is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete conversation"),
                                      self.tr("Delete this conversation and its agreements? This cannot be undone."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_write(self.ctx, lambda: delete_conversation(self.ctx.db, conversation_id=cid, by=self.ctx.account),
                  parent=self, title=self.tr("Delete conversation"))

    def export_current(self) -> None:
        from verzuimdesk.ui.export_dialog import run_export_dialog

        run_export_dialog(self, self.ctx.db, by=self.ctx.account, pupil_id=self.pupil_id, kind="conversation",
                          conversation_id=self.current_id())
