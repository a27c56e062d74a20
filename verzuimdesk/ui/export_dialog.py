"""The export dialog: choose the recipient, the period, names or initials and the file; the export runs
off the GUI thread with a busy bar. The file gets a Dutch name per document, pupil and recipient in the
folder used last; an existing file is replaced only when the user says so; a leerplicht dossier of a
pupil without unauthorised absence asks for the reason first. A DUO sheet offers every report of the
date (each on its own page, as `export duo` prints them) or one of them. When it is written, the dialog
says so and offers to open the file or its folder.

`run_export_dialog(parent, db, pupil_id=..., kind=...)` is the one entry point the main window needs.
The dialog holds no rule: what a recipient may receive is decided by the export services.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSettings, QStandardPaths, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.accounts import Account
from verzuimdesk.services.database import Database
from verzuimdesk.services.errors import Refused
from verzuimdesk.ui.settings import configure_qsettings
from verzuimdesk.ui.tasks import ThreadWorker, start_thread

KINDS = ("dossier", "overview", "conversation", "duo", "quarterly")
RECIPIENTS = ("ouders", "leerplicht", "jeugdarts", "swv")
FOLDER_KEY = "export/folder"  # the folder of the last export, offered next time


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ExportDialog(QDialog):
    finished_export = Signal(str)  # the path written

    def __init__(self, db: Database, *, by: Account, pupil_id: int | None = None, kind: str = "dossier",
                 conversation_id: int | None = None, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        if kind not in KINDS:
            raise ValueError(kind)
        self.db, self.pupil_id, self.kind, self.conversation_id = db, pupil_id, kind, conversation_id
        self.by = by  # who exports: the service checks the role and the audit log names them
        self._thread: QThread | None = None
        self._worker: ThreadWorker | None = None
        self.reason = ""
        self.written: Path | None = None
        self._touched = False  # the user typed or browsed a file name: it no longer follows the form
        today = today or date.today()
        self.today = today
        self.number = self._number()
        titles = {"dossier": self.tr("Export dossier"), "overview": self.tr("Export absence overview"),
                  "conversation": self.tr("Export conversation report"), "duo": self.tr("Export DUO report"),
                  "quarterly": self.tr("Export quarterly list for the SWV")}
        self.setWindowTitle(titles[kind])
        # wide enough for its title beside the title bar's icon and buttons (it was cut to "Kwartaalopg…"),
        # for the consent line, and for a file name with its folder
        self.setMinimumWidth(max(self.fontMetrics().horizontalAdvance(titles[kind]) + 200, 640))
        form = QFormLayout()
        self.recipient = QComboBox()
        labels = {"ouders": self.tr("Parents"), "leerplicht": self.tr("Attendance officer (leerplicht)"),
                  "jeugdarts": self.tr("Youth doctor (JGZ)"), "swv": self.tr("Partnership (SWV)")}
        for r in RECIPIENTS:
            self.recipient.addItem(labels[r], r)
        self.consent = QCheckBox(self.tr("The parents consented to sharing this with the SWV"))
        self.start = QDateEdit(_qdate(date(today.year if today.month >= 8 else today.year - 1, 8, 1)))
        self.end = QDateEdit(_qdate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.names = QCheckBox(self.tr("Full names instead of initials"))
        # the DUO reports of the date: all of them (each on its own page) or one, by rule and trigger date
        self.report = QComboBox()
        self.report.currentTextChanged.connect(self.report.setToolTip)  # a long label is cut off in a narrow dialog
        self.format = QComboBox()
        for label, suffix in (("PDF", ".pdf"), ("Excel (XLSX)", ".xlsx"), ("CSV", ".csv")):
            self.format.addItem(label, suffix)
        self.path = QLineEdit(str(self._default_path()))
        self.path.textEdited.connect(self._touch)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        if kind in ("dossier", "overview"):
            form.addRow(self.tr("Recipient"), self.recipient)
            form.addRow("", self.consent)
        if kind == "overview":
            form.addRow(self.tr("From"), self.start)
        if kind in ("dossier", "overview", "duo", "quarterly"):
            form.addRow(self.tr("Up to and including") if kind != "quarterly" else self.tr("Date"), self.end)
        if kind == "duo":
            form.addRow(self.tr("Report"), self.report)
        if kind == "quarterly":
            form.addRow(self.tr("Format"), self.format)
            form.addRow("", self.names)
        form.addRow(self.tr("Save as"), path_row)
        # Issue 15: what an entry is about decides who gets it; the guessed topics of this pupil are
        # offered here, where the document leaves the school, as well as under File.
        self.topics_note = QLabel()
        self.topics_note.setWordWrap(True)
        self.topics_button = QPushButton(self.tr("Check topics…"))
        self.topics_button.clicked.connect(self.check_topics)
        self.topics_row = QWidget()
        topics = QHBoxLayout(self.topics_row)
        topics.setContentsMargins(0, 0, 0, 0)
        topics.addWidget(self.topics_note, 1)
        topics.addWidget(self.topics_button)
        form.addRow(self.topics_row)
        self.recipient.currentIndexChanged.connect(self._sync)
        self.recipient.currentIndexChanged.connect(self._rename)
        self.end.dateChanged.connect(self._rename)
        self.format.currentIndexChanged.connect(self._sync_suffix)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: an export has no meaningful percentage
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._start)
        self.buttons.rejected.connect(self.reject)
        self.open_button = self.buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = self.buttons.addButton(self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self._open(self.written))
        self.folder_button.clicked.connect(lambda: self._open(self.written.parent if self.written else None))
        for b in (self.open_button, self.folder_button):
            b.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._sync()
        self._topics()
        if kind == "quarterly":  # how many candidates go on the list as proposals (PROTOCOLS.md §5)
            self.end.dateChanged.connect(self._proposals)
            self._proposals()
        if kind == "duo":
            self.end.dateChanged.connect(self._reports)
            self._reports()

    def _reports(self) -> None:
        """Offer the DUO reports of the date: all of them when there are several, or one of them."""
        from verzuimdesk.services.duo import duo_choices

        self.report.clear()
        try:
            choices = duo_choices(self.db, pupil_number=self.number, on=_pydate(self.end.date())) \
                if self.number is not None else ()
        except Refused:
            choices = ()
        if len(choices) > 1:
            self.report.addItem(self.tr("All reports of this date (%1), each on its own page")
                                .replace("%1", str(len(choices))), None)
        for c in choices:
            self.report.addItem(c.label, (c.rule_id, c.trigger))
            self.report.setItemData(self.report.count() - 1, c.label, Qt.ItemDataRole.ToolTipRole)
        self.report.setEnabled(len(choices) > 1)
        if not choices and self.number is not None:
            self.report.addItem(self.tr("No DUO report is due on this date, and none has been registered yet."),
                                None)

    def _topics(self) -> None:
        """Show how many entries of this pupil still have a guessed topic, with the way to check them."""
        from verzuimdesk.services.topics import topics_to_check

        n = 0 if self.kind == "quarterly" or self.pupil_id is None else len(
            topics_to_check(self.db, pupil_id=self.pupil_id))
        self.topics_note.setText(self.tr("Entries of this pupil with a guessed topic: %1. The topic decides "
                                         "what this recipient gets: check them before this leaves the school.")
                                 .replace("%1", str(n)))
        self.topics_row.setVisible(n > 0)

    def check_topics(self) -> None:
        from verzuimdesk.ui.topic_review_dialog import TopicReviewDialog

        review = TopicReviewDialog(self.db, by=self.by, pupil_id=self.pupil_id, parent=self)
        review.exec()
        review.deleteLater()
        self._topics()

    def _proposals(self) -> None:
        from verzuimdesk.services.quarterly import quarterly_list
        from verzuimdesk.services.vocabulary import format_date, reference_date

        on = _pydate(self.end.date())
        try:
            n = quarterly_list(self.db, on=on, today=self.today).proposals  # what the export will write
        except Refused:
            n = 0
        said = [self.tr("The list for the reference date %1.").replace("%1", format_date(reference_date(on)))]
        if n:
            said.append(self.tr("%1 pupils without a confirmed case are listed as proposals, not yet "
                                "confirmed.").replace("%1", str(n)))
        self.message.setText(" ".join(said))

    def _number(self) -> str | None:
        from verzuimdesk.services.dossier import Refused, pupil_number_of

        if self.kind == "quarterly" or self.pupil_id is None:
            return None
        try:
            return pupil_number_of(self.db, self.pupil_id)
        except Refused:
            return None

    @staticmethod
    def last_folder() -> Path:
        configure_qsettings()
        stored = QSettings().value(FOLDER_KEY)
        if stored and Path(str(stored)).is_dir():
            return Path(str(stored))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()  # never a missing one

    def _default_path(self) -> Path:
        from verzuimdesk.services.exports import default_file_name

        suffix = str(self.format.currentData()) if self.kind == "quarterly" else ".pdf"
        recipient = str(self.recipient.currentData()) if self.kind in ("dossier", "overview") else None
        return self.last_folder() / default_file_name(self.kind, on=_pydate(self.end.date()),
                                                      pupil_number=self.number, recipient=recipient, suffix=suffix)

    def _touch(self, *_args: object) -> None:
        self._touched = True

    def _rename(self, *_args: object) -> None:
        """The default name follows the recipient and the date, in the folder shown, until the user names it."""
        if not self._touched:
            folder = Path(self.path.text()).parent if self.path.text() else self.last_folder()
            self.path.setText(str(folder / self._default_path().name))

    def _sync(self) -> None:
        self.consent.setEnabled(self.recipient.currentData() == "swv")

    def _sync_suffix(self) -> None:
        self.path.setText(str(Path(self.path.text()).with_suffix(self.format.currentData())))

    def _browse(self) -> None:
        # The overwrite question is asked once, when exporting, for a typed name as much as a chosen one.
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save export as"), self.path.text(),
                                                options=QFileDialog.Option.DontConfirmOverwrite)
        if chosen:
            self.path.setText(chosen)
            self._touched = True

    def confirm_overwrite(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Replace file?"),
            self.tr("The file %1 already exists. Replace it?").replace("%1", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_reason(self) -> str | None:
        """Why leerplicht gets a dossier of a pupil without unauthorised absence; None when cancelled."""
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Reason for leerplicht"),
            self.tr("This pupil has no unauthorised absence. Leerplicht may only process a pupil's data when "
                    "unauthorised absence was reported or an exemption is at stake.\nWhy does leerplicht get "
                    "this document? (Kept in the audit log; a dossier also prints it.)"))
        return text.strip() if ok and text.strip() else None

    def _needs_reason(self) -> bool:
        from verzuimdesk.services.dossier import Refused
        from verzuimdesk.services.exports import leerplicht_reason_needed

        if (self.kind not in ("dossier", "overview") or self.recipient.currentData() != "leerplicht"
                or self.number is None):
            return False
        start = _pydate(self.start.date()) if self.kind == "overview" else None
        try:
            return leerplicht_reason_needed(self.db, pupil_number=self.number, on=_pydate(self.end.date()), start=start)
        except Refused:
            return False  # the export itself will say what is wrong

    def _open(self, path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def job(self) -> Callable[[], Any]:
        """The export the form describes, as a call that needs nothing from Qt."""
        from verzuimdesk.services import exports
        from verzuimdesk.services.dossier import parse_recipient, pupil_number_of

        db, out, end = self.db, Path(self.path.text()), _pydate(self.end.date())
        by = self.by
        kind, pid, consent = self.kind, self.pupil_id, self.consent.isChecked() and self.consent.isEnabled()
        recipient = parse_recipient(str(self.recipient.currentData()))
        start, names, cid, reason = (_pydate(self.start.date()), self.names.isChecked(), self.conversation_id,
                                     self.reason)
        chosen = self.report.currentData() if kind == "duo" else None
        rule_id, trigger = chosen if isinstance(chosen, tuple) else (None, None)

        as_of = self.today

        def run() -> Any:
            if kind == "quarterly":
                # as the Kwartaal page shows it: the list as it stood on the peildatum the dialog was opened on
                return exports.export_quarterly(db, on=end, out=out, names=names, by=by, today=as_of)
            number = pupil_number_of(db, pid)
            if kind == "dossier":
                return exports.export_dossier(db, pupil_number=number, recipient=recipient, out=out, by=by,
                                              consent=consent, on=end, reason=reason)
            if kind == "overview":
                return exports.export_overview(db, pupil_number=number, recipient=recipient, start=start, end=end,
                                               out=out, by=by, consent=consent, reason=reason)
            if kind == "duo":
                return exports.export_duo_report(db, pupil_number=number, out=out, by=by, on=end, rule_id=rule_id,
                                                 trigger=trigger)
            conversation = cid if cid is not None else exports.latest_conversation_id(db, pupil_number=number)
            return exports.export_conversation(db, conversation_id=conversation, out=out, by=by,
                                               pupil_number=number)
        return run

    def _start(self) -> None:
        out = Path(self.path.text())
        if out.is_file() and not self.confirm_overwrite(out):
            return
        self.reason = ""
        if self._needs_reason():
            reason = self.ask_reason()
            if reason is None:
                self.message.setText(self.tr("Not exported: leerplicht gets this document only with a reason."))
                return
            self.reason = reason
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Exporting…"))
        self.progress.show()
        from verzuimdesk.services.database import DatabaseError
        from verzuimdesk.services.dossier import Refused

        job = self.job()
        self._thread, self._worker = start_thread(self, lambda _progress: job(),
                                                  expected=(Refused, DatabaseError),
                                                  on_done=self._done, on_failed=self._failed)

    def _done(self, result: Any) -> None:
        """Say where it was written, remember the folder, and offer to open the file or the folder."""
        self.progress.hide()
        self.written = Path(result.path)
        configure_qsettings()
        QSettings().setValue(FOLDER_KEY, str(self.written.parent))
        sheets = len(getattr(result, "sheets", ()))
        if sheets > 1:  # a DUO export of several reports: each is typed into the LAS on its own
            self.message.setText(self.tr("Saved: %1 (%2 reports, each on its own page)")
                                 .replace("%2", str(sheets)).replace("%1", str(self.written)))
        else:
            self.message.setText(self.tr("Saved: %1").replace("%1", str(self.written)))
        withheld = getattr(result, "withheld", ())
        if withheld:  # the quarterly list: free texts naming health stay at school
            self.message.setText(self.message.text() + "\n" + self.tr(
                "Left out, health data does not go to the SWV: %1. Change the text in the case form if the SWV "
                "must read something else.").replace("%1", "; ".join(withheld)))
        notices = getattr(result, "notices", ())
        if notices:  # a reprint of a DUO report whose records changed since (the services' Dutch words)
            self.message.setText(self.message.text() + "\n" + "\n".join(notices))
        self.export_button.hide()
        self.open_button.show()
        self.folder_button.show()
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close.setText(self.tr("Close"))
        self.finished_export.emit(str(self.written))

    def _failed(self, text: str) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.message.setText(text)
        QMessageBox.warning(self, self.tr("Export failed"), text)

    def done(self, result: int) -> None:
        # A QThread destroyed while it runs aborts the process: let a running export finish first.
        if self._thread is not None and self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(5000)
        super().done(result)


def run_export_dialog(parent: QWidget | None, db: Database, *, by: Account, pupil_id: int | None = None,
                      kind: str = "dossier", conversation_id: int | None = None,
                      on: date | None = None) -> str | None:
    """Show the dialog modally (its date `on`, else today); the path written, or None when the user
    cancelled."""
    dialog = ExportDialog(db, by=by, pupil_id=pupil_id, kind=kind, conversation_id=conversation_id, parent=parent,
                          today=on)
    written: list[str] = []
    dialog.finished_export.connect(written.append)
    dialog.exec()
    return written[0] if written else None
