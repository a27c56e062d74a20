"""The spreadsheet import as a service: dry run, mapping, all or nothing, overlaps, and the truth of the preview."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.actors import IB
from tests.conftest import PASSPHRASE, xlsx
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.services.import_preview import FieldChange, preview_import, run_import
from verzuimdesk.storage.database import Database, open_database
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, Pupil, Setting

PUPILS_1252 = ("Lln nr;Roepnaam;Tussenv.;Achternaam;Geb. datum;Klas;Instroomdatum;Foto\r\n"
               "2001;Zoë;van der;Brink;14-03-2017;5;30-08-2021;ja\r\n"
               "2002;Anaïs;;Hoëgen;01-02-2016;6;01-09-2020;nee\r\n"
               "2003;Léon;de;Wit;21-7-2016;6;31-08-2020;\r\n").encode("cp1252")


@pytest.fixture
def school(school_path: Path) -> Iterator[Database]:
    """The four pupils and six absences of tests/data."""
    database = open_database(str(school_path), passphrase=PASSPHRASE)
    yield database
    database.close()


def pupils(db: Database) -> dict[str, tuple[str, str, date, date]]:
    with db.read() as s:
        return {p.number: (p.full_name, p.group.name, p.birth_date, p.enrolled_from)
                for p in s.scalars(select(Pupil))}


def absences(db: Database) -> list[tuple[object, ...]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(
            select(Pupil.number, Absence.day, Absence.start, Absence.end, AbsenceCodeRow.code, Absence.note)
            .join(Pupil).join(AbsenceCodeRow).order_by(Pupil.number, Absence.day, Absence.start))]


def test_preview_of_a_windows_1252_export_guesses_the_mapping_and_the_date_notation(db: Database) -> None:
    p = preview_import(db, kind="pupils", data=PUPILS_1252, filename="leerlingen.csv")
    assert p.columns == ("Lln nr", "Roepnaam", "Tussenv.", "Achternaam", "Geb. datum", "Klas", "Instroomdatum", "Foto")
    assert p.first_rows[1][:4] == ("2002", "Anaïs", "", "Hoëgen")
    assert p.mapping["Foto"] == "" and p.mapping["Geb. datum"] == "geboortedatum" and p.mapping["Klas"] == "groep"
    assert p.date_format == "DD-MM-JJJJ"
    assert p.can_import and not p.refused
    assert [(r.line, r.number, r.text) for r in p.to_add] == [
        (2, "2001", "Zoë van der Brink, groep 5"), (3, "2002", "Anaïs Hoëgen, groep 6"), (4, "2003", "Léon de Wit, groep 6")]
    assert pupils(db) == {}  # a preview writes nothing


def test_import_of_the_windows_1252_file_keeps_accents_and_tussenvoegsels(db: Database) -> None:
    p = preview_import(db, kind="pupils", data=PUPILS_1252, filename="leerlingen.csv")
    change = run_import(db, kind="pupils", data=PUPILS_1252, filename="leerlingen.csv", mapping=p.mapping, by=IB)
    assert (change.added, change.updated, change.unchanged) == (3, 0, 0)
    assert pupils(db) == {
        "2001": ("Zoë van der Brink", "5", date(2017, 3, 14), date(2021, 8, 30)),
        "2002": ("Anaïs Hoëgen", "6", date(2016, 2, 1), date(2020, 9, 1)),
        "2003": ("Léon de Wit", "6", date(2016, 7, 21), date(2020, 8, 31))}


def test_the_mapping_is_saved_and_offered_next_time(db: Database) -> None:
    data = b"Nr;Naam;Familie;Geboren;Klas;Sinds\n3001;Mees;Kok;2017-01-05;4;2021-08-30\n"
    first = preview_import(db, kind="pupils", data=data, filename="x.csv")
    assert first.mapping["Naam"] == "" and not first.can_import  # "Naam" is too vague to guess
    assert any("voornaam is aan geen kolom gekoppeld" in str(p) for p in first.refused)
    mapping = {**first.mapping, "Naam": "voornaam", "Familie": "achternaam", "Sinds": "inschrijfdatum"}
    run_import(db, kind="pupils", data=data, filename="x.csv", mapping=mapping, by=IB)
    with db.read() as s:
        assert s.scalar(select(Setting.value).where(Setting.key == "import.mapping.pupils"))
    again = preview_import(db, kind="pupils", data=data, filename="x.csv")
    assert again.mapping == mapping and again.guessed["Nr"] == "leerlingnummer"
    assert again.unchanged == 1 and again.can_import


def test_xlsx_written_by_a_las_imports_with_date_cells(db: Database) -> None:
    data = xlsx([["Leerlingnummer", "Voornaam", "Voorvoegsel", "Achternaam", "Geboortedatum", "Groep", "Inschrijfdatum"],
                 [4001, "Noëlle", "van 't", "Hof", datetime(2016, 10, 1), 6, datetime(2020, 8, 31)],
                 [4002, "Thijs", None, "Ruïne", datetime(2018, 4, 2), "3", datetime(2022, 8, 29)]])
    p = preview_import(db, kind="pupils", data=data, filename="export.xlsx")
    assert p.date_format == "JJJJ-MM-DD" and len(p.to_add) == 2 and p.can_import
    run_import(db, kind="pupils", data=data, filename="export.xlsx", mapping=p.mapping, by=IB)
    assert pupils(db) == {"4001": ("Noëlle van 't Hof", "6", date(2016, 10, 1), date(2020, 8, 31)),
                          "4002": ("Thijs Ruïne", "3", date(2018, 4, 2), date(2022, 8, 29))}


def test_a_file_with_errors_is_refused_per_line_in_its_own_column_names_and_changes_nothing(school: Database) -> None:
    before = pupils(school)
    data = ("Lln nr;Roepnaam;Achternaam;Geb. datum;Klas;Instroomdatum\n"
            "1001;Zoë;Berg;14-03-2017;6;30-08-2021\n"
            "5001;Bo;;31-02-2017;5;30-08-2021\n"
            "5002;Ties;Mol;01-01-2016;;01-09-2020\n").encode()
    p = preview_import(school, kind="pupils", data=data, filename="fout.csv")
    assert not p.can_import and p.to_add == () and p.to_change == ()
    assert [str(x) for x in p.refused] == [
        "regel 3, kolom Achternaam (achternaam): is leeg",
        "regel 3, kolom Geb. datum (geboortedatum): '31-02-2017' is geen bestaande datum",
        "regel 4, kolom Klas (groep): is leeg"]
    with pytest.raises(InputRefused):
        run_import(school, kind="pupils", data=data, filename="fout.csv", mapping=p.mapping, by=IB)
    assert pupils(school) == before


def test_preview_names_what_changes_and_keeps_fields_the_sheet_lacks(school: Database) -> None:
    data = ("Lln nr;Roepnaam;Achternaam;Geb. datum;Klas;Instroomdatum\n"
            "1001;Zoë;Berg;14-03-2017;6;30-08-2021\n"          # moves to group 6, tussenvoegsel not in the sheet
            "1003;Sem;Jansen;12-05-2016;5;01-09-2020\n").encode()
    p = preview_import(school, kind="pupils", data=data, filename="lijst.csv")
    assert [(r.number, r.changes) for r in p.to_change] == [("1001", (FieldChange("groep", "5", "6"),))]
    assert p.unchanged == 1
    change = run_import(school, kind="pupils", data=data, filename="lijst.csv", mapping=p.mapping, by=IB)
    assert (change.added, change.updated, change.unchanged) == (0, 1, 1)
    with school.read() as s:
        zoe = s.scalar(select(Pupil).where(Pupil.number == "1001"))
        assert zoe is not None and (zoe.prefix, zoe.ot_number, zoe.family, zoe.group.name) == (
            "van der", "OT-2025-0001", "G1", "6")


ABSENCES = ("Lln nr;Datum;Van;Tot;Reden;Opmerking\n"
            "1001;03-11-2025;;;Z;ziek gemeld door moeder\n"      # the same record as the CSV import: unchanged
            "1001;05-11-2025;;;ziek;\n"                         # the label instead of the code
            "1003;05-11-2025;10.00;12.00;M;tandarts, langer\n"  # overlaps 10:00-11:30 M of that day
            "1002;10-11-2025;8:30;12:00;O;\n").encode("cp1252")


def test_dry_run_tells_the_truth_about_adds_and_overlaps_without_replacing(school: Database) -> None:
    p = preview_import(school, kind="absences", data=ABSENCES, filename="verzuim.csv")
    assert p.can_import and p.date_format == "DD-MM-JJJJ"
    assert [(r.line, r.text) for r in p.to_add] == [
        (3, "Zoë van der Berg, wo 5 nov 2025: Z, hele dag"), (5, "Daniël van der Berg, ma 10 nov 2025: O, 08:30-12:00")]
    assert [(o.line, o.number, o.day, o.existing, o.incoming) for o in p.overlapping] == [
        (4, "1003", date(2025, 11, 5), "M, 10:00-11:30", "M, 10:00-12:00")]
    assert p.unchanged == 1
    before = absences(school)
    change = run_import(school, kind="absences", data=ABSENCES, filename="verzuim.csv", mapping=p.mapping, by=IB)
    assert (change.added, change.updated, change.unchanged) == (len(p.to_add), 0, p.unchanged + len(p.overlapping))
    after = absences(school)
    assert len(after) == len(before) + 2
    day = [r[2:] for r in after if r[0] == "1003" and r[1] == date(2025, 11, 5)]
    assert day == [(time(10, 0), time(11, 30), "M", "tandarts")]  # the existing record stays


def test_overlapping_absences_are_replaced_when_the_user_says_so(school: Database) -> None:
    p = preview_import(school, kind="absences", data=ABSENCES, filename="verzuim.csv")
    change = run_import(school, kind="absences", data=ABSENCES, filename="verzuim.csv", mapping=p.mapping,
                        replace_overlapping=True, by=IB)
    assert (change.added, change.updated, change.unchanged) == (2, 1, 1)
    day = [r for r in absences(school) if r[0] == "1003" and r[1] == date(2025, 11, 5)]
    assert [(r[2].isoformat(), r[3].isoformat(), r[4], r[5]) for r in day] == [
        ("10:00:00", "12:00:00", "M", "tandarts, langer")]


def test_importing_the_same_file_twice_changes_nothing_the_second_time(school: Database) -> None:
    p = preview_import(school, kind="absences", data=ABSENCES, filename="verzuim.csv")
    run_import(school, kind="absences", data=ABSENCES, filename="verzuim.csv", mapping=p.mapping,
               replace_overlapping=True, by=IB)
    before = absences(school)
    again = preview_import(school, kind="absences", data=ABSENCES, filename="verzuim.csv")
    assert (again.to_add, again.overlapping, again.unchanged) == ((), (), 4)
    change = run_import(school, kind="absences", data=ABSENCES, filename="verzuim.csv", mapping=again.mapping,
                        replace_overlapping=True, by=IB)
    assert (change.added, change.updated, change.unchanged) == (0, 0, 4)
    assert absences(school) == before


def test_absence_on_a_day_off_is_refused_with_the_reason(school: Database) -> None:
    data = b"Leerlingnummer,Datum,Code\n1001,2025-11-14,Z\n1001,2025-11-15,Z\n9999,2025-11-17,Z\n"
    p = preview_import(school, kind="absences", data=data, filename="v.csv")
    assert [str(x) for x in p.refused] == [
        "regel 2, kolom Datum (datum): 2025-11-14 is geen schooldag voor groep 5: is een studiedag",
        "regel 3, kolom Datum (datum): 2025-11-15 is geen schooldag voor groep 5: valt in het weekend",
        "regel 4, kolom Leerlingnummer (leerlingnummer): onbekende leerling 9999"]


def test_progress_is_reported_up_to_the_last_row(db: Database) -> None:
    lines = ["Leerlingnummer;Voornaam;Achternaam;Geboortedatum;Groep;Inschrijfdatum"]
    lines += [f"{6000 + i};Kind{i};Groot;2016-01-01;5;2020-09-01" for i in range(450)]
    data = "\n".join(lines).encode()
    seen: list[tuple[int, int]] = []
    p = preview_import(db, kind="pupils", data=data, filename="groot.csv")
    change = run_import(db, kind="pupils", data=data, filename="groot.csv", mapping=p.mapping,
                        progress=lambda done, total: seen.append((done, total)), by=IB)
    assert change.added == len(p.to_add) == 450
    assert seen[0] == (0, 450) and seen[-1] == (450, 450) and len(seen) > 2


def test_a_field_mapped_twice_is_refused(db: Database) -> None:
    data = b"Nr;Roepnaam;Voornamen;Achternaam;Geboortedatum;Groep;Inschrijfdatum\n1;A;A B;C;2016-01-01;5;2020-09-01\n"
    p = preview_import(db, kind="pupils", data=data, filename="x.csv")
    mapping = {**p.mapping, "Voornamen": "voornaam"}
    with pytest.raises(InputRefused) as info:
        run_import(db, kind="pupils", data=data, filename="x.csv", mapping=mapping, by=IB)
    assert "kolom Voornamen: veld voornaam is ook al gekoppeld aan kolom Roepnaam" in str(info.value)
    assert pupils(db) == {}


def test_the_app_replaces_only_what_a_line_overlaps_and_adds_what_lies_beside(school: Database) -> None:
    # A review: the app called a late arrival beside an afternoon O "overlapping", and replacing deleted
    # the O; the command line had added it. Both now follow one rule (services/imports.py).
    data = (b"leerlingnummer;datum;van;tot;code;minuten_te_laat\n"
            b"1002;2025-11-07;;;T;10\n"  # Daniël has O 08:30-12:00 that day: lateness shares any day
            b"1002;2025-11-07;13:00;15:00;Z;\n"  # the afternoon beside the morning
            b"1003;2025-11-05;09:00;10:30;O;\n"  # over Sem's M 10:00-11:30: an overlap
            b"1003;2025-11-05;13:00;14:00;O;\n"  # beside it
            b"1001;2025-11-12;;;?;\n1001;2025-11-12;;;O;\n")  # one span twice: the later line wins
    p = preview_import(school, kind="absences", data=data, filename="verzuim.csv")
    assert [o.line for o in p.overlapping] == [4] and p.overlapping[0].existing == "M, 10:00-11:30"
    assert sorted(r.line for r in p.to_add) == [2, 3, 5, 7]
    run_import(school, kind="absences", data=data, filename="verzuim.csv", mapping=p.mapping, replace_overlapping=True,
               by=IB)
    rows = absences(school)
    got = {(n, d): sorted((r[2].isoformat()[:5] if r[2] else "", r[4]) for r in rows if (r[0], r[1]) == (n, d)) for n, d in
           (("1002", date(2025, 11, 7)), ("1003", date(2025, 11, 5)), ("1001", date(2025, 11, 12)))}
    assert got[("1002", date(2025, 11, 7))] == [("", "T"), ("08:30", "O"), ("13:00", "Z")]
    assert got[("1003", date(2025, 11, 5))] == [("09:00", "O"), ("13:00", "O")]  # the M it overlapped is replaced
    assert got[("1001", date(2025, 11, 12))] == [("", "O")]
