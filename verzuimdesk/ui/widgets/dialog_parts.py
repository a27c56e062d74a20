"""What the app's small edit dialogs share: the red line that says why a save was refused, and the
Save/Cancel buttons with the dialog's own (already translated) words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

ERROR_STYLE = "color: #c62828; font-weight: bold;"


def error_label() -> QLabel:
    """Hidden until a service refuses a save; then it shows the Dutch reason."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def save_cancel(dialog: QDialog, save_text: str, cancel_text: str, on_save: Callable[[], None]) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons
