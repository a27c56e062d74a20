"""The garbage collector held off while the app starts (ui/collector.py), and on again after."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from verzuimdesk.ui import collector


@pytest.fixture(autouse=True)
def as_before() -> Iterator[None]:
    was = gc.isenabled()
    yield
    collector._paused = False
    gc.unfreeze()
    (gc.enable if was else gc.disable)()


def test_paused_at_the_start_and_on_again_with_the_start_frozen() -> None:
    gc.enable()
    collector.pause()
    assert not gc.isenabled()
    collector.pause()  # a second call (run_app after __main__) changes nothing
    collector.resume()
    assert gc.isenabled() and gc.get_freeze_count() > 0
    frozen = gc.get_freeze_count()
    collector.resume()  # once: the login and the window may both ask
    assert gc.get_freeze_count() == frozen


def test_a_collector_switched_off_by_someone_else_stays_off() -> None:
    gc.disable()
    collector.pause()
    collector.resume()
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_the_app_runs_with_the_collector_on_once_its_window_is_shown(tmp_path: object) -> None:
    """The real start, in a process of its own: `verzuimdesk` pauses the collector before Qt is imported,
    and it is on again shortly after the main window is on screen with its overview."""
    script = (
        "import gc, os, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import verzuimdesk.__main__ as m\n"
        "seen = []\n"
        "def poll():\n"
        "    from verzuimdesk.ui import app\n"
        "    from verzuimdesk.ui.desk_state import DeskState\n"
        "    s = app.Session.current\n"
        "    if s is not None and s.window.isVisible() and DeskState.of(s.ctx).overview is not None\\\n"
        "            and not DeskState.of(s.ctx).computing:\n"
        "        t.stop(); done()\n"
        "def done():\n"
        "    if gc.isenabled() or len(seen) > 2000:  # on again shortly after the window (or 10 s gone)\n"
        "        print('start', seen[0], 'shown', gc.isenabled(), gc.get_freeze_count() > 0, flush=True)\n"
        "        QApplication.instance().quit()\n"
        "    else:\n"
        "        seen.append(None); QTimer.singleShot(5, done)\n"
        "def arm():\n"
        "    global t\n"
        "    seen.append(gc.isenabled())  # the first zero timer: queued before the window's resume\n"
        "    t = QTimer(); t.timeout.connect(poll); t.start(5)\n"
        "import verzuimdesk.ui.app as ua\n"
        "real = ua.QApplication\n"
        "class Armed(real):\n"
        "    def __init__(self, *a):\n"
        "        super().__init__(*a); QTimer.singleShot(0, arm)\n"
        "ua.QApplication = Armed\n"
        "sys.exit(m.main([]))\n"
    )
    import os
    from pathlib import Path

    from verzuimdesk.services.demo import create_demo

    folder = Path(str(tmp_path))
    create_demo(str(folder / "school.db")).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VERZUIMDESK_DB": str(folder / "school.db"),
           "VERZUIMDESK_DATA_DIR": str(folder)}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                         cwd=str(Path(__file__).resolve().parents[2]))
    assert "start False shown True True" in out.stdout, out.stdout + out.stderr
