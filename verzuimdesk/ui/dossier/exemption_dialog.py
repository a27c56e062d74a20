"""A pupil's vrijstellingen van de leerplicht: the list, and a form (from, until, article, note) to record,
change or remove one. The service checks and refuses in Dutch; the dialog shows its message."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.exemptions import (
    ARTICLES,
    ExemptionView,
    delete_exemption,
    exemptions_of,
    save_exemption,
)
from verzuimdesk.services.vocabulary import format_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.dialog_parts import error_label


class ExemptionDialog(QDialog):
    def __init__(self, ctx: AppContext, *, pupil_id: int, pupil_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.pupil_id = ctx, pupil_id
        self.current: ExemptionView | None = None
        self.setWindowTitle(self.tr("Vrijstelling of %1").replace("%1", pupil_name))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Vrijstellingen"))
        self.list.currentItemChanged.connect(self._pick)
        self.start = QDateEdit()
        self.has_end = QCheckBox(self.tr("Until"))
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("ddd d MMM yyyy")
        self.has_end.toggled.connect(self.end.setEnabled)
        until = QHBoxLayout()
        until.addWidget(self.has_end)
        until.addWidget(self.end, 1)
        self.article = QComboBox()
        self.article.setAccessibleName(self.tr("Article of the Leerplichtwet"))
        for code, text in ARTICLES.items():
            self.article.addItem(text, code)
        self.note = QLineEdit(placeholderText=self.tr("Who granted it, on what ground, until when it is evaluated"))
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start)
        form.addRow("", until)
        form.addRow(self.tr("Article"), self.article)
        form.addRow(self.tr("Note"), self.note)
        self.message = error_label()
        new = QPushButton(self.tr("New"))
        new.clicked.connect(self._new)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(self._remove)
        row = QHBoxLayout()
        for b in (new, self.save_button, self.remove):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(660, 400)
        self._load()

    def _line(self, e: ExemptionView) -> str:
        end = format_date(e.end) if e.end else self.tr("until further notice")
        text = self.tr("%1 – %2: %3").replace("%1", format_date(e.start)).replace("%2", end).replace(
            "%3", e.article_text)
        return f"{text} ({e.note})" if e.note else text

    def _load(self, select: int | None = None) -> None:
        self.list.clear()
        for e in exemptions_of(self.ctx.db, self.pupil_id):
            item = QListWidgetItem(self._line(e))
            item.setData(256, e)
            self.list.addItem(item)
            if e.id == select:
                self.list.setCurrentItem(item)
        if select is None:
            self._new()

    def _pick(self, item: QListWidgetItem | None) -> None:
        self.current = e = item.data(256) if item is not None else None
        today = min(date.today(), self.ctx.peildatum)
        self.start.setDate(QDate(e.start if e else today))
        self.has_end.setChecked(bool(e and e.end))
        self.end.setDate(QDate(e.end if e and e.end else today))
        self.end.setEnabled(self.has_end.isChecked())
        self.article.setCurrentIndex(max(0, self.article.findData(e.article)) if e else 0)
        self.note.setText(e.note if e else "")
        self.remove.setEnabled(e is not None)
        self.message.hide()

    def _new(self) -> None:
        self.list.setCurrentItem(None)
        self._pick(None)
        self.start.setFocus()

    def save(self) -> None:
        eid = self.current.id if self.current else None
        start, note = self.start.date().toPython(), self.note.text()
        end = self.end.date().toPython() if self.has_end.isChecked() else None
        article = str(self.article.currentData())
        saved = run_write(self.ctx, lambda: save_exemption(
            self.ctx.db, pupil_id=self.pupil_id, exemption_id=eid, start=start, end=end, article=article, note=note,
            by=self.ctx.account), refused=self._refused)
        if saved is not None:
            self._load(select=saved.id)

    def _refused(self, exc: Exception) -> None:
        self.message.setText(str(exc))
        self.message.show()

    def _remove(self) -> None:
        if self.current is None:
            return
        eid = self.current.id
        run_write(self.ctx, lambda: delete_exemption(self.ctx.db, exemption_id=eid, by=self.ctx.account),
                  refused=self._refused)
        self._load()
