"""Cells a spreadsheet never runs as a formula: OWASP's rule against CSV (formula) injection.

A pupil named `=HYPERLINK("https://…","klik")` or a note starting with `+`, `-`, `@`, a tab or a
carriage return would otherwise become a live formula in Excel or LibreOffice. Every XLSX and CSV
the app writes goes through `csv_cell` or `xlsx_row`:

- CSV: such a text gets a leading apostrophe (the spreadsheet shows it as text; OWASP's advice).
- XLSX: such a text is stored as a text cell (openpyxl would make `=…` a formula) with Excel's
  quote prefix, so it stays text also when someone edits the cell.

Numbers and dates are not text and pass unchanged (a negative number is a number, not a formula).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

RISKY = ("=", "+", "-", "@", "\t", "\r")


def risky(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(RISKY)


def csv_cell(value: Any) -> Any:
    """The value to write in a CSV field."""
    return "'" + value if risky(value) else value


def xlsx_row(ws: Any, values: Iterable[Any]) -> None:
    """Append one row to an openpyxl worksheet with every risky text kept as text."""
    values = list(values)
    ws.append(values)
    row = ws.max_row
    for col, value in enumerate(values, start=1):
        if risky(value):
            cell = ws.cell(row=row, column=col)
            cell.value = value
            cell.data_type = "s"
            cell.quotePrefix = True
