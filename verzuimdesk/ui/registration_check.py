"""The registration page's "Gecontroleerd" button: the teacher marks the dagdeel of the current column as
complete (Ctrl+K toggles it), so a blank cell of it means present. The header shows ✓ on checked dagdelen."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.errors import refusal_text
from verzuimdesk.services.registration_checks import checked_parts, set_checked
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.registration_model import COL_FIRST_PART, RegistrationModel
from verzuimdesk.ui.registration_view import RegistrationView


class CheckButton(QPushButton):
    def __init__(self, ctx: AppContext, model: RegistrationModel, view: RegistrationView, group: object,
                 say: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.model, self.view, self._group, self._say = ctx, model, view, group, say
        self.setObjectName("registration_checked")
        self.setCheckable(True)
        self.setText(self.tr("Part checked"))
        self.setToolTip(self.tr("Mark this day part of the group as complete: blank cells then mean present "
                                "(Ctrl+K)"))
        self.setAccessibleName(self.tr("Registration of this day part checked"))
        self.action = QAction(self.text(), self)
        self.action.setShortcut(QKeySequence("Ctrl+K"))
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.triggered.connect(self.toggle)
        self.clicked.connect(lambda _on: self.apply(self.isChecked()))

    def column(self) -> tuple[date, int] | None:
        grid = self.model.grid
        index = self.view.currentIndex()
        if grid is None or not index.isValid() or index.column() < COL_FIRST_PART:
            return None
        col = grid.columns[index.column() - COL_FIRST_PART]
        return (col.day, col.part) if col.off is None and col.span is not None else None

    def load(self, group: str, monday: date) -> None:
        """Read the week's checks into the model (the header's ✓) and follow the current column."""
        self.model.checked = checked_parts(self.ctx.db, group=group, start=monday, end=monday + timedelta(days=4))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.model.columnCount() - 1, 0))
        self.follow()

    def follow(self) -> None:
        col = self.column()
        self.setEnabled(col is not None and col[0] <= date.today() and self.ctx.account.can(Permission.EDIT_ABSENCE))
        self.setChecked(col is not None and col in self.model.checked)

    def toggle(self) -> None:
        col = self.column()
        if col is not None and self.isEnabled():
            self.apply(col not in self.model.checked)

    def apply(self, checked: bool) -> None:
        col = self.column()
        group = self._group.currentText()  # type: ignore[attr-defined]
        if col is None or not group:
            return
        if run_write(self.ctx, lambda: set_checked(self.ctx.db, group=group, day=col[0], part=col[1], checked=checked,
                                                   by=self.ctx.account),
                     refused=lambda exc: self._say(refusal_text(exc), error=True)) is None:  # type: ignore[operator]
            self.follow()
            return
        monday = col[0] - timedelta(days=col[0].weekday())
        self.load(group, monday)
