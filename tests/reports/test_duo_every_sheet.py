"""`export duo` prints every DUO report of the date, each sheet on a page of its own, and `--regel` and
`--trigger` choose one (PROTOCOLS.md §1b): a review found that the second of two luxe episodes, and a luxe
episode beside 16 hours reached the same day, could never be printed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests.actors import IB
from tests.conftest import PATIENCE_MS
from tests.reports.conftest import cli, flat, leaked_rule_ids, open_db, pdf_pages, pdf_text
from verzuimdesk.storage.models import AuditEntry

PUPILS = ("leerlingnummer;voornaam;tussenvoegsel;achternaam;geboortedatum;groep;inschrijfdatum;uitschrijfdatum;"
          "ot_nummer;gezin\n"
          "1010;Lotte;;Bakker;2016-04-02;5;2020-08-31;;;\n"
          "1011;Milan;de;Groot;2017-01-20;5;2021-08-30;;;\n")
# Lotte: unauthorised Thu 19 and Fri 20 Feb 2026 (11 h), luxe on Tue 24 Feb: 16.5 h and a luxe episode,
# both with trigger 24 Feb. Milan: luxe Mon 15 and Tue 16 June, ill Wed 17, luxe Thu 18 June's morning.
ABSENCES = ("leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking\n"
            "1010;2026-02-19;;;O;;;\n"
            "1010;2026-02-20;;;O;;;\n"
            "1010;2026-02-24;;;X;;;wintersport\n"
            "1011;2026-06-15;;;X;;;vakantie verlengd\n"
            "1011;2026-06-16;;;X;;;\n"
            "1011;2026-06-17;;;Z;;;\n"
            "1011;2026-06-18;08:30;12:00;X;;;\n")
EVENTS = "leerlingnummer;datum;soort;omschrijving\n1011;2026-06-19;duo_report;beide perioden gemeld\n"


@pytest.fixture
def luxe_db(school_db: Path, tmp_path: Path) -> Path:
    for kind, text in (("pupils", PUPILS), ("absences", ABSENCES), ("events", EVENTS)):
        f = tmp_path / f"{kind}.csv"
        f.write_text(text, encoding="utf-8")
        assert cli("import", kind, "--db", school_db, f) == 0
    return school_db


def export(db: Path, out: Path, *args: str) -> int:
    return cli("export", "duo", "--db", db, "--out", out, *args)


@pytest.mark.parametrize("day", ["2026-06-19", "2026-06-22"])
def test_both_luxe_episodes_one_report_answered_are_printed_each_on_its_page(
        luxe_db: Path, tmp_path: Path, day: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "duo.pdf"
    assert export(luxe_db, out, "--pupil", "1011", "--date", day) == 0
    first, second = (flat(t) for t in pdf_pages(out))
    assert "DUO-melding verzuim (1 van 2)" in first and "DUO-melding verzuim (2 van 2)" in second
    assert "Begindatum verzuim ma 15 jun 2026 Einddatum verzuim di 16 jun 2026 Aantal uren verzuim 11" in first
    assert "Begindatum verzuim do 18 jun 2026 Einddatum verzuim do 18 jun 2026 Aantal uren verzuim 3,5" in second
    assert "do 18 jun 2026" not in first.split("Het verzuim dat meetelt")[1]
    assert all("Gemeld op vr 19 jun 2026" in page for page in (first, second))
    said = capsys.readouterr().out
    assert "2 meldingen" in said and "Luxeverzuim, do 18 jun 2026, gemeld op vr 19 jun 2026" in said


def test_the_trigger_chooses_the_second_episode(luxe_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "duo.pdf"
    assert export(luxe_db, out, "--pupil", "1011", "--date", "2026-06-22", "--trigger", "2026-06-18") == 0
    (page,) = pdf_pages(out)
    text = flat(page)
    assert "Begindatum verzuim do 18 jun 2026" in text and "Aantal uren verzuim 3,5" in text
    assert "(1 van" not in text


def test_a_luxe_episode_beside_16_hours_reached_the_same_day_gets_its_own_sheet(luxe_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "duo.pdf"
    assert export(luxe_db, out, "--pupil", "1010", "--date", "2026-02-24") == 0
    sixteen, luxe = (flat(t) for t in pdf_pages(out))
    assert "16 uur ongeoorloofd verzuim binnen 4 lesweken" in sixteen and "Aantal uren verzuim 16,5" in sixteen
    assert "Soort melding Luxeverzuim" in luxe and "Aantal uren verzuim 5,5" in luxe
    assert leaked_rule_ids(flat(pdf_text(out))) == []
    only = tmp_path / "luxe.pdf"
    for rule in ("LUXE", "luxe"):  # typed by hand, in either case
        assert export(luxe_db, only, "--pupil", "1010", "--date", "2026-02-24", "--regel", rule,
                      "--overschrijven") == 0
        (page,) = pdf_pages(only)
        assert "Soort melding Luxeverzuim" in flat(page)


def test_the_audit_log_names_each_report_printed(luxe_db: Path, tmp_path: Path) -> None:
    assert export(luxe_db, tmp_path / "duo.pdf", "--pupil", "1010", "--date", "2026-02-24") == 0
    db = open_db(luxe_db)
    try:
        with db.read() as s:
            row = s.scalars(select(AuditEntry).where(AuditEntry.entity == "duo-melding")).one()
            detail = json.loads(row.detail)
    finally:
        db.close()
    assert detail["meldingen"] == ["HW-16U 2026-02-24", "LUXE 2026-02-24"]


def test_a_choice_that_matches_no_report_names_the_reports_there_are(
        luxe_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "duo.pdf"
    assert export(luxe_db, out, "--pupil", "1011", "--date", "2026-06-22", "--trigger", "2026-06-17") == 1
    err = capsys.readouterr().err
    assert "geen DUO-melding met aanleiding wo 17 jun 2026" in err
    assert "regel LUXE, aanleiding 2026-06-15: Luxeverzuim, ma 15 jun 2026 t/m di 16 jun 2026" in err
    assert "regel LUXE, aanleiding 2026-06-18: Luxeverzuim, do 18 jun 2026" in err
    assert not out.exists()


def test_a_wrong_trigger_date_is_refused_in_dutch(luxe_db: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "duo.pdf"
    assert export(luxe_db, out, "--pupil", "1011", "--trigger", "18 juni") == 1
    err = capsys.readouterr().err
    assert "--trigger: 18 juni is geen geldige datum" in err and "Traceback" not in err
    assert not out.exists()


def _duo_dialog(qtbot: object, db: object, number: str, today: date) -> Any:
    from verzuimdesk.storage.models import Pupil
    from verzuimdesk.ui import export_dialog

    with db.read() as s:  # type: ignore[attr-defined]
        pid = s.scalar(select(Pupil.id).where(Pupil.number == number))
    dialog = export_dialog.ExportDialog(db, pupil_id=pid, kind="duo", today=today, by=IB)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    return dialog


def _export(qtbot: object, dialog: Any, out: Path) -> None:
    dialog.path.setText(str(out))
    dialog.show()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=PATIENCE_MS)  # type: ignore[attr-defined]


def test_the_app_offers_every_report_of_the_date_and_prints_them_all_or_the_one_chosen(
        qtbot: object, luxe_db: Path, tmp_path: Path) -> None:
    db = open_db(luxe_db)
    try:
        dialog = _duo_dialog(qtbot, db, "1011", date(2026, 6, 22))
        items = [dialog.report.itemText(i) for i in range(dialog.report.count())]
        assert items == ["All reports of this date (2), each on its own page",
                         "Luxeverzuim, ma 15 jun 2026 t/m di 16 jun 2026, gemeld op vr 19 jun 2026",
                         "Luxeverzuim, do 18 jun 2026, gemeld op vr 19 jun 2026"]
        all_of_them = tmp_path / "alle.pdf"
        _export(qtbot, dialog, all_of_them)
        assert len(pdf_pages(all_of_them)) == 2 and "2 reports, each on its own page" in dialog.message.text()

        again = _duo_dialog(qtbot, db, "1011", date(2026, 6, 22))
        again.report.setCurrentIndex(2)
        assert again.report.toolTip() == items[2]  # the whole label, which a narrow dialog cuts off
        second = tmp_path / "tweede.pdf"
        _export(qtbot, again, second)
        (page,) = pdf_pages(second)
        assert "Begindatum verzuim do 18 jun 2026" in flat(page) and "Aantal uren verzuim 3,5" in flat(page)
    finally:
        db.close()


def test_the_app_follows_the_date_and_says_when_there_is_no_report(qtbot: object, luxe_db: Path) -> None:
    from PySide6.QtCore import QDate

    db = open_db(luxe_db)
    try:
        dialog = _duo_dialog(qtbot, db, "1010", date(2026, 2, 24))
        assert dialog.report.count() == 3 and dialog.report.isEnabled()
        dialog.end.setDate(QDate(2026, 2, 18))  # before any absence: nothing to report
        assert [dialog.report.itemText(i) for i in range(dialog.report.count())] == [
            "No DUO report is due on this date, and none has been registered yet."]
        assert not dialog.report.isEnabled()
    finally:
        db.close()
