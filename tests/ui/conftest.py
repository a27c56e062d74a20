"""The desk's window on the demo school (tests/conftest.py's `demo_db`), shared by the UI tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import DEMO_TODAY
from verzuimdesk.services.accounts import SCHOOL_WIDE, Account
from verzuimdesk.storage.database import open_database
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.main_window import MainWindow


def desk(qtbot: QtBot, path: Path, account: Account = SCHOOL_WIDE, peildatum: date = DEMO_TODAY) -> MainWindow:
    """The main window on the database at `path`, shown, as `account` on `peildatum`."""
    ctx = AppContext(open_database(str(path)), account)
    ctx.set_peildatum(peildatum)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def window(qtbot: QtBot, demo_db: Path) -> MainWindow:
    """The desk on a copy of the demo school, school-wide."""
    return desk(qtbot, demo_db)
