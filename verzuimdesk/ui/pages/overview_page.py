"""The Overview page (not built yet: it says so rather than pretending)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.pages.placeholder import PlaceholderPage


class OverviewPage(PlaceholderPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Overview"), parent)
        self.ctx = ctx
        self.toolbar_actions: list[QAction] = []  # actions the main window puts in its toolbar
