"""Privacy by design (DESIGN.md): a copied database file, without a password, reveals nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.actors import IB
from tests.conftest import DATA, PASSPHRASE
from tests.safety.helpers import make_school_db
from verzuimdesk.services.imports import import_events, import_file
from verzuimdesk.services.school import new_school_database, read_school_file
from verzuimdesk.storage.database import DatabaseError, PassphraseRequired, open_database
from verzuimdesk.storage.vault import slots_path

# Names, notes and numbers of tests/data, and one note written last so that it is still in the WAL.
SECRETS = ["Zoë", "van der Berg", "Daniël", "Anaïs", "Jansen", "OT-2025-0001", "ziek gemeld door moeder",
           "Telefoongesprek met moeder", "tandarts", "OBS De Klimop", "gesprek over de thuissituatie",
           "leerlingnummer", "CREATE TABLE", "contact_parents", PASSPHRASE]
LAST_NOTE = "gesprek over de thuissituatie"


@pytest.fixture(scope="module")
def stolen(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """A school database in use: its files as a thief would copy them while the app is open."""
    folder = tmp_path_factory.mktemp("gestolen")
    path = folder / "school.db"
    key = make_school_db(path)
    db = open_database(str(path), key=key, user="ib")
    try:
        import_events(db, f"leerlingnummer;datum;soort;omschrijving\n1001;2025-11-12;talk_pupil;{LAST_NOTE}\n"
                      .encode(), by=IB)
        wal = path.with_name(path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0, "the WAL should hold the last commit"
        loot = folder / "buit"
        loot.mkdir()
        copies = [Path(shutil.copy(f, loot)) for f in (path, wal, slots_path(path))]
    finally:
        db.close()
    return loot / "school.db", copies


def test_the_file_is_no_plain_sqlite_file(stolen: tuple[Path, list[Path]]) -> None:
    db_file, _ = stolen
    assert db_file.read_bytes()[:16] != b"SQLite format 3\x00"


@pytest.mark.parametrize("secret", SECRETS)
def test_no_name_or_note_can_be_read_from_any_file(stolen: tuple[Path, list[Path]], secret: str) -> None:
    _, files = stolen
    assert {f.name for f in files} == {"school.db", "school.db-wal", "school.db.sleutels"}
    for f in files:
        assert not readable(secret, f.read_bytes()), f"{secret!r} is readable in {f.name}"


def readable(secret: str, data: bytes) -> list[str]:
    """The encodings in which `secret` appears in `data`. Encodings shorter than 4 bytes are left
    out: 3 given bytes turn up by chance in a few hundred kB of ciphertext."""
    found = []
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "cp1252"):
        needle = secret.encode(encoding)
        if len(needle) >= 4 and needle in data:
            found.append(encoding)
    return found


def test_the_same_search_finds_the_names_in_a_database_without_encryption(tmp_path: Path) -> None:
    """The control: the search above does find what an unencrypted file would give away."""
    db, _ = new_school_database(str(tmp_path / "open.db"), read_school_file(DATA / "school.toml"), user="ib",
                                password=None)
    for kind in ("pupils", "absences", "events"):
        import_file(db, kind, DATA / f"{kind}.csv", by=IB)
    db.close()
    data = (tmp_path / "open.db").read_bytes()
    assert data[:16] == b"SQLite format 3\x00"
    for secret in ("Zoë", "Daniël", "ziek gemeld door moeder", "OBS De Klimop", "CREATE TABLE"):
        assert "utf-8" in readable(secret, data), secret


def test_a_wrong_password_opens_nothing_and_says_so_in_dutch(stolen: tuple[Path, list[Path]]) -> None:
    db_file, _ = stolen
    with pytest.raises(DatabaseError, match=r"^Onjuist wachtwoord of onjuiste herstelsleutel"):
        open_database(str(db_file), passphrase="niet-het-wachtwoord")
    with pytest.raises(PassphraseRequired, match="is versleuteld; geef het wachtwoord op"):
        open_database(str(db_file))


def test_a_random_key_opens_nothing(stolen: tuple[Path, list[Path]]) -> None:
    db_file, _ = stolen
    with pytest.raises(DatabaseError, match="opent niet met deze sleutel"):
        open_database(str(db_file), key=bytes(range(32)))


def test_sqlite_without_the_key_says_file_is_not_a_database(stolen: tuple[Path, list[Path]], tmp_path: Path) -> None:
    db_file, _ = stolen
    plain = shutil.copy(db_file, tmp_path / "kopie.db")  # without its WAL: sqlite would try to recover it
    con = sqlite3.connect(plain)
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        con.execute("SELECT name FROM sqlite_master").fetchall()
    con.close()
    import sqlcipher3

    cipher = sqlcipher3.connect(plain)  # SQLCipher itself, without the key
    with pytest.raises(sqlcipher3.DatabaseError, match="file is not a database"):
        cipher.execute("SELECT count(*) FROM pupil").fetchall()
    cipher.close()


def test_the_db_file_alone_is_refused_in_dutch(stolen: tuple[Path, list[Path]], tmp_path: Path) -> None:
    """A thief who copies only the .db file: refused, and told the slots file is missing (not "damaged")."""
    db_file, _ = stolen
    alone = Path(shutil.copy(db_file, tmp_path / "alleen.db"))
    with pytest.raises(DatabaseError, match=r"sleutelbestand alleen\.db\.sleutels ontbreekt"):
        open_database(str(alone))
    assert alone.read_bytes() == db_file.read_bytes(), "a failed open must not change the file"


def test_the_right_password_opens_the_copy(stolen: tuple[Path, list[Path]], tmp_path: Path) -> None:
    """The control: the same files do hold the data, for whoever has the password."""
    _, files = stolen
    for f in files:  # opening recovers the WAL into the file: do it on another copy
        shutil.copy(f, tmp_path)
    db = open_database(str(tmp_path / "school.db"), passphrase=PASSPHRASE)
    with db.engine.connect() as conn:
        notes = {r[0] for r in conn.exec_driver_sql("SELECT note FROM event")}
    db.close()
    assert LAST_NOTE in notes
