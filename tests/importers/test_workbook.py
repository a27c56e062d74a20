"""XLSX, XLS and ODS read through python-calamine; bombs, broken and oversized files refused in Dutch.

Every file is generated here. The tests assert the refusal and its reason, never a time.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, time

import pytest
from openpyxl import Workbook

from verzuimdesk.importers import workbook
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.importers.spreadsheet import read_sheet

HEADER = ["Leerlingnummer", "Datum", "Van", "Tot", "Reden"]


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for r in rows:
        book.active.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls(rows: list[list[object]]) -> bytes:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Absenties")
    styles = {date: xlwt.easyxf(num_format_str="DD-MM-YYYY"), time: xlwt.easyxf(num_format_str="HH:MM")}
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            style = styles.get(type(v))
            sheet.write(i, j, v, style) if style else sheet.write(i, j, v)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ods(rows: list[list[str]]) -> bytes:
    cells = "".join("<table:table-row>" + "".join(
        f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>' for v in r)
        + "</table:table-row>" for r in rows)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Blad1">{cells}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def refusal(data: bytes, name: str) -> str:
    with pytest.raises(InputRefused) as info:
        read_sheet(data, name)
    return str(info.value)


def test_xlsx_is_read_with_dates_times_and_whole_numbers() -> None:
    sheet = read_sheet(xlsx([HEADER, [1001, date(2025, 11, 3), time(8, 30), time(12, 0), "Ziek"]]), "a.xlsx")
    assert sheet.header == tuple(HEADER)
    assert sheet.rows == ((2, ("1001", "2025-11-03", "08:30", "12:00", "Ziek")),)


def test_the_old_xls_format_is_read() -> None:
    sheet = read_sheet(xls([HEADER, [1001.0, date(2025, 11, 3), time(8, 30), time(12, 0), "Te laat"]]), "a.xls")
    assert sheet.header == tuple(HEADER)
    assert sheet.rows == ((2, ("1001", "2025-11-03", "08:30", "12:00", "Te laat")),)


def test_an_ods_file_is_read() -> None:
    sheet = read_sheet(ods([HEADER, ["1001", "03-11-2025", "8:30", "12:00", "Ziek"]]), "a.ods")
    assert sheet.rows == ((2, ("1001", "03-11-2025", "8:30", "12:00", "Ziek")),)


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))  # 60 MB of zeros: ~60 kB packed
    assert "zip-bom" in refusal(out.getvalue(), "bom.xlsx")


def test_a_zip_whose_parts_lie_about_their_size_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook, "MAX_EXPANDED_BYTES", 2 * 1024 * 1024)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in range(3):  # three honest parts of 1 MB each: together over the (lowered) limit
            z.writestr(f"xl/part{n}.xml", bytes(range(256)) * 4096)
    assert "pakt uit tot meer dan" in refusal(out.getvalue(), "groot.xlsx")


@pytest.mark.parametrize(("data", "reason"), [
    (b"PK\x03\x04" + b"\x00" * 200, "het bestand is beschadigd"),
    (xlsx([HEADER, [1001, "x", "", "", "Ziek"]])[:-200], "het bestand is beschadigd"),  # cut off
])
def test_a_corrupt_xlsx_is_refused_in_dutch(data: bytes, reason: str) -> None:
    assert reason in refusal(data, "kapot.xlsx")


def test_a_damaged_part_inside_an_intact_zip_is_refused() -> None:
    good = xlsx([HEADER, [1001, "x", "", "", "Ziek"]])
    source = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info)
            z.writestr(info.filename, b"<worksheet><sheetData><row" if "sheet1" in info.filename else data)
    assert "beschadigd" in refusal(out.getvalue(), "half.xlsx")


def test_limits_on_size_rows_columns_and_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook, "MAX_FILE_BYTES", 10_000)
    assert "het bestand is groter dan" in refusal(b"leerlingnummer;datum\n" + b"1001;2025-11-03\n" * 1000, "a.csv")
    monkeypatch.setattr(workbook, "MAX_FILE_BYTES", 20 * 1024 * 1024)
    monkeypatch.setattr(workbook, "MAX_ROWS", 50)
    assert "meer dan 50 wordt niet gelezen" in refusal(xlsx([HEADER] + [[n] for n in range(60)]), "a.xlsx")
    monkeypatch.setattr(workbook, "MAX_COLUMNS", 20)
    assert "kolommen; meer dan 20" in refusal(xlsx([[f"k{n}" for n in range(30)]]), "a.xlsx")
    long = "x" * (workbook.MAX_CELL_CHARS + 1)
    assert "regel 2: een cel is langer dan" in refusal(xlsx([HEADER, [1001, long]]), "a.xlsx")
    assert "regel 2: een cel is langer dan" in refusal(f"leerlingnummer;naam\n1001;{long}\n".encode(), "a.csv")
