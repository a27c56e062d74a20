"""Refresh the desk's screenshots in docs/screenshots/ at 1366x768, in Dutch, on a fresh demo school.

    QT_QPA_PLATFORM=offscreen python3 docs/screenshots/shoot.py [folder]

The demo is made for today's date in a temporary folder; nothing of the user's data is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
os.environ["VERZUIMDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="verzuimdesk-shots-")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from verzuimdesk.services.accounts import SCHOOL_WIDE  # noqa: E402
from verzuimdesk.services.demo import create_demo  # noqa: E402
from verzuimdesk.ui.app import install_translations  # noqa: E402
from verzuimdesk.ui.context import AppContext  # noqa: E402
from verzuimdesk.ui.settings import configure_qsettings  # noqa: E402

W, H = 1366, 768


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget: QWidget, name: str, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(OUT / f"{name}.png"))
    print(OUT / f"{name}.png")


def main() -> None:
    app = QApplication(sys.argv[:1])
    configure_qsettings()
    install_translations(app)
    db = create_demo(str(Path(os.environ["VERZUIMDESK_DATA_DIR"]) / "verzuimdesk.db"))
    from verzuimdesk.ui.main_window import MainWindow

    ctx = AppContext(db, SCHOOL_WIDE)
    w = MainWindow(ctx)
    w.resize(W, H)
    w.show()
    wanted = set(sys.argv[2:])
    pages = {"overview": w.PAGE_OVERVIEW, "pupils": w.PAGE_PUPILS, "registration": w.PAGE_REGISTRATION,
             "settings": w.PAGE_SETTINGS}  # by the window's own numbers (Analyse came in before Instellingen)
    for name, row in pages.items():
        if wanted and name not in wanted:
            continue
        w.nav.setCurrentRow(row)
        save(w, name, app)
    w.nav.setCurrentRow(w.PAGE_OVERVIEW)
    if not wanted or "dossier-verzuim" in wanted:
        from verzuimdesk.ui.dossier import open_dossier

        number = next(r.pupil_id for r in w.overview_page.state.current().rows if r.number == "1027")
        d = open_dossier(ctx, number, w)
        assert d is not None
        d.resize(W, H)
        d.tabs.setCurrentIndex(1)
        save(d, "dossier-verzuim", app)
        d.close()
    if not wanted or "logboek" in wanted:
        from verzuimdesk.ui.audit_dialog import AuditDialog

        log = AuditDialog(db, w, by=SCHOOL_WIDE)
        log.resize(W - 100, H - 100)
        log.show()
        save(log, "logboek", app)
        log.close()
    if not wanted or "help" in wanted:
        from verzuimdesk.ui.help_dialog import show_help

        manual = show_help(w)
        manual.resize(900, H - 60)
        save(manual, "help", app)
        manual.close()
    w.close()
    db.close()


if __name__ == "__main__":
    main()
