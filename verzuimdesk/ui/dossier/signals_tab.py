"""Signalen: the pupil's signals (SIGNALS.md) with their evidence, and the forecasts. Each evidence date
opens the registration grid of the pupil's group on that week. A signal is the school's reason to
look: it never changes the light and never leaves the school."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from verzuimdesk.services.dossier_view import DeskDossier
from verzuimdesk.services.vocabulary import format_date

DATE_ROLE = Qt.ItemDataRole.UserRole + 1


class _Tree(QTreeWidget):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.itemActivated.emit(item, 0)
            return
        super().keyPressEvent(event)


class SignalsTab(QWidget):
    date_activated = Signal(object)  # a date of the evidence: show it in the registration grid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.forecast = QLabel()
        self.forecast.setObjectName("forecast")
        self.forecast.setWordWrap(True)
        self.note = QLabel(self.tr("A signal never changes the light and asks for no action: it is a reason to "
                                   "look. Signals stay inside the school. Double-click a date (or press Enter) to "
                                   "see that week in the registration."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #616161;")
        self.tree = _Tree()
        self.tree.setObjectName("signals")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemActivated.connect(self._activate)
        self.empty = QLabel(self.tr("No signals on the peildatum."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.forecast)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.note)

    def show_dossier(self, d: DeskDossier) -> None:
        if d.forecasts:
            self.forecast.setText(self.tr("Forecast — %1").replace("%1", "; ".join(d.forecasts)))
        else:
            self.forecast.setText(self.tr("Forecast — no report is in sight under continued absence, or one "
                                          "holds already."))
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        grey = QBrush(QColor("#616161"))
        for name, s in zip(d.signal_names, d.signals, strict=True):
            top = QTreeWidgetItem([f"{name}: {s.text}"])
            top.setFont(0, bold)
            top.setToolTip(0, s.basis)
            basis = QTreeWidgetItem([s.basis])
            basis.setForeground(0, grey)
            top.addChild(basis)
            for i, day in enumerate(s.evidence):
                detail = s.details[i] if i < len(s.details) else ""
                child = QTreeWidgetItem([f"{format_date(day)} — {detail}" if detail else format_date(day)])
                child.setData(0, DATE_ROLE, day)
                child.setToolTip(0, self.tr("Show this week in the registration"))
                top.addChild(child)
            for item in s.items:
                top.addChild(QTreeWidgetItem([item]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.setVisible(bool(d.signals))
        self.empty.setVisible(not d.signals)

    def title_count(self) -> int:
        return self.tree.topLevelItemCount()

    def _activate(self, item: QTreeWidgetItem, _column: int) -> None:
        day = item.data(0, DATE_ROLE)
        if isinstance(day, date):
            self.date_activated.emit(day)
