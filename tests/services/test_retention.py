from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from tests.actors import IB
from tests.conftest import DATA, PASSPHRASE, cli
from verzuimdesk.importers.schoolfile import parse_school_file
from verzuimdesk.services.imports import import_absences, import_events, import_pupils
from verzuimdesk.services.retention import purge_due, retention_due
from verzuimdesk.services.school import new_school_database
from verzuimdesk.storage.database import Database, open_database
from verzuimdesk.storage.models import Absence, AuditEntry, Conversation, EventRow, Pupil

NOTE = "Moeder belde: gezin verhuist naar het buitenland"  # only in the pupil who left (1004)


@pytest.fixture
def plain_db(tmp_path: Path) -> Database:
    """An unencrypted school, so a test can look at the file's bytes after deleting."""
    settings = parse_school_file((DATA / "school.toml").read_text(encoding="utf-8"))
    db, _ = new_school_database(str(tmp_path / "plain.db"), settings, user="ib", password=None)
    import_pupils(db, (DATA / "pupils.csv").read_bytes(), by=IB)
    import_absences(db, (DATA / "absences.csv").read_bytes(), by=IB)
    import_events(db, f"leerlingnummer;datum;soort;omschrijving\n1004;2025-11-11;contact_parents;{NOTE}\n".encode(), by=IB)
    with db.begin() as s:
        pid = s.scalar(select(Pupil.id).where(Pupil.number == "1004"))
        s.add(Conversation(pupil_id=pid, kind="parents_phone", held_at=datetime(2025, 11, 11, 9), summary=NOTE,
                           updated_at=datetime(2025, 11, 11, 9)))
    return db


def count(db: Database, model: type, number: str = "1004") -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model).join(Pupil).where(Pupil.number == number)) or 0


def test_nothing_is_due_before_two_years_after_leaving(plain_db: Database) -> None:
    assert retention_due(plain_db, today=date(2028, 1, 30)) == []  # left 2026-01-30: the term ends 2028-01-30


def test_dossier_goes_after_two_years_absences_stay(plain_db: Database) -> None:
    due = retention_due(plain_db, today=date(2028, 2, 1))
    assert [(d.number, d.purge.value) for d in due] == [("1004", "dossier")]
    purge_due(plain_db, today=date(2028, 2, 1), by=IB)
    assert count(plain_db, Conversation) == 0 and count(plain_db, EventRow) == 0
    assert count(plain_db, Absence) == 1  # the ? record of 2025-11-10 is kept five years
    assert retention_due(plain_db, today=date(2028, 2, 2)) == []  # done: nothing due again until year five
    with plain_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Pupil)) == 4
        logged = s.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).all()
        assert len(logged) == 1 and json.loads(logged[0].detail)["wat"] == "dossier"
    plain_db.close()
    assert NOTE.encode() not in (Path(plain_db.target)).read_bytes()  # VACUUM: the text left the file


def test_everything_goes_after_five_years(plain_db: Database) -> None:
    purge_due(plain_db, today=date(2031, 2, 1), by=IB)
    with plain_db.read() as s:
        assert s.scalar(select(Pupil.id).where(Pupil.number == "1004")) is None
        assert s.scalar(select(func.count()).select_from(Pupil)) == 3


def test_referral_to_special_education_keeps_the_dossier_three_years(plain_db: Database) -> None:
    with plain_db.begin() as s:
        s.scalars(select(Pupil).where(Pupil.number == "1004")).one().referred_special = True
    assert retention_due(plain_db, today=date(2028, 2, 1)) == []
    assert [d.purge.value for d in retention_due(plain_db, today=date(2029, 2, 1))] == ["dossier"]


def test_a_pupil_enrolled_again_keeps_everything(plain_db: Database) -> None:
    # A review: 1004 left on 30 Jan 2026 and comes back; a LAS file without the uitschrijfdatum column kept
    # the old leave date beside the new inschrijfdatum, so the pupil stayed grey, absences were refused,
    # and five years on retention deleted the pupil with this year's notes.
    back = (b"leerlingnummer;voornaam;achternaam;geboortedatum;groep;inschrijfdatum\n"
            b"1004;Anais;Vries;2016-07-21;5;2031-01-06\n")
    assert import_pupils(plain_db, back, by=IB).updated == 1
    with plain_db.read() as s:
        assert s.scalar(select(Pupil.enrolled_until).where(Pupil.number == "1004")) is None
    assert retention_due(plain_db, today=date(2031, 2, 1)) == []
    with plain_db.begin() as s:  # a leave date kept before the enrolment's start by any other way
        s.scalars(select(Pupil).where(Pupil.number == "1004")).one().enrolled_until = date(2026, 1, 30)
    assert retention_due(plain_db, today=date(2031, 2, 1)) == []
    purge_due(plain_db, today=date(2031, 2, 1), by=IB)
    assert count(plain_db, Conversation) == 1


