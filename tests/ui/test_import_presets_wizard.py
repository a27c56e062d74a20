"""The wizard's mapping page for an absence list from the LAS: the preset it recognised, the code table."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.conftest import PATIENCE_MS
from tests.importers.test_workbook import xlsx
from tests.ui.test_import_wizard import choose, db, next_page, wizard  # noqa: F401
from verzuimdesk.services.import_presets import PARNASSYS, all_presets
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, Pupil
from verzuimdesk.ui.import_wizard import ImportWizard


def test_a_parnassys_list_gets_its_preset_and_the_unknown_reason_is_chosen_once(
        wizard: ImportWizard, qtbot: QtBot, db: Database, tmp_path: Path,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "absenties.xlsx"
    path.write_bytes(xlsx([["Leerlingnummer", "Begindatum", "Absentiereden"], [1003, "12-11-2025", "Ziek"],
                           [1003, "13-11-2025", "Rouwverlof"]]))
    choose(wizard, qtbot, monkeypatch, path, "absences")
    next_page(wizard, qtbot)
    page = wizard.mapping_page
    assert page.preset.currentData() == PARNASSYS.name
    assert page.code_map.values == ["Rouwverlof", "Ziek"]
    combos = [page.code_map.cellWidget(r, 1) for r in range(2)]
    assert all(isinstance(c, QComboBox) for c in combos)
    assert [c.currentData() for c in combos] == ["", "Z"]  # type: ignore[union-attr]
    combos[0].setCurrentIndex(combos[0].findData("V"))  # type: ignore[union-attr]
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Onze ParnasSys", True))
    page.save_preset.click()
    assert all_presets(db)[0].name == "Onze ParnasSys"
    next_page(wizard, qtbot)
    assert wizard.summary_page.summary.text().startswith("To add: 2.")
    next_page(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.run_page.finished, timeout=PATIENCE_MS)
    with db.read() as s:
        codes = s.scalars(select(AbsenceCodeRow.code).join(Absence).join(Pupil).where(Pupil.number == "1003")
                          .order_by(Absence.day)).all()
    assert codes[-2:] == ["Z", "V"]
