"""The import wizard driven as the IB-er drives it: choose a file, check the mapping, read the dry run, import."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.actors import IB
from tests.conftest import DATA, PASSPHRASE, PATIENCE_MS, cli, imported
from verzuimdesk.storage.database import Database, open_database
from verzuimdesk.storage.models import Absence, Pupil
from verzuimdesk.ui.import_wizard import PAGE_MAPPING, PAGE_RUN, PAGE_SUMMARY, ImportWizard

PUPILS = ("Lln nr;Roepnaam;Tussenv.;Achternaam;Geb. datum;Klas;Instroomdatum;Foto\r\n"
          "2001;Zoë;van der;Brink;14-03-2017;5;30-08-2021;ja\r\n"
          "1003;Sem;;Jansen;12-05-2016;1-2;01-09-2020;nee\r\n").encode("cp1252")


@pytest.fixture
def db(tmp_path: Path, school_file: Path) -> Iterator[Database]:
    path = tmp_path / "school.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    imported(path)
    database = open_database(str(path), passphrase=PASSPHRASE)
    yield database
    database.close()


@pytest.fixture
def wizard(qtbot: QtBot, db: Database) -> ImportWizard:
    w = ImportWizard(db, by=IB)
    qtbot.addWidget(w)
    w.show()
    return w


def choose(wizard: ImportWizard, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, path: Path, kind: str) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    page = wizard.file_page
    page.kind.setCurrentIndex(page.kind.findData(kind))
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no file yet
    qtbot.mouseClick(page.browse, Qt.MouseButton.LeftButton)
    assert page.path.text() == str(path)


def next_page(wizard: ImportWizard, qtbot: QtBot) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton if wizard.currentPage().isCommitPage()
                           else QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pupil(db: Database, number: str) -> tuple[str, str] | None:
    with db.read() as s:
        p = s.scalar(select(Pupil).where(Pupil.number == number))
        return (p.full_name, p.group.name) if p else None


def test_spreadsheet_of_pupils_from_file_to_done(wizard: ImportWizard, qtbot: QtBot, db: Database, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "leerlingen.csv"
    path.write_bytes(PUPILS)
    choose(wizard, qtbot, monkeypatch, path, "pupils")
    next_page(wizard, qtbot)
    assert wizard.currentId() == PAGE_MAPPING
    page = wizard.mapping_page
    assert [page.table.horizontalHeaderItem(c).text() for c in range(3)] == ["Lln nr", "Roepnaam", "Tussenv."]
    assert [c.currentData() for c in page.combos] == ["leerlingnummer", "voornaam", "tussenvoegsel", "achternaam",
                                                      "geboortedatum", "groep", "inschrijfdatum", ""]
    assert page.table.item(1, 1).text() == "Zoë"
    assert page.date_format.text() == "Date notation found: DD-MM-JJJJ"

    page.combos[1].setCurrentIndex(0)  # the user unmaps the first name: it is required
    assert "voornaam" in page.required.text() and not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.combos[1].setCurrentIndex(page.combos[1].findData("voornaam"))
    next_page(wizard, qtbot)

    assert wizard.currentId() == PAGE_SUMMARY
    summary = wizard.summary_page
    assert summary.summary.text() == "To add: 1. To change: 1. Unchanged: 0."
    assert summary.details.toPlainText() == ("line 2: add Zoë van der Brink, groep 5\n"
                                             "line 3: change Sem Jansen, groep 1-2: groep 5 → 1-2")
    assert summary.replace.isHidden()
    assert pupil(db, "2001") is None  # the dry run wrote nothing

    next_page(wizard, qtbot)
    assert wizard.currentId() == PAGE_RUN
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=PATIENCE_MS)
    assert wizard.run_page.result.text() == "Done: 1 added, 1 updated, 0 unchanged."
    assert wizard.run_page.progress.value() == wizard.run_page.progress.maximum()
    assert wizard.imported
    assert pupil(db, "2001") == ("Zoë van der Brink", "5")
    assert pupil(db, "1003") == ("Sem Jansen", "1-2")


def test_refused_file_shows_every_line_and_cannot_be_imported(wizard: ImportWizard, qtbot: QtBot, db: Database,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fout.csv"
    path.write_bytes(b"Lln nr;Roepnaam;Achternaam;Geb. datum;Klas;Instroomdatum\n"
                     b"2001;Bo;;31-02-2017;5;30-08-2021\n")
    choose(wizard, qtbot, monkeypatch, path, "pupils")
    next_page(wizard, qtbot)
    next_page(wizard, qtbot)
    summary = wizard.summary_page
    assert summary.summary.text().startswith("The file is refused: nothing will be imported.")
    assert summary.details.toPlainText() == (
        "regel 2, kolom Achternaam (achternaam): is leeg\n"
        "regel 2, kolom Geb. datum (geboortedatum): '31-02-2017' is geen bestaande datum")
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert pupil(db, "2001") is None


def test_overlapping_absences_replaced_only_with_the_box_ticked(wizard: ImportWizard, qtbot: QtBot, db: Database,
                                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "verzuim.csv"
    path.write_bytes(b"Leerlingnummer;Datum;Van;Tot;Code\n1001;04-11-2025;08:30;10:00;O\n1002;10-11-2025;;;Z\n")
    choose(wizard, qtbot, monkeypatch, path, "absences")
    next_page(wizard, qtbot)
    next_page(wizard, qtbot)
    summary = wizard.summary_page
    assert summary.summary.text().startswith("To add: 1. To change: 0. Unchanged: 0. 1 absences fall on days")
    assert ("line 2: 1001 on 2025-11-04 already has Z, hele dag; the file says O, 08:30-10:00"
            in summary.details.toPlainText())
    assert not summary.replace.isHidden()
    summary.replace.setChecked(True)
    next_page(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=PATIENCE_MS)
    assert wizard.run_page.result.text() == "Done: 1 added, 1 updated, 0 unchanged."
    with db.read() as s:
        codes = s.execute(select(Absence.day, Absence.code_id).join(Pupil).where(Pupil.number == "1001")).all()
    assert len([c for d, c in codes if d == date(2025, 11, 4)]) == 1


def test_edex_skips_the_mapping_and_reports_the_possibly_left(wizard: ImportWizard, qtbot: QtBot, db: Database,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.services.edex import import_edex

    import_edex(db, data=(DATA / "edex" / "edex-september.xml").read_bytes(), filename="EDEX.XML", by=IB)
    choose(wizard, qtbot, monkeypatch, DATA / "edex" / "edex-januari.xml", "edex")
    next_page(wizard, qtbot)
    assert wizard.currentId() == PAGE_SUMMARY
    text = wizard.summary_page.details.toPlainText()
    assert "leerlingen: 1 toegevoegd, 1 bijgewerkt, 3 ongewijzigd" in text
    assert "Mogelijk vertrokken:\n  leerling 1004 Anaïs de Vries (groep 5)" in text
    assert pupil(db, "1007") is None
    next_page(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=PATIENCE_MS)
    assert wizard.run_page.result.text().startswith("Done.\ngroepen:")
    assert pupil(db, "1007") == ("Fleur Bakker", "1-2")


def test_an_unreadable_file_is_named_on_the_first_page(wizard: ImportWizard, qtbot: QtBot, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "oud.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 binary, but broken")
    choose(wizard, qtbot, monkeypatch, path, "pupils")
    next_page(wizard, qtbot)
    assert wizard.currentId() == 0
    assert "het bestand is beschadigd of geen leesbaar spreadsheetbestand" in wizard.file_page.error.text()


def test_a_folder_is_said_in_dutch_on_the_first_page(wizard: ImportWizard, qtbot: QtBot, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    choose(wizard, qtbot, monkeypatch, tmp_path, "pupils")
    next_page(wizard, qtbot)
    assert wizard.currentId() == 0
    assert "dit is een map, geen bestand" in wizard.file_page.error.text()
    assert "Is a directory" not in wizard.file_page.error.text()
