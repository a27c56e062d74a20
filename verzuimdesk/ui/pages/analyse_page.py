"""Analyse: the school's absence figures over time (SIGNALS.md "Trends") as charts, for the IB-er and
the directie. The user chooses the range, the kind of period, the groups and the period the bars and
the pie show; the figures come from services/trends.py and name no pupil.

The charts (Qt Charts) are built when the page is first shown, so the app's start imports nothing of
them; the figures are computed off the GUI thread. Choosing groups or the shown period only repaints
from the figures already there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.trends import PERIODS, Figures, SchoolTrends, default_range, school_trends
from verzuimdesk.services.vocabulary import one_decimal, whole_hours
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.follow import Follower
from verzuimdesk.ui.tasks import run_task

PER_WORDS = {"week": QT_TRANSLATE_NOOP("AnalysePage", "Week"), "maand": QT_TRANSLATE_NOOP("AnalysePage", "Month"),
             "kwartaal": QT_TRANSLATE_NOOP("AnalysePage", "Quarter"),
             "schooljaar": QT_TRANSLATE_NOOP("AnalysePage", "School year")}


def _sum(figures: list[Figures]) -> Figures:
    return sum(figures, Figures())


class AnalysePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: SchoolTrends | None = None
        self.charts: Any = None  # the TrendCharts widget, made on first show
        self.busy = False
        self.stale = True
        self.asked = 0  # questions asked of the service; an answer to an earlier one is dropped
        self.chosen_groups: set[str] | None = None  # None: every group the account sees
        self.group_actions: dict[str, Any] = {}
        first, last = default_range(ctx.peildatum)
        self.start = QDateEdit(QDate(first))
        self.end = QDateEdit(QDate(last))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
        self.per = QComboBox()
        for per in PERIODS:
            self.per.addItem(self.tr(PER_WORDS[per]), per)
        self.per.setCurrentIndex(PERIODS.index("maand"))
        self.groups = QToolButton()
        self.groups.setText(self.tr("Groups"))
        self.groups.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.shown = QComboBox()
        self.shown.setToolTip(self.tr("The period the bars and the pie show"))
        self.shown.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.export = QPushButton(self.tr("Export…"))
        self.export.setToolTip(self.tr("The Verzuimanalyse as PDF or XLSX, without pupil names"))
        self.export.setEnabled(ctx.account.can(Permission.EXPORT_FIGURES))
        self.export.clicked.connect(self._export)
        self.title = QLabel(self.tr("Analysis"))
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        for label, widget in ((self.tr("From"), self.start), (self.tr("to"), self.end), (self.tr("Per"), self.per),
                              (None, self.groups), (self.tr("Bars and pie:"), self.shown), (None, self.export)):
            if label:
                top.addWidget(QLabel(label))
            top.addWidget(widget)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.summary)
        self.recompute_timer = QTimer(self, singleShot=True, interval=250)
        self.recompute_timer.timeout.connect(self.recompute)
        for signal in (self.start.dateChanged, self.end.dateChanged, self.per.currentIndexChanged):
            signal.connect(lambda *_: self.recompute_timer.start())
        self.shown.currentIndexChanged.connect(lambda _i: self.repaint_charts())
        self.follow = Follower(self, ctx, self._changed)

    # -- life cycle -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.charts is None:
            from verzuimdesk.ui.widgets.trend_charts import TrendCharts

            self.charts = TrendCharts(self)
            self.layout_.addWidget(self.charts, 1)
        if self.stale:
            self.recompute()

    def _changed(self, _what: OpChanges) -> None:
        """On screen (the follower calls this later for a hidden page, when it is shown)."""
        self.stale = True
        self.recompute_timer.start()

    # -- figures ----------------------------------------------------------------------------

    def recompute(self) -> None:
        """Compute the figures of the chosen range off the GUI thread; the page repaints when they come."""
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if start > end:
            self.summary.setText(self.tr("The start date lies after the end date."))
            return
        self.recompute_timer.stop()  # asked now; a change that started the timer is answered by this
        self.stale, self.busy = False, True
        self.asked += 1
        asked = self.asked
        self.summary.setText(self.tr("Computing the figures…"))
        db, per = self.ctx.db, self.per.currentData()
        run_task(lambda: school_trends(db, start=start, end=end, per=per),
                 on_done=lambda data: self._got(data) if asked == self.asked else None,
                 on_error=lambda exc: self._failed(exc) if asked == self.asked else None)

    def _got(self, data: SchoolTrends) -> None:
        """The figures computed; only the answer to the last question asked is shown."""
        self.busy = False
        self.data = data
        groups = [g for g in data.trends.groups if self.ctx.account.sees_group(g)]
        self._group_menu(groups)
        self.shown.blockSignals(True)
        previous = self.shown.currentData()
        self.shown.clear()
        self.shown.addItem(self.tr("Whole range"), -1)
        for i, p in enumerate(data.trends.periods):
            self.shown.addItem(p.current.label, i)
        found = self.shown.findData(previous)
        self.shown.setCurrentIndex(max(0, found))
        self.shown.blockSignals(False)
        self.repaint_charts()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.summary.setText(str(exc))

    def _group_menu(self, groups: list[str]) -> None:
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self.groups)
        chosen = set(groups) if self.chosen_groups is None else self.chosen_groups & set(groups)
        self.group_actions = {}
        for g in groups:
            action = menu.addAction(self.tr("Group %1").replace("%1", g))
            action.setCheckable(True)
            action.setChecked(g in chosen)
            action.toggled.connect(lambda _on: self._groups_toggled())
            self.group_actions[g] = action
        self.groups.setMenu(menu)
        self._group_button_text()

    def set_groups(self, groups: set[str]) -> None:
        """Show only `groups` (the menu's check marks follow)."""
        for g, action in self.group_actions.items():
            action.blockSignals(True)
            action.setChecked(g in groups)
            action.blockSignals(False)
        self._groups_toggled()

    def _groups_toggled(self) -> None:
        self.chosen_groups = {g for g, a in self.group_actions.items() if a.isChecked()}
        self._group_button_text()
        self.repaint_charts()

    def _group_button_text(self) -> None:
        n, total = sum(a.isChecked() for a in self.group_actions.values()), len(self.group_actions)
        self.groups.setText(self.tr("All groups") if n == total else
                            self.tr("%1 of %2 groups").replace("%1", str(n)).replace("%2", str(total)))

    def visible_groups(self) -> list[str]:
        return [g for g, a in self.group_actions.items() if a.isChecked()]

    def repaint_charts(self) -> None:
        """Fill the charts from the figures there are: the chosen groups, the shown period."""
        if self.data is None or self.charts is None:
            return
        t = self.data.trends
        groups = self.visible_groups()
        now = [_sum([p.current.groups[g] for g in groups]) for p in t.periods]
        before = [_sum([p.previous.groups[g] for g in groups if g in p.previous.groups]) if p.previous else None
                  for p in t.periods]
        i = self.shown.currentData()
        shown = t.total if i is None or i < 0 else t.periods[i]
        per_group = {g: shown.current.groups[g] for g in groups}
        together = _sum(list(per_group.values()))
        self.charts.show_figures([p.current.label for p in t.periods], now, before, per_group, together)
        self.summary.setText(self._summary(shown.current.label if i is not None and i >= 0 else None, together,
                                           _sum([shown.previous.groups[g] for g in groups
                                                 if g in shown.previous.groups]) if shown.previous else None))

    def _summary(self, label: str | None, f: Figures, before: Figures | None) -> str:
        text = self.tr("%1: %2% absent of %3 hours lesson time%4; %5 times late; %6 pupils with absence; "
                       "at the end: %7 green, %8 orange, %9 red; %10 DUO reports; cases %11 opened, %12 closed.")
        earlier = self.tr(" (a year earlier %1%)").replace("%1", one_decimal(before.percentage())) \
            if before is not None and before.lestijd else ""
        values = [label or self.tr("Whole range"), one_decimal(f.percentage()), whole_hours(f.lestijd), earlier,
                  str(f.late), str(f.pupils_absent),
                  *(str(n) for n in f.lights), str(f.duo_reports), str(f.cases_opened), str(f.cases_closed)]
        for k in range(len(values), 0, -1):  # %10 before %1
            text = text.replace(f"%{k}", values[k - 1])
        return text

    # -- export -----------------------------------------------------------------------------

    def _export(self) -> None:
        if self.data is None:
            return
        from verzuimdesk.services.dossier import Refused
        from verzuimdesk.services.trends import export_trends

        t = self.data.trends
        name = f"verzuimanalyse-{t.start:%Y%m%d}-{t.end:%Y%m%d}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the analysis"), str(Path.home() / name),
                                              self.tr("PDF (*.pdf);;Excel (*.xlsx)"))
        if not path:
            return
        try:
            export_trends(self.ctx.db, self.data, out=Path(path), by=self.ctx.account, printed=date.today())
        except Refused as exc:
            QMessageBox.warning(self, "VerzuimDesk", str(exc))
