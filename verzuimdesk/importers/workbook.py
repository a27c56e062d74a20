"""Reading a spreadsheet (XLSX, XLS, ODS) through python-calamine, within limits checked early.

A spreadsheet is a zip file (XLSX, ODS) or an OLE2 file (XLS) that expands on reading; a hostile or
broken one must be refused in bounded time and memory, with a Dutch message, before the reader ever
expands it. So: the file's size first; for a zip the declared sizes, the compression ratio and then the
real expanded size of every part, streamed in chunks and stopped at the limit (which also catches a
part that lies about its size and a failing checksum); then the sheet's dimensions; then each cell.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from verzuimdesk.importers.problems import InputRefused, Problem

MAX_FILE_BYTES = 20 * 1024 * 1024  # an absence overview of a whole school year is well under 1 MB
MAX_EXPANDED_BYTES = 100 * 1024 * 1024  # all parts of a zipped spreadsheet together, unpacked
MAX_RATIO = 100  # a part that unpacks to more than 100× its packed size is a zip bomb
MAX_PARTS = 2_000
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 10_000

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
KINDS = (".xlsx", ".xlsm", ".xls", ".ods")


def is_workbook(data: bytes, filename: str) -> bool:
    return filename.lower().endswith(KINDS) or data[:4] == ZIP_MAGIC or data[:8] == OLE_MAGIC


def _refuse(filename: str, reason: str, line: int | None = None) -> InputRefused:
    return InputRefused(filename, [Problem(line, "", reason)])


def check_size(data: bytes, filename: str) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(filename, f"het bestand is groter dan {MAX_FILE_BYTES // 1024 // 1024} MB; zo groot is een "
                      "lijst uit de leerlingadministratie niet")


def check_zip(data: bytes, filename: str) -> None:
    """Refuse a zip bomb or a damaged zip before any spreadsheet reader unpacks it."""
    damaged = "het bestand is beschadigd of geen echt spreadsheetbestand; sla het opnieuw op vanuit het programma"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse(filename, damaged) from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_EXPANDED_BYTES:
            raise _refuse(filename, "het bestand pakt uit tot meer dan "
                          f"{MAX_EXPANDED_BYTES // 1024 // 1024} MB (een zip-bom?); het is niet gelezen")
        for p in parts:
            if p.file_size > 1024 * 1024 and p.file_size > MAX_RATIO * max(p.compress_size, 1):
                raise _refuse(filename, f"een onderdeel van het bestand ({p.filename}) pakt uit tot meer dan "
                              f"{MAX_RATIO} keer zijn grootte (een zip-bom?); het is niet gelezen")
        total = 0
        try:
            for p in parts:
                with archive.open(p) as stream:
                    size = 0
                    while chunk := stream.read(1024 * 1024):
                        size += len(chunk)
                        total += len(chunk)
                        if size > p.file_size or total > MAX_EXPANDED_BYTES:
                            raise _refuse(filename, "het bestand pakt uit tot meer dan het zegt (een zip-bom?); "
                                          "het is niet gelezen")
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
            raise _refuse(filename, damaged) from None


def read_workbook(data: bytes, filename: str) -> list[tuple[int, tuple[str, ...]]]:
    """The first sheet's rows as text, numbered as the spreadsheet numbers them."""
    check_size(data, filename)
    if data[:4] == ZIP_MAGIC:
        check_zip(data, filename)
    elif data[:8] != OLE_MAGIC:
        raise _refuse(filename, "dit is geen Excel- of OpenDocument-bestand (al heet het zo); sla het in het "
                      "programma op als .xlsx, .ods of .csv")
    from python_calamine import CalamineWorkbook  # only a spreadsheet import pays for loading it

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not book.sheet_names:
            raise _refuse(filename, "het bestand heeft geen werkblad")
        sheet = book.get_sheet_by_index(0)
        height, width = sheet.total_height, sheet.total_width
    except InputRefused:
        raise
    except Exception:  # calamine's own errors name no stable class; its text is English
        raise _refuse(filename, "het bestand is beschadigd of geen leesbaar spreadsheetbestand; sla het opnieuw "
                      "op vanuit het programma") from None
    if height > MAX_ROWS:
        raise _refuse(filename, f"het eerste werkblad heeft {height} regels; meer dan {MAX_ROWS} wordt niet gelezen")
    if width > MAX_COLUMNS:
        raise _refuse(filename, f"het eerste werkblad heeft {width} kolommen; meer dan {MAX_COLUMNS} wordt niet "
                      "gelezen")
    out = []
    for line, row in enumerate(_rows(sheet), start=sheet.start[0] + 1 if sheet.start else 1):
        cells = tuple(cell_text(v) for v in row)
        check_cells(cells, line, filename)
        out.append((line, cells))
    return out


def _rows(sheet: object) -> Iterator[list[object]]:
    yield from sheet.iter_rows()  # type: ignore[attr-defined]


def check_cells(cells: tuple[str, ...], line: int, filename: str) -> None:
    long = next((c for c in cells if len(c) > MAX_CELL_CHARS), None)
    if long is not None:
        raise _refuse(filename, f"een cel is langer dan {MAX_CELL_CHARS} tekens; dat is geen lijst uit de "
                      "leerlingadministratie", line)
    if len(cells) > MAX_COLUMNS:
        raise _refuse(filename, f"meer dan {MAX_COLUMNS} kolommen; dat wordt niet gelezen", line)


def cell_text(value: object) -> str:
    """A cell as the CSV formats write it: dates ISO, whole numbers without ".0", times HH:MM."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):  # a duration cell ("0:45"); as a time of day when under a day
        minutes = int(value.total_seconds() // 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}" if 0 <= minutes < 24 * 60 else str(minutes)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text if text.isascii() else unicodedata.normalize("NFC", text)  # as csvfile.decode
