"""Reading LAS spreadsheets: encodings, XLSX cells, the guessed column mapping and the date notation."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from tests.conftest import xlsx
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.importers.spreadsheet import detect_date_format, guess_mapping, mapped_table, read_sheet

HEADER = "Lln nr;Roepnaam;Tussenv.;Achternaam;Geb. datum;Klas;Instroomdatum\r\n"
LINE = "1001;Zoë;van der;Berg;14-03-2017;5;30-08-2021\r\n"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-8-sig"])
def test_names_with_diaeresis_survive_every_encoding(encoding: str) -> None:
    sheet = read_sheet((HEADER + LINE + "1002;Anaïs;;Hoëgen;01-02-2016;6;01-09-2020\r\n").encode(encoding), "lln.csv")
    assert sheet.header[0] == "Lln nr"
    assert [cells[1] for _, cells in sheet.rows] == ["Zoë", "Anaïs"]
    assert sheet.rows[1][1][3] == "Hoëgen"


def test_headers_of_a_las_export_are_guessed() -> None:
    header = ("Lln nr", "Roepnaam", "Tussenv.", "Achternaam", "Geb. datum", "Klas", "Instroomdatum", "Memo", "Foto")
    assert guess_mapping(header, "pupils") == {
        "Lln nr": "leerlingnummer", "Roepnaam": "voornaam", "Tussenv.": "tussenvoegsel", "Achternaam": "achternaam",
        "Geb. datum": "geboortedatum", "Klas": "groep", "Instroomdatum": "inschrijfdatum"}
    assert guess_mapping(("Nummer", "Voornaam", "Voorvoegsel", "Groep"), "pupils") == {
        "Nummer": "leerlingnummer", "Voornaam": "voornaam", "Voorvoegsel": "tussenvoegsel", "Groep": "groep"}
    assert guess_mapping(("Leerlingnummer", "Datum", "Absentiecode", "Van", "Tot", "Opmerking"), "absences") == {
        "Leerlingnummer": "leerlingnummer", "Datum": "datum", "Absentiecode": "code", "Van": "van", "Tot": "tot",
        "Opmerking": "opmerking"}
    assert guess_mapping(("Lln nr", "Datum", "Reden"), "absences")["Reden"] == "code"


def test_a_field_is_guessed_for_one_column_only() -> None:
    assert guess_mapping(("Roepnaam", "Voornamen"), "pupils") == {"Roepnaam": "voornaam"}


@pytest.mark.parametrize(("values", "label"), [
    (["2017-03-14", "2019-11-02"], "JJJJ-MM-DD"),
    (["14-03-2017", "2-11-2019"], "DD-MM-JJJJ"),
    (["14/03/2017", "02/11/2019"], "DD/MM/JJJJ"),
    (["03/04/2017", "02/11/2019"], "DD/MM/JJJJ"),  # ambiguous: Dutch reading first
    (["03/14/2017", "11/02/2019"], "MM/DD/JJJJ"),  # 14 cannot be a month
    (["14.03.2017"], "DD.MM.JJJJ"),
    (["03-11-2025 07:45"], "DD-MM-JJJJ"),
])
def test_date_notation_is_detected(values: list[str], label: str) -> None:
    fmt = detect_date_format(values)
    assert fmt is not None and fmt.label == label


def test_no_dates_no_notation() -> None:
    assert detect_date_format(["", "morgen"]) is None


def test_mapped_rows_get_iso_dates_and_colon_times() -> None:
    sheet = read_sheet(b"Nr,Dag,Begin,Eind,Code\n1001,03/11/2025,8.30,12:00:00,M\n", "v.csv")
    fmt = detect_date_format(["03/11/2025"])
    table = mapped_table(sheet, {"Nr": "leerlingnummer", "Dag": "datum", "Begin": "van", "Eind": "tot",
                                 "Code": "code"}, fmt)
    assert table.rows == ((2, {"leerlingnummer": "1001", "datum": "2025-11-03", "van": "08:30", "tot": "12:00",
                               "code": "M"}),)


def test_xlsx_cells_read_as_the_csv_format_writes_them() -> None:
    data = xlsx([["Lln nr", "Geb. datum", "Gemeld op", "Van", "Naam"],
                 [1001, datetime(2017, 3, 14), datetime(2025, 11, 3, 7, 45), time(8, 30), "Zoë"],
                 [None, None, None, None, None],
                 [1002.0, date(2019, 11, 2), None, None, "Daniël"]])
    sheet = read_sheet(data, "leerlingen.xlsx")
    assert sheet.header == ("Lln nr", "Geb. datum", "Gemeld op", "Van", "Naam")
    assert sheet.rows == ((2, ("1001", "2017-03-14", "2025-11-03 07:45", "08:30", "Zoë")),
                          (4, ("1002", "2019-11-02", "", "", "Daniël")))


def test_empty_and_double_headers_get_names_a_user_can_pick() -> None:
    sheet = read_sheet(b"Naam;;Naam\na;b;c\n", "x.csv")
    assert sheet.header == ("Naam", "kolom 2", "Naam (2)")


@pytest.mark.parametrize(("data", "name", "reason"), [
    (b"", "leeg.csv", "het bestand is leeg"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 broken old excel", "lijst.xls", "beschadigd of geen leesbaar spreadsheet"),
    (b"<html><table><tr><td>1001</td></tr></table></html>", "lijst.xls", "dit is geen Excel- of OpenDocument"),
    (b"PK\x03\x04 not really a zip", "lijst.xlsx", "het bestand is beschadigd"),
])
def test_unreadable_files_are_refused_in_dutch(data: bytes, name: str, reason: str) -> None:
    with pytest.raises(InputRefused) as info:
        read_sheet(data, name)
    assert reason in str(info.value)
