"""No text the app writes to XLSX or CSV becomes a live formula (OWASP's CSV-injection rule)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import raw
from tests.reports.conftest import cli
from verzuimdesk.reports.cells import csv_cell, xlsx_row

EVIL = '=HYPERLINK("https://example.org/x","klik")'


@pytest.mark.parametrize("text", [EVIL, "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_a_risky_text_stays_text(text: str, tmp_path: Path) -> None:
    assert csv_cell(text) == "'" + text
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    xlsx_row(ws, [text, 5, -3, date(2025, 1, 2), "gewoon"])
    wb.save(tmp_path / "x.xlsx")
    cells = next(load_workbook(tmp_path / "x.xlsx").active.iter_rows())  # type: ignore[union-attr]
    assert cells[0].data_type == "s" and cells[0].value[1:] == text[1:]  # XML reads a CR back as LF
    assert cells[1].value == 5 and cells[2].value == -3 and cells[4].value == "gewoon"


def test_numbers_and_plain_text_pass_unchanged() -> None:
    assert csv_cell(-3) == -3 and csv_cell("Zoë") == "Zoë" and csv_cell("") == ""


def test_a_pupil_named_like_a_formula_is_text_in_the_quarterly_files(with_cases: Path, tmp_path: Path) -> None:
    con = raw(with_cases)
    con.execute("UPDATE pupil SET first_name = ? WHERE first_name = 'Sem'", (EVIL,))
    con.commit()
    con.close()
    out = tmp_path / "q.xlsx"
    assert cli("export", "quarterly", "--db", with_cases, "--date", "2025-11-25", "--out", out, "--names") == 0
    ws = load_workbook(out).active
    assert ws is not None
    first = [c for row in ws.iter_rows(min_row=2) for c in row if str(c.value).startswith("=HYPERLINK")]
    assert first and all(c.data_type == "s" for c in first)
    out = tmp_path / "q.csv"
    assert cli("export", "quarterly", "--db", with_cases, "--date", "2025-11-25", "--out", out, "--names") == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert any(";\"'=HYPERLINK(" in line or ";'=HYPERLINK(" in line for line in lines)
    assert not any(";=" in line or ';"=' in line for line in lines)
