"""Unbounded and hostile input (issue #18): bombs are refused early, in Dutch, with nothing written.

The tests assert the refusal, not the time; that each finishes in bounded time is the point of the
limits, and the suite would hang without them.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from tests.actors import IB
from tests.conftest import DATA, PASSPHRASE
from tests.safety.helpers import assert_dutch
from verzuimdesk.cli.main import run
from verzuimdesk.domain.protocol import ProtocolError, parse_protocol
from verzuimdesk.importers import csvfile
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.services.imports import import_absences, import_pupils, read_file
from verzuimdesk.services.school import read_school_file
from verzuimdesk.storage.database import DatabaseError, open_database

HEADER = "leerlingnummer;voornaam;achternaam;geboortedatum;groep;inschrijfdatum\n"


def refusal(call: Any, *args: Any, **kw: Any) -> str:
    with pytest.raises(InputRefused) as info:
        call(*args, **kw)
    assert_dutch(str(info.value))
    return str(info.value)


def test_a_header_of_40000_columns_is_refused(db: Any) -> None:
    bomb = (";".join(f"kolom{i}" for i in range(40_000)) + "\n").encode()
    assert "40000 kolommen; hooguit 100" in refusal(import_pupils, db, bomb, by=IB)


def test_too_many_rows_are_refused(db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csvfile, "MAX_ROWS", 50)
    rows = "".join(f"{9000 + i};Kind;Nummer{i};2016-01-01;5;2020-08-31\n" for i in range(51))
    assert "meer dan 50 regels" in refusal(import_pupils, db, (HEADER + rows).encode(), by=IB)


def test_a_file_too_big_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "groot.csv"
    with big.open("wb") as fh:  # sparse: no disk is used, and nothing may read it
        fh.truncate(csvfile.MAX_BYTES + 1)
    assert "te groot" in refusal(read_file, big)


def test_a_value_longer_than_a_field_may_be_is_refused(db: Any) -> None:
    csv = "leerlingnummer,datum,van,tot,code,opmerking\n1001,2025-11-03,,,Z," + "x" * 6000 + "\n"
    assert "langer dan 5000 tekens" in refusal(import_absences, db, csv.encode(), by=IB)


def test_a_huge_csv_field_is_refused_as_unreadable(db: Any) -> None:
    csv = HEADER + "9001;" + "A" * 200_000 + ";B;2016-01-01;5;2020-08-31\n"
    refusal(import_pupils, db, csv.encode(), by=IB)


@pytest.mark.parametrize(("column", "value", "limit"), [("voornaam", "A" * 5000, 100), ("achternaam", "B" * 101, 100),
                                                        ("groep", "G" * 51, 50)])
def test_names_longer_than_their_limit_are_refused(db: Any, column: str, value: str, limit: int) -> None:
    fields = {"leerlingnummer": "9001", "voornaam": "Kind", "achternaam": "Naam", "geboortedatum": "2016-01-01",
              "groep": "5", "inschrijfdatum": "2020-08-31", column: value}
    text = refusal(import_pupils, db, (HEADER + ";".join(fields.values()) + "\n").encode(), by=IB)
    assert f"kolom {column}: is te lang ({len(value)} tekens; hooguit {limit})" in text


def test_a_deeply_nested_school_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "school.toml"
    f.write_text((DATA / "school.toml").read_text(encoding="utf-8") + "\nx = " + "[" * 50_000 + "]" * 50_000 + "\n",
                 encoding="utf-8")
    assert "in elkaar genest" in refusal(read_school_file, f)


def test_a_school_file_of_megabytes_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "school.toml"
    f.write_text("# " + "x" * 2_000_000 + "\n", encoding="utf-8")
    assert "te groot" in refusal(read_school_file, f)


def test_a_school_name_too_long_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "school.toml"
    f.write_text((DATA / "school.toml").read_text(encoding="utf-8").replace('naam = "OBS De Klimop"',
                                                                           f'naam = "{"K" * 300}"', 1),
                 encoding="utf-8")
    assert "'school.naam': is te lang (300 tekens; hooguit 200)" in refusal(read_school_file, f)


def test_a_deeply_nested_protocol_is_refused() -> None:
    with pytest.raises(ProtocolError, match="in elkaar genest"):
        parse_protocol(b"x = " + b"[" * 50_000 + b"]" * 50_000, "diep.toml")
    with pytest.raises(ProtocolError, match="te groot"):
        parse_protocol(b"# " + b"x" * 2_000_000, "groot.toml")


# -- a tampered key slots file -------------------------------------------------------------------


def _tamper(db_path: Path, change: Any) -> str:
    slots = db_path.with_name(db_path.name + ".sleutels")
    data = json.loads(slots.read_text())
    change(data["sleutels"][0])
    slots.write_text(json.dumps(data))
    with pytest.raises(DatabaseError) as info:
        open_database(str(db_path), passphrase=PASSPHRASE)
    assert_dutch(str(info.value))
    return str(info.value)


@pytest.mark.parametrize("change", [
    lambda s: s.update(salt="!!geen base64!!"),
    lambda s: s.update(nonce=base64.b64encode(b"kort").decode()),
    lambda s: s.update(wrapped=base64.b64encode(b"x" * 10).decode()),
    lambda s: s.update(t=10**9),  # would take hours per command
    lambda s: s.update(m=2**40),  # four petabytes of memory
    lambda s: s.update(p=0),
    lambda s: s.update(kind="iets"),
    lambda s: s.update(user=["lijst"]),
], ids=["base64", "nonce", "wrapped", "t", "m", "p", "kind", "user"])
def test_a_tampered_slots_file_is_refused_in_dutch(db_path: Path, change: Any) -> None:
    assert "Het sleutelbestand is beschadigd" in _tamper(db_path, change)


def test_a_missing_slots_file_is_called_missing(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path.with_name(db_path.name + ".sleutels").unlink()
    # without its slots file the database looks unencrypted; it opens with no key and is refused
    assert run(["status", "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "ontbreekt" in err and "beschadigd" not in err


@pytest.mark.slow
def test_fuzzed_slots_files_give_a_dutch_refusal_or_open(db_path: Path, tmp_path: Path) -> None:
    """Random damage to the key slots file: the database opens (the damage missed what matters) or a
    Dutch DatabaseError says why; never a traceback, never a hang (Argon2 is bounded)."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    slots = db_path.with_name(db_path.name + ".sleutels")
    original = slots.read_bytes()

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(edits=st.lists(st.tuples(st.integers(0, len(original) - 1), st.binary(min_size=0, max_size=4)),
                          min_size=1, max_size=4))
    def damaged(edits: list[tuple[int, bytes]]) -> None:
        data = bytearray(original)
        for at, new in edits:
            data[at:at + len(new) or at + 1] = new
        slots.write_bytes(bytes(data))
        try:
            open_database(str(db_path), passphrase=PASSPHRASE).close()
        except DatabaseError as exc:
            assert_dutch(str(exc))

    try:
        damaged()
    finally:
        slots.write_bytes(original)
