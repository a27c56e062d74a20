"""What every settings section shares: a status line that says what was saved or why not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from verzuimdesk.services.database import DatabaseError
from verzuimdesk.services.settings import REGIONS
from verzuimdesk.services.vocabulary import InputRefused

FIELD_WIDTH = 520  # a form's text fields and lists: wide enough for a school's name, not the whole screen


def settings_form(parent: QWidget | None = None) -> QFormLayout:
    """A settings form whose buttons keep their own width and whose fields stop at FIELD_WIDTH."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setFormAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return form


def region_combo(none: str) -> QComboBox:
    """The vacation regions to choose from, after a first item `none` for no region (data ""); the School
    and Kalender tabs both show it."""
    combo = QComboBox()
    combo.addItem(none, "")
    for r in REGIONS:
        combo.addItem(r, r)
    return combo


def limit_fields(form: QFormLayout) -> None:
    """Cap the width of every field of `form` (call after the rows are added)."""
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        widget = item.widget() if item is not None else None
        if widget is not None and not isinstance(widget, QLabel):
            widget.setMaximumWidth(min(widget.maximumWidth(), FIELD_WIDTH))


class StatusLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status")
        self.setWordWrap(True)

    def ok(self, text: str) -> None:
        self.setStyleSheet("color: #1b5e20;")
        self.setText(text)

    def saved(self, notes: tuple[str, ...] = ()) -> None:
        """'Opgeslagen.', and what the save leaves to look at (in the colour of a warning)."""
        if not notes:
            self.ok(self.tr("Saved."))
            return
        self.setStyleSheet("color: #8a4b00;")
        self.setText(" ".join((self.tr("Saved."), *notes)))

    def refused(self, exc: Exception) -> None:
        """Every reason of a refusal, one a line, in the services' Dutch."""
        self.setStyleSheet("color: #b71c1c;")
        if isinstance(exc, InputRefused):
            self.setText("\n".join(p.reason for p in exc.problems))
        elif isinstance(exc, DatabaseError | ValueError):
            self.setText(str(exc))
        else:
            raise exc
