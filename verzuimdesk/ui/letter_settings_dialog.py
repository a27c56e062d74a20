"""Brieven en briefhoofd: the school's logo, the signature image, address and place, the signer's function,
and the folder of the school's own letter templates (docs/letters.md)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.letters import LetterSettings, letter_settings, save_letter_settings, shipped_dir
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.widgets.dialog_parts import error_label, save_cancel


class LetterSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Letters and letterhead"))
        s = letter_settings(ctx.db)
        self.logo, self.signature, self.folder = QLineEdit(s.logo), QLineEdit(s.signature), QLineEdit(s.folder)
        self.address, self.place, self.function = QLineEdit(s.address), QLineEdit(s.place), QLineEdit(s.function)
        self.folder.setPlaceholderText(self.tr("Empty: the letters that ship (%1)").replace("%1", str(shipped_dir())))
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Logo (PNG or JPEG):"), self._with_browse(self.logo, folder=False))
        form.addRow(self.tr("Signature (scan, PNG):"), self._with_browse(self.signature, folder=False))
        form.addRow(self.tr("Address of the school:"), self.address)
        form.addRow(self.tr("Place (for the date line):"), self.place)
        form.addRow(self.tr("Function of who signs:"), self.function)
        form.addRow(self.tr("Own letter templates (folder):"), self._with_browse(self.folder, folder=True))
        hint = QLabel(self.tr("The directeur who signs, the phone number and the e-mail address are set under "
                              "Settings → School."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(save_cancel(self, self.tr("Save"), self.tr("Cancel"), self.save))
        self.resize(640, 300)

    def _with_browse(self, edit: QLineEdit, *, folder: bool) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        browse = QPushButton(self.tr("Browse…"))

        def pick() -> None:
            if folder:
                path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), edit.text())
            else:
                path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an image"), edit.text(),
                                                      self.tr("Images (*.png *.jpg *.jpeg)"))
            if path:
                edit.setText(path)

        browse.clicked.connect(pick)
        row.addWidget(browse)
        return box

    def save(self) -> None:
        settings = LetterSettings(folder=self.folder.text().strip(), signature=self.signature.text().strip(),
                                  address=self.address.text().strip(), place=self.place.text().strip(),
                                  function=self.function.text().strip(), logo=self.logo.text().strip())
        done = run_write(self.ctx, lambda: save_letter_settings(self.ctx.db, settings, by=self.ctx.account) or True,
                         refused=self._refused)
        if done:
            self.accept()

    def _refused(self, exc: Exception) -> None:
        self.message.setText(str(exc))
        self.message.show()
