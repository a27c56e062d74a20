"""A CSV file read at once (importers/csvfile.py `_plain_columns`) gives the cells the line-by-line reading gives,
or leaves the file to it: blank lines, lines of separators, ragged lines, values over several lines, quotes,
carriage returns, values too long, a file that ends without a newline."""

from __future__ import annotations

import random

import pytest

from verzuimdesk.importers import csvfile
from verzuimdesk.importers.csvfile import read_csv
from verzuimdesk.importers.problems import InputRefused

COLUMNS = {"leerlingnummer", "datum", "opmerking"}
HEADER = "leerlingnummer;datum;opmerking"
PIECES = ["1001;2025-11-17;ziek", " 1002 ; 2025-11-18 ;  ", "1003;2025-11-19;\"gebeld; moeder\"",
          "1004;2025-11-20;\"twee\nregels\"", "", "   ", ";;", "1005;2025-11-21", "1006;2025-11-21;a;b",
          "1007;2025-11-22;\"zegt \"\"ziek\"\"\"", "1008;2025-11-23;" + "x" * 5001, "1009;2025-11-24;\"open",
          "1010;\t2025-11-25\t;Zoë", "1011;2025-11-26;x\x00y"]


def _read(text: str, *, at_once: bool) -> object:
    original = csvfile._plain_columns
    try:
        if not at_once:
            csvfile._plain_columns = lambda *args: None  # type: ignore[assignment]
        table = read_csv(text.encode(), "verzuim.csv", required=COLUMNS, optional=set())
        return table.header, table.cells
    except InputRefused as exc:
        return "refused", str(exc)
    finally:
        csvfile._plain_columns = original  # type: ignore[assignment]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_a_file_read_at_once_gives_what_the_line_by_line_reading_gives(newline: str) -> None:
    rng = random.Random(len(newline))
    for _ in range(600):
        lines = [rng.choice(PIECES[:3] if rng.random() < 0.7 else PIECES) for _ in range(rng.randrange(1, 6))]
        text = newline.join([HEADER, *lines]) + (newline if rng.random() < 0.8 else "")
        assert _read(text, at_once=True) == _read(text, at_once=False), text


def test_a_plain_file_is_read_at_once() -> None:
    calls = []
    original = csvfile._plain_columns
    try:
        csvfile._plain_columns = lambda *args: calls.append(1) or original(*args)  # type: ignore[assignment]
        table = read_csv(f"{HEADER}\n1001;2025-11-17;ziek\n\n".encode(), "v.csv", required=COLUMNS, optional=set())
    finally:
        csvfile._plain_columns = original  # type: ignore[assignment]
    assert calls and table.cells == ((2, ("1001", "2025-11-17", "ziek")),)
