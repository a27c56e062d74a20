"""A new leave request: the pupil and, at once, the siblings; the dates, the article, the reason and the
documents seen. What the law says of it shows while it is typed; saving records it undecided."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.errors import REFUSALS, refusal_text
from verzuimdesk.services.verlof import add_request, preview_request, pupil_choices
from verzuimdesk.services.vocabulary import ARTICLE_NL, Article
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.dialog_parts import error_label, save_cancel


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    return edit


class VerlofRequestDialog(QDialog):
    def __init__(self, ctx: AppContext, *, pupil_number: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New leave request"))
        self.message = error_label()
        try:
            self.choices = pupil_choices(ctx.db, by=ctx.account)
        except REFUSALS as exc:
            self.choices = []
            self.message.setText(refusal_text(exc))
            self.message.show()
        self.pupil = QComboBox()
        self.pupil.setEditable(True)
        self.pupil.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for c in self.choices:
            self.pupil.addItem(f"{c.name} ({c.number}, groep {c.group})", c.number)
        if pupil_number:
            self.pupil.setCurrentIndex(max(0, self.pupil.findData(pupil_number)))
        self.siblings = QListWidget()
        self.siblings.setAccessibleName(self.tr("Siblings in the same request"))
        self.siblings.setMaximumHeight(80)
        today = date.today()
        self.start, self.end = _date_edit(today), _date_edit(today)
        self.article = QComboBox()
        for a in Article:
            self.article.addItem(ARTICLE_NL[a], a.value)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(80)
        self.reason.setPlaceholderText(self.tr("As the parents give it"))
        self.documents = QLineEdit()
        self.documents.setPlaceholderText(self.tr("e.g. trouwkaart, werkgeversverklaring"))
        self.statement = QCheckBox(self.tr("Employer's statement seen (needed for art. 13a)"))
        self.asked_by = QLineEdit()
        self.asked_on = _date_edit(today)
        self.law = QLabel()
        self.law.setWordWrap(True)
        self.law.setAccessibleName(self.tr("What the law says"))
        form = QFormLayout()
        form.addRow(self.tr("Pupil"), self.pupil)
        form.addRow(self.tr("Siblings"), self.siblings)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("Until"), self.end)
        form.addRow(self.tr("Article"), self.article)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Documents seen"), self.documents)
        form.addRow("", self.statement)
        form.addRow(self.tr("Asked by"), self.asked_by)
        form.addRow(self.tr("Asked on"), self.asked_on)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.law)
        layout.addWidget(self.message)
        layout.addWidget(save_cancel(self, self.tr("Record request"), self.tr("Cancel"), self.save))
        self.timer = QTimer(self, singleShot=True, interval=200)
        self.timer.timeout.connect(self.check)
        self.pupil.currentIndexChanged.connect(self._pupil_changed)
        for signal in (self.start.dateChanged, self.end.dateChanged, self.article.currentIndexChanged,
                       self.statement.toggled, self.siblings.itemChanged):
            signal.connect(lambda *_: self.timer.start())
        self._pupil_changed()
        self.resize(620, 600)

    def _pupil_changed(self) -> None:
        self.siblings.clear()
        number = self.pupil.currentData()
        me = next((c for c in self.choices if c.number == number), None)
        for c in self.choices:
            if me is not None and me.family and c.family == me.family and c.number != me.number:
                item = QListWidgetItem(f"{c.name} ({c.number}, groep {c.group})")
                item.setData(Qt.ItemDataRole.UserRole, c.number)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.siblings.addItem(item)
        self.siblings.setVisible(self.siblings.count() > 0)
        self.timer.start()

    def numbers(self) -> list[str]:
        first = self.pupil.currentData()
        rest = [self.siblings.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.siblings.count())
                if self.siblings.item(i).checkState() == Qt.CheckState.Checked]
        return [first, *rest] if first else rest

    def check(self) -> None:
        try:
            rows = preview_request(self.ctx.db, by=self.ctx.account, pupil_numbers=self.numbers(),
                                   start=self.start.date().toPython(), end=self.end.date().toPython(),
                                   article=str(self.article.currentData()),
                                   employer_statement=self.statement.isChecked(),
                                   requested_on=self.asked_on.date().toPython())
        except REFUSALS as exc:
            self.law.setText(refusal_text(exc))
            return
        lines = []
        for r in rows:
            said = " ".join(r.findings) or self.tr("within the law; the directeur decides.")
            lines.append(self.tr("%1: %2 schooldagen — %3").replace("%1", r.name).replace("%2", str(len(r.days)))
                         .replace("%3", said))
        self.law.setText("\n".join(lines))

    def save(self) -> None:
        done = run_write(self.ctx, lambda: add_request(
            self.ctx.db, by=self.ctx.account, pupil_numbers=self.numbers(), start=self.start.date().toPython(),
            end=self.end.date().toPython(), article=str(self.article.currentData()),
            reason=self.reason.toPlainText(), documents=self.documents.text(),
            employer_statement=self.statement.isChecked(), requested_on=self.asked_on.date().toPython(),
            requested_by=self.asked_by.text()), refused=self._refused)
        if done is not None:
            self.accept()

    def _refused(self, exc: Exception) -> None:
        self.message.setText(refusal_text(exc))
        self.message.show()
