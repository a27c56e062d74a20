"""The Dutch manual (resources/help/handleiding.html), shipped with the app and read offline: F1 and
Help › Manual open it."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from verzuimdesk.paths import resources_dir

MANUAL = "help/handleiding.html"


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("VerzuimDesk manual"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Manual"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(resources_dir() / "help")])
        self.browser.setSource(QUrl.fromLocalFile(str(resources_dir() / MANUAL)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 680)


def show_help(parent: QWidget | None) -> HelpDialog:
    """Open the manual (one window; a second F1 brings it forward)."""
    existing = parent.findChild(HelpDialog) if parent is not None else None
    dialog = existing if isinstance(existing, HelpDialog) else HelpDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
