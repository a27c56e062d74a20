"""Kwartaalopgave SWV: the quarterly list as a landscape PDF to read, an XLSX the SWV passes on, and a CSV.

One column layout for all three (`COLUMNS`), so the files cannot drift apart. The XLSX holds typed
cells (dates as dates, percentages as numbers); the CSV is `;`-separated UTF-8 with a BOM, which is
what makes a Dutch Excel open it with the accents and columns right.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from verzuimdesk.reports.base import build, content_width, d, empty, p, table
from verzuimdesk.reports.cells import csv_cell, xlsx_row
from verzuimdesk.reports.data import Letterhead, QuarterlyList, QuarterlyRow

CATEGORY_TEXT = {"A": "A, langdurig relatief verzuim", "B": "B, langdurig geoorloofd verzuim"}


def _history(items: tuple[tuple[date, Any], ...], unit: str = "") -> str:
    return "; ".join(f"{since:%d-%m-%Y}: {value}{unit}" for since, value in items)


# (header, value of a row) — the value keeps its type for the XLSX.
COLUMNS: tuple[tuple[str, Callable[[QuarterlyRow], Any]], ...] = (
    ("Leerling", lambda r: r.pupil_label),
    ("SWV/OT-nummer", lambda r: r.ot_number),
    ("Groep", lambda r: r.group),
    ("Categorie", lambda r: r.category),
    ("Voorstel categorie", lambda r: r.proposed_category or ""),
    ("Startdatum", lambda r: r.start),
    ("Voorstel startdatum", lambda r: r.proposed_start),
    ("Einddatum", lambda r: r.end),
    ("Hoofdoorzaak", lambda r: r.main_cause),
    ("Interventie (status)", lambda r: r.status),
    ("Interventie, verloop", lambda r: _history(r.status_history)),
    ("Onderwijs gevolgd (%)", lambda r: r.share),
    ("Onderwijs gevolgd, verloop", lambda r: _history(r.share_history, "%")),
    ("Wachtlijst", lambda r: r.waiting_list),
    ("Reden afronding", lambda r: r.close_reason),
)


def _title(data: QuarterlyList) -> str:
    return f"Kwartaalopgave zorgwekkend verzuim, peildatum {d(data.reference, weekday=False)}"


def build_quarterly_pdf(data: QuarterlyList, out: Path, *, printed: date, logo: str | None = None) -> None:
    w = content_width(wide=True)
    who = "met naam (op verzoek)" if data.names else "met initialen en SWV/OT-nummer"
    story: list[Flowable] = [p(
        f"Kwartaal {d(data.quarter_start, weekday=False)} t/m {d(data.reference, weekday=False)}; cumulatief over "
        f"het schooljaar vanaf {d(data.year_start, weekday=False)}. Leerlingen {who}. Een voorstel van VerzuimDesk "
        "(uit de registraties) staat tussen haakjes waar het afwijkt van de vastgestelde categorie of startdatum.",
        "small")]
    if not data.rows:
        story.append(empty("Geen leerlingen met zorgwekkend verzuim in deze periode."))
    else:
        rows: list[list[Any]] = [["Leerling", "OT-nummer", "Gr.", "Cat.", "Start", "Einde", "Hoofdoorzaak",
                                  "Interventie (verloop)", "Onderwijs", "Wachtlijst", "Afronding"]]
        for r in data.rows:
            cat = r.category + (f" (voorstel {r.proposed_category})"
                                if r.proposed_category and r.proposed_category != r.category else "")
            start = d(r.start, weekday=False) + (f" (voorstel {d(r.proposed_start, weekday=False)})"
                                                 if r.proposed_start and r.proposed_start != r.start else "")
            rows.append([r.pupil_label, r.ot_number or "–", r.group, cat, start,
                         d(r.end, weekday=False) if r.end else "loopt", r.main_cause or "–",
                         _history(r.status_history) or "–", _history(r.share_history, "%") or "–",
                         r.waiting_list or "–", r.close_reason or "–"])
        story.append(table(rows, [w * f for f in (0.09, 0.09, 0.04, 0.07, 0.09, 0.07, 0.12, 0.16, 0.09, 0.1,
                                                  0.08)]))
        a = sum(1 for r in data.rows if r.category == "A")
        story.append(p(f"{len(data.rows)} leerlingen: {a} in categorie A, {len(data.rows) - a} in categorie B; "
                       f"{sum(1 for r in data.rows if r.end is None)} lopend.", "small"))
    build(out, Letterhead(data.school, _title(data), printed, logo=logo), story, wide=True)


def write_quarterly_xlsx(data: QuarterlyList, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook always has its one sheet
    ws.title = f"Kwartaalopgave {data.reference:%d-%m-%Y}"
    ws.append([h for h, _ in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in data.rows:
        xlsx_row(ws, [value(r) for _, value in COLUMNS])
    for col, (header, _) in enumerate(COLUMNS, start=1):
        letter = ws.cell(row=1, column=col).column_letter
        ws.column_dimensions[letter].width = max(12, min(45, len(header) + 2))
        for row in range(2, len(data.rows) + 2):
            cell = ws.cell(row=row, column=col)
            if isinstance(cell.value, date):
                cell.number_format = "DD-MM-YYYY"
    ws.freeze_panes = "A2"
    wb.save(str(out))


def write_quarterly_csv(data: QuarterlyList, out: Path) -> None:
    with out.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow([h for h, _ in COLUMNS])
        for r in data.rows:
            w.writerow([csv_cell(_csv_value(value(r))) for _, value in COLUMNS])


def _csv_value(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, date):
        return f"{v:%d-%m-%Y}"
    return str(v)
