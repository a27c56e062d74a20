
"""The dossier says from when a pupil is leerplichtig, that a birth date is missing, and the vrijstelling,
which the IB-er records and changes in a small dialog (PROTOCOLS.md §1b), on the demo school."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import desk
from tests.ui.test_desk_dossier import dossier
from tests.ui.test_desk_overview import TODAY
from verzuimdesk.services.accounts import Account, Role
from verzuimdesk.ui.dossier.exemption_dialog import ExemptionDialog
from verzuimdesk.ui.main_window import MainWindow

VRIJGESTELD = 102  # 1102: demo.law's vrijstelling (art. 5 onder a)
NO_BIRTH_DATE = 46  # 1046: demo.law's pupil without a birth date
KLEUTER = 156  # 1156: demo.law's kleuter, not yet leerplichtig
VINCE = 15  # 1015: leerplichtig, 16 hours, the DUO report overdue


def test_the_header_says_from_when_the_pupil_is_leerplichtig(window: MainWindow) -> None:
    assert dossier(window, VINCE).header.leerplicht.text() == "Leerplichtig from 1 sep 2020"  # born 13 aug 2015
    assert dossier(window, KLEUTER).header.leerplicht.text() == "Not yet leerplichtig (from 1 aug 2027)"
    missing = dossier(window, NO_BIRTH_DATE).header
    assert missing.leerplicht.text() == "Birth date missing (taken as leerplichtig)"
    assert "years" not in missing.facts.text()
    assert "Birth date missing: enter it in the LAS" in missing.explanation.toPlainText()


def test_the_header_shows_the_vrijstelling_with_its_article_and_note(window: MainWindow) -> None:
    h = dossier(window, VRIJGESTELD).header
    assert h.leerplicht.text() == "Leerplichtig from 1 dec 2023 · vrijgesteld (art. 5 onder a) until 4 jan 2027"
    text = h.explanation.toPlainText()
    assert "Vrijstelling (art. 5 onder a: lichamelijk of psychisch niet geschikt): wo 11 nov 2026 – ma 4 jan 2027. " \
           "Revalidatietraject" in text
    assert "Revalidatietraject" in h.leerplicht.toolTip()


def test_the_dialog_records_a_vrijstelling_and_refuses_an_end_before_the_start(window: MainWindow) -> None:
    d = dossier(window, VINCE)
    assert d.header.exemption_button.isEnabled()
    dialog = ExemptionDialog(window.ctx, pupil_id=VINCE, pupil_name="Vince Huisman", parent=d)
    assert dialog.list.count() == 0
    dialog.start.setDate(QDate(2026, 11, 2))
    dialog.has_end.setChecked(True)
    dialog.end.setDate(QDate(2026, 10, 30))
    dialog.save()
    assert dialog.message.isVisibleTo(dialog) and "ligt voor de begindatum" in dialog.message.text()
    assert dialog.list.count() == 0  # nothing written
    dialog.end.setDate(QDate(2027, 1, 31))
    dialog.article.setCurrentIndex(dialog.article.findData("5c"))
    dialog.note.setText("Tijdelijk op een school in Polen")
    dialog.save()
    assert dialog.list.count() == 1 and "Tijdelijk op een school in Polen" in dialog.list.item(0).text()
    # the dossier follows: not leerplichtig, so the overdue DUO report is no longer asked
    assert "Polen" in d.header.explanation.toPlainText() and "vrijgesteld (art. 5 onder c)" in d.header.leerplicht.text()
    assert "Report to DUO" not in d.header.explanation.toPlainText()
    dialog.list.setCurrentRow(0)
    dialog.has_end.setChecked(False)
    dialog.save()
    assert "until further notice" in dialog.list.item(0).text()


def test_a_teacher_cannot_record_a_vrijstelling(qtbot: QtBot, demo_db: Path) -> None:
    w = desk(qtbot, demo_db, Account("juf", "Juf Anna", Role.TEACHER, ("8",)), TODAY)
    assert not dossier(w, VINCE).header.exemption_button.isEnabled()


def test_the_pupil_list_says_the_birth_date_is_missing(window: MainWindow) -> None:
    from tests.ui.test_desk_overview import cell
    from verzuimdesk.ui.pupil_model import COL_REASON

    assert cell(window, "1046", COL_REASON) == "Birth date missing"
    m = window.pupils_page.table.model()
    row = next(r for r in range(m.rowCount()) if m.index(r, 1).data() == "1046")
    assert "taken as leerplichtig" in m.index(row, COL_REASON).data(Qt.ItemDataRole.ToolTipRole)
    assert "birth date" not in cell(window, "1015", COL_REASON).lower()  # only where it is missing
