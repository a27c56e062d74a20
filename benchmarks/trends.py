"""Benchmark: the school's trends (SIGNALS.md "Trends") of a 1,000-pupil school over two school years per
month, end to end from an opened database, and the Analyse page repainting after a change of period.

Prints (a) `school_trends` per month over both school years of the demo (24 months, each with the
year before where there are data, the lights of every pupil at every month's end recomputed by the
engine), (b) one SQL query summing the same absence rows per month, their ratio (timed in turns, so a
slow moment of this shared machine falls on both), and the Analyse page's repaint after choosing
another period for the bars and the pie, after choosing other groups, and after another kind of
period (that one computes the figures again). Targets (issue 23): (a) <= 1 s; a repaint <= 100 ms.
The CPU time of (a) is printed too: on this machine, shared by several builds, the wall time is often
three or four times the CPU time.

    python benchmarks/trends.py [--size 1000] [--plain] [--no-page]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text

from benchmarks.status import PASSWORD, paired
from verzuimdesk.services.demo import create_demo
from verzuimdesk.services.trends import school_trends
from verzuimdesk.storage.database import Database

TODAY = date(2026, 6, 19)  # late in the second school year of the demo
START, END = date(2024, 8, 1), date(2026, 7, 31)  # both school years


def sum_query(db: Database) -> None:
    with db.read() as s:
        s.execute(text("SELECT strftime('%Y-%m', day), count(*), sum(coalesce(minutes_late, 0)) FROM absence "
                       "WHERE day BETWEEN :a AND :b GROUP BY 1"), {"a": START, "b": END}).all()


def trends(db: Database) -> None:
    school_trends(db, start=START, end=END, per="maand")


def page_times(db: Database) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from verzuimdesk.services.accounts import SCHOOL_WIDE
    from verzuimdesk.ui.context import AppContext
    from verzuimdesk.ui.pages.analyse_page import AnalysePage

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(db, SCHOOL_WIDE)
    ctx.set_peildatum(TODAY)
    page = AnalysePage(ctx)
    page.resize(1366, 768)
    t = time.perf_counter()
    page.show()
    charts_ms = (time.perf_counter() - t) * 1000
    page.start.setDate(START)
    page.end.setDate(END)
    page.recompute_timer.stop()
    page.recompute()
    while page.data is None or page.busy:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()

    def repaint() -> None:
        for view in (page.charts.line_view, page.charts.bar_view, page.charts.pie_view):
            view.viewport().repaint()  # paints now, not when the event loop gets to it
        page.summary.repaint()

    cpu: list[float] = []

    def timed(change: object) -> list[float]:
        out = []
        cpu.clear()
        for i in range(12):
            t0, c0 = time.perf_counter(), time.process_time()
            change(i)  # type: ignore[operator]
            repaint()
            out.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        return out

    periods = timed(lambda i: page.shown.setCurrentIndex(1 + (i * 5) % (page.shown.count() - 1)))
    periods_cpu = statistics.median(cpu)
    groups = list(page.group_actions)
    chosen = timed(lambda i: page.set_groups(set(groups[: 2 + i % (len(groups) - 1)])))
    chosen_cpu = statistics.median(cpu)

    def other_kind(i: int) -> None:
        page.per.blockSignals(True)
        page.per.setCurrentIndex((2, 1)[i % 2])  # kwartaal, maand
        page.per.blockSignals(False)
        page._got(school_trends(db, start=START, end=END, per=page.per.currentData()))

    kind = timed(other_kind)[:6]
    print(f"   first show of the page (Qt Charts imported, three charts made): {charts_ms:6.0f} ms")
    print(f"   repaint after another period for the bars and pie: {statistics.median(periods):6.1f} ms "
          f"(median of {len(periods)}, slowest {max(periods):.1f}; CPU {periods_cpu:.1f})")
    print(f"   repaint after other groups:                        {statistics.median(chosen):6.1f} ms "
          f"(median, slowest {max(chosen):.1f}; CPU {chosen_cpu:.1f})")
    print(f"   another kind of period (month <-> quarter), figures computed again and repainted: "
          f"{statistics.median(kind):6.0f} ms (median)")
    page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--plain", action="store_true", help="an unencrypted database")
    parser.add_argument("--no-page", action="store_true", help="leave out the page's repaint")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        db = create_demo(str(Path(tmp) / "demo.db"), size=args.size, today=TODAY,
                         password=None if args.plain else PASSWORD)
        with db.read() as s:
            rows = s.execute(text("SELECT count(*) FROM absence WHERE day BETWEEN :a AND :b"),
                             {"a": START, "b": END}).scalar_one()
        print(f"{args.size} pupils, {rows} absence records {START}..{END} "
              f"({'unencrypted' if args.plain else 'encrypted'}; made in {time.perf_counter() - t:.0f} s)")
        ta, tb = paired(lambda: trends(db), lambda: sum_query(db), runs=7)
        a, b = statistics.median(ta), statistics.median(tb)
        ratio = statistics.median(x / y for x, y in zip(ta, tb, strict=True))
        cpu = []
        for _ in range(5):
            c = time.process_time()
            trends(db)
            cpu.append((time.process_time() - c) * 1000)
        print(f"   (a) trends per month over two school years:  {a:8.1f} ms  (fastest {min(ta):.0f}; "
              f"CPU time {statistics.median(cpu):.0f} ms, what it takes on a machine not shared)")
        print(f"   (b) one SQL sum of the same rows per month:   {b:8.1f} ms")
        print(f"   ratio (a)/(b): {ratio:.0f} (median of {len(ta)} turns)")
        if not args.no_page:
            page_times(db)
        db.close()


if __name__ == "__main__":
    main()
