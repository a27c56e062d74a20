"""The Analyse page on the demo school: real charts, filled from the trends service; the user's choice of
groups and shown period repaints them; hovering tells the numbers; no pupil is named; the directie sees
this page and no dossier."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.test_layers import modules_after
from verzuimdesk.services.accounts import SCHOOL_WIDE, Account, Role
from verzuimdesk.services.demo import create_demo
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.loading import load_pupil_data
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.pages.analyse_page import AnalysePage

TODAY = date(2026, 3, 20)


@pytest.fixture
def demo(tmp_path: Path) -> str:
    target = str(tmp_path / "demo.db")
    create_demo(target, size=40, today=TODAY).close()
    return target


def shown_page(qtbot: QtBot, target: str, account: Account = SCHOOL_WIDE) -> AnalysePage:
    ctx = AppContext(open_database(target), account)
    ctx.set_peildatum(TODAY)
    page = AnalysePage(ctx)
    qtbot.addWidget(page)
    assert page.charts is None  # nothing of Qt Charts before the page is shown
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=60_000)
    return page


def test_the_app_starts_without_importing_qt_charts() -> None:
    loaded = modules_after("import verzuimdesk.ui.main_window, verzuimdesk.ui.pages.analyse_page")
    assert "PySide6.QtCharts" not in loaded and "PySide6.QtWidgets" in loaded


def test_the_charts_show_the_periods_the_groups_and_the_categories(qtbot: QtBot, demo: str) -> None:
    page = shown_page(qtbot, demo)
    charts = page.charts
    t = page.data.trends
    assert t.periods[0].current.label == "aug 2025" and len(t.periods) == 8  # aug … mrt
    now, before = charts.line_chart.series()
    assert now.count() == 8 and before.count() == 8  # the demo holds the school year before
    assert now.at(7).y() == pytest.approx(t.periods[7].current.school.percentage())
    (bars,) = charts.bar_chart.series()
    assert bars.count() == 5 and [s.count() for s in bars.barSets()] == [8] * 5
    pie_total = sum(s.value() for s in charts.pie_chart.series()[0].slices())
    assert pie_total == sum(t.total.current.school.absent)
    assert page.summary.text().startswith(page.tr("Whole range"))

    # groups chosen: the bars and the line follow, without computing again
    page.set_groups({"7", "8"})
    assert page.groups.text() != page.tr("All groups")
    (bars,) = charts.bar_chart.series()
    assert [s.count() for s in bars.barSets()] == [2] * 5
    axis = charts.bar_chart.axes()[0]
    assert axis.categories() == ["7", "8"]
    seven_eight = t.periods[7].current.groups["7"] + t.periods[7].current.groups["8"]
    assert charts.line_chart.series()[0].at(7).y() == pytest.approx(seven_eight.percentage())

    # another period for the bars and the pie
    page.shown.setCurrentIndex(page.shown.findData(3))  # nov 2025
    assert page.summary.text().startswith("nov 2025")
    nov = t.periods[3].current
    assert sum(s.value() for s in charts.pie_chart.series()[0].slices()) == sum(
        (nov.groups["7"] + nov.groups["8"]).absent)


def test_hovering_shows_the_numbers(qtbot: QtBot, demo: str) -> None:
    page = shown_page(qtbot, demo)
    charts = page.charts
    t = page.data.trends
    (bars,) = charts.bar_chart.series()
    sick = bars.barSets()[0]
    sick.hovered.emit(True, 0)
    first = t.total.current.groups[t.groups[0]]
    assert t.groups[0] in charts.last_tip and f"{first.percentage():.1f}".replace(".", ",") in charts.last_tip
    line = charts.line_chart.series()[0]
    line.hovered.emit(line.at(2), True)
    assert charts.last_tip.startswith("okt 2025")
    for piece in charts.pie_chart.series()[0].slices():
        piece.hovered.emit(True)
        assert piece.isExploded() and "%" in charts.last_tip
        piece.hovered.emit(False)


def test_no_pupil_is_named_on_the_page(qtbot: QtBot, demo: str) -> None:
    page = shown_page(qtbot, demo)
    with page.ctx.db.read() as s:
        names = {w for p in load_pupil_data(s) for w in re.findall(r"\b[A-ZÀ-Þ]\w{2,}", p.name)}
    assert names
    charts = page.charts
    texts = [page.summary.text(), *(page.shown.itemText(i) for i in range(page.shown.count()))]
    for chart in (charts.line_chart, charts.bar_chart):
        for axis in chart.axes():
            texts += axis.categories() if hasattr(axis, "categories") else []
    texts += [s.label() for s in charts.pie_chart.series()[0].slices()]
    (bars,) = charts.bar_chart.series()
    for i in range(len(page.visible_groups())):
        bars.barSets()[2].hovered.emit(True, i)
        texts.append(charts.last_tip)
    text = " ".join(texts)
    assert not [w for w in names if re.search(rf"\b{w}\b", text)]


def test_the_directie_sees_the_analysis_and_no_dossier(qtbot: QtBot, demo: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from verzuimdesk.ui.dossier import open_dossier
    from verzuimdesk.ui.main_window import MainWindow

    directie = Account("dir", "De directeur", Role.MANAGEMENT)
    ctx = AppContext(open_database(demo), directie)
    ctx.set_peildatum(TODAY)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [window.tr("Analysis")]
    assert window.pages.currentWidget() is window.analyse_page
    qtbot.waitUntil(lambda: window.analyse_page.data is not None, timeout=60_000)
    assert window.analyse_page.export.isEnabled()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    assert open_dossier(ctx, 1, window) is None and warned
    teacher = Account("lk", "Juf", Role.TEACHER, ("5",))
    other = MainWindow(AppContext(open_database(demo), teacher))
    qtbot.addWidget(other)
    assert other.nav.count() == 6 and other.nav.item(MainWindow.PAGE_ANALYSIS).text() == other.tr("Analysis")


def test_another_kind_of_period_computes_the_figures_again(qtbot: QtBot, demo: str) -> None:
    page = shown_page(qtbot, demo)
    page.per.setCurrentIndex(page.per.findData("kwartaal"))
    qtbot.waitUntil(lambda: page.data is not None and page.data.trends.per == "kwartaal", timeout=60_000)
    labels = page.charts.line_chart.axes()[0].categories()
    assert labels == ["K3 2025", "K4 2025", "K1 2026"]
    page.start.setDate(date(2026, 3, 1))
    page.end.setDate(date(2026, 2, 1))
    page.recompute()
    assert page.summary.text() == page.tr("The start date lies after the end date.")
    assert page.data.trends.per == "kwartaal"  # the figures shown stay those asked for before


def test_no_pie_label_sticks_out_of_the_chart(qtbot: QtBot, demo: str) -> None:
    """A label outside the pie was cut at the chart's edge ("Ongeoorlo…"): the legend names every slice
    with its share, and only a large slice says it inside as well."""
    from PySide6.QtCharts import QPieSlice

    page = shown_page(qtbot, demo)
    slices = page.charts.pie_chart.series()[0].slices()
    shown = [s for s in slices if s.isLabelVisible()]
    assert shown and all(s.labelPosition() == QPieSlice.LabelPosition.LabelInsideHorizontal for s in shown)
    assert all(s.percentage() >= 0.25 for s in shown)
    legend = page.charts.pie_chart.legend()
    assert legend.isVisible() and len(legend.markers()) == len(slices)
