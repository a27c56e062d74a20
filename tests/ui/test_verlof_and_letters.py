
"""The Verlof dialog: a request for siblings, the law's words while typing, the directeur's decision putting V
in the grid; and "Make a letter" from the dossier, whose letter then stands in the dossier's Letters tab."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.ui.test_desk_dossier import VINCE, dossier
from verzuimdesk.services.accounts import Account, Role
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, Pupil
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.verlof_dialog import VerlofDialog
from verzuimdesk.ui.verlof_request_dialog import VerlofRequestDialog

SHOTS = Path("/tmp/verzuimdesk-shots")


def _shot(widget: object, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def _family(window: MainWindow) -> list[str]:
    with window.ctx.db.read() as s:
        fam = s.scalar(select(Pupil.family).where(Pupil.family != "", Pupil.enrolled_until.is_(None))
                       .group_by(Pupil.family).having(func.count() == 2).limit(1))
        return list(s.scalars(select(Pupil.number).where(Pupil.family == fam).order_by(Pupil.number)))


def _v_days(window: MainWindow, numbers: list[str]) -> int:
    with window.ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Absence).join(AbsenceCodeRow).join(Pupil)
                        .where(AbsenceCodeRow.code == "V", Pupil.number.in_(numbers), Absence.note.like("Verlof%")))


def test_a_request_for_siblings_shows_the_law_and_the_directeurs_grant_fills_the_grid(
        window: MainWindow, qtbot: QtBot) -> None:
    kids = _family(window)
    dialog = VerlofDialog(window.ctx, parent=window)
    qtbot.addWidget(dialog)
    form = VerlofRequestDialog(window.ctx, pupil_number=kids[0], parent=dialog)
    qtbot.addWidget(form)
    assert form.siblings.count() == 1 and form.numbers() == kids
    form.start.setDate(date(2027, 3, 1))
    form.end.setDate(date(2027, 3, 12))
    form.article.setCurrentIndex(form.article.findData("13a"))
    qtbot.waitUntil(lambda: "werkgeversverklaring" in form.law.text())
    form.statement.setChecked(True)
    qtbot.waitUntil(lambda: "binnen de wet" in form.law.text() or "within the law" in form.law.text())
    assert "10 schooldagen" in form.law.text()
    form.save()  # no reason given: refused, in Dutch
    assert not form.message.isHidden() and "reden" in form.message.text()
    form.reason.setPlainText("Vader werkt in de zomer op zee")
    form.save()
    assert form.result()
    dialog.refresh()
    assert dialog.model.rowCount() == 1
    _shot(form, "verlof-aanvraag.png")
    _shot(dialog, "verlof-lijst.png")
    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    assert dialog.decide_button.isEnabled()  # a database without accounts: the one user decides
    from verzuimdesk.ui.verlof_decision_dialog import DecisionDialog

    decision = DecisionDialog(window.ctx, dialog.current(), parent=dialog)  # type: ignore[arg-type]
    qtbot.addWidget(decision)
    decision.decision.setCurrentIndex(decision.decision.findData("verleend"))
    _shot(decision, "verlof-besluit.png")
    decision.save()
    assert _v_days(window, kids) == 20
    qtbot.waitUntil(lambda: "verleend" in dialog.model.index(0, 5).data())


def test_the_ib_er_sees_no_decide_button_enabled(window: MainWindow, qtbot: QtBot) -> None:
    ib = Account("ib", "Ilse", Role.IB)
    window.ctx.account = ib
    dialog = VerlofDialog(window.ctx, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.new_button.isEnabled() and not dialog.decide_button.isEnabled()


def test_make_a_letter_from_the_dossier_previews_it_saves_the_pdf_and_lists_it(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from verzuimdesk.ui.letter_dialog import LetterDialog

    d = dossier(window, VINCE)
    d.make_letter()
    letter = d.letters.dialog
    assert isinstance(letter, LetterDialog)
    first = letter.current()
    open_steps = {a.kind for a in d.data.status.actions if not a.done}
    assert first is not None and open_steps & set(first.steps)  # the letter of an open step comes first
    letter.template.setCurrentIndex(letter.template.findData("uitnodiging-gesprek"))
    assert set(letter.fields) == {"gesprek_op", "plaats"}
    letter.fields["gesprek_op"].setText("dinsdag 1 december om 15.15 uur")
    letter.fields["plaats"].setText("de kamer van de IB-er")
    qtbot.waitUntil(lambda: "dinsdag 1 december om 15.15 uur (de kamer van de IB-er)" in letter.preview.toPlainText())
    assert "Vince" in letter.preview.toPlainText()
    _shot(letter, "brief-maken.png")
    out = tmp_path / "brief.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))
    letter.save()
    assert out.is_file()
    qtbot.waitUntil(lambda: d.letters.model.rowCount() == 1)
    assert d.letters.model.index(0, 1).data() == "Uitnodiging voor een gesprek"
    d.tabs.setCurrentWidget(d.letters)
    _shot(d, "dossier-brieven.png")


def test_the_letterhead_settings_are_saved_and_a_missing_image_is_refused(window: MainWindow, qtbot: QtBot,
                                                                          tmp_path: Path) -> None:
    from verzuimdesk.services.letters import letter_settings
    from verzuimdesk.ui.letter_settings_dialog import LetterSettingsDialog

    dialog = LetterSettingsDialog(window.ctx, parent=window)
    qtbot.addWidget(dialog)
    dialog.place.setText("Oud-Beijerland")
    dialog.signature.setText(str(tmp_path / "weg.png"))
    dialog.save()
    assert not dialog.message.isHidden() and "bestaat niet" in dialog.message.text()
    assert letter_settings(window.ctx.db).place == ""
    dialog.signature.setText("")
    dialog.save()
    assert letter_settings(window.ctx.db).place == "Oud-Beijerland"
    _shot(dialog, "brieven-instellingen.png")
