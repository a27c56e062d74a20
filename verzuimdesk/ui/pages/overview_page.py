"""Overzicht: how many pupils per light (large; a click narrows the Leerlingen list to that light) and
the "Te doen" list of every open action, overdue first; Enter or a double click opens the pupil where
that action is done."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.desk import DeskOverview
from verzuimdesk.services.vocabulary import ActionKind, Light, format_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.desk_state import DeskState
from verzuimdesk.ui.widgets.columns import fit_columns, grow_to_fit
from verzuimdesk.ui.widgets.quarterly_line import QuarterlyLine
from verzuimdesk.ui.widgets.todo_model import COL_ACTION, COL_REASON, KIND_ROLE, ROW_ID_ROLE, TodoModel
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


class _TodoTable(QTableView):
    """As tall as its rows (a short list leaves the rest of the page free), shrinking to scroll when long."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        height = self.horizontalHeader().height() + 2 * self.frameWidth() + 2
        height += sum(self.rowHeight(r) for r in range(rows)) if rows else 0
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        return QSize(hint.width(), max(height, 60))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class OverviewPage(QWidget):
    light_clicked = Signal(object)  # Light
    action_activated = Signal(int, str)  # pupil id, action kind
    pupil_activated = Signal(int)  # from "Let op": the pupil's dossier
    group_activated = Signal(str, object)  # a group whose registration is unchecked, its first such day

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
        self.table = _TodoTable()
        self._table_hint = QSize()  # the size hint the layout last got (show_overview)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("To do"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._activate)
        self.nothing_to_do = self.tr("Nothing to do: every action of the stappenplan is done.")
        self.empty = QLabel(self.nothing_to_do)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.unchecked = QLabel()
        self.unchecked.setObjectName("unchecked_registration")
        self.unchecked.setWordWrap(True)
        self.unchecked.setTextFormat(Qt.TextFormat.RichText)
        self.unchecked.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                               | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.unchecked.linkActivated.connect(self._open_group)
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
        self.quarterly = QuarterlyLine(ctx, page=self)  # the SWV list's reminder, four weeks before each 15th
        layout.addWidget(self.quarterly)
        layout.addSpacing(8)
        layout.addWidget(self.todo_title)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addSpacing(8)
        layout.addWidget(self.unchecked)
        layout.addWidget(self.error)
        layout.addSpacing(8)
        layout.addWidget(self.attention, 1)
        self.waiting = QWidget()  # holds the page's lower half while the figures are worked out
        self.waiting.hide()
        layout.addWidget(self.waiting, 1)
        self.state.updated.connect(self.show_overview)
        self.state.failed.connect(self._failed)
        self.state.watch(self)
        first = self.state.first()
        if first is not None:
            self.show_overview(first)
        else:  # the app's start: the window is painted at once, the figures follow from a worker
            self.title.setText(self.tr("Computing the lights of the school…"))
            self.todo_title.setText(self.tr("To do"))
            self.table.hide()
            self.empty.setText(self.tr("One moment: every pupil's light is being worked out."))
            for light, button in self.counts.items():
                button.number.setText("…")
                button.word.setText(light_word(light))
            self.attention.hide()  # its "no pupil with a signal" would not be true yet
            self.waiting.show()

    def show_overview(self, overview: DeskOverview) -> None:
        self.error.hide()
        self.title.setText(self.tr("The school on %1").replace("%1", format_date(overview.peildatum)))
        for light, button in self.counts.items():
            button.set_count(overview.counts.get(light, 0))
        overdue = sum(1 for t in overview.todo if t.overdue)
        n = len(overview.todo)
        title = self.tr("To do: 1 open action, %2 overdue") if n == 1 else self.tr("To do: %1 open actions, %2 overdue")
        self.todo_title.setText(title.replace("%1", str(n)).replace("%2", str(overdue)))
        before = self.model.rowCount()
        chosen = self.table.currentIndex()
        in_sight = chosen.isValid() and self.table.viewport().rect().intersects(self.table.visualRect(chosen))
        changed = self.model.set_rows(list(overview.todo))
        self.table.setVisible(bool(overview.todo))
        self.empty.setText(self.nothing_to_do)
        self.empty.setVisible(not overview.todo)
        self._show_unchecked(overview)
        if changed is None or self.model.rowCount() < before:
            # new rows, or fewer (the widest may have gone): fitted to them all; else only the changed
            # and the new ones are measured (a column never narrows there)
            fit_columns(self.table, COL_REASON, share=(COL_ACTION,))
        else:
            grow_to_fit(self.table, changed)
        if in_sight and changed is not None and self.table.currentIndex().isValid():
            self.table.scrollTo(self.table.currentIndex())  # lines put in above it do not push it out of sight
        hint = self.table.sizeHint()
        if hint != self._table_hint:  # its height follows the number of rows; else no new layout (and
            self._table_hint = hint   # no repaint of the whole page) at every key typed in the grid
            self.table.updateGeometry()
        self.attention.show_items(overview.attention)
        self.attention.show()
        self.waiting.hide()

    def _show_unchecked(self, overview: DeskOverview) -> None:
        """The groups whose registration of the last schooldagen nobody marked as checked, as links."""
        self.unchecked.setVisible(bool(overview.unchecked))
        if not overview.unchecked:
            return
        head = self.tr("Registration not checked yet (last 3 schooldagen):")
        group_word = self.tr("group %1")
        lines = [f"<a href='group:{escape(u.group)}'>{escape(group_word.replace('%1', u.group))}</a>: "
                 f"{escape(', '.join(u.labels))}" for u in overview.unchecked]
        self.unchecked.setText(f"<b>{escape(head)}</b><br>" + "<br>".join(lines))

    def _open_group(self, link: str) -> None:
        overview = self.state.overview
        for u in overview.unchecked if overview else ():
            if link == f"group:{u.group}":
                self.group_activated.emit(u.group, u.parts[0][0])

    def _failed(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _activate(self, index: QModelIndex) -> None:
        pupil_id = index.data(ROW_ID_ROLE)
        kind = index.data(KIND_ROLE)
        if isinstance(pupil_id, int) and kind in set(ActionKind):
            self.action_activated.emit(pupil_id, kind)
