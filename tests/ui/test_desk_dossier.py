
"""The pupil dossier on the demo school: the explained light, the tabs, registering the DUO report from the
Te-doen list and seeing the light change everywhere, logging a conversation with its draft, plans."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.actors import IB, ib
from tests.conftest import DEMO_TODAY, PATIENCE_MS
from tests.ui.test_desk_overview import TODAY, cell
from verzuimdesk.domain.engine import Light
from verzuimdesk.services.vocabulary import format_date
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.models import AuditEntry, Conversation, Draft, EventRow, Pupil
from verzuimdesk.ui.conversation_dialog import ConversationDialog
from verzuimdesk.ui.dossier import open_dossier
from verzuimdesk.ui.dossier.window import TAB_ABSENCE, TAB_CONVERSATIONS, TAB_PLANS, TAB_REPORTS, DossierWindow
from verzuimdesk.ui.main_window import MainWindow
from verzuimdesk.ui.pupil_model import COL_LIGHT
from verzuimdesk.ui.widgets.todo_model import COL_PUPIL, KIND_ROLE

VINCE = 15  # 1015: unauthorised, the DUO report overdue (red)
SAAR = 128  # 1128: repeated sick reports (orange)


def dossier(w: MainWindow, pupil_id: int, action: str | None = None) -> DossierWindow:
    win = open_dossier(w.ctx, pupil_id, w, action=action)
    assert isinstance(win, DossierWindow)
    return win


def db_rows(path: Path, model: type) -> list:
    db = open_database(str(path))
    with db.read() as s:
        out = list(s.scalars(select(model)))
    db.close()
    return out


def test_header_explains_the_light_with_numbers_dates_and_records(window: MainWindow) -> None:
    d = dossier(window, VINCE)
    h = d.header
    assert h.name.text() == "Vince Huisman"
    assert "group 8" in h.facts.text() and "years" in h.facts.text()
    assert h.badge.text() == "Red"
    text = h.explanation.toPlainText()
    assert text.splitlines()[1].startswith(  # the deciding rule first, by its Dutch name, never its id
        "16 uur ongeoorloofd verzuim in 4 lesweken (decides the colour): 18,5 uur (threshold 16)")
    assert not any(line.startswith("HW-") for line in text.splitlines())
    assert "window ma 2 nov 2026 – ma 23 nov 2026" in text
    assert "Report to DUO (via the pupil administration, verzuimregister): due do 19 nov 2026, in charge: IB-er / directie, legal — OVERDUE" in text
    assert "Records:" in text and " O (Unauthorised" in text
    # other rules by their names, as the PDF names them; no hint for the protocol file (a new user's find)
    assert "‘16 uur ongeoorloofd verzuim in 4 lesweken’, ‘Vaak ziek gemeld’ of ‘Langdurig ziek’" in text
    assert "HW-16U" not in text and "protocolbestand" not in text


def test_opening_a_dossier_is_logged_as_a_view_and_opens_once(window: MainWindow, demo_db: Path) -> None:
    first = dossier(window, VINCE)
    assert dossier(window, VINCE) is first
    views = [e for e in db_rows(demo_db, AuditEntry) if e.action == "view" and e.pupil_id == VINCE]
    assert len(views) == 1


def test_absence_tab_colours_the_school_year_and_totals_per_category(window: MainWindow) -> None:
    d = dossier(window, VINCE)
    d.tabs.setCurrentIndex(TAB_ABSENCE)
    cells = dict(d.absence.heatmap.cells)
    assert cells[date(2026, 11, 21)] == "off"  # a Saturday
    assert cells[date(2026, 12, 1)] == "future"
    assert cells[date(2026, 11, 5)] == "unauthorised"  # Vince's whole day of O
    sick = dossier(window, SAAR)  # Vince has no sick day this school year: Saar has many
    sick.tabs.setCurrentIndex(TAB_ABSENCE)
    assert "sick" in dict(sick.absence.heatmap.cells).values()
    m = d.absence.table.model()
    totals = {m.index(r, 0).data(): (m.index(r, 1).data(), m.index(r, 2).data()) for r in range(m.rowCount())}
    assert totals["Unauthorised"] == ("18,5", "3")


def test_duo_report_from_the_todo_list_turns_the_light(window: MainWindow, qtbot: QtBot, demo_db: Path) -> None:
    todo = window.overview_page.table
    m = todo.model()
    row = next(r for r in range(m.rowCount())
               if "Vince Huisman" in m.index(r, COL_PUPIL).data() and m.index(r, 0).data(KIND_ROLE) == "duo_report")
    todo.setFocus()
    todo.setCurrentIndex(m.index(row, 0))
    qtbot.keyClick(todo, Qt.Key.Key_Return)
    d = next(w for w in window.findChildren(DossierWindow) if w.pupil_id == VINCE)
    assert d.tabs.currentIndex() == TAB_REPORTS
    dialog = d.reports.dialog
    assert dialog is not None and dialog.isVisible() and dialog.kind.currentData() == "duo_report"

    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # no meldingsnummer: refused in Dutch
    assert dialog.isVisible() and "meldingsnummer" in dialog.message.text()
    assert not [e for e in db_rows(demo_db, EventRow) if e.pupil_id == VINCE and e.kind == "duo_report"]

    qtbot.keyClicks(dialog.reference, "VM-2026-0042")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = [e for e in db_rows(demo_db, EventRow) if e.pupil_id == VINCE and e.kind == "duo_report"]
    assert [(e.day, e.reference) for e in saved] == [(TODAY, "VM-2026-0042")]
    # Every light follows at once: the dossier, the list, the overview.
    assert d.header.badge.text() == "Orange"
    # The school's figures may be recomputed off the GUI thread when the machine is slow: wait for them.
    qtbot.waitUntil(lambda: cell(window, "1015", COL_LIGHT) == "Orange", timeout=PATIENCE_MS)
    assert window.overview_page.counts[Light.RED].text().startswith("1\n")
    assert "VM-2026-0042" in [d.reports.model.index(r, 2).data() for r in range(d.reports.model.rowCount())]


def test_conversation_fulfils_its_action_and_its_draft_survives(qtbot: QtBot, window: MainWindow,
                                                                 demo_db: Path) -> None:
    d = dossier(window, SAAR, action="contact_parents")
    assert d.tabs.currentIndex() == TAB_CONVERSATIONS
    dialog = d.conversations.dialog
    assert isinstance(dialog, ConversationDialog) and dialog.kind.currentData() == "parents_phone"
    # The questions of stap 4 of the school's protocol file (Hoeksche Waard), not of the app's code.
    assert "gezondheid en het welbevinden" in dialog.summary.placeholderText()
    assert "Stap 4. Bel de ouders/verzorgers" in dialog.guide.text()
    dialog.when.setDateTime(QDateTime(datetime(2026, 11, 23, 9, 30)))
    qtbot.keyClicks(dialog.participants, "moeder, IB-er")
    qtbot.keyClicks(dialog.summary, "Moeder gebeld: de jeugdarts wordt ingeschakeld.")
    qtbot.waitUntil(lambda: bool(db_rows(demo_db, Draft)), timeout=PATIENCE_MS)  # kept about a second after typing
    dialog.reject()  # closed without saving: the draft stays

    again = d.conversations.new_conversation()
    assert again.summary.toPlainText() == "Moeder gebeld: de jeugdarts wordt ingeschakeld."
    assert "Restored from your draft" in again.draft_note.text()
    again.add_agreement(_agreement())
    again.agreements.item(0, 2).setText("30-11-2026")
    asked: list[list[str]] = []
    again.ask_health = lambda words: asked.append(words) or True  # type: ignore[method-assign]
    assert again.topic.currentData() == "verzuim"  # a call to the parents is about the verzuim by default
    again.save()
    assert not again.isVisible()
    assert asked == [["jeugdarts"]]  # the text names a health word: asked once before saving
    conversations = [c for c in db_rows(demo_db, Conversation) if c.pupil_id == SAAR and c.summary == "Moeder gebeld: de jeugdarts wordt ingeschakeld."]
    assert len(conversations) == 1 and conversations[0].held_at == datetime(2026, 11, 23, 9, 30)
    assert conversations[0].topic == "gezondheid" and not conversations[0].topic_review
    assert db_rows(demo_db, Draft) == []
    text = d.header.explanation.toPlainText()
    assert "Contact the parents: due do 12 nov 2026" not in text  # done: folded away
    assert "Show what is done (1)" in text
    d.header._on_link(QUrl("#done"))
    text = d.header.explanation.toPlainText()
    assert "Contact the parents: due do 12 nov 2026, in charge: IB-er — done" in text


def test_why_this_light_grows_with_the_window_and_keeps_its_scroll_position(window: MainWindow,
                                                                            qtbot: QtBot) -> None:
    d = dossier(window, 27)  # Guus, the thuiszitter: a long explanation
    d.show()
    d.resize(1100, 600)
    qtbot.waitUntil(lambda: d.header.explanation.height() > 0)
    small = d.header.explanation.height()
    d.resize(1100, 1000)
    qtbot.waitUntil(lambda: d.header.explanation.height() > small)
    assert d.header.explanation.toPlainText().splitlines()[1].startswith("Thuiszitter (decides the colour)")
    d.resize(1100, 600)
    qtbot.waitUntil(lambda: d.header.explanation.height() <= small)
    bar = d.header.explanation.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 20)
    bar.setValue(bar.maximum() // 2)
    at = bar.value()
    d.reload()  # what an edit elsewhere does
    assert bar.value() == at


def _agreement():  # type: ignore[no-untyped-def]
    from verzuimdesk.services.conversations import AgreementInput

    return AgreementInput("Jeugdarts bellen", "IB-er", None, False)


def test_the_topic_follows_the_kind_until_chosen_and_a_no_is_asked_once(window: MainWindow, demo_db: Path,
                                                                         qtbot: QtBot) -> None:
    d = dossier(window, SAAR)
    dialog = d.conversations.new_conversation()
    dialog.kind.setCurrentIndex(dialog.kind.findData("school_doctor"))
    assert dialog.topic.currentData() == "gezondheid"
    dialog.kind.setCurrentIndex(dialog.kind.findData("leerplicht"))
    assert dialog.topic.currentData() == "verzuim"
    dialog.when.setDateTime(QDateTime(datetime(2026, 11, 24, 10, 0)))
    qtbot.keyClicks(dialog.summary, "Met de leerplichtambtenaar: Saar is vaak ziek, de huisarts weet ervan.")
    dialog.add_agreement(_agreement())
    dialog.agreements.item(0, 2).setText("31-02-2026")  # refused first: no question yet
    asked: list[list[str]] = []
    dialog.ask_health = lambda words: asked.append(words) or False  # type: ignore[method-assign]
    dialog.save()
    assert asked == [] and dialog.isVisible()
    dialog.agreements.item(0, 2).setText("30-11-2026")
    dialog.save()
    assert len(asked) == 1 and "ziek" in asked[0] and "huisarts" in asked[0]
    (c,) = [c for c in db_rows(demo_db, Conversation) if c.pupil_id == SAAR and c.summary.startswith("Met de leer")]
    assert c.topic == "verzuim"  # the writer said no: what the writer chooses is kept


def test_bad_agreement_date_is_refused_and_nothing_saved(window: MainWindow, demo_db: Path, qtbot: QtBot) -> None:
    d = dossier(window, SAAR)
    dialog = d.conversations.new_conversation()
    qtbot.keyClicks(dialog.summary, "Gesprek")
    dialog.add_agreement(_agreement())
    dialog.agreements.item(0, 2).setText("31-02-2026")
    dialog.save()
    assert dialog.isVisible() and "is not a date" in dialog.message.text()
    assert not [c for c in db_rows(demo_db, Conversation) if c.pupil_id == SAAR and c.summary == "Gesprek"]
    dialog.reject()


def test_plan_that_is_gone_is_shown_as_gone_and_a_file_opens(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from verzuimdesk.services.dossier_edit import add_plan

    present = tmp_path / "ihp.pdf"
    present.write_bytes(b"%PDF-1.4")
    add_plan(window.ctx.db, pupil_id=VINCE, kind="IHP", location=str(present), start=date(2026, 11, 2), by=ib('t'))
    add_plan(window.ctx.db, pupil_id=VINCE, kind="OPP", location=str(tmp_path / "weg.pdf"), start=date(2026, 11, 3),
             by=ib('t'))
    d = dossier(window, VINCE)
    d.tabs.setCurrentIndex(TAB_PLANS)
    m = d.plans.model
    where = {m.index(r, 0).data(): m.index(r, 3).data() for r in range(m.rowCount())}
    assert where["OPP"].endswith("file is gone") and not where["IHP"].endswith("file is gone")
    opened: list[str] = []
    monkeypatch.setattr("verzuimdesk.ui.dossier.plans_tab.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    asked: list[str] = []  # the real target is shown before anything opens
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    for r in range(m.rowCount()):
        d.plans.table.setCurrentIndex(m.index(r, 0))
        d.plans.open_current()
    assert opened == [str(present)] and len(warned) == 1 and "weg.pdf" in warned[0]
    assert len(asked) == 1 and f"het bestand ihp.pdf\nin de map {tmp_path}" in asked[0]


def test_peildatum_changes_the_open_dossier(window: MainWindow) -> None:
    d = dossier(window, VINCE)
    window.peildatum.setDate(QDate(2026, 10, 1))
    assert d.header.badge.text() == "Green"
    assert "No rule of the stappenplan holds" in d.header.explanation.toPlainText()


def test_timeline_lists_newest_first_by_date_not_by_text(window: MainWindow) -> None:
    d = dossier(window, SAAR)  # records over two school years, from both sides of a month's change
    view = d.timeline.table.model()
    shown = [view.index(r, 0).data() for r in range(view.rowCount())]
    months = {m: i for i, m in enumerate(("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
                                          "nov", "dec"), start=1)}

    def day_of(text: str) -> date:
        _wd, dd, mon, yyyy, *_ = text.split()
        return date(int(yyyy), months[mon], int(dd))

    days = [day_of(t) for t in shown]
    assert len(days) > 10 and days == sorted(days, reverse=True)


def test_the_writer_chooses_an_agreements_topic_and_sees_it_again(window: MainWindow, demo_db: Path,
                                                                  qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QComboBox

    from verzuimdesk.services.conversations import AgreementInput, get_conversation
    from verzuimdesk.ui.conversation_dialog import A_TOPIC

    d = dossier(window, SAAR)
    dialog = d.conversations.new_conversation()
    dialog.kind.setCurrentIndex(dialog.kind.findData("parents_meeting"))
    qtbot.keyClicks(dialog.summary, "Gesprek over het verzuim van Saar.")
    dialog.add_agreement(AgreementInput("Saar komt op tijd", "moeder"))
    dialog.add_agreement(AgreementInput("Moeder brengt Saar donderdag naar de afspraak", "moeder"))
    first, second = (dialog.agreements.cellWidget(r, A_TOPIC) for r in (0, 1))
    assert isinstance(first, QComboBox) and isinstance(second, QComboBox)
    assert first.currentText() == "As the conversation" and first.currentData() == ""
    second.setCurrentIndex(second.findData("gezondheid"))
    dialog.save()
    assert not dialog.isVisible()
    (c,) = [c for c in db_rows(demo_db, Conversation) if c.pupil_id == SAAR and c.summary.startswith("Gesprek over")]
    assert c.topic == "verzuim"
    assert [(a.text, a.topic) for a in get_conversation(window.ctx.db, conversation_id=c.id, by=IB).agreements] == [
        ("Saar komt op tijd", None), ("Moeder brengt Saar donderdag naar de afspraak", "gezondheid")]

    again = ConversationDialog(window.ctx, pupil_id=SAAR, conversation_id=c.id)
    qtbot.addWidget(again)
    shown = [again.agreements.cellWidget(r, A_TOPIC) for r in range(again.agreements.rowCount())]
    assert [w.currentData() for w in shown if isinstance(w, QComboBox)] == ["", "gezondheid"]


def test_the_explanation_shows_several_lines_without_dragging(window: MainWindow) -> None:
    d = dossier(window, VINCE)
    box = d.header.explanation
    assert box.height() >= box.fontMetrics().lineSpacing() * 6  # the rule, its text and the first records


def test_the_heatmap_names_a_year_so_it_does_not_read_as_a_day() -> None:
    from verzuimdesk.ui.widgets.heatmap import month_label

    assert month_label(2026, 8) == "aug \u201926" and month_label(2027, 1) == "jan \u201927"  # not "aug 26"
    assert month_label(2026, 9) == "sep"


def test_a_pupil_who_left_says_when_and_is_at_no_step(window: MainWindow, demo_db: Path) -> None:
    """A new user opened the dossier of a pupil who left: it said only "not enrolled on <peildatum>" and
    still "Now: Stap 2". It says when the pupil left, and names no step."""
    db = open_database(str(demo_db))
    with db.read() as s:
        pid, until = s.execute(select(Pupil.id, Pupil.enrolled_until).where(Pupil.enrolled_until < DEMO_TODAY)
                               .order_by(Pupil.id)).first()  # type: ignore[misc]
    db.close()
    h = dossier(window, pid).header
    assert h.explanation.toPlainText() == (f"Not enrolled on {format_date(DEMO_TODAY)}: left the school on "
                                           f"{format_date(until)}.")
    assert h.step.text() == ""


def test_an_export_from_the_dossier_starts_at_the_date_the_dossier_shows(window: MainWindow,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # A helper's find: opened from the Meldingen tab or the dossier's menu, the export dialog started at today,
    # not at the peildatum the IB-er looks back to (the Kwartaal page already passed it).
    from verzuimdesk.ui import export_dialog

    asked: list[object] = []
    monkeypatch.setattr(export_dialog, "run_export_dialog", lambda *a, **k: asked.append(k.get("on")))
    window.ctx.set_peildatum(date(2026, 11, 12))
    d = dossier(window, VINCE)
    d.reports.export_duo()
    d.export("dossier")
    assert asked == [date(2026, 11, 12), date(2026, 11, 12)]
