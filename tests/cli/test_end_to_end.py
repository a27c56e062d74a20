"""The command line of INTERFACES.md, driven as an ICT coordinator scripts it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import DATA, PASSPHRASE, cli, imported, raw
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, EventRow, Group, Pupil


def test_init_then_three_imports_give_the_rows_of_the_files(db_path: Path) -> None:
    imported(db_path)
    db = open_database(str(db_path), passphrase=PASSPHRASE)
    with db.read() as s:
        pupils = {p.number: p for p in s.scalars(select(Pupil))}
        assert sorted(pupils) == ["1001", "1002", "1003", "1004"]
        zoe = pupils["1001"]
        assert (zoe.first_name, zoe.prefix, zoe.last_name, zoe.birth_date) == ("Zoë", "van der", "Berg", date(2017, 3, 14))
        assert (zoe.ot_number, zoe.family, zoe.enrolled_from, zoe.enrolled_until) == ("OT-2025-0001", "G1", date(2021, 8, 30), None)
        assert pupils["1002"].family == "G1" and pupils["1002"].full_name == "Daniël van der Berg"
        assert pupils["1003"].birth_date == date(2016, 5, 12)  # DD-MM-YYYY
        assert pupils["1004"].enrolled_until == date(2026, 1, 30)
        assert {g.name for g in s.scalars(select(Group))} == {"5", "1-2"}

        rows = s.execute(select(Pupil.number, Absence.day, Absence.start, Absence.end, AbsenceCodeRow.code,
                                Absence.minutes_late, Absence.reported_at, Absence.note)
                         .join(Pupil).join(AbsenceCodeRow).order_by(Absence.day)).all()
        assert [tuple(r) for r in rows] == [
            ("1001", date(2025, 11, 3), None, None, "Z", None, datetime(2025, 11, 3, 7, 45), "ziek gemeld door moeder"),
            ("1001", date(2025, 11, 4), None, None, "Z", None, None, ""),
            ("1003", date(2025, 11, 5), time(10, 0), time(11, 30), "M", None, None, "tandarts"),
            ("1003", date(2025, 11, 6), None, None, "T", 12, None, ""),
            ("1002", date(2025, 11, 7), time(8, 30), time(12, 0), "O", None, None, ""),
            ("1004", date(2025, 11, 10), None, None, "?", None, None, ""),
        ]
        events = s.execute(select(Pupil.number, EventRow.day, EventRow.kind, EventRow.note).join(Pupil)
                           .order_by(EventRow.day)).all()
        assert [tuple(e) for e in events] == [
            ("1001", date(2025, 11, 5), "contact_parents", "Telefoongesprek met moeder"),
            ("1002", date(2025, 11, 10), "talk_pupil", "Gesprek met Daniël"),
        ]
        codes = dict(s.execute(select(AbsenceCodeRow.code, AbsenceCodeRow.category)).all())
        assert codes == {"Z": "sick", "M": "authorised", "V": "authorised", "R": "authorised", "O": "unauthorised",
                         "X": "unauthorised", "T": "late", "S": "suspended", "E": "present_elsewhere",
                         "?": "unexplained"}
    db.close()


def test_importing_the_same_files_twice_changes_nothing(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported(db_path)
    capsys.readouterr()
    imported(db_path)
    out = capsys.readouterr().out
    assert "0 toegevoegd, 0 bijgewerkt, 4 ongewijzigd" in out
    assert "0 toegevoegd, 0 bijgewerkt, 6 ongewijzigd" in out


def table_counts(path: Path) -> dict[str, int]:
    con = raw(path)
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name != 'audit_log'")]
    counts = {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    con.close()
    return counts


def test_one_bad_line_changes_nothing_and_names_the_line(db_path: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    imported(db_path)
    before = table_counts(db_path)
    bad = tmp_path / "absences.csv"
    bad.write_text("leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking\n"
                   "1003;2025-11-12;;;Z;;;\n"
                   "1003;2025-10-14;;;Z;;;\n"  # herfstvakantie
                   "1003;2025-11-13;;;Z;;;\n", encoding="utf-8")
    assert cli("import", "absences", "--db", db_path, bad) == 1
    err = capsys.readouterr().err
    assert "regel 3, kolom datum: 2025-10-14 is geen schooldag voor groep 5: valt in een vakantie" in err
    assert table_counts(db_path) == before


def test_every_wrong_line_is_reported_with_column_and_reason(db_path: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    imported(db_path)
    bad = tmp_path / "absences.csv"
    bad.write_text("leerlingnummer;datum;van;tot;code;minuten_te_laat;gemeld_op;opmerking\n"
                   "9999;2025-11-12;;;Z;;;\n"
                   "1003;2025-11-12;;;Q;;;\n"
                   "1003;2025-11-15;;;Z;;;\n"
                   "1003;2025-11-14;;;Z;;;\n"
                   "1003;2025-11-12;;;T;;;\n"
                   "1003;2025-13-12;;;Z;;;\n"
                   "1003;2025-11-12;11:00;;M;;;\n"
                   "1004;2026-02-02;;;Z;;;\n", encoding="utf-8")
    assert cli("import", "absences", "--db", db_path, bad) == 1
    err = capsys.readouterr().err
    assert "regel 2, kolom leerlingnummer: onbekende leerling 9999" in err
    assert "regel 3, kolom code: onbekende code 'Q'" in err
    assert "regel 4, kolom datum: 2025-11-15 is geen schooldag voor groep 5: valt in het weekend" in err
    assert "regel 5, kolom datum: 2025-11-14 is geen schooldag voor groep 5: is een studiedag" in err
    assert "regel 6, kolom minuten_te_laat: is verplicht bij code T" in err
    assert "regel 7, kolom datum: '2025-13-12' is geen bestaande datum" in err
    assert "regel 8, kolom tot: vul van en tot allebei in" in err
    assert "regel 9, kolom datum: leerling 1004 staat op 2026-02-02 niet ingeschreven" in err


def test_absence_on_a_day_the_group_has_no_lessons_is_refused(tmp_path: Path, school_file: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    text = school_file.read_text(encoding="utf-8")
    head, group = text.split('[lestijden.groepen."1-2"]')
    group = group.replace('woensdag = ["08:30-12:15"]\n', "")  # groep 1-2 free on Wednesdays
    school_file.write_text(head + '[lestijden.groepen."1-2"]' + group, encoding="utf-8")
    path = tmp_path / "x.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    assert cli("import", "pupils", "--db", path, DATA / "pupils.csv") == 0
    (tmp_path / "a.csv").write_text("leerlingnummer;datum;code\n1002;2025-11-05;Z\n1001;2025-11-05;Z\n",
                                    encoding="utf-8")
    assert cli("import", "absences", "--db", path, tmp_path / "a.csv") == 1
    err = capsys.readouterr().err
    assert "regel 2, kolom datum: 2025-11-05 is geen schooldag voor groep 1-2: de groep heeft op die weekdag geen les" in err
    assert "regel 3" not in err  # groep 5 does have lessons that Wednesday


def test_windows_1252_and_comma_are_read(db_path: Path, tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_bytes("leerlingnummer,voornaam,tussenvoegsel,achternaam,geboortedatum,groep,inschrijfdatum\n"
                  "2001,Chloë,'t,Hoen,2018-01-02,3,2022-08-29\n".encode("cp1252"))
    assert cli("import", "pupils", "--db", db_path, f) == 0
    db = open_database(str(db_path), passphrase=PASSPHRASE)
    with db.read() as s:
        p = s.scalars(select(Pupil).where(Pupil.number == "2001")).one()
        assert (p.first_name, p.prefix, p.last_name) == ("Chloë", "'t", "Hoen")
    db.close()


def test_utf8_with_bom_is_read(db_path: Path, tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_bytes(b"\xef\xbb\xbf" + (DATA / "pupils.csv").read_bytes())
    assert cli("import", "pupils", "--db", db_path, f) == 0


def test_reimporting_a_pupil_updates_it(db_path: Path, tmp_path: Path) -> None:
    imported(db_path)
    f = tmp_path / "p.csv"
    f.write_text("leerlingnummer;voornaam;achternaam;geboortedatum;groep;inschrijfdatum\n"
                 "1003;Sem;Jansen;2016-05-12;6;2020-09-01\n", encoding="utf-8")
    assert cli("import", "pupils", "--db", db_path, f) == 0
    db = open_database(str(db_path), passphrase=PASSPHRASE)
    with db.read() as s:
        assert s.execute(select(Group.name).join(Pupil).where(Pupil.number == "1003")).scalar_one() == "6"
        assert s.scalar(select(Pupil.id).where(Pupil.number == "1003")) is not None
        assert len(s.scalars(select(Pupil)).all()) == 4
    db.close()


def test_missing_required_column_is_named(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "p.csv"
    # geboortedatum may be left out (a pupil without one is leerplichtig, PROTOCOLS.md §1b); groep may not.
    f.write_text("leerlingnummer;voornaam;achternaam;inschrijfdatum\n1;A;B;2022-08-29\n", encoding="utf-8")
    assert cli("import", "pupils", "--db", db_path, f) == 1
    assert "regel 1, kolom groep: verplichte kolom ontbreekt" in capsys.readouterr().err


def test_bad_school_file_at_init_makes_no_database(tmp_path: Path, school_file: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    school_file.write_text(school_file.read_text(encoding="utf-8").replace("woensdag  =", "woensdg ="), encoding="utf-8")
    assert cli("init", "--db", tmp_path / "x.db", "--school", school_file) == 1
    assert "lestijden.woensdg" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()


def test_init_refuses_an_existing_database(db_path: Path, school_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("init", "--db", db_path, "--school", school_file) == 1
    assert "bestaat al" in capsys.readouterr().err


def test_school_command_updates_name_and_calendar(db_path: Path, school_file: Path) -> None:
    text = school_file.read_text(encoding="utf-8").replace("OBS De Klimop", "OBS De Wilg")
    text = text.replace("studiedagen = [2025-11-14]", "studiedagen = [2025-11-14, 2026-03-02]")
    school_file.write_text(text, encoding="utf-8")
    assert cli("school", "--db", db_path, school_file) == 0
    con = raw(db_path)
    assert con.execute("SELECT name FROM school").fetchall() == [("OBS De Wilg",)]
    assert con.execute("SELECT day FROM calendar_day WHERE kind='studiedag' ORDER BY day").fetchall() == [
        ("2025-11-14",), ("2026-03-02",)]
    assert con.execute("SELECT count(*) FROM school_year").fetchone() == (1,)
    con.close()


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as info:
        cli("import", "leerlingen", "x.csv")
    assert info.value.code == 2


def test_missing_database_is_a_dutch_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("import", "pupils", "--db", tmp_path / "nope.db", DATA / "pupils.csv") == 1
    assert "bestaat niet" in capsys.readouterr().err


def test_entry_point_runs_as_a_process(tmp_path: Path, school_file: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "verzuimdesk", "init", "--db", str(tmp_path / "p.db"),
                           "--school", str(school_file)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Database gemaakt" in proc.stdout