def test_cli_lists_then_deletes(tmp_path: Path, school_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    assert cli("import", "pupils", "--db", path, DATA / "pupils.csv") == 0
    capsys.readouterr()
    assert cli("retention", "--db", path, "--date", "2031-02-01") == 0
    out = capsys.readouterr().out
    assert "1004  Anaïs de Vries" in out and "alles" in out and "--delete" in out
    assert cli("retention", "--db", path, "--date", "2031-02-01", "--delete") == 0
    db = open_database(str(path), passphrase=PASSPHRASE)
    with db.read() as s:
        assert s.scalar(select(Pupil.id).where(Pupil.number == "1004")) is None
    db.close()


def test_inzage_json_holds_everything_about_one_pupil_and_is_logged(tmp_path: Path, school_file: Path) -> None:
    path = tmp_path / "s.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    for kind in ("pupils", "absences", "events"):
        assert cli("import", kind, "--db", path, DATA / f"{kind}.csv") == 0
    out = tmp_path / "inzage.json"
    assert cli("inzage", "--db", path, "--pupil", "1001", "--out", out) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["leerling"]["first_name"] == "Zoë" and data["leerling"]["groep"] == "5"
    assert [a["code"] for a in data["verzuim"]] == ["Z", "Z"]
    assert data["meldingen_en_acties"][0]["note"] == "Telefoongesprek met moeder"
    assert "Daniël" not in out.read_text(encoding="utf-8")  # a sibling's data is not theirs
    pdf = tmp_path / "inzage.pdf"
    assert cli("inzage", "--db", path, "--pupil", "1001", "--out", pdf) == 0
    assert "Zoë van der Berg" in "".join(p.extract_text() for p in PdfReader(pdf).pages)
    db = open_database(str(path), passphrase=PASSPHRASE)
    with db.read() as s:
        docs = [json.loads(a.detail).get("document") for a in s.scalars(
            select(AuditEntry).where(AuditEntry.action == "export"))]
        assert "inzage" in docs
    db.close()


def test_inzage_of_an_unknown_pupil_is_a_dutch_error(tmp_path: Path, school_file: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    assert cli("inzage", "--db", path, "--pupil", "9999", "--out", tmp_path / "x.json") == 1
    assert "Er is geen leerling met leerlingnummer 9999." in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_a_purge_leaves_no_copy_of_the_name_or_notes_in_the_file(plain_db: Database) -> None:
    """The audit log's details and the drafts held the pupil's words too; after VACUUM none are in the file."""
    from verzuimdesk.services.audit_log import audit_problem
    from verzuimdesk.storage import audit
    from verzuimdesk.storage.models import Draft

    with plain_db.begin() as s:
        pupil = s.scalars(select(Pupil).where(Pupil.number == "1004")).one()
        name = f"{pupil.first_name} {pupil.last_name}"
        audit.append(s, user="ib", action="update", entity="conversation", pupil_id=pupil.id,
                     detail={"voor": NOTE, "leerling": name})
        s.add(Draft(user="ib", key="conversation:new", pupil_id=pupil.id, payload=json.dumps({"summary": NOTE}),
                    saved_at=datetime(2025, 11, 12)))
    purge_due(plain_db, today=date(2031, 2, 1), by=IB)
    assert audit_problem(plain_db) is None  # the chain was recomputed, not broken
    with plain_db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "bewaartermijn")).one()
        detail = json.loads(entry.detail)
        assert entry.user == "ib" and detail["rijen_verwijderd"] >= 4 and detail["logregels_geschoond"] >= 1
    plain_db.close()
    files = [Path(plain_db.target), *Path(plain_db.target).parent.glob("plain.db-*")]
    for f in files:
        data = f.read_bytes()
        assert NOTE.encode() not in data and name.encode() not in data and b"Ana\xc3\xafs" not in data, f.name
