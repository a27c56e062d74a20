"""PROTOCOLS.md §1b through the command line: `status --json` and the DUO sheet's PDF of each case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import PASSPHRASE, cli
from tests.reports.conftest import flat, leaked_rule_ids, pdf_text
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.models import ExemptionRow, Pupil

PUPILS = """leerlingnummer;voornaam;tussenvoegsel;achternaam;geboortedatum;groep;inschrijfdatum;uitschrijfdatum;ot_nummer;gezin
2001;Vier;;Jaar;2021-01-10;5;2025-08-25;;;
2002;Net;;Vijf;2020-10-31;5;2025-08-25;;;
2003;Luxe;;Reis;2016-03-01;5;2025-08-25;;;
2004;Her;;Start;2016-03-01;5;2025-08-25;;;
"""
EVENTS = """leerlingnummer;datum;soort;omschrijving
2004;2025-09-22;duo_report;Melding 16 uur
2004;2025-09-25;duo_report;Vervolgmelding
"""


def whole_days(number: str, days: list[str], code: str) -> list[str]:
    return [f"{number};{d};;;{code};;;" for d in days]


ABSENCES = "\n".join([
    "leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking",
    *whole_days("2001", ["2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06"], "O"),
    *whole_days("2002", ["2025-10-27", "2025-10-28", "2025-10-29", "2025-10-30", "2025-10-31", "2025-11-03",
                         "2025-11-04", "2025-11-05", "2025-11-06", "2025-11-07"], "O"),
    *whole_days("2003", ["2025-09-26", "2025-09-29"], "X"),
    *whole_days("2004", ["2025-09-15", "2025-09-16", "2025-09-17", "2025-09-18", "2025-09-19", "2025-09-22",
                         "2025-09-23"], "O"),
]) + "\n"


@pytest.fixture
def school(tmp_path: Path, school_file: Path) -> Path:
    path = tmp_path / "school.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    for kind, text in (("pupils", PUPILS), ("absences", ABSENCES), ("events", EVENTS)):
        f = tmp_path / f"{kind}.csv"
        f.write_text(text, encoding="utf-8")
        assert cli("import", kind, "--db", path, f) == 0
    return path


def pupils_on(school: Path, day: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict]:  # type: ignore[type-arg]
    capsys.readouterr()
    assert cli("status", "--db", school, "--date", day, "--json") == 0
    return {p["leerlingnummer"]: p for p in json.loads(capsys.readouterr().out)["pupils"]}


def sheet(school: Path, tmp_path: Path, number: str, day: str) -> str:
    out = tmp_path / f"duo-{number}-{day}.pdf"
    assert cli("export", "duo", "--db", school, "--pupil", number, "--date", day, "--out", out) == 0
    return flat(pdf_text(out))


def test_a_four_year_old_and_a_pupil_just_leerplichtig(school: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    got = pupils_on(school, "2025-11-06", capsys)
    four = got["2001"]
    assert "HW-16U" not in [r["id"] for r in four["rules"]] and "HW-ONG" in [r["id"] for r in four["rules"]]
    assert not [a for a in four["actions"] if a["kind"] == "duo_report"] and four["light"] == "orange"
    five = got["2002"]  # leerplichtig from Mon 3 Nov: only 3–6 Nov count, 20¼ h on Thu 6 Nov
    (h,) = [r for r in five["rules"] if r["id"] == "HW-16U"]
    assert (h["trigger_date"], h["value"]) == ("2025-11-06", 20.25)
    text = sheet(school, tmp_path, "2002", "2025-11-06")
    assert "Begindatum verzuim ma 3 nov 2025" in text and "Einddatum verzuim do 6 nov 2025" in text
    assert "Aantal uren verzuim 20,25" in text and "31 okt 2025" not in text
    capsys.readouterr()
    assert cli("export", "duo", "--db", school, "--pupil", "2001", "--date", "2025-11-06",
               "--out", tmp_path / "x.pdf") == 1
    assert "geen DUO-melding open" in capsys.readouterr().err


def test_luxe_across_a_weekend(school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = pupils_on(school, "2025-09-29", capsys)["2003"]
    (h,) = [r for r in p["rules"] if r["id"] == "LUXE"]
    assert (h["trigger_date"], h["window_start"], h["window_end"], h["value"]) == (
        "2025-09-26", "2025-09-26", "2025-09-29", 11.0)
    (a,) = [a for a in p["actions"] if a["rule"] == "LUXE"]
    assert a["legal"] and a["due"] == "2025-10-03"
    text = sheet(school, tmp_path, "2003", "2025-09-29")
    assert "Soort melding Luxeverzuim" in text
    assert "Begindatum verzuim vr 26 sep 2025" in text and "Einddatum verzuim ma 29 sep 2025" in text
    assert "Aantal uren verzuim 11" in text
    assert "Aanleiding (stappenplan) Luxeverzuim in de laatste 4 lesweken" in text and leaked_rule_ids(text) == []


def test_the_restart_and_a_vervolgmelding(school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = pupils_on(school, "2025-09-23", capsys)["2004"]
    assert [(a["trigger_date"], a["done"]) for a in p["actions"] if a["rule"] == "HW-16U"] == [("2025-09-23", False)]
    first = sheet(school, tmp_path, "2004", "2025-09-22")  # printed again for the file
    assert "Gemeld op ma 22 sep 2025" in first and "Vorige melding" not in first
    assert "Begindatum verzuim ma 15 sep 2025" in first and "Einddatum verzuim do 18 sep 2025" in first
    assert "Aantal uren verzuim 20,25" in first and "vr 19 sep 2025" not in first
    second = sheet(school, tmp_path, "2004", "2025-09-25")
    assert "vervolgmelding" in second and "Vorige melding ma 22 sep 2025" in second
    assert "Begindatum verzuim vr 19 sep 2025" in second and "Einddatum verzuim di 23 sep 2025" in second
    assert "Aantal uren verzuim 16,5" in second and "Gemeld op do 25 sep 2025" in second
    assert leaked_rule_ids(first) == leaked_rule_ids(second) == []


HEADER = ("leerlingnummer;voornaam;tussenvoegsel;achternaam;geboortedatum;groep;inschrijfdatum;uitschrijfdatum;"
          "ot_nummer;gezin;vrijstelling_van;vrijstelling_tot;vrijstelling_artikel\n")


def test_a_vrijstelling_from_the_pupils_file(school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "vrij.csv"
    f.write_text(HEADER + "2002;Net;;Vijf;2020-10-31;5;2025-08-25;;;;2025-11-01;2025-12-31;5 onder a\n", "utf-8")
    assert cli("import", "pupils", "--db", school, f) == 0
    five = pupils_on(school, "2025-11-06", capsys)["2002"]
    assert not [a for a in five["actions"] if a["kind"] == "duo_report"]
    with open_database(str(school), passphrase=PASSPHRASE).read() as s:
        (row,) = s.scalars(select(ExemptionRow))
        assert (row.start.isoformat(), row.end.isoformat() if row.end else None, row.article) == (
            "2025-11-01", "2025-12-31", "5a")
    assert cli("import", "pupils", "--db", school, f) == 0  # the same file again adds no second one
    with open_database(str(school), passphrase=PASSPHRASE).read() as s:
        assert len(list(s.scalars(select(ExemptionRow)))) == 1


@pytest.mark.parametrize(("row", "reason"), [
    ("2003;Luxe;;Reis;2016-03-01;5;2025-08-25;;;;2025-11-01;2025-10-01;5a", "vrijstelling_tot: ligt voor"),
    ("2003;Luxe;;Reis;2016-03-01;5;2025-08-25;;;;2025-11-01;;12", "'12' is geen artikel"),
])
def test_a_bad_vrijstelling_is_refused_naming_the_line(school: Path, tmp_path: Path, row: str, reason: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "vrij.csv"
    f.write_text(HEADER + "2001;Vier;;Jaar;2021-01-10;5;2025-08-25;;;;2025-11-01;;15\n" + row + "\n", "utf-8")
    capsys.readouterr()
    assert cli("import", "pupils", "--db", school, f) == 1
    err = capsys.readouterr().err
    assert "regel 3" in err and reason in err
    with open_database(str(school), passphrase=PASSPHRASE).read() as s:  # nothing written, line 2 neither
        assert not list(s.scalars(select(ExemptionRow)))


def test_a_pupil_without_a_birth_date_imports_and_is_leerplichtig(school: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "onbekend.csv"
    f.write_text(HEADER + "2005;Geen;;Datum;;5;2025-08-25;;;;;;\n", "utf-8")
    assert cli("import", "pupils", "--db", school, f) == 0
    a = tmp_path / "afwezig.csv"
    a.write_text("leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking\n"
                 + "\n".join(whole_days("2005", ["2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06"], "O"))
                 + "\n", "utf-8")
    assert cli("import", "absences", "--db", school, a) == 0
    p = pupils_on(school, "2025-11-06", capsys)["2005"]
    assert "HW-16U" in [r["id"] for r in p["rules"]]  # taken as leerplichtig: the 16 hours count
    assert [x for x in p["actions"] if x["kind"] == "duo_report"]
    with open_database(str(school), passphrase=PASSPHRASE).read() as s:
        (row,) = s.scalars(select(Pupil).where(Pupil.number == "2005"))
        assert row.birth_date is None
    capsys.readouterr()  # an empty birth date never erases a known one
    f.write_text(HEADER + "2002;Net;;Vijf;;5;2025-08-25;;;;;;\n", "utf-8")
    assert cli("import", "pupils", "--db", school, f) == 0
    with open_database(str(school), passphrase=PASSPHRASE).read() as s:
        (row,) = s.scalars(select(Pupil).where(Pupil.number == "2002"))
        assert row.birth_date is not None and row.birth_date.isoformat() == "2020-10-31"


def test_a_bad_birth_date_is_still_refused(school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "fout.csv"
    f.write_text(HEADER + "2006;Fout;;Datum;2025-02-30;5;2025-08-25;;;;;;\n"
                 + "2007;Na;;Inschrijving;2025-09-01;5;2025-08-25;;;;;;\n", "utf-8")
    capsys.readouterr()
    assert cli("import", "pupils", "--db", school, f) == 1
    err = capsys.readouterr().err
    assert "regel 2" in err and "regel 3" in err and "ligt niet voor de inschrijfdatum" in err
