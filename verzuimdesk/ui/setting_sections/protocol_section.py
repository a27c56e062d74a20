"""The protocol (stappenplan): choose a shipped one, read it, or load an edited file, checked as the
engine checks it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from verzuimdesk.services.errors import Refused
from verzuimdesk.services.settings import (
    adopt_protocol_file,
    describe_protocol,
    kept_protocol,
    school_view,
    set_protocol,
)
from verzuimdesk.services.vocabulary import ProtocolError, list_protocols, load_protocol
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.setting_sections.common import StatusLine


class ProtocolSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choice = QComboBox()
        self.choice.setObjectName("protocol")
        load_file = QPushButton(self.tr("Load an edited protocol file…"))
        load_file.clicked.connect(self.load_file)
        use = QPushButton(self.tr("Use this protocol"))
        use.setObjectName("use_protocol")
        use.clicked.connect(self.use)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setObjectName("protocol_text")
        self.status = StatusLine()
        top = QHBoxLayout()
        top.addWidget(self.choice, 1)
        top.addWidget(load_file)
        top.addWidget(use)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        self.choice.currentIndexChanged.connect(lambda _i: self.show_protocol())
        self.load()

    def load(self) -> None:
        current = school_view(self.ctx.db).protocol
        self.choice.blockSignals(True)
        self.choice.clear()
        for pid, name in list_protocols():
            self.choice.addItem(name, pid)
        if self.choice.findData(current) < 0:
            self.choice.addItem(self.tr("Own file: %1").replace("%1", Path(current).name), current)
        self.choice.setCurrentIndex(self.choice.findData(current))
        self.choice.blockSignals(False)
        self.show_protocol()

    def show_protocol(self) -> None:
        ref = self.choice.currentData()
        if not ref:
            return
        try:
            # The school's own protocol as the database keeps it (its file may be on another laptop).
            chosen = kept_protocol(self.ctx.db) if ref == school_view(self.ctx.db).protocol else load_protocol(ref)
            self.text.setPlainText(describe_protocol(chosen))
        except Refused as exc:
            self.text.setPlainText(str(exc))

    def load_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a protocol file"), "",
                                              self.tr("Protocol files (*.toml)"))
        if not path:
            return
        try:
            kept = adopt_protocol_file(Path(path))
        except ProtocolError as exc:
            self.status.refused(exc)
            return
        self.choice.addItem(self.tr("Own file: %1").replace("%1", Path(kept).name), kept)
        self.choice.setCurrentIndex(self.choice.count() - 1)
        self.status.ok(self.tr("The file is valid. Press 'Use this protocol' to make it the school's."))

    def use(self) -> None:
        if run_write(self.ctx, lambda: set_protocol(self.ctx.db, protocol=self.choice.currentData(),
                                                    by=self.ctx.account),
                     refused=self.status.refused) is not None:
            self.status.ok(self.tr("The school now follows: %1").replace("%1", self.choice.currentText()))
