"""The light as a badge: its word on its colour, so it reads without colour too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from verzuimdesk.services.vocabulary import Light
from verzuimdesk.ui.widgets.words import LIGHT_COLOURS, light_word


class LightBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(110)
        self.light: Light | None = None

    def set_light(self, light: Light) -> None:
        self.light = light
        text_colour = "#000000" if light in (Light.ORANGE, Light.GREY) else "#ffffff"
        self.setStyleSheet(f"QLabel {{ background: {LIGHT_COLOURS[light]}; color: {text_colour};"
                           f" border-radius: 6px; padding: 4px 12px; font-weight: bold; }}")
        self.setText(light_word(light))
        self.setAccessibleName(light_word(light))
