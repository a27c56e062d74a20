
"""The dossier header names the parents and carers; the dialog adds, changes and removes them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.ui.test_desk_dossier import VINCE, dossier
from verzuimdesk.services.guardians import guardians_of
from verzuimdesk.ui.dossier.guardians_dialog import GuardiansDialog
from verzuimdesk.ui.main_window import MainWindow


def test_guardians_are_added_in_the_dialog_and_shown_in_the_header(window: MainWindow, qtbot: QtBot) -> None:
    d = dossier(window, VINCE)
    before = d.header.guardians.text()
    dialog = GuardiansDialog(window.ctx, pupil_id=VINCE, pupil_name="Vince Huisman", parent=d)
    qtbot.addWidget(dialog)
    dialog.name.setText("Marloes Huisman")
    dialog.relation.setText("moeder")
    dialog.phone.setText("06-12345678")
    dialog.save()
    assert dialog.list.count() == len(guardians_of(window.ctx.db, VINCE))
    qtbot.waitUntil(lambda: "Marloes Huisman (moeder) · 06-12345678" in d.header.guardians.text())
    assert d.header.guardians.text() != before
    dialog.phone.setText("bel maar")
    dialog.save()
    assert not dialog.message.isHidden()
    assert "geen telefoonnummer" in dialog.message.text()
    dialog.list.setCurrentRow(dialog.list.count() - 1)
    dialog._remove()
    qtbot.waitUntil(lambda: "Marloes Huisman" not in d.header.guardians.text())


def test_the_header_names_the_pupils_own_jaargroep_in_a_combination_group(window: MainWindow) -> None:
    from sqlalchemy import update

    from verzuimdesk.storage.models import Pupil

    with window.ctx.db.begin() as s:  # as an EDEX import of a group "7/8" stores it
        s.execute(update(Pupil).where(Pupil.id == VINCE).values(jaargroep="7"))
    d = dossier(window, VINCE)
    d.reload()
    assert "jaargroep 7" in d.header.facts.text() and "group 8" in d.header.facts.text()
