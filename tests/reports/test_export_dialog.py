"""The export dialog driven as a user drives it: fill in the form, press Export, the PDF is opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.reports.conftest import open_db


def test_dialog_exports_off_the_gui_thread_and_opens_the_pdf(qtbot: object, school_db: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    from PySide6.QtCore import QDate
    from sqlalchemy import select

    from verzuimdesk.storage.models import Pupil
    from verzuimdesk.ui import export_dialog

    opened: list[str] = []
    monkeypatch.setattr(export_dialog.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    db = open_db(school_db)
    with db.read() as s:
        pid = s.scalar(select(Pupil.id).where(Pupil.number == "1001"))
    dialog = export_dialog.ExportDialog(db, pupil_id=pid, kind="dossier", today=date(2025, 11, 21))
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert not dialog.consent.isEnabled()
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("leerplicht"))
    dialog.end.setDate(QDate(2025, 11, 21))
    out = tmp_path / "lp.pdf"
    dialog.path.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)  # type: ignore[attr-defined]
    assert opened == [str(out)]
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "leerplichtambtenaar" in text and "ziek gemeld door moeder" not in text
    db.close()


def test_dialog_shows_the_dutch_refusal_and_stays_open(qtbot: object, school_db: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui import export_dialog

    warned: list[str] = []
    monkeypatch.setattr(export_dialog.QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    db = open_db(school_db)
    dialog = export_dialog.ExportDialog(db, pupil_id=None, kind="dossier")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("swv"))
    assert dialog.consent.isEnabled()
    dialog.path.setText(str(tmp_path / "x.pdf"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(warned), timeout=10000)  # type: ignore[attr-defined]
    assert warned == ["Kies eerst een leerling."]
    assert dialog.export_button.isEnabled() and not (tmp_path / "x.pdf").exists()
    db.close()
