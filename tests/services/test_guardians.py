"""Guardians: the CSV import (replaces a pupil's guardians), the dossier's add/edit/delete, and --dry-run."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.actors import IB
from tests.conftest import DATA, cli
from tests.dbdump import dump
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.guardians import delete_guardian, guardians_of, import_guardians, save_guardian
from verzuimdesk.services.imports import import_pupils
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Pupil

CSV = (b"leerlingnummer;naam;relatie;telefoon;email\n"
       b"1001;Fatima El Amrani;moeder;06-12345678;f.elamrani@example.nl\n"
       b"1001;Karim El Amrani;vader;;\n"
       b"1002;Jeroen de Wit;voogd;+31 10 123 4567;\n")


@pytest.fixture
def school(db: Database) -> Database:
    import_pupils(db, (DATA / "pupils.csv").read_bytes(), by=IB)
    return db


def pid(db: Database, number: str) -> int:
    with db.read() as s:
        return s.scalar(select(Pupil.id).where(Pupil.number == number))


def lines(db: Database, number: str) -> list[str]:
    return [g.line() for g in guardians_of(db, pid(db, number))]


def test_import_adds_guardians_and_a_second_import_changes_nothing(school: Database) -> None:
    change = import_guardians(school, CSV, by=IB)
    assert (change.added, change.updated, change.unchanged) == (3, 0, 0)
    assert lines(school, "1001") == ["Fatima El Amrani (moeder) · 06-12345678 · f.elamrani@example.nl",
                                     "Karim El Amrani (vader)"]
    again = import_guardians(school, CSV, by=IB)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


def test_import_replaces_only_the_guardians_of_the_pupils_it_names(school: Database) -> None:
    import_guardians(school, CSV, by=IB)
    new = b"leerlingnummer;naam;relatie;telefoon;email\n1001;Fatima El Amrani;moeder;06-99999999;\n"
    change = import_guardians(school, new, by=IB)
    assert (change.added, change.updated, change.unchanged) == (0, 1, 0)
    assert lines(school, "1001") == ["Fatima El Amrani (moeder) · 06-99999999"]  # Karim is gone
    assert lines(school, "1002") == ["Jeroen de Wit (voogd) · +31 10 123 4567"]  # untouched


def test_a_guardian_on_two_lines_counts_as_unchanged_at_the_next_import(school: Database) -> None:
    # A LAS that writes a line per phone number names a guardian twice; the nightly import said
    # "1 bijgewerkt" every night although nothing had changed.
    two = CSV + b"1002;Jeroen de Wit;voogd;06-99999999;\n"
    first = import_guardians(school, two, by=IB)
    assert (first.added, first.updated, first.unchanged) == (4, 0, 0)
    again = import_guardians(school, two, by=IB)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert len(lines(school, "1002")) == 2
    changed = two.replace(b"06-99999999", b"06-88888888")
    third = import_guardians(school, changed, by=IB)
    assert (third.added, third.updated, third.unchanged) == (0, 1, 3)
    assert "Jeroen de Wit (voogd) \u00b7 06-88888888" in lines(school, "1002")


def test_a_wrong_line_refuses_the_file_with_every_problem(school: Database) -> None:
    before = dump(school)
    bad = (b"leerlingnummer;naam;relatie;telefoon;email\n"
           b"9999;Piet;vader;;\n"
           b"1001;;moeder;;\n"
           b"1002;Anna;moeder;bel me;anna@\n")
    with pytest.raises(InputRefused) as info:
        import_guardians(school, bad, source="ouders.csv", by=IB)
    message = str(info.value)
    assert "regel 2, kolom leerlingnummer: onbekende leerling 9999" in message
    assert "regel 3, kolom naam: is leeg" in message
    assert "regel 4, kolom telefoon: 'bel me' is geen telefoonnummer" in message
    assert "regel 4, kolom email: 'anna@' is geen e-mailadres" in message
    assert dump(school) == before


def test_the_dossier_adds_edits_and_deletes_a_guardian(school: Database) -> None:
    p = pid(school, "1003")
    gid = save_guardian(school, pupil_id=p, name="Ans Jansen", relation="oma", phone="0612345678", by=IB).id
    save_guardian(school, pupil_id=p, guardian_id=gid, name="Ans Jansen", relation="pleegouder", by=IB)
    assert [g.line() for g in guardians_of(school, p)] == ["Ans Jansen (pleegouder)"]
    with pytest.raises(Refused, match="De naam is leeg"):
        save_guardian(school, pupil_id=p, name="  ", by=IB)
    delete_guardian(school, guardian_id=gid, by=IB)
    assert guardians_of(school, p) == ()


@pytest.mark.parametrize(("kind", "name", "content"), [
    ("pupils", "pupils.csv", None), ("absences", "absences.csv", None), ("events", "events.csv", None),
    ("guardians", "ouders.csv", CSV)])
def test_dry_run_of_every_csv_import_prints_the_counts_and_writes_nothing(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, name: str,
        content: bytes | None) -> None:
    from tests.conftest import PASSPHRASE
    from verzuimdesk.storage.database import open_database

    if kind != "pupils":
        assert cli("import", "pupils", "--db", db_path, DATA / "pupils.csv") == 0
    path = tmp_path / name
    path.write_bytes(content if content is not None else (DATA / name).read_bytes())
    db = open_database(str(db_path), passphrase=PASSPHRASE)
    before = dump(db)
    db.close()
    capsys.readouterr()
    assert cli("import", kind, "--dry-run", "--db", db_path, path) == 0
    out = capsys.readouterr().out
    assert " toegevoegd, 0 bijgewerkt, 0 ongewijzigd" in out and "proefdraai: er is niets opgeslagen" in out
    db = open_database(str(db_path), passphrase=PASSPHRASE)
    assert dump(db) == before
    db.close()
    assert cli("import", kind, "--db", db_path, path) == 0  # and the real import does what was announced
    assert out.split("\n")[0] == capsys.readouterr().out.split("\n")[0]


def test_guardians_are_in_the_inzage_and_go_with_the_dossier_at_retention(school: Database) -> None:
    from datetime import date

    from verzuimdesk.services.retention import inzage_data, purge_due

    import_guardians(school, CSV + b"1004;Sanne de Vries;moeder;0611111111;\n", by=IB)
    data = inzage_data(school, pupil_number="1001", by=IB)
    assert [(g["name"], g["relation"]) for g in data["ouders_verzorgers"]] == [
        ("Fatima El Amrani", "moeder"), ("Karim El Amrani", "vader")]
    assert data["samengestelde_groepen"] == []
    purge_due(school, today=date(2028, 2, 1), by=IB)  # 1004 left 2026-01-30: the dossier's term is over
    assert guardians_of(school, pid(school, "1004")) == ()
    assert len(guardians_of(school, pid(school, "1001"))) == 2
