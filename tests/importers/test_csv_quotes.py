"""What a CSV file's quotes may do: a value over several lines is read as one; a quote never closed does not
take the lines after it into a note (found by a review of the imports)."""

from __future__ import annotations

import pytest

from verzuimdesk.importers.csvfile import read_csv
from verzuimdesk.importers.problems import InputRefused

COLUMNS = {"leerlingnummer", "datum", "opmerking"}


def read(text: str) -> list[tuple[str, ...]]:
    return [values for _, values in read_csv(text.encode(), "verzuim.csv", required=COLUMNS, optional=set()).cells]


def test_a_quote_never_closed_is_refused_with_its_line_instead_of_swallowing_the_rest() -> None:
    text = ("leerlingnummer;datum;opmerking\n1001;2025-11-17;\"ziek, zegt moeder\n1002;2025-11-17;\n"
            "1003;2025-11-17;\n")
    with pytest.raises(InputRefused) as got:
        read(text)
    assert "regel 2: een aanhalingsteken" in str(got.value) and "nergens gesloten" in str(got.value)


def test_a_quoted_note_over_two_lines_and_a_quote_inside_a_value_are_read() -> None:
    text = ("leerlingnummer;datum;opmerking\n1001;2025-11-17;\"gebeld;\nmoeder komt\"\n"
            "1002;2025-11-18;\"bus\" te laat\n")
    assert read(text) == [("1001", "2025-11-17", "gebeld;\nmoeder komt"), ("1002", "2025-11-18", "bus te laat")]


def test_a_value_beyond_the_readers_own_limit_is_refused_in_dutch() -> None:
    with pytest.raises(InputRefused, match="een waarde is langer dan 5000 tekens"):
        read("leerlingnummer;datum;opmerking\n1001;2025-11-17;" + "x" * 200_000 + "\n")


@pytest.mark.skipif(not __import__("os").path.exists("/dev/zero"), reason="a stream without an end: /dev/zero")
def test_a_stream_without_an_end_is_refused_after_the_limit_not_read_until_memory_runs_out() -> None:
    from pathlib import Path

    from verzuimdesk.services.imports import read_file

    with pytest.raises(InputRefused, match="te groot \\(meer dan 50 MB\\)"):
        read_file(Path("/dev/zero"))


def test_a_file_partly_utf8_and_partly_windows_1252_is_refused_not_stored_garbled() -> None:
    data = ("leerlingnummer;datum;opmerking\n1001;2025-11-17;Zoë belde\n".encode()
            + "1002;2025-11-17;Daniël ziek\n".encode("cp1252"))
    with pytest.raises(InputRefused, match="regel 3: het bestand is deels UTF-8 en deels Windows-1252"):
        read_csv(data, "verzuim.csv", required=COLUMNS, optional=set())
    cafe = "leerlingnummer;datum;opmerking\n1002;2025-11-17;CAFÉ” en ÉÉN–twee\n".encode("cp1252")
    assert [v for _, v in read_csv(cafe, "v.csv", required=COLUMNS, optional=set()).cells] == [
        ("1002", "2025-11-17", "CAFÉ” en ÉÉN–twee")]  # Windows-1252 throughout, though 'É”' looks like UTF-8
    whole = "leerlingnummer;datum;opmerking\n1002;2025-11-17;Daniël, Zoë\n"
    for encoding in ("utf-8", "cp1252"):  # either one throughout is read as it is
        got = read_csv(whole.encode(encoding), "verzuim.csv", required=COLUMNS, optional=set()).cells
        assert [v for _, v in got] == [("1002", "2025-11-17", "Daniël, Zoë")]


def test_what_excel_writes_beside_a_plain_csv_is_read_or_named() -> None:
    # found by a review: a blank line before the header or Excel's 'sep=;' gave "verplichte kolom ontbreekt"
    # three times, and a UTF-16 file eleven garbled 'onbekende kolom' lines
    body = "leerlingnummer;datum;opmerking\n1001;2025-11-17;Zoë\n"
    want = [("1001", "2025-11-17", "Zoë")]
    assert read("\n\n" + body) == want
    assert read("sep=;\r\n" + body.replace("\n", "\r\n")) == want
    assert read("sep=,\n" + body.replace(";", ",")) == want
    got = read_csv(body.encode("utf-16"), "verzuim.csv", required=COLUMNS, optional=set()).cells
    assert [v for _, v in got] == want
    with pytest.raises(InputRefused, match="regel 1: de kolommen zijn gescheiden door tabs"):
        read_csv(body.replace(";", "\t").encode("utf-16"), "verzuim.csv", required=COLUMNS, optional=set())
    with pytest.raises(InputRefused, match="regel 3: 2 waarden"):  # line numbers count the lines before
        read("\n" + body.replace("\n1001;2025-11-17;Zoë", "\n1001;2025-11-17"))


def test_the_apps_reader_refuses_the_unclosed_quote_and_skips_what_excel_writes_first() -> None:
    # the app's import (importers/spreadsheet.py) reads CSV itself: a review found neither fix there
    from verzuimdesk.importers.spreadsheet import read_sheet

    with pytest.raises(InputRefused, match="regel 4: een aanhalingsteken"):
        read_sheet(b'sep=;\n\nleerlingnummer;datum;opmerking\n1001;2025-11-17;"ziek\n1002;2025-11-17;\n', "v.csv")
    sheet = read_sheet(b";;;\nsep=;\nleerlingnummer;datum;opmerking\n1001;2025-11-17;Zo\xc3\xab\n", "v.csv")
    assert sheet.header == ("leerlingnummer", "datum", "opmerking")
    assert read(";;\n\nleerlingnummer;datum;opmerking\n1001;2025-11-17;x\n") == [("1001", "2025-11-17", "x")]
