"""The Verzuimanalyse as PDF (read back with pypdf) and XLSX (read back with openpyxl): the school's
figures, the cases, an audit row, and never a pupil's name."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from tests.actors import IB
from tests.reports.conftest import cli, open_db, pdf_text
from verzuimdesk.services.trends import export_trends, school_trends
from verzuimdesk.storage.loading import load_pupil_data
from verzuimdesk.storage.models import AuditEntry

RANGE = ("--from", "2025-09-01", "--to", "2025-12-31", "--per", "maand")


def names(path: Path) -> set[str]:
    db = open_db(path)
    try:
        with db.read() as s:
            # first and last names (capitalised), not prefixes like "van der" that Dutch text holds anyway
            found = {w for pd in load_pupil_data(s) for w in re.findall(r"\b[A-ZÀ-Þ]\w{2,}", pd.name)}
    finally:
        db.close()
    assert {"Daniël", "Berg", "Sem"} <= found
    return found


def test_the_pdf_has_the_figures_and_charts_and_no_name(with_cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "analyse.pdf"
    assert cli("trends", "--db", with_cases, *RANGE, "--out", out) == 0
    text = pdf_text(out)
    assert "Verzuimanalyse 1 sep 2025 t/m 31 dec 2025" in text
    for words in ("Verzuim in % van de lestijd per periode", "Verzuim per groep", "Aandeel per categorie",
                  "De school per periode", "Per groep over de hele periode", "sep 2025", "dec 2025", "groep 1-2"):
        assert words in text
    db = open_db(with_cases)
    try:
        st = school_trends(db, start=date(2025, 9, 1), end=date(2025, 12, 31), per="maand")
        with db.read() as s:
            logged = s.execute(select(AuditEntry.entity, AuditEntry.pupil_id)).all()
    finally:
        db.close()
    tot = st.trends.total.current.school
    # the whole range: 2 cases opened (Sep, Nov), 1 closed (Oct); the percentage with a decimal comma
    assert (tot.cases_opened, tot.cases_closed) == (2, 1)
    assert f"{tot.percentage():.1f}% verzuim".replace(".", ",") in text
    assert "2 zaken geopend en 1 gesloten" in text
    assert ("verzuimanalyse", None) in logged
    found = [w for w in names(with_cases) if re.search(rf"\b{w}\b", text)]
    assert not found


def test_the_xlsx_holds_the_figures_as_numbers_and_no_name(with_cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "analyse.xlsx"
    assert cli("trends", "--db", with_cases, *RANGE, "--out", out) == 0
    db = open_db(with_cases)
    try:
        st = school_trends(db, start=date(2025, 9, 1), end=date(2025, 12, 31), per="maand")
    finally:
        db.close()
    wb = load_workbook(out)
    assert wb.sheetnames == ["Verzuimcijfers", "Een jaar eerder"]
    ws = wb["Verzuimcijfers"]
    header = [c.value for c in ws[2]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=3)]
    groups = st.trends.groups
    assert len(rows) == 4 * (1 + len(groups))  # four months, the school and each group
    nov = st.trends.periods[2].current
    school_nov = next(r for r in rows if r["Periode"] == "nov 2025" and r["Groep"] == "school")
    assert school_nov["Lestijd (minuten)"] == nov.school.lestijd
    assert school_nov["Afwezig ongeoorloofd (minuten)"] == nov.school.absent[2] > 0
    assert school_nov["Totaal (%)"] == nov.school.percentage()
    assert school_nov["Zaken geopend"] == 1 and school_nov["Begin"].date() == date(2025, 11, 1)
    all_text = " ".join(str(c.value) for sheet in wb for row in sheet.iter_rows() for c in row if c.value is not None)
    assert not [w for w in names(with_cases) if re.search(rf"\b{w}\b", all_text)]


def test_a_wrong_file_name_is_refused_and_writes_nothing(with_cases: Path, tmp_path: Path) -> None:
    db = open_db(with_cases)
    try:
        st = school_trends(db, start=date(2025, 9, 1), end=date(2025, 12, 31), per="maand")
        from verzuimdesk.services.dossier import Refused

        try:
            export_trends(db, st, out=tmp_path / "analyse.docx", by=IB)
        except Refused as exc:
            assert ".pdf of .xlsx" in str(exc)
        else:
            raise AssertionError("a .docx was accepted")
    finally:
        db.close()
    assert list(tmp_path.glob("analyse*")) == []
