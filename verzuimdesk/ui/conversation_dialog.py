"""Logging a conversation in a minute: kind, date and time, participants, summary and agreements.

The summary's placeholder holds the guiding questions of the step of the school's stappenplan the kind
belongs to, from the protocol file (`leidraad`; Hoeksche Waard: stap 3 gesprek met de leerling, stap 4
de ouders bellen, stap 6 ZAT; a region that gives none shows none). What is
typed is kept as a draft in the database about a second after the last key, and comes back when the
dialog opens again — after Cancel, a crash or the lock. Saving discards the draft.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDateTime, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.changes import Saved
from verzuimdesk.services.conversation_guides import Guide, conversation_guides
from verzuimdesk.services.conversations import (
    AgreementInput,
    discard_draft,
    draft_key,
    get_conversation,
    load_draft,
    save_conversation,
    save_draft,
)
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.topics import health_words_in_text
from verzuimdesk.services.vocabulary import ConversationKind, Topic, conversation_topic, format_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.dialog_parts import error_label, save_cancel
from verzuimdesk.ui.widgets.words import conversation_word, topic_word

DRAFT_DELAY_MS = 1000
A_TEXT, A_OWNER, A_DUE, A_DONE, A_TOPIC = range(5)


def parse_day(text: str) -> date | None:
    """`23-11-2026`, `23-11` (this year) or `2026-11-23`; None when empty. ValueError when not a date."""
    text = text.strip()
    if not text:
        return None
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2,4}))?", text):
        year = int(m[3]) if m[3] else date.today().year
        return date(year + 2000 if year < 100 else year, int(m[2]), int(m[1]))
    raise ValueError(text)


class ConversationDialog(QDialog):
    saved = Signal(int)  # the conversation's id

    def __init__(self, ctx: AppContext, *, pupil_id: int, pupil_name: str = "", conversation_id: int | None = None,
                 kind: ConversationKind | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.pupil_id, self.conversation_id = ctx, pupil_id, conversation_id
        self.version: int | None = None
        self.key = draft_key(pupil_id, conversation_id)
        self.guides: dict[ConversationKind, Guide] | None = None  # the protocol's, read on first show
        self._loading = True
        self.setWindowTitle(self.tr("Conversation — %1").replace("%1", pupil_name) if pupil_name
                            else self.tr("Conversation"))
        self.kind = QComboBox()
        for k in ConversationKind:
            self.kind.addItem(conversation_word(k), k.value)
        self.topic = QComboBox()
        self.topic.setObjectName("topic")
        for t in Topic:
            self.topic.addItem(topic_word(t), t.value)
        self.topic.setToolTip(self.tr("What the conversation is about decides who may receive it: leerplicht gets "
                                      "only absence, the youth doctor only health."))
        self._topic_chosen = False  # the user picked a topic: a change of kind no longer changes it
        self._asked_health = False
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.participants = QLineEdit(placeholderText=self.tr("Who took part, e.g. leerkracht, moeder, IB-er"))
        self.guide = QLabel()
        self.guide.setWordWrap(True)
        self.guide.setStyleSheet("font-style: italic;")
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumHeight(150)
        self.agreements = QTableWidget(0, 5)
        self.agreements.setHorizontalHeaderLabels([self.tr("Agreement"), self.tr("Who"), self.tr("Before (dd-mm-yyyy)"),
                                                   self.tr("Done"), self.tr("About")])
        self.agreements.verticalHeader().hide()
        header = self.agreements.horizontalHeader()
        header.setSectionResizeMode(A_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((A_OWNER, 140), (A_DUE, 150), (A_DONE, 70), (A_TOPIC, 160)):
            self.agreements.setColumnWidth(column, width)
        self.agreements.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.agreements.setMinimumHeight(110)
        add = QPushButton(self.tr("Add agreement"))
        add.clicked.connect(lambda: self.add_agreement(AgreementInput(""), focus=True))
        remove = QPushButton(self.tr("Remove agreement"))
        remove.clicked.connect(self._remove_agreement)
        agreement_buttons = QHBoxLayout()
        agreement_buttons.addWidget(add)
        agreement_buttons.addWidget(remove)
        agreement_buttons.addStretch(1)

        self.draft_note = QLabel()
        self.draft_note.setWordWrap(True)
        self.message = error_label()
        self.buttons = save_cancel(self, self.tr("Save"), self.tr("Close (keep draft)"), self.save)
        self.discard = self.buttons.addButton(self.tr("Discard draft"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.discard.clicked.connect(self._discard)

        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("About"), self.topic)
        form.addRow(self.tr("Date and time"), self.when)
        form.addRow(self.tr("Participants"), self.participants)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Summary")))
        layout.addWidget(self.guide)
        layout.addWidget(self.summary, 2)
        layout.addWidget(QLabel(self.tr("Agreements")))
        layout.addWidget(self.agreements, 1)
        layout.addLayout(agreement_buttons)
        layout.addWidget(self.draft_note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(720, 640)

        self.timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.keep_draft)
        if conversation_id is not None:
            self._fill(self._stored(conversation_id))
        elif kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
        if conversation_id is None:
            self._default_topic()
        self._restore_draft()
        self.kind.currentIndexChanged.connect(self._show_guide)
        self.kind.currentIndexChanged.connect(self._default_topic)
        self.topic.activated.connect(self._choose_topic)
        for signal in (self.kind.currentIndexChanged, self.topic.currentIndexChanged, self.when.dateTimeChanged,
                       self.participants.textChanged,
                       self.summary.textChanged, self.agreements.itemChanged):
            signal.connect(self._typed)
        self._show_guide()
        self._loading = False

    # -- filling ------------------------------------------------------------------------------

    def _stored(self, conversation_id: int) -> dict[str, Any]:
        c = get_conversation(self.ctx.db, conversation_id=conversation_id, by=self.ctx.account)
        self.version = c.version  # a save over someone else's newer one is refused, showing both
        self._topic_chosen = True  # a stored conversation keeps the topic it has
        return {"kind": c.kind.value, "topic": c.topic.value, "held_at": c.held_at.isoformat(),
                "participants": c.participants,
                "summary": c.summary, "agreements": [[a.text, a.owner, a.due.strftime("%d-%m-%Y") if a.due else "",
                                                      a.done, a.topic or ""] for a in c.agreements]}

    def _fill(self, data: dict[str, Any]) -> None:
        index = self.kind.findData(data.get("kind"))
        if index >= 0:
            self.kind.setCurrentIndex(index)
        topic = self.topic.findData(data.get("topic"))
        if topic >= 0:
            self.topic.setCurrentIndex(topic)
            self._topic_chosen = True
        try:
            held = datetime.fromisoformat(str(data.get("held_at")))
            self.when.setDateTime(QDateTime(held))
        except ValueError:
            pass
        self.participants.setText(str(data.get("participants", "")))
        self.summary.setPlainText(str(data.get("summary", "")))
        self.agreements.setRowCount(0)
        for text, owner, due, done, *topic in data.get("agreements", []):  # drafts before topics had four
            self._add_row(str(text), str(owner), str(due), bool(done), str(topic[0] or "") if topic else "")

    def _restore_draft(self) -> None:
        draft = load_draft(self.ctx.db, key=self.key, by=self.ctx.account)
        if draft is None:
            self.discard.setEnabled(False)
            return
        self._fill(draft.payload)
        self.draft_note.setText(self.tr("Restored from your draft of %1.").replace(
            "%1", f"{format_date(draft.saved_at.date())} {draft.saved_at:%H:%M}"))

    def _show_guide(self) -> None:
        kind = ConversationKind(self.kind.currentData())
        if self.guides is None:
            try:
                self.guides = conversation_guides(self.ctx.db)
            except Refused:  # the protocol cannot be read: no guide, the dialog still works
                self.guides = {}
        # A conversation of a step of the region's stappenplan: its questions from the protocol file.
        # The other kinds keep the app's own reminders (no diagnosis is recorded: the privacy rules).
        own = {
            ConversationKind.SCHOOL_DOCTOR: self.tr(
                "Youth doctor (JGZ). Record that the pupil is ill and what was agreed about returning to school — "
                "never what the illness is: no diagnosis is recorded."),
            ConversationKind.LEERPLICHT: self.tr(
                "Attendance officer. What was discussed about the absence, and what will each do next?"),
            ConversationKind.SOCIAL_WORK: self.tr(
                "School social work. What was asked, what was agreed, and did the parents consent?"),
        }
        guide = self.guides.get(kind)
        if guide is not None:
            heading, questions = guide.step, guide.questions
        elif kind in own:
            heading, _, questions = own[kind].partition(". ")
        else:  # the region's documents give no guidance for this conversation: none of another region's
            heading, questions = "", self.tr("What was discussed, and what was agreed?")
        # The guiding questions as placeholder; their heading stays visible above while typing.
        self.summary.setPlaceholderText(questions.replace(". ", ".\n").replace("? ", "?\n"))
        self.guide.setText(self.tr("Guide: %1").replace("%1", heading) if heading else "")
        self.guide.setVisible(bool(heading))

    def add_agreement(self, a: AgreementInput, *, focus: bool = False) -> None:
        self._add_row(a.text, a.owner, a.due.strftime("%d-%m-%Y") if a.due else "", a.done, a.topic or "")
        if focus:
            self.agreements.setCurrentCell(self.agreements.rowCount() - 1, A_TEXT)
            self.agreements.setFocus()
            self.agreements.editItem(self.agreements.item(self.agreements.rowCount() - 1, A_TEXT))

    def _add_row(self, text: str, owner: str, due: str, done: bool, topic: str = "") -> None:
        row = self.agreements.rowCount()
        self.agreements.insertRow(row)
        self.agreements.setItem(row, A_TEXT, QTableWidgetItem(text))
        self.agreements.setItem(row, A_OWNER, QTableWidgetItem(owner))
        self.agreements.setItem(row, A_DUE, QTableWidgetItem(due))
        box = QCheckBox()
        box.setChecked(done)
        box.setAccessibleName(self.tr("Done"))
        box.toggled.connect(self._typed)
        self.agreements.setCellWidget(row, A_DONE, box)
        about = QComboBox()
        about.addItem(self.tr("As the conversation"), "")  # the agreement follows its conversation's topic
        for t in Topic:
            about.addItem(topic_word(t), t.value)
        about.setCurrentIndex(max(0, about.findData(topic)))
        about.setAccessibleName(self.tr("Agreement about"))
        about.setToolTip(self.tr("An agreement about health does not go to leerplicht, even in an absence talk."))
        about.currentIndexChanged.connect(self._typed)
        self.agreements.setCellWidget(row, A_TOPIC, about)

    def _remove_agreement(self) -> None:
        row = self.agreements.currentRow()
        if row >= 0:
            self.agreements.removeRow(row)
            self._typed()

    # -- the draft ----------------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        rows = []
        for r in range(self.agreements.rowCount()):
            cells = [(self.agreements.item(r, c).text() if self.agreements.item(r, c) else "") for c in range(3)]
            box = self.agreements.cellWidget(r, A_DONE)
            about = self.agreements.cellWidget(r, A_TOPIC)
            rows.append([*cells, isinstance(box, QCheckBox) and box.isChecked(),
                         str(about.currentData() or "") if isinstance(about, QComboBox) else ""])
        return {"kind": self.kind.currentData(), "topic": self.topic.currentData(),
                "held_at": self.when.dateTime().toPython().isoformat(),
                "participants": self.participants.text(), "summary": self.summary.toPlainText(), "agreements": rows}

    def _typed(self, *_args: object) -> None:
        if not self._loading:
            self.timer.start()

    def keep_draft(self) -> None:
        self.timer.stop()
        save_draft(self.ctx.db, key=self.key, pupil_id=self.pupil_id, by=self.ctx.account, payload=self.payload())
        self.discard.setEnabled(True)
        self.draft_note.setText(self.tr("Draft kept at %1.").replace("%1", datetime.now().strftime("%H:%M:%S")))

    def _discard(self) -> None:
        self.timer.stop()
        discard_draft(self.ctx.db, key=self.key, by=self.ctx.account)
        super().reject()

    def reject(self) -> None:
        if self.timer.isActive():  # typed in the last second: keep it before closing
            self.keep_draft()
        super().reject()

    # -- saving -------------------------------------------------------------------------------

    def agreement_inputs(self) -> list[AgreementInput]:
        out = []
        for i, (text, owner, due, done, topic) in enumerate(self.payload()["agreements"], start=1):
            if not (text.strip() or owner.strip() or due.strip()):
                continue  # an empty row added by mistake
            try:
                day = parse_day(due)
            except ValueError:
                raise Refused(self.tr("Agreement %1: '%2' is not a date (dd-mm-yyyy).")
                                          .replace("%1", str(i)).replace("%2", due)) from None
            out.append(AgreementInput(text, owner, day, done, topic or None))
        return out

    # -- the topic ----------------------------------------------------------------------------

    def _default_topic(self, *_args: object) -> None:
        """The kind's topic (a jeugdarts talk is about health), until the user picks one."""
        if not self._topic_chosen:
            self.topic.setCurrentIndex(self.topic.findData(conversation_topic(str(self.kind.currentData())).value))

    def _choose_topic(self, *_args: object) -> None:
        self._topic_chosen = True

    def ask_health(self, words: list[str]) -> bool:
        """Ask once whether a text naming health words is about health; True: it is."""
        answer = QMessageBox.question(
            self, self.tr("About health?"),
            self.tr("The text mentions %1. Is this conversation about the pupil's health?\n\n"
                    "Yes: it is kept as health and does not go to leerplicht.\n"
                    "No: it stays '%2'.").replace("%1", ", ".join(f"'{w}'" for w in words[:4]))
            .replace("%2", topic_word(self.topic.currentData())))
        return answer == QMessageBox.StandardButton.Yes

    def _check_health_words(self) -> None:
        if self._asked_health or self.topic.currentData() == Topic.GEZONDHEID.value:
            return
        texts = [self.summary.toPlainText(), self.participants.text(),
                 *(row[0] for row in self.payload()["agreements"])]
        words = health_words_in_text("\n".join(texts))
        if not words:
            return
        self._asked_health = True
        if self.ask_health(words):
            self.topic.setCurrentIndex(self.topic.findData(Topic.GEZONDHEID.value))
            self._topic_chosen = True

    def save(self) -> None:
        saved = run_write(self.ctx, self._write, refused=self._refused)
        if saved is not None:
            self.saved.emit(saved.id)
            self.accept()

    def _write(self) -> Saved:
        """The conversation saved and its draft gone, before the dossier hears of it (and lists drafts)."""
        agreements = self.agreement_inputs()
        if self.summary.toPlainText().strip():
            self._check_health_words()
        saved = save_conversation(
            self.ctx.db, pupil_id=self.pupil_id, kind=str(self.kind.currentData()),
            held_at=self.when.dateTime().toPython(), participants=self.participants.text(),
            summary=self.summary.toPlainText(), agreements=agreements, by=self.ctx.account,
            conversation_id=self.conversation_id, topic=str(self.topic.currentData()), version=self.version)
        self.timer.stop()
        discard_draft(self.ctx.db, key=self.key, by=self.ctx.account)
        return saved

    def _refused(self, exc: Exception) -> None:
        self.message.setText(str(exc))
        self.message.show()
