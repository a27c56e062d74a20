"""The topic of a report or plan: by its kind and text unless the writer picks one (then that is kept)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from verzuimdesk.services.vocabulary import Topic
from verzuimdesk.ui.widgets.words import topic_word


class TopicBox(QComboBox):
    def __init__(self, *, editing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topic")
        auto = (QCoreApplication.translate("TopicBox", "Unchanged") if editing else
                QCoreApplication.translate("TopicBox", "Automatic (by kind; health when the text says so)"))
        self.addItem(auto, None)
        for t in Topic:
            self.addItem(topic_word(t), t.value)
        self.setToolTip(QCoreApplication.translate(
            "TopicBox", "What it is about decides who may receive it: leerplicht gets only absence, the youth "
                        "doctor only health."))

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None
