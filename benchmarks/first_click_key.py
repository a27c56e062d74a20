"""The row "a code typed until every visible light follows" of benchmarks/first_click.py (issue 20).

In process, offscreen, on the 1,000-pupil demo: three windows on one context, as a user who keeps
the lights in sight while typing would have them -- the Registratie grid (where the key is typed),
the main window showing the Overzicht (counts, Te doen, Let op) and the Leerlingen list in a window
of its own. One turn: a code key in an empty cell of the grid, until the grid shows it and every
one of those windows shows the pupil's new light, painted (what each window marked changed, as Qt
paints it, and the grid's viewport repainted in full; nothing waits for a timer: the turn ends when
the event queue is empty and the worker pool idle). Baseline, in turns: a durable
INSERT of one absence row (WAL, synchronous=FULL, as the app writes) and a repaint of the grid.
Target: <= 3x.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.first_click_rows import report, turns

FLUSH = False  # True: tell the app at once even where the grid waits for a timer (the before figure)
KEY_DAY = date(2026, 6, 15)  # a Monday before the demo's peildatum: a school week with empty cells


def key_row(folder: Path, size: int, runs: int) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QThreadPool
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from benchmarks.first_click_rows import TODAY
    from verzuimdesk.services.accounts import SCHOOL_WIDE
    from verzuimdesk.services.demo import create_demo
    from verzuimdesk.ui.context import AppContext
    from verzuimdesk.ui.main_window import MainWindow
    from verzuimdesk.ui.pages.pupils_page import PupilsPage
    from verzuimdesk.ui.pages.registration_page import RegistrationPage
    from verzuimdesk.ui.registration_model import COL_FIRST_PART

    app = QApplication.instance() or QApplication([])
    path = folder / "key.db"
    db = create_demo(str(path), size=size, today=TODAY)
    ctx = AppContext(db, SCHOOL_WIDE)
    ctx.set_peildatum(TODAY)
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    pupils = PupilsPage(ctx)
    pupils.resize(1366, 700)
    pupils.show()
    grid = RegistrationPage(ctx)
    grid.resize(1366, 700)
    grid.show()

    def settle() -> None:
        pool = QThreadPool.globalInstance()
        for _ in range(3):  # a worker's answer is an event, which may start another worker
            pool.waitForDone()
            app.processEvents()

    settle()
    grid.show_week(KEY_DAY)
    rows = grid.model.rowCount()
    cells = iter([(r, c) for r in range(rows) for c in range(COL_FIRST_PART, grid.model.columnCount())
                  if not grid.model.lock_reason(r, c) and not grid.model.records_at(r, c)])
    overview = window.overview_page

    def typed() -> float:
        r, c = next(cells)
        pid = grid.model.grid.rows[r].pupil_id  # type: ignore[union-attr]
        grid.view.setCurrentIndex(grid.model.index(r, c))
        before = overview.state.overview
        t = time.perf_counter()
        QTest.keyClick(grid.view, "o")  # ongeoorloofd: a light that may change
        if FLUSH:
            grid.flush()  # the code before issue 20's last step: what its 50 ms timer did
        settle()  # the paint events of what changed are among the events settled
        grid.view.viewport().repaint()  # the grid in full, as the baseline repaints it
        ms = (time.perf_counter() - t) * 1000
        assert grid.model.records_at(r, c), "the grid shows the code"
        now = overview.state.overview
        assert now is not None and now is not before, "the Overzicht has followed"
        row = next(row for row in now.rows if row.pupil_id == pid)
        assert row in pupils.model._rows, "the Leerlingen list has followed"
        return ms

    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS plain_absence (pupil_id INTEGER, day TEXT, code TEXT)")
    days = iter(range(100_000))

    def plain() -> float:
        t = time.perf_counter()
        with conn:
            conn.execute("INSERT INTO plain_absence VALUES (?, ?, ?)",
                         (1, (KEY_DAY + timedelta(days=next(days))).isoformat(), "O"))
        grid.view.viewport().repaint()
        return (time.perf_counter() - t) * 1000

    try:
        ta, tb = turns(typed, plain, runs)
        report(f"a code typed until every visible light follows ({rows} in the group) / durable INSERT + repaint",
               ta, tb, 3)
    finally:
        conn.close()
        for w in (grid, pupils, window):
            w.close()
        settle()
        db.close()
