"""The reprint of a registered DUO report is the sheet as it was reported (PROTOCOLS.md §1b: "built from the
trigger that the report answers, never from the state on the day it is printed"). A review found it computed
again from the records of the day it was printed: a record entered late moved the begindatum, einddatum and
hours of a report DUO already had, and a code corrected after the report left it unprintable with a false
message ("er is er nog geen geregistreerd")."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from tests.actors import IB
from tests.reports.conftest import cli, flat, open_db, pdf_text
from verzuimdesk.services.dossier_edit import delete_event, register_event, update_event
from verzuimdesk.services.retention import inzage_data
from verzuimdesk.storage.database import alembic_config
from verzuimdesk.storage.models import DuoSheetKept, EventRow, Pupil

AH = "leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking\n"
# Sem (1003) is absent without leave Mon 17 – Thu 20 Nov 2025 (the reports' school): 20.25 hours, the 16 hours
# reached on Thursday; the IB-er reports it to DUO on Fri 21 Nov.
REPORT = "leerlingnummer;datum;soort;omschrijving\n1003;2025-11-21;duo_report;gemeld, meldingsnummer 2025-77\n"
AS_REPORTED = ("Begindatum verzuim ma 17 nov 2025 Einddatum verzuim do 20 nov 2025 Aantal uren verzuim 20,25")
CHANGED = "Sinds de melding zijn de registraties gewijzigd"


def _import(db: Path, tmp_path: Path, kind: str, text: str, *args: str) -> None:
    f = tmp_path / f"{kind}-{abs(hash(text))}.csv"
    f.write_text(text, encoding="utf-8")
    assert cli("import", kind, "--db", db, f, *args) == 0


def _sheet(db: Path, tmp_path: Path, day: str = "2025-11-21", *extra: str) -> str:
    out = tmp_path / "duo.pdf"
    out.unlink(missing_ok=True)
    assert cli("export", "duo", "--db", db, "--pupil", "1003", "--date", day, "--out", out, *extra) == 0
    return flat(pdf_text(out))


def _reported(text: str) -> str:
    """The sheet itself: from its figures to the end, without the notice above them, nor the letterhead and
    footer of each page (a notice can move a table to the next page)."""
    body = text[text.index("Melding Soort melding"):]
    return re.sub(r" ?pagina \d+ van \d+( OBS De Klimop DUO-melding verzuim — .+? Vertrouwelijk afgedrukt op "
                  r"\S+ \d+ \S+ \d+ OBS De Klimop · DUO-melding verzuim)?", "", body)


@pytest.fixture
def reported(school_db: Path, tmp_path: Path) -> Path:
    _import(school_db, tmp_path, "events", REPORT)
    return school_db


def test_a_record_entered_late_leaves_the_reprint_as_reported_and_says_what_differs(
        reported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _sheet(reported, tmp_path)
    assert AS_REPORTED in before and CHANGED not in before
    # the grid of Thu 13 Nov is filled in afterwards: on today's records 16 hours were reached on Tue 18 Nov
    _import(reported, tmp_path, "absences", AH + "1003;2025-11-13;;;O;;;\n")
    capsys.readouterr()
    after = _sheet(reported, tmp_path)
    assert _reported(after) == _reported(before)
    assert "Gemeld op vr 21 nov 2025 (nummer 2025-77). Afdruk voor het verzuimdossier: de gegevens zoals ze " \
           "gemeld zijn." in after
    notice = after[after.index(CHANGED):after.index("Melding Soort melding")]
    assert "begindatum nu do 13 nov 2025 (gemeld: ma 17 nov 2025)" in notice
    assert "einddatum nu di 18 nov 2025 (gemeld: do 20 nov 2025)" in notice
    assert "uren verzuim nu 16,5 (gemeld: 20,25)" in notice
    assert "nu meegeteld: do 13 nov 2025 O (5,5 uur)" in notice
    assert "gecorrigeerd" in notice
    # the command line says it too
    said = capsys.readouterr().err
    assert "Let op: sinds de melding van vr 21 nov 2025 (16 uur) zijn de registraties gewijzigd" in said


def test_a_correction_after_the_report_still_prints_what_was_reported(reported: Path, tmp_path: Path) -> None:
    before = _sheet(reported, tmp_path)
    # a doctor's note afterwards: Tue 18 Nov was medisch; on today's records the 16 hours are not reached
    _import(reported, tmp_path, "absences", AH + "1003;2025-11-18;;;M;;;\n", "--vervang")
    after = _sheet(reported, tmp_path)
    assert _reported(after) == _reported(before)
    assert "beantwoordt deze melding geen aanleiding meer" in after
    assert "niet meer zo geregistreerd: di 18 nov 2025 O (5,5 uur)" in after
    assert "nog geen geregistreerd" not in after
    # what the record became (medisch) is no leerplicht's to read
    assert "medisch" not in after.lower()


def test_a_report_of_before_kept_sheets_prints_from_todays_records_and_says_so(reported: Path, tmp_path: Path) -> None:
    db = open_db(reported)
    with db.begin() as s:  # as a database of the version before 0020 holds it: no sheet kept
        s.execute(DuoSheetKept.__table__.delete())
    db.close()
    text = _sheet(reported, tmp_path)
    assert AS_REPORTED in text
    assert "Berekend uit de registraties zoals ze op" in text and "niet bewaard" in text
    assert "de gegevens zoals ze gemeld zijn" not in text


def test_a_report_of_before_that_answers_nothing_now_is_refused_truthfully(
        reported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_db(reported)
    with db.begin() as s:
        s.execute(DuoSheetKept.__table__.delete())
    db.close()
    _import(reported, tmp_path, "absences", AH + "1003;2025-11-18;;;M;;;\n", "--vervang")
    capsys.readouterr()
    out = tmp_path / "duo.pdf"
    assert cli("export", "duo", "--db", reported, "--pupil", "1003", "--date", "2025-11-21", "--out", out) != 0
    said = capsys.readouterr().err
    assert "nog geen geregistreerd" not in said
    assert "de laatste geregistreerde melding, van vr 21 nov 2025 (nummer 2025-77), beantwoordt op de " \
           "registraties van nu geen aanleiding" in said


def test_a_later_reprint_of_the_report_is_the_kept_sheet_too(reported: Path, tmp_path: Path) -> None:
    before = _sheet(reported, tmp_path)
    _import(reported, tmp_path, "absences", AH + "1003;2025-11-13;;;O;;;\n")
    later = _sheet(reported, tmp_path, "2025-11-28")  # no report that day, none open: the last one made
    assert _reported(later) == _reported(before)
    assert CHANGED in later


def _kept(db_path: Path) -> int:
    db = open_db(db_path)
    with db.read() as s:
        n = s.scalar(select(func.count()).select_from(DuoSheetKept)) or 0
    db.close()
    return n


def test_deleting_the_report_removes_its_kept_sheet_and_another_date_keeps_it_again(school_db: Path) -> None:
    db = open_db(school_db)
    try:
        with db.read() as s:
            pid = s.scalar(select(Pupil.id).where(Pupil.number == "1003"))
        assert pid is not None
        saved = register_event(db, pupil_id=pid, kind="duo_report", day=date(2025, 11, 21), reference="2025-77",
                               by=IB, today=date(2025, 12, 1))
        with db.read() as s:
            rows = s.scalars(select(DuoSheetKept).where(DuoSheetKept.event_id == saved.id)).all()
            assert [(k.rule_id, k.begin, k.end, k.minutes) for k in rows] == [
                ("HW-16U", date(2025, 11, 17), date(2025, 11, 20), 1215)]
            assert [r["datum"] for r in json.loads(rows[0].records)] == [
                "2025-11-17", "2025-11-18", "2025-11-19", "2025-11-20"]
        # the number corrected: the same report, its sheet stays as it was
        update_event(db, event_id=saved.id, kind="duo_report", day=date(2025, 11, 21), reference="2025-78", by=IB,
                     today=date(2025, 12, 1))
        with db.read() as s:
            assert s.scalar(select(DuoSheetKept.id).where(DuoSheetKept.event_id == saved.id)) == rows[0].id
        # a date before the 16 hours were reached: that report answers nothing, and keeps nothing
        update_event(db, event_id=saved.id, kind="duo_report", day=date(2025, 11, 18), reference="2025-78", by=IB,
                     today=date(2025, 12, 1))
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(DuoSheetKept)) == 0
        update_event(db, event_id=saved.id, kind="duo_report", day=date(2025, 11, 24), reference="2025-78", by=IB,
                     today=date(2025, 12, 1))
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(DuoSheetKept)) == 1
        delete_event(db, event_id=saved.id, by=IB)
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(DuoSheetKept)) == 0
            assert s.get(EventRow, saved.id) is None
    finally:
        db.close()


def test_inzage_holds_the_kept_sheet(reported: Path) -> None:
    db = open_db(reported)
    try:
        data = inzage_data(db, pupil_number="1003", by=IB)
    finally:
        db.close()
    (kept,) = data["duo_meldingen_zoals_gemeld"]
    assert kept["begin"] == date(2025, 11, 17) and kept["end"] == date(2025, 11, 20)
    assert [r["code"] for r in kept["registraties"]] == ["O", "O", "O", "O"]


def test_migration_0020_on_a_database_with_reports(reported: Path, tmp_path: Path) -> None:
    db = open_db(reported)
    with db.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0019")
    db.close()
    assert _kept(reported) == 0  # upgraded again on open: the table is there, the report of before kept nothing
    text = _sheet(reported, tmp_path)
    assert AS_REPORTED in text and "Berekend uit de registraties" in text
    # a report registered from now on keeps its sheet
    _import(reported, tmp_path, "absences", AH + "".join(f"1003;2025-12-0{d};;;O;;;\n" for d in (1, 2, 3, 4)))
    _import(reported, tmp_path, "events", REPORT.replace("2025-11-21", "2025-12-05").replace("2025-77", "2025-90"))
    assert _kept(reported) == 1
    text = _sheet(reported, tmp_path, "2025-12-05")
    assert "vervolgmelding" in text and "de gegevens zoals ze gemeld zijn" in text
    assert "Vorige melding vr 21 nov 2025, nummer 2025-77" in text


def test_the_kept_sheet_is_deleted_with_the_dossier_at_the_retention_term(reported: Path) -> None:
    from verzuimdesk.services.retention import purge_due

    assert _kept(reported) == 1
    db = open_db(reported)
    try:
        with db.begin() as s:
            pupil = s.scalar(select(Pupil).where(Pupil.number == "1003"))
            assert pupil is not None
            pupil.enrolled_until = date(2026, 1, 30)
        purge_due(db, today=date(2028, 3, 1), by=IB)  # two years after leaving: the dossier goes
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(DuoSheetKept)) == 0
            assert s.scalar(select(Pupil.id).where(Pupil.number == "1003")) is not None  # the absences stay
    finally:
        db.close()


def test_an_lrv_report_reprinted_after_it_stopped_says_the_einddatum_to_pass_on(school_db: Path, tmp_path: Path) -> None:
    # Anaïs (1004) is absent without leave every schooldag from Mon 1 Sep to Fri 10 Oct 2025, and back after the
    # herfstvakantie: langdurig relatief verzuim, reported on Tue 30 Sep while it held ("nog afwezig")
    days = [date.fromordinal(n) for n in range(date(2025, 9, 1).toordinal(), date(2025, 10, 11).toordinal())]
    _import(school_db, tmp_path, "absences", AH + "".join(f"1004;{d.isoformat()};;;O;;;\n" for d in days
                                                          if d.weekday() < 5))
    _import(school_db, tmp_path, "events", "leerlingnummer;datum;soort;omschrijving\n"
                                           "1004;2025-09-30;duo_report;meldingsnummer 2025-55\n")

    def lrv(day: str) -> str:
        out = tmp_path / "lrv.pdf"
        out.unlink(missing_ok=True)
        assert cli("export", "duo", "--db", school_db, "--pupil", "1004", "--date", day, "--regel", "LRV",
                   "--out", out) == 0
        return flat(pdf_text(out))

    then = lrv("2025-09-30")
    assert "Soort melding Langdurig relatief verzuim" in then and "Einddatum verzuim nog afwezig" in then
    # the rule's name once: its text opens with it already
    assert "Aanleiding (stappenplan) Langdurig relatief verzuim: langer dan 4 weken" in then
    assert "Langdurig relatief verzuim: Langdurig" not in then
    later = lrv("2025-11-03")
    assert _reported(later) == _reported(then)
    assert "einddatum nu vr 10 okt 2025 (gemeld: nog afwezig)" in later


def test_a_vervolgmelding_keeps_its_previous_report_when_that_one_is_deleted(reported: Path, tmp_path: Path) -> None:
    # 16 hours again in the first week of December: a vervolgmelding on Fri 5 Dec, after the report of 21 Nov
    _import(reported, tmp_path, "absences", AH + "".join(f"1003;2025-12-0{d};;;O;;;\n" for d in (1, 2, 3, 4)))
    _import(reported, tmp_path, "events", REPORT.replace("2025-11-21", "2025-12-05").replace("2025-77", "2025-90"))
    before = _sheet(reported, tmp_path, "2025-12-05")
    assert "vervolgmelding" in before and "Vorige melding vr 21 nov 2025, nummer 2025-77" in before
    db = open_db(reported)
    try:
        with db.read() as s:
            first = s.scalar(select(EventRow.id).where(EventRow.day == date(2025, 11, 21)))
        assert first is not None
        delete_event(db, event_id=first, by=IB)  # entered by mistake, say: DUO has the vervolgmelding as it was
    finally:
        db.close()
    after = _sheet(reported, tmp_path, "2025-12-05")
    assert _reported(after) == _reported(before)
    assert "nu een eerste melding van 16 uur (gemeld als vervolgmelding van 16 uur)" in after


def test_the_dossier_names_each_rule_once(school_db: Path, tmp_path: Path) -> None:
    # The LRV's and the thuiszitter's texts open with their names; the dossier's stappenplan printed the bold
    # name and then the text, so it read "Thuiszitter Thuiszitter: langer dan 4 weken ..."
    days = [date.fromordinal(n) for n in range(date(2025, 9, 1).toordinal(), date(2025, 10, 11).toordinal())]
    _import(school_db, tmp_path, "absences", AH + "".join(f"1004;{d.isoformat()};;;O;;;\n" for d in days
                                                          if d.weekday() < 5))
    out = tmp_path / "dossier.pdf"
    assert cli("export", "dossier", "--db", school_db, "--pupil", "1004", "--recipient", "leerplicht",
               "--date", "2025-10-10", "--out", out) == 0
    text = flat(pdf_text(out))
    assert "Langdurig relatief verzuim langer dan 4 weken meer dan de helft" in text
    assert "Thuiszitter langer dan 4 weken" in text
    assert "Thuiszitter Thuiszitter" not in text and "verzuim Langdurig relatief" not in text
