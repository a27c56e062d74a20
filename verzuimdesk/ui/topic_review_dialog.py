"""Topics to check: the entries whose topic migration 0006 guessed from dates and words, for the IB-er to
confirm or change one by one. What an entry is about decides who may receive it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.accounts import Account
from verzuimdesk.services.database import Database
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.topics import Topic, TopicItem, set_topic, topics_to_check
from verzuimdesk.services.vocabulary import format_date
from verzuimdesk.ui.widgets.dialog_parts import error_label
from verzuimdesk.ui.widgets.words import topic_word

COL_DAY, COL_PUPIL, COL_WHAT, COL_TEXT, COL_TOPIC, COL_OK = range(6)


class TopicReviewDialog(QDialog):
    def __init__(self, db: Database, *, by: Account, pupil_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.by, self.pupil_id = db, by, pupil_id
        self.setWindowTitle(self.tr("Topics to check"))
        self.intro = QLabel(self.tr(
            "These entries got their topic from a guess (the date of a sick day, or a health word). The topic "
            "decides who may receive an entry: leerplicht gets only absence, the youth doctor only health. "
            "Check each one and confirm or change its topic."))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Pupil"), self.tr("What"), self.tr("Text"),
                                              self.tr("About"), ""])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_DAY, 110), (COL_PUPIL, 160), (COL_WHAT, 190), (COL_TOPIC, 150), (COL_OK, 100)):
            self.table.setColumnWidth(col, width)
        self.empty = QLabel(self.tr("Every topic has been checked."))
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        layout = QVBoxLayout(self)
        for w in (self.intro, self.table, self.empty, self.message, buttons):
            layout.addWidget(w)
        self.resize(1100, 560)
        self.load()

    def load(self) -> None:
        self.items: list[TopicItem] = topics_to_check(self.db, pupil_id=self.pupil_id)
        self.table.setRowCount(0)
        for item in self.items:
            self._add(item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.items)

    def _add(self, item: TopicItem) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for col, text in ((COL_DAY, format_date(item.day)), (COL_PUPIL, f"{item.pupil_name} ({item.pupil_number})"),
                          (COL_WHAT, item.what), (COL_TEXT, item.text)):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            self.table.setItem(r, col, cell)
        combo = QComboBox()
        for t in Topic:
            combo.addItem(topic_word(t), t.value)
        combo.setCurrentIndex(combo.findData(item.topic.value))
        self.table.setCellWidget(r, COL_TOPIC, combo)
        ok = QPushButton(self.tr("Confirm"))
        ok.clicked.connect(lambda _=False, it=item, c=combo: self.confirm(it, str(c.currentData())))
        self.table.setCellWidget(r, COL_OK, ok)

    def combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, COL_TOPIC)
        assert isinstance(widget, QComboBox)
        return widget

    def confirm(self, item: TopicItem, topic: str) -> None:
        try:
            set_topic(self.db, entry=item.entry, entry_id=item.id, topic=topic, by=self.by)
        except Refused as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        self.message.hide()
        self.load()
