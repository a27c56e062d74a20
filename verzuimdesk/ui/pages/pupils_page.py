"""Leerlingen: every pupil the user may see with light, reason and next action; filter by group and light,
search by name or number (Ctrl+F), sortable; Enter opens the dossier."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.desk import DeskOverview
from verzuimdesk.services.vocabulary import Light
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.desk_state import DeskState
from verzuimdesk.ui.pupil_model import (
    COL_ACTION,
    COL_LIGHT,
    COL_NAME,
    COL_NUMBER,
    COL_REASON,
    COL_SIGNALS,
    ROW_ID_ROLE,
    PupilFilter,
    PupilModel,
)
from verzuimdesk.ui.widgets.columns import fit_columns
from verzuimdesk.ui.widgets.words import light_icon, light_word


class _Table(QTableView):
    """Enter opens the current pupil, as a double click does."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class PupilsPage(QWidget):
    pupil_activated = Signal(int)  # pupil id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = DeskState.of(ctx)
        self._fitted = False  # columns fitted to the first list shown
        self._groups: tuple[str, ...] | None = None  # the groups the filter offers
        self.model = PupilModel(self)
        self.proxy = PupilFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText=self.tr("Search by name or number (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search pupil"))
        self.search.textChanged.connect(self._apply_filter)
        self.search.returnPressed.connect(self._open_first)
        self.group = QComboBox()
        self.group.setAccessibleName(self.tr("Group"))
        self.group.currentIndexChanged.connect(self._apply_filter)
        self.light = QComboBox()
        self.light.setAccessibleName(self.tr("Light"))
        self.light.addItem(self.tr("All lights"), None)
        for light in (Light.RED, Light.ORANGE, Light.GREEN, Light.GREY):
            self.light.addItem(light_icon(light), light_word(light), light.value)
        self.light.currentIndexChanged.connect(self._apply_filter)
        self.count = QLabel()

        self.table = _Table()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Pupils"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)  # several: a ZAT preparation
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._open)
        self.search.installEventFilter(self)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(QLabel(self.tr("Group:")))
        filters.addWidget(self.group, 1)
        filters.addWidget(QLabel(self.tr("Light:")))
        filters.addWidget(self.light, 1)
        filters.addWidget(self.count)
        self.zat = QPushButton(self.tr("ZAT preparation (PDF)…"))
        self.zat.setToolTip(self.tr("Internal document of the selected pupils for the care team: light, rules, "
                                    "open actions, signals and agreements"))
        self.zat.setEnabled(ctx.account.can(Permission.EXPORT_PUPIL))
        self.zat.clicked.connect(lambda: self.save_zat())
        filters.addWidget(self.zat)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self.state.updated.connect(self.show_overview)
        self.state.watch(self)
        first = self.state.first()
        if first is not None:
            self.show_overview(first)
        else:
            self.count.setText(self.tr("Computing the lights…"))

    # -- what the main window asks ------------------------------------------------------------

    def selected_numbers(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [str(self.proxy.index(r, COL_NUMBER).data()) for r in rows]

    def save_zat(self, path: object = None) -> object:
        from verzuimdesk.ui.zat_export import save_zat

        return save_zat(self, self.ctx, self.selected_numbers(), path=path)  # type: ignore[arg-type]

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def show_light(self, light: Light | None) -> None:
        """Narrow the list to one light (from the Overzicht's counts); None shows every light."""
        self.light.setCurrentIndex(max(0, self.light.findData(light.value if light else None)))

    def refresh(self) -> None:
        self.state.refresh()

    # -- behaviour ----------------------------------------------------------------------------

    def show_overview(self, overview: DeskOverview) -> None:
        if overview.groups != self._groups:
            self._groups = overview.groups
            chosen = self.group.currentData()
            self.group.blockSignals(True)
            self.group.clear()
            self.group.addItem(self.tr("All groups"), None)
            for g in overview.groups:
                self.group.addItem(g, g)
            self.group.setCurrentIndex(max(0, self.group.findData(chosen)))
            self.group.blockSignals(False)
        current = self.table.currentIndex().data(ROW_ID_ROLE)
        if self.model.set_rows(list(overview.rows)) is not None:
            # The same pupils, a few changed in place: the filter and the sort follow those rows by
            # themselves (a dynamic proxy), the selection stays on its pupil.
            self._count()
            return
        self._apply_filter()
        if not self._fitted and overview.rows:
            # Fitted once: a change of one pupil keeps the columns (and any width the user dragged).
            self._fitted = True
            # The reason is the long one: it takes what the others leave (full text as tooltip).
            fit_columns(self.table, COL_REASON, share=(COL_ACTION, COL_SIGNALS))
        if current is not None:
            self.select_pupil(current)

    def select_pupil(self, pupil_id: int) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(ROW_ID_ROLE) == pupil_id:
                self.table.setCurrentIndex(self.proxy.index(r, COL_LIGHT))
                return

    def _apply_filter(self) -> None:
        light = self.light.currentData()
        self.proxy.set_filter(group=self.group.currentData(), light=Light(light) if light else None,
                              text=self.search.text())
        self._count()

    def _count(self) -> None:
        n = self.proxy.rowCount()
        self.count.setText(self.tr("1 pupil") if n == 1 else self.tr("%1 pupils").replace("%1", str(n)))

    def eventFilter(self, watched: object, event: object) -> bool:
        # Down from the search field goes into the list, so the keyboard never needs the mouse.
        if watched is self.search and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down and self.proxy.rowCount():
            self.table.setFocus()
            if not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.proxy.index(0, COL_LIGHT))
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _open(self, index: QModelIndex) -> None:
        pupil_id = index.data(ROW_ID_ROLE)
        if isinstance(pupil_id, int):
            self.pupil_activated.emit(pupil_id)

    def _open_first(self) -> None:
        if self.proxy.rowCount() == 1:
            self._open(self.proxy.index(0, 0))
