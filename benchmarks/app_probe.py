"""Run by benchmarks/first_click.py in a fresh process: start a window and print, on stdout, one line per
moment a user sees (`painted <what>`), then quit. Not a benchmark on its own.

    python benchmarks/app_probe.py bare            a bare PySide6 QMainWindow, painted once (the baseline)
    python benchmarks/app_probe.py app PASSWORD [PAUSE]
                                                   VerzuimDesk as it starts (VERZUIMDESK_DB names the
                                                   database): the login painted, the password submitted
                                                   (at once, or PAUSE seconds later, as a user who types
                                                   it), the main window painted, then the overview filled
"""

from __future__ import annotations

import sys


def _say(what: str) -> None:
    sys.stdout.write(f"painted {what}\n")
    sys.stdout.flush()


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()
    window.repaint()
    QTimer.singleShot(0, lambda: (_say("window"), app.quit()))
    return app.exec()


def app(password: str, pause: float = 0.0) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    qapp = QApplication(sys.argv[:1])
    seen: set[str] = set()

    def submit(dialog: object) -> None:
        _say("submitted")  # the moment the user presses Enter
        dialog.username.setText("demo")  # type: ignore[attr-defined]
        dialog.password.setText(password)  # type: ignore[attr-defined]
        dialog.try_login()  # type: ignore[attr-defined]

    def poll() -> None:
        from verzuimdesk.ui import app as ui_app
        from verzuimdesk.ui.login_dialog import LoginDialog

        for w in QApplication.topLevelWidgets():
            if isinstance(w, LoginDialog) and w.isVisible() and "login" not in seen:
                seen.add("login")
                w.repaint()
                _say("login")
                if pause:  # the event loop runs meanwhile, as while a user types
                    QTimer.singleShot(int(pause * 1000), lambda d=w: submit(d))
                else:
                    submit(w)
        session = ui_app.Session.current
        if session is not None and session.window.isVisible() and "window" not in seen:
            seen.add("window")
            session.window.repaint()
            _say("window")  # the main window on screen (its Overzicht may still be working out the lights)
        if session is not None and session.window.isVisible() and _overview_filled(session.window):
            session.window.repaint()
            _say("overview")
            timer.stop()
            qapp.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(1)
    # A window that never fills (a message box waiting for a click, say) ends the probe rather than
    # the benchmark waiting for ever; the benchmark then says which line it missed.
    QTimer.singleShot(120_000, lambda: (_say("gave up"), qapp.quit()))
    from verzuimdesk.ui.app import run_app

    return run_app(sys.argv[:1])


def _overview_filled(window: object) -> bool:
    """The overview shows the school's lights (a window that computes them later shows a placeholder)."""
    try:
        from verzuimdesk.ui.desk_state import DeskState
    except ImportError:  # an older VerzuimDesk (the before figures): the overview was computed before the window
        return True
    return DeskState.of(window.ctx).overview is not None  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare" else app(sys.argv[2] if len(sys.argv) > 2 else "",
                                                     float(sys.argv[3]) if len(sys.argv) > 3 else 0.0))
