"""The dossier window of one pupil: the header with the light's explanation and the tabs Tijdlijn, Verzuim,
Gesprekken, Plannen and Meldingen. It follows every change and the peildatum, as the pages do."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.dossier_view import DeskDossier, view_dossier
from verzuimdesk.services.vocabulary import ActionKind, ConversationKind
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.conversation_dialog import ConversationDialog
from verzuimdesk.ui.dossier.absence_tab import AbsenceTab
from verzuimdesk.ui.dossier.conversations_tab import ConversationsTab
from verzuimdesk.ui.dossier.header import DossierHeader
from verzuimdesk.ui.dossier.letters_tab import LettersTab
from verzuimdesk.ui.dossier.plans_tab import PlansTab
from verzuimdesk.ui.dossier.reports_tab import ReportsTab
from verzuimdesk.ui.dossier.signals_tab import SignalsTab
from verzuimdesk.ui.dossier.timeline_tab import TimelineTab
from verzuimdesk.ui.widgets.access import name_lists

TAB_TIMELINE, TAB_ABSENCE, TAB_CONVERSATIONS, TAB_PLANS, TAB_REPORTS, TAB_SIGNALS, TAB_LETTERS = range(7)

# Where an action of the stappenplan is done, and the conversation kind that does it.
CONVERSATION_FOR = {ActionKind.TALK_PUPIL: ConversationKind.PUPIL,
                    ActionKind.CONTACT_PARENTS: ConversationKind.PARENTS_PHONE,
                    ActionKind.CARE_TEAM: ConversationKind.CARE_TEAM}


class DossierWindow(QWidget):
    def __init__(self, ctx: AppContext, pupil_id: int, data: DeskDossier, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx, self.pupil_id, self.data = ctx, pupil_id, data
        self.closing = False
        self.header = DossierHeader()
        self.header.guardians_button.setEnabled(ctx.account.can(Permission.EDIT_DOSSIER))
        self.header.edit_guardians.connect(self.edit_guardians)
        self.header.exemption_button.setEnabled(ctx.account.can(Permission.EDIT_DOSSIER))
        self.header.edit_exemption.connect(self.edit_exemption)
        self.tabs = QTabWidget()
        self.timeline = TimelineTab()
        self.absence = AbsenceTab()
        self.conversations = ConversationsTab(ctx, pupil_id)
        self.plans = PlansTab(ctx, pupil_id)
        self.reports = ReportsTab(ctx, pupil_id)
        self.signals = SignalsTab()
        self.signals.date_activated.connect(self.show_in_registration)
        self.letters = LettersTab(ctx, pupil_id)
        for widget, title in ((self.timeline, self.tr("&Timeline")), (self.absence, self.tr("&Absence")),
                              (self.conversations, self.tr("&Conversations")), (self.plans, self.tr("&Plans")),
                              (self.reports, self.tr("&Reports made")), (self.signals, self.tr("&Signals")),
                              (self.letters, self.tr("L&etters"))):
            self.tabs.addTab(widget, title)
            name_lists(widget, title)
        export = QPushButton(self.tr("Export dossier…"))
        export.setEnabled(ctx.account.can(Permission.EXPORT_PUPIL))
        export.clicked.connect(lambda: self.export("dossier"))
        overview = QPushButton(self.tr("Absence overview…"))
        overview.setEnabled(ctx.account.can(Permission.EXPORT_PUPIL))
        overview.clicked.connect(lambda: self.export("overview"))
        letter = QPushButton(self.tr("Make a letter…"))
        letter.setEnabled(ctx.account.can(Permission.EXPORT_PUPIL))
        letter.clicked.connect(self.make_letter)
        self.peil = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.peil)
        bottom.addStretch(1)
        bottom.addWidget(letter)
        bottom.addWidget(overview)
        bottom.addWidget(export)
        # The explanation and the tabs share the height; the reader drags the line between them.
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.header)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 3)
        # QSplitter gives the tabs all new height up to their (large) size hint: keep the header's share
        # instead, so the explanation grows with the window; dragging the line sets a new share.
        self._header_share: float | None = None
        self.split.splitterMoved.connect(self._remember_share)
        layout = QVBoxLayout(self)
        layout.addWidget(self.split, 1)
        layout.addLayout(bottom)
        # Esc and Ctrl+W (and Ctrl+F4, Cmd+W: every binding of the platform's Close, not just its first) close
        # the window, also where the window manager offers no close button.
        close = QAction(self)
        close.setShortcuts([*QKeySequence.keyBindings(QKeySequence.StandardKey.Close),
                            QKeySequence(Qt.Key.Key_Escape)])
        close.triggered.connect(self.close)
        self.addAction(close)
        ctx.data_changed.connect(self._on_changed)
        ctx.peildatum_changed.connect(self._on_peildatum)
        self.show_data(data)
        self.resize(1100, 720)
        geometry = QSettings().value("dossier_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        split = QSettings().value("dossier_window/split")
        if split is not None:
            self.split.restoreState(split)

    def _remember_share(self) -> None:
        sizes = self.split.sizes()
        if sum(sizes) > 0:
            self._header_share = sizes[0] / sum(sizes)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._header_share is None:
            self._remember_share()
            return
        total = sum(self.split.sizes())
        head = max(self.header.minimumSizeHint().height(), round(total * self._header_share))
        self.split.setSizes([head, max(0, total - head)])

    def show_data(self, data: DeskDossier) -> None:
        self.data = data
        pupil = data.dossier.pupil
        self.setWindowTitle(self.tr("Dossier %1 (%2) — VerzuimDesk").replace("%1", pupil.name)
                            .replace("%2", pupil.group))
        self.peil.setText(self.tr("As on the peildatum; change it in the main window to look back."))
        for part in (self.header, self.timeline, self.absence, self.conversations, self.plans, self.reports,
                     self.signals, self.letters):
            part.show_dossier(data)
        self.tabs.setTabText(TAB_SIGNALS, self.tr("&Signals (%1)").replace("%1", str(len(data.signals))))

    def edit_exemption(self) -> None:
        from verzuimdesk.ui.dossier.exemption_dialog import ExemptionDialog

        ExemptionDialog(self.ctx, pupil_id=self.pupil_id, pupil_name=self.data.dossier.pupil.name, parent=self).exec()

    def edit_guardians(self) -> None:
        from verzuimdesk.ui.dossier.guardians_dialog import GuardiansDialog

        GuardiansDialog(self.ctx, pupil_id=self.pupil_id, pupil_name=self.data.dossier.pupil.name, parent=self).exec()

    def reload(self) -> None:
        self.show_data(view_dossier(self.ctx.db, pupil_id=self.pupil_id, peildatum=self.ctx.peildatum,
                                    by=self.ctx.account, log=False))

    def _on_changed(self, what: OpChanges) -> None:
        if what.school or self.pupil_id in what.pupil_ids:
            self.reload()

    def _on_peildatum(self, _day: object) -> None:
        self.reload()

    def go_to_action(self, kind: str) -> None:
        """Show where an action is done and open its form (the Te-doen list's activation); "signals"
        shows the Signalen (the Let-op list's activation)."""
        if kind == "signals":
            self.tabs.setCurrentIndex(TAB_SIGNALS)
            return
        try:
            action = ActionKind(kind)
        except ValueError:
            return
        if action in CONVERSATION_FOR:
            self.tabs.setCurrentIndex(TAB_CONVERSATIONS)
            if self.ctx.account.can(Permission.LOG_CONVERSATION):
                self.conversations.new_conversation(CONVERSATION_FOR[action])
        elif action is ActionKind.SUPPORT_PLAN:
            self.tabs.setCurrentIndex(TAB_PLANS)
            if self.ctx.account.can(Permission.EDIT_DOSSIER):
                self.plans.new_plan()
        else:
            self.tabs.setCurrentIndex(TAB_REPORTS)
            if self.ctx.account.can(Permission.EDIT_DOSSIER):
                self.reports.new_report(action)

    def show_in_registration(self, day: object) -> None:
        """An evidence date: the registration grid of the pupil's group, that week, in the main window."""
        main = self.parentWidget()
        show = getattr(main, "open_registration", None)
        if show is not None:
            show(self.data.dossier.pupil.group, day)
            main.activateWindow()  # type: ignore[union-attr]

    def make_letter(self) -> None:
        self.tabs.setCurrentIndex(TAB_LETTERS)
        self.letters.new_letter()

    def export(self, kind: str) -> None:
        from verzuimdesk.ui.export_dialog import run_export_dialog

        run_export_dialog(self, self.ctx.db, by=self.ctx.account, pupil_id=self.pupil_id, kind=kind,
                          on=self.ctx.peildatum)  # the date the dossier shows

    def closeEvent(self, event: QCloseEvent) -> None:
        # A conversation being typed goes with the window: keep what was typed in its last second as a draft
        # first (New conversation… brings it back), as its own Close does.
        for dialog in self.findChildren(ConversationDialog):
            if dialog.isVisible():
                dialog.reject()
        self.closing = True
        QSettings().setValue("dossier_window/geometry", self.saveGeometry())
        QSettings().setValue("dossier_window/split", self.split.saveState())
        self.ctx.data_changed.disconnect(self._on_changed)
        self.ctx.peildatum_changed.disconnect(self._on_peildatum)
        super().closeEvent(event)
