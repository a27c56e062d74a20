"""One pupil, one place in every list: the overview, the pupils page, the quarterly list and its PDF sort
the same way (the achternaam as the school keeps it, without the tussenvoegsel)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from sqlalchemy import select

from verzuimdesk.cli.main import run
from verzuimdesk.domain.dutch import full_name, hours, number, one_decimal, sort_key, sort_name, whole_hours
from verzuimdesk.services.accounts import SCHOOL_WIDE
from verzuimdesk.services.overview import desk_overview
from verzuimdesk.services.pupils import list_pupils
from verzuimdesk.services.quarterly import quarterly_list
from verzuimdesk.storage.models import CareCase, Pupil

# "El" is part of Fatima's achternaam (the school keeps no tussenvoegsel for her): she comes under E,
# after Dekker and before Evers; Jan's "de" is a tussenvoegsel: he comes under V.
PUPILS = (
    "leerlingnummer;voornaam;tussenvoegsel;achternaam;geboortedatum;groep;inschrijfdatum\n"
    "2001;Jan;de;Vries;2016-01-01;5;2021-08-30\n"
    "2002;Fatima;;El Amrani;2016-02-01;5;2021-08-30\n"
    "2003;Eva;;evers;2016-03-01;5;2021-08-30\n"
    "2004;Bram;;Aalders;2016-04-01;5;2021-08-30\n"
    "2005;Noor;;Dekker;2016-05-01;5;2021-08-30\n"
)
EXPECTED = ["Bram Aalders", "Noor Dekker", "Fatima El Amrani", "Eva evers", "Jan de Vries"]


def _school(db: Any, tmp_path: Path, db_path: Path) -> None:
    csv = tmp_path / "pupils.csv"
    csv.write_text(PUPILS, encoding="utf-8")
    assert run(["import", "pupils", "--db", str(db_path), str(csv)]) == 0
    with db.begin() as s:
        for pid in s.scalars(select(Pupil.id)):
            s.add(CareCase(pupil_id=pid, category="A", start=date(2025, 11, 3), main_cause="Psychische oorzaak"))


def test_a_pupil_sorts_the_same_in_the_overview_the_pupils_page_and_the_quarterly_list(
        db: Any, db_path: Path, tmp_path: Path) -> None:
    _school(db, tmp_path, db_path)
    overview = desk_overview(db, peildatum=date(2025, 11, 25), account=SCHOOL_WIDE).rows
    assert [r.name for r in overview] == EXPECTED
    # The pupils page sorts its name column on the row's key (a Qt proxy compares the strings).
    assert [r.name for r in sorted(reversed(overview), key=lambda r: r.sort_key)] == EXPECTED
    assert [p.name for p in list_pupils(db)] == EXPECTED
    assert [p.sort_name for p in list_pupils(db)][2:] == ["El Amrani, Fatima", "evers, Eva", "Vries, Jan de"]
    rows = quarterly_list(db, on=date(2025, 11, 25), names=True).rows
    assert [r.pupil_label for r in rows] == EXPECTED

    out = tmp_path / "kwartaal.pdf"
    assert run(["export", "quarterly", "--db", str(db_path), "--date", "2025-11-25", "--names",
                "--out", str(out)]) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(str(out)).pages).split())
    where = [text.find(name) for name in EXPECTED]
    assert -1 not in where and where == sorted(where), where


def test_names_and_sort_keys() -> None:
    assert full_name("Jan", "de", "Vries") == "Jan de Vries"
    assert full_name("Sem", "", "Jansen") == "Sem Jansen"
    assert sort_name("Jan", "de", "Vries") == "Vries, Jan de"
    assert sort_name("Fatima", "", "El Amrani") == "El Amrani, Fatima"
    # Berg before Berg Ab before Bergen, whatever the case of the letters.
    names = [("Piet", "", "Bergen"), ("Anna", "", "berg ab"), ("Kees", "van den", "Berg")]
    assert [n[2] for n in sorted(names, key=lambda n: sort_key(*n))] == ["Berg", "berg ab", "Bergen"]


def test_one_dutch_number_for_every_document_and_screen() -> None:
    assert (number(16.25), number(20.0), number(1.5), number(1 / 3)) == ("16,25", "20", "1,5", "0,33")
    assert number(12.25, decimals=1) == "12,2" and number(-0.001) == "0"
    assert (hours(90), one_decimal(2), one_decimal(2.54), whole_hours(12_345 * 60)) == ("1,5", "2,0", "2,5", "12.345")
