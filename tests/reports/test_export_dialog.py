"""The export dialog driven as a user drives it: fill in the form, press Export, open the PDF or its folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.actors import IB
from tests.conftest import PATIENCE_MS
from tests.reports.conftest import cli, flat, open_db, pdf_text


def test_dialog_exports_off_the_gui_thread_then_opens_the_pdf_or_its_folder(qtbot: object, school_db: Path, tmp_path: Path,
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
    dialog = export_dialog.ExportDialog(db, pupil_id=pid, kind="dossier", today=date(2025, 11, 21), by=IB)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert not dialog.consent.isEnabled()
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("leerplicht"))
    dialog.end.setDate(QDate(2025, 11, 21))
    out = tmp_path / "lp.pdf"
    dialog.path.setText(str(out))
    dialog.show()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert dialog.isVisible() and str(out) in dialog.message.text() and dialog.folder_button.isVisible()
    dialog.open_button.click()
    dialog.folder_button.click()
    assert opened == [str(out), str(tmp_path)]
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "leerplichtambtenaar" in text and "ziek gemeld door moeder" not in text
    db.close()


def test_dialog_shows_the_dutch_refusal_and_stays_open(qtbot: object, school_db: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui import export_dialog

    warned: list[str] = []
    monkeypatch.setattr(export_dialog.QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    db = open_db(school_db)
    dialog = export_dialog.ExportDialog(db, pupil_id=None, kind="dossier", by=IB)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("swv"))
    assert dialog.consent.isEnabled()
    dialog.path.setText(str(tmp_path / "x.pdf"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(warned), timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert warned == ["Kies eerst een leerling."]
    assert dialog.export_button.isEnabled() and not (tmp_path / "x.pdf").exists()
    db.close()


def _dialog(qtbot: object, db: object, number: str, kind: str = "dossier", **kw: object) -> object:
    from datetime import date

    from sqlalchemy import select

    from verzuimdesk.storage.models import Pupil
    from verzuimdesk.ui import export_dialog

    with db.read() as s:  # type: ignore[attr-defined]
        pid = s.scalar(select(Pupil.id).where(Pupil.number == number))
    dialog = export_dialog.ExportDialog(db, pupil_id=pid, kind=kind, today=date(2025, 11, 21), by=IB, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    return dialog


def test_a_dutch_default_name_in_the_last_folder_and_no_overwrite_without_asking(
        qtbot: object, school_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.ui import export_dialog

    monkeypatch.setattr(export_dialog.QDesktopServices, "openUrl", lambda url: None)
    db = open_db(school_db)
    dialog = _dialog(qtbot, db, "1003")
    assert Path(dialog.path.text()).name == "verzuimdossier-1003-ouders-2025-11-21.pdf"  # type: ignore[attr-defined]
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("leerplicht"))  # type: ignore[attr-defined]
    assert Path(dialog.path.text()).name == "verzuimdossier-1003-leerplicht-2025-11-21.pdf"  # type: ignore[attr-defined]
    out = tmp_path / "verzuimdossier-1003-leerplicht-2025-11-21.pdf"
    dialog.path.setText(str(out))  # type: ignore[attr-defined]
    dialog.export_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    dialog.close()  # type: ignore[attr-defined]

    again = _dialog(qtbot, db, "1003")
    assert Path(again.path.text()).parent == tmp_path  # type: ignore[attr-defined]  # the folder used last
    again.recipient.setCurrentIndex(again.recipient.findData("leerplicht"))  # type: ignore[attr-defined]
    assert Path(again.path.text()) == out  # type: ignore[attr-defined]
    before = out.read_bytes()
    asked: list[Path] = []
    again.confirm_overwrite = lambda path: asked.append(path) or False  # type: ignore[attr-defined]
    again.export_button.click()  # type: ignore[attr-defined]
    assert asked == [out] and again.written is None and out.read_bytes() == before  # type: ignore[attr-defined]
    db.close()


def test_a_leerplicht_dossier_without_unauthorised_absence_asks_for_a_reason(
        qtbot: object, school_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from PySide6.QtCore import QDate
    from sqlalchemy import select

    from verzuimdesk.storage.models import AuditEntry

    db = open_db(school_db)
    dialog = _dialog(qtbot, db, "1001")
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("leerplicht"))  # type: ignore[attr-defined]
    dialog.end.setDate(QDate(2025, 11, 10))  # type: ignore[attr-defined]  # before her first unauthorised day
    dialog.path.setText(str(tmp_path / "lp.pdf"))  # type: ignore[attr-defined]
    dialog.ask_reason = lambda: None  # type: ignore[attr-defined]  # the user cancels
    dialog.export_button.click()  # type: ignore[attr-defined]
    assert not (tmp_path / "lp.pdf").exists() and "reason" in dialog.message.text()  # type: ignore[attr-defined]
    refused: list[str] = []  # a reason that names health is refused: it is printed on the leerplicht version
    monkeypatch.setattr("verzuimdesk.ui.export_dialog.QMessageBox.warning", lambda *a: refused.append(a[2]))
    dialog.ask_reason = lambda: "Verzoek van leerplicht: twijfel aan de ziekmeldingen"  # type: ignore[attr-defined]
    dialog.export_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(refused), timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert "'ziekmeldingen'" in refused[0] and "gezondheid" in refused[0] and not (tmp_path / "lp.pdf").exists()
    dialog.ask_reason = lambda: "Verzoek van leerplicht: twijfel aan de afwezigheid"  # type: ignore[attr-defined]
    dialog.export_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    text = " ".join("".join(p.extract_text() for p in PdfReader(str(tmp_path / "lp.pdf")).pages).split())
    assert "Reden van verstrekking Verzoek van leerplicht: twijfel aan de afwezigheid" in text
    with db.read() as s:
        (row,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
        assert json.loads(row.detail)["reden"] == "Verzoek van leerplicht: twijfel aan de afwezigheid"
    db.close()


def _export_rows(db: object) -> list[dict[str, object]]:
    import json

    from sqlalchemy import select

    from verzuimdesk.storage.models import AuditEntry

    with db.read() as s:  # type: ignore[attr-defined]
        return [json.loads(r.detail) for r in s.scalars(select(AuditEntry).where(AuditEntry.action == "export"))]


def test_a_leerplicht_overview_without_unauthorised_absence_asks_for_a_reason_too(
        qtbot: object, school_db: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QDate

    db = open_db(school_db)
    dialog = _dialog(qtbot, db, "1001", kind="overview")
    dialog.recipient.setCurrentIndex(dialog.recipient.findData("leerplicht"))  # type: ignore[attr-defined]
    dialog.start.setDate(QDate(2025, 9, 1))  # type: ignore[attr-defined]
    dialog.end.setDate(QDate(2025, 11, 10))  # type: ignore[attr-defined]  # before her first unauthorised day
    out = tmp_path / "lp-overzicht.pdf"
    dialog.path.setText(str(out))  # type: ignore[attr-defined]
    dialog.ask_reason = lambda: None  # type: ignore[attr-defined]  # the user cancels
    dialog.export_button.click()  # type: ignore[attr-defined]
    assert not out.exists() and "reason" in dialog.message.text() and _export_rows(db) == []  # type: ignore[attr-defined]
    dialog.ask_reason = lambda: "Vrijstelling aangevraagd: leerplicht vraagt het overzicht"  # type: ignore[attr-defined]
    dialog.export_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]
    assert "Verzuimoverzicht" in flat(pdf_text(out))
    ((row,),) = [[r for r in _export_rows(db) if r["document"] == "verzuimoverzicht"]]
    assert row["reden"] == "Vrijstelling aangevraagd: leerplicht vraagt het overzicht" and row["ontvanger"] == "leerplicht"
    db.close()


def test_the_cli_overview_for_leerplicht_needs_reden_when_there_is_no_unauthorised_absence(
        school_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.pdf"
    args = ("export", "overview", "--db", school_db, "--pupil", "1001", "--recipient", "leerplicht",
            "--from", "2025-09-01", "--to", "2025-11-10", "--out", out)
    assert cli(*args) == 1
    assert "geen ongeoorloofd verzuim" in capsys.readouterr().err and not out.exists()
    db = open_db(school_db)
    assert _export_rows(db) == []
    db.close()
    assert cli(*args, "--reden", "Verzoek van de leerplichtambtenaar") == 0 and out.exists()
    assert cli("export", "overview", "--db", school_db, "--pupil", "1001", "--recipient", "ouders",
               "--from", "2025-09-01", "--to", "2025-11-10", "--out", tmp_path / "ouders.pdf") == 0  # only leerplicht
    db = open_db(school_db)
    assert [r.get("reden") for r in _export_rows(db)] == ["Verzoek van de leerplichtambtenaar", None]
    db.close()


def test_without_a_documents_folder_the_first_export_goes_to_the_home_folder(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from verzuimdesk.ui import export_dialog

    monkeypatch.setattr(export_dialog.QStandardPaths, "writableLocation", lambda _where: str(tmp_path / "Documents"))
    monkeypatch.setattr(export_dialog.Path, "home", lambda: tmp_path)
    assert export_dialog.ExportDialog.last_folder() == tmp_path  # not a ~/Documents that is not there
    (tmp_path / "Documents").mkdir()
    assert export_dialog.ExportDialog.last_folder() == tmp_path / "Documents"


def test_the_consent_line_and_the_file_name_with_its_folder_fit_the_dialog(qtbot: object, school_db: Path) -> None:
    db = open_db(school_db)
    try:
        dialog = _dialog(qtbot, db, "1001")
        dialog.show()  # type: ignore[attr-defined]
        qtbot.waitExposed(dialog)  # type: ignore[attr-defined]
        consent = dialog.consent  # type: ignore[attr-defined]
        assert consent.width() >= consent.sizeHint().width()  # "… met het SWV te delen" not cut
        path = dialog.path  # type: ignore[attr-defined]
        assert path.width() > path.fontMetrics().horizontalAdvance(path.text())  # the folder shows too
    finally:
        db.close()
