"""The gespreksverslag, the verzuimoverzicht and the DUO report, and what a failed export leaves behind."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.actors import ib
from tests.reports.conftest import cli, flat, leaked_rule_ids, open_db, pdf_text
from verzuimdesk.storage.models import AuditEntry


def test_duo_report_gives_begin_end_and_hours_to_type_over(school_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "duo.pdf"
    assert cli("export", "duo", "--db", school_db, "--pupil", "1003", "--date", "2025-11-21", "--out", out) == 0
    text = flat(pdf_text(out))
    assert "16 uur ongeoorloofd verzuim binnen 4 lesweken" in text
    assert "Begindatum verzuim ma 17 nov 2025" in text
    assert "Einddatum verzuim do 20 nov 2025" in text  # the day the 16 hours were reached
    assert "Aantal uren verzuim 20,25" in text
    assert "verzuimregister van DUO" in text and "verzuimloket" not in text
    assert "Sem gaat maandag weer naar school" in text  # the agreement made with the father
    assert "BRIN 12AB" in text
    # the rule by its Dutch name, never by its id (the sheet leaves the school)
    assert "Aanleiding (stappenplan) 16 uur ongeoorloofd verzuim in 4 lesweken: 16 uur of meer" in text
    assert leaked_rule_ids(text) == []


def test_duo_report_without_an_open_report_is_refused(school_db: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "duo.pdf"
    assert cli("export", "duo", "--db", school_db, "--pupil", "1002", "--date", "2025-11-21", "--out", out) == 1
    assert "geen DUO-melding open" in capsys.readouterr().err
    assert not out.exists()


def test_conversation_report_has_agreements_and_signature_lines(school_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "gesprek.pdf"
    assert cli("export", "conversation", "--db", school_db, "--pupil", "1003", "--out", out) == 0
    text = flat(pdf_text(out))
    assert "Gespreksverslag" in text and "Sem Jansen" in text
    assert "wo 19 nov 2025, 14:00" in text and "vader, IB-er" in text
    assert "Sem gaat maandag weer naar school vader ma 24 nov 2025" in text
    assert "ouder(s) / verzorger(s)" in text and "Namens de school" in text and text.count("Handtekening") == 2
    assert "Reactie van de ouder(s) / verzorger(s)" in text  # room for the parents' own reaction


def test_a_talk_without_the_parents_has_only_the_schools_signature_and_the_writers_name(school_db: Path,
                                                                                       tmp_path: Path) -> None:
    from datetime import datetime

    from verzuimdesk.services.conversations import save_conversation
    from verzuimdesk.storage.models import Pupil, Staff

    db = open_db(school_db)
    with db.begin() as s:
        s.add(Staff(name="Mirjam Koster", username="mkoster", role="ib"))
        sem = s.scalar(select(Pupil.id).where(Pupil.number == "1003"))
    assert sem is not None
    cid = save_conversation(db, pupil_id=sem, kind="pupil", held_at=datetime(2025, 11, 20, 9, 0), participants="Sem",
                            summary="Gesprek met Sem over het verzuim.", by=ib('mkoster'),
                            now=datetime(2025, 11, 21, 9, 0)).id
    db.close()
    out = tmp_path / "gesprek.pdf"
    assert cli("export", "conversation", "--db", school_db, "--pupil", "1003", "--id", str(cid), "--out", out) == 0
    text = flat(pdf_text(out))
    assert "Verslag door Mirjam Koster" in text and "mkoster" not in text
    assert "ouder(s)" not in text and text.count("Handtekening") == 1 and "Namens de school" in text


def test_overview_totals_rules_and_reports_for_the_period(school_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "overzicht.pdf"
    assert cli("export", "overview", "--db", school_db, "--pupil", "1003", "--recipient", "leerplicht",
               "--from", "2025-11-01", "--to", "2025-11-21", "--out", out) == 0
    text = flat(pdf_text(out))
    assert "Verzuimoverzicht" in text
    assert "ongeoorloofd 20,25 1 4" in text  # hours, one run of days, four records
    assert "medisch" not in text.lower() and "tandarts" not in text  # Sem's dentist visit is not leerplicht's
    assert "16 uur ongeoorloofd verzuim in 4 lesweken" in text and "open: melden bij DUO (via de leerlingadministratie, verzuimregister)" in text
    assert "HW-16U" not in text and "protocolbestand" not in text  # no internals leave the school
    assert "Gemeten: 20,25 uur (grens 16)" in text  # the value `status --json` gives, in Dutch


def test_a_failed_write_leaves_no_file_and_no_audit_row(school_db: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    import verzuimdesk.services.exports as exports

    def half_then_fail(dossier: object, out: Path, **_: object) -> None:
        out.write_bytes(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports, "build_dossier_pdf", half_then_fail)
    out = tmp_path / "d.pdf"
    assert cli("export", "dossier", "--db", school_db, "--pupil", "1001", "--recipient", "ouders", "--out", out) == 1
    assert "kan niet geschreven worden: de schijf is vol." in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf" or p.name.startswith(".d.pdf")) == []
    db = open_db(school_db)
    with db.read() as s:
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "export")) is None
    db.close()


def test_quarterly_export_audits_the_pupils_by_number(with_cases: Path, tmp_path: Path) -> None:
    assert cli("export", "quarterly", "--db", with_cases, "--date", "2025-12-01", "--out", tmp_path / "q.csv") == 0
    db = open_db(with_cases)
    with db.read() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
        detail = json.loads(row.detail)
    db.close()
    assert detail["document"] == "kwartaalopgave" and detail["ontvanger"] == "swv"
    assert sorted(detail["leerlingen"]) == ["1001", "1003"] and detail["peildatum"] == date(2025, 12, 15).isoformat()
