"""Overzicht: how many pupils per light (large; a click narrows the Leerlingen list to that light) and
the "Te doen" list of every open action, overdue first; Enter or a double click opens the pupil where
that action is done."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.engine import Light
from verzuimdesk.services.overview import DeskOverview
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.desk_state import DeskState
from verzuimdesk.ui.widgets.enter_table import EnterTable
from verzuimdesk.ui.widgets.todo_model import COL_REASON, KIND_ROLE, ROW_ID_ROLE, TodoModel
from verzuimdesk.ui.widgets.words import LIGHT_COLOURS, light_word


class LightCount(QPushButton):
    """A large number with the light's word under it and a coloured bar on the left: colour is never alone."""

    def __init__(self, light: Light, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.light = light
        self.setMinimumSize(170, 92)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        colour = LIGHT_COLOURS[light]
        self.setStyleSheet(
            f"QPushButton {{ border: 1px solid #c8c8c8; border-left: 10px solid {colour}; border-radius: 4px;"
            f" background: palette(base); }}"
            f" QPushButton:hover {{ background: palette(alternate-base); }}"
            f" QPushButton:focus {{ border: 2px solid palette(highlight); border-left: 10px solid {colour}; }}")
        self.number = QLabel()
        big = self.number.font()
        big.setPointSize(big.pointSize() + 14)
        big.setBold(True)
        self.number.setFont(big)
        self.word = QLabel()
        inner = QVBoxLayout(self)
        inner.setContentsMargins(16, 6, 12, 8)
        inner.setSpacing(0)
        for label in (self.number, self.word):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setStyleSheet("background: transparent; border: none;")
            inner.addWidget(label)

    def set_count(self, count: int) -> None:
        self.number.setText(str(count))
        self.word.setText(light_word(self.light))
        self.setAccessibleName(f"{light_word(self.light)}: {count}")

    def text(self) -> str:  # type: ignore[override]
        """What the button says, number and word (the label children hold it)."""
        return f"{self.number.text()}\n{self.word.text()}"


class OverviewPage(QWidget):
    light_clicked = Signal(object)  # Light
    action_activated = Signal(int, str)  # pupil id, action kind
    pupil_activated = Signal(int)  # from "Let op": the pupil's dossier

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.toolbar_actions: list[QAction] = []  # actions the main window puts in its toolbar
        self.state = DeskState.of(ctx)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.counts: dict[Light, LightCount] = {}
        counts = QHBoxLayout()
        for light in (Light.RED, Light.ORANGE, Light.GREEN, Light.GREY):
            button = LightCount(light)
            button.setToolTip(self.tr("Show these pupils in the list"))
            button.clicked.connect(lambda _=False, li=light: self.light_clicked.emit(li))
            self.counts[light] = button
            counts.addWidget(button)
        counts.addStretch(1)

        self.todo_title = QLabel()
        bold = self.todo_title.font()
        bold.setBold(True)
        bold.setPointSize(bold.pointSize() + 2)
        self.todo_title.setFont(bold)
        self.model = TodoModel(self)
        self.table = EnterTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._activate)
        self.empty = QLabel(self.tr("Nothing to do: every action of the stappenplan is done."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()

        from verzuimdesk.ui.pages.attention_panel import AttentionPanel

        self.attention = AttentionPanel()
        self.attention.pupil_activated.connect(self.pupil_activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(counts)
        layout.addSpacing(8)
        layout.addWidget(self.todo_title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addSpacing(8)
        layout.addWidget(self.attention)
        self.state.updated.connect(self.show_overview)
        self.state.failed.connect(self._failed)
        self.show_overview(self.state.current())

    def show_overview(self, overview: DeskOverview) -> None:
        self.error.hide()
        self.title.setText(self.tr("The school on %1").replace("%1", format_date(overview.peildatum)))
        for light, button in self.counts.items():
            button.set_count(overview.counts.get(light, 0))
        overdue = sum(1 for t in overview.todo if t.overdue)
        self.todo_title.setText(self.tr("To do: %1 open actions, %2 overdue")
                                .replace("%1", str(len(overview.todo))).replace("%2", str(overdue)))
        self.model.set_rows(list(overview.todo))
        self.table.setVisible(bool(overview.todo))
        self.empty.setVisible(not overview.todo)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.attention.show_items(overview.attention)

    def _failed(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _activate(self, index: QModelIndex) -> None:
        pupil_id = index.data(ROW_ID_ROLE)
        kind = index.data(KIND_ROLE)
        if isinstance(pupil_id, int) and kind in set(ActionKind):
            self.action_activated.emit(pupil_id, kind)
