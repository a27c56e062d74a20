"""The Analyse page's charts, drawn by Qt Charts (PySide6-Addons): the percentage absent per period with
the year before (a line), per group the percentage stacked by category (bars), and the share of each
category (a pie). Hovering shows the numbers. This module imports QtCharts, so the page imports it only
when it is first shown: the app's start does not pay for it.

The charts are made once and only their series are replaced, so a change of period or groups repaints
without building views again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QPieSeries,
    QPieSlice,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QToolTip, QWidget

from verzuimdesk.services.vocabulary import CATEGORIES, Figures, one_decimal, whole_hours
from verzuimdesk.ui.widgets.words import CATEGORY_COLOURS, category_word

THIS_YEAR, LAST_YEAR = "#1f4e79", "#9db4cc"


def _view(chart: QChart) -> QChartView:
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setLocalizeNumbers(True)  # "2,5" in Dutch
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


class TrendCharts(QWidget):
    """Three charts; `show_figures` fills them. `last_tip` is the text of the last hover (for tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_tip = ""
        self.line_chart, self.bar_chart, self.pie_chart = QChart(), QChart(), QChart()
        self.line_chart.setTitle(self.tr("Absent as % of lesson time, per period"))
        self.bar_chart.setTitle(self.tr("Per group, by category (% of lesson time)"))
        self.pie_chart.setTitle(self.tr("Share of each category in the absent minutes"))
        self.line_view, self.bar_view, self.pie_view = (_view(c) for c in (self.line_chart, self.bar_chart,
                                                                              self.pie_chart))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.line_view, 0, 0, 1, 2)
        grid.addWidget(self.bar_view, 1, 0)
        grid.addWidget(self.pie_view, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        # The series' Python wrappers, so the hover slots stay connected.
        self._keep: list[object] = []
        self._keep_line: list[object] = []
        self._last_line: tuple[object, ...] = ()

    # -- filling ----------------------------------------------------------------------------

    def show_figures(self, labels: Sequence[str], now: Sequence[Figures], before: Sequence[Figures | None],
                     groups: Mapping[str, Figures], share: Figures) -> None:
        """`now`/`before`: the chosen groups' figures per period, this year and a year earlier; `groups`:
        each chosen group over the chosen period; `share`: the chosen groups together over that period."""
        line = (tuple(labels), tuple(now), tuple(before))
        if line != self._last_line:  # another period for the bars and the pie leaves the line as it is
            self._last_line = line
            self._keep_line = []
            self._line(labels, now, before)
        self._keep = []
        self._bars(groups)
        self._pie(share)

    def _reset(self, chart: QChart) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)

    def _line(self, labels: Sequence[str], now: Sequence[Figures], before: Sequence[Figures | None]) -> None:
        chart = self.line_chart
        self._reset(chart)
        x = QBarCategoryAxis()
        x.append(list(labels))
        if len(labels) > 12:  # weeks: standing labels, so they need not be cut to "…"
            x.setLabelsAngle(-90)
        y = QValueAxis()
        y.setLabelFormat("%.1f")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        top = 1.0
        lines = ((self.tr("This period"), THIS_YEAR, now), (self.tr("A year earlier"), LAST_YEAR, before))
        for name, colour, values in lines:
            series = QLineSeries()
            series.setName(name)
            series.setPen(QPen(QColor(colour), 2.5 if colour == THIS_YEAR else 1.8))
            series.setPointsVisible(True)
            points = [(i, f) for i, f in enumerate(values) if f is not None and f.lestijd]
            if not points and colour == LAST_YEAR:
                continue
            for i, f in points:
                series.append(QPointF(i, f.percentage()))
                top = max(top, f.percentage())
            chart.addSeries(series)
            series.attachAxis(x)
            series.attachAxis(y)
            series.hovered.connect(lambda point, state, ls=labels, fs=values, n=name:
                                   self._line_tip(point, state, ls, fs, n))
            self._keep_line.append(series)
        y.setRange(0, top * 1.2)
        y.applyNiceNumbers()

    def _line_tip(self, point: QPointF, state: bool, labels: Sequence[str], values: Sequence[Figures | None],
                  name: str) -> None:
        i = round(point.x())
        if not state or not 0 <= i < len(values) or values[i] is None:
            QToolTip.hideText()
            return
        f = values[i]
        assert f is not None
        text = self.tr("%1 (%2): %3% absent of %4 hours lesson time; %5 late; %6 pupils with absence")
        for k, v in enumerate((labels[i], name, one_decimal(f.percentage()), whole_hours(f.lestijd), str(f.late),
                               str(f.pupils_absent)), start=1):
            text = text.replace(f"%{k}", v)
        self._tip(text)

    def _bars(self, groups: Mapping[str, Figures]) -> None:
        chart = self.bar_chart
        self._reset(chart)
        names = list(groups)
        series = QStackedBarSeries()
        for c in CATEGORIES:
            bar = QBarSet(category_word(c))
            bar.setColor(QColor(CATEGORY_COLOURS[c]))
            bar.setBorderColor(QColor(CATEGORY_COLOURS[c]))
            bar.append([groups[g].percentage(c) for g in names])
            bar.hovered.connect(lambda state, i, cat=c: self._bar_tip(state, i, cat, names, groups))
            series.append(bar)
            self._keep.append(bar)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(names)
        y = QValueAxis()
        y.setLabelFormat("%.1f")
        y.setRange(0, max([groups[g].percentage() for g in names] + [1.0]) * 1.15)
        y.applyNiceNumbers()
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        self._keep.append(series)

    def _bar_tip(self, state: bool, i: int, category: object, names: list[str], groups: Mapping[str, Figures]) -> None:
        if not state or not 0 <= i < len(names):
            QToolTip.hideText()
            return
        f = groups[names[i]]
        c = next(x for x in CATEGORIES if x is category)
        text = self.tr("Group %1 – %2: %3% (%4 hours); all absence %5% of %6 hours")
        for k, v in enumerate((names[i], category_word(c), one_decimal(f.percentage(c)), whole_hours(f.minutes(c)),
                               one_decimal(f.percentage()), whole_hours(f.lestijd)), start=1):
            text = text.replace(f"%{k}", v)
        self._tip(text)

    def _pie(self, f: Figures) -> None:
        chart = self.pie_chart
        self._reset(chart)
        series = QPieSeries()
        total = sum(f.absent)
        for c in CATEGORIES:
            if not f.minutes(c):
                continue
            share = 100 * f.minutes(c) / total
            piece = QPieSlice(f"{category_word(c)} {one_decimal(share)}%", f.minutes(c))
            piece.setColor(QColor(CATEGORY_COLOURS[c]))
            # the legend names every slice with its share; a large slice says it inside as well (a label
            # outside the pie was cut off at the chart's edge: "Ongeoorlo…")
            piece.setLabelVisible(share >= 25)
            piece.setLabelPosition(QPieSlice.LabelPosition.LabelInsideHorizontal)
            piece.setLabelColor(QColor("white"))
            piece.hovered.connect(lambda state, s=piece, cat=c: self._pie_tip(state, s, cat, f))
            series.append(piece)
            self._keep.append(piece)
        series.setPieSize(0.65)
        chart.addSeries(series)
        chart.legend().setVisible(True)
        self._keep.append(series)

    def _pie_tip(self, state: bool, piece: QPieSlice, c: object, f: Figures) -> None:
        piece.setExploded(state)
        if not state:
            QToolTip.hideText()
            return
        cat = next(x for x in CATEGORIES if x is c)
        text = self.tr("%1: %2 hours, %3% of the absent minutes")
        for k, v in enumerate((category_word(cat), whole_hours(f.minutes(cat)),
                               one_decimal(100 * f.minutes(cat) / max(1, sum(f.absent)))), start=1):
            text = text.replace(f"%{k}", v)
        self._tip(text)

    def _tip(self, text: str) -> None:
        self.last_tip = text
        QToolTip.showText(QCursor.pos(), text, self)
