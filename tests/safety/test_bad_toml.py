"""Bad input everywhere (issue #4): damaged school files and protocol files are refused with a
Dutch message and change nothing; they never crash the app or the command line."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from sqlalchemy import select

from tests.actors import IB
from tests.conftest import DATA
from tests.safety.helpers import assert_dutch, dump, integrity, make_school_db, opened_copy
from tests.safety.tomlgen import damaged_text, mutated
from tests.safety.tomlwriter import dumps
from verzuimdesk.cli.main import run
from verzuimdesk.domain.protocol import ProtocolError
from verzuimdesk.importers.problems import InputRefused
from verzuimdesk.importers.protocol_files import load_protocol, protocols_dir
from verzuimdesk.services.school import check_settings, read_school_file, update_school
from verzuimdesk.storage.database import DatabaseError
from verzuimdesk.storage.models import School, SchoolYear
from verzuimdesk.storage.vault import slots_path

SCHOOL = tomllib.loads((DATA / "school.toml").read_text(encoding="utf-8"))
PROTOCOL = tomllib.loads((protocols_dir() / "hoeksche-waard-po.toml").read_text(encoding="utf-8"))
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
Base = tuple[Path, bytes, Path]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Base:
    folder = tmp_path_factory.mktemp("tomlbasis")
    key = make_school_db(folder / "basis.db")
    return folder / "basis.db", key, folder / "kopie.db"


def test_the_writer_gives_back_what_tomllib_read() -> None:
    assert tomllib.loads(dumps(SCHOOL)) == SCHOOL
    assert tomllib.loads(dumps(PROTOCOL)) == PROTOCOL


def test_the_unchanged_files_are_accepted(tmp_path: Path) -> None:
    """The control: what the damage starts from is valid, so a refusal below is the damage's doing."""
    (tmp_path / "school.toml").write_text(dumps(SCHOOL), encoding="utf-8")
    check_settings(read_school_file(tmp_path / "school.toml"))
    (tmp_path / "p.toml").write_text(dumps(PROTOCOL), encoding="utf-8")
    assert load_protocol(tmp_path / "p.toml").id == "hoeksche-waard-po"


def refused_in_dutch(exc: InputRefused) -> None:
    assert exc.problems, "refused without a reason"
    assert_dutch(str(exc))


@SETTINGS
@given(case=damaged_text(SCHOOL))
def test_damaged_school_files_are_refused_or_written_whole(base: Base, tmp_path: Path,
                                                           case: tuple[bytes, list[str]]) -> None:
    data, _how = case
    src, key, copy = base
    file = tmp_path / "school.toml"
    file.write_bytes(data)
    try:
        school = read_school_file(file)
    except InputRefused as exc:
        event("school file refused")
        refused_in_dutch(exc)
        return
    with opened_copy(src, copy, key) as db:
        tables = dump(db)
        try:
            update_school(db, school, by=IB)
        except (InputRefused, DatabaseError) as exc:
            event("school file refused when written")
            assert_dutch(str(exc))
            assert dump(db) == tables, "a refused school file changed the database"
            return
        event("school file written")
        assert integrity(db) == "ok"
        with db.read() as s:
            row = s.scalars(select(School)).one()
            assert (row.name, row.brin, row.protocol) == (school.name, school.brin, school.protocol)
            years = {(y.start, y.end) for y in s.scalars(select(SchoolYear))}
            assert (school.school_year.start, school.school_year.end) in years


def protocol_refused(exc: ProtocolError, name: str) -> None:
    assert str(exc).startswith(f"Protocolbestand {name}: "), str(exc)
    assert len(str(exc)) > len(f"Protocolbestand {name}: ")
    assert_dutch(str(exc))


@SETTINGS
@given(case=damaged_text(PROTOCOL))
def test_damaged_protocol_files_are_refused_with_the_place(tmp_path: Path, case: tuple[bytes, list[str]]) -> None:
    data, _how = case
    file = tmp_path / "eigen-protocol.toml"
    file.write_bytes(data)
    try:
        load_protocol(file)
        event("protocol accepted")
    except ProtocolError as exc:
        event("protocol refused")
        protocol_refused(exc, file.name)
    # A school file that names the damaged protocol: refused as a school file, never a crash.
    school = dict(SCHOOL, school=dict(SCHOOL["school"], protocol=str(file)))
    (tmp_path / "school.toml").write_text(dumps(school), encoding="utf-8")
    try:
        check_settings(read_school_file(tmp_path / "school.toml"))
    except InputRefused as exc:
        refused_in_dutch(exc)


@SETTINGS
@given(case=mutated(SCHOOL))
def test_odd_protocol_names_in_the_school_file_are_refused_in_dutch(tmp_path: Path,
                                                                    case: tuple[dict[str, Any], list[str]]) -> None:
    doc, _how = case
    (tmp_path / "school.toml").write_text(dumps(doc), encoding="utf-8")
    try:
        check_settings(read_school_file(tmp_path / "school.toml"))
    except InputRefused as exc:
        refused_in_dutch(exc)


@pytest.mark.parametrize("name", ["\x00", "nul\x00byte", "x" * 300, "/", ".", "..", "/tmp", "a.toml",
                                  "../../../etc/passwd", "/proc/self/mem.toml", "resources"])
def test_a_protocol_that_cannot_be_opened_is_refused_in_dutch(tmp_path: Path, name: str) -> None:
    school = dict(SCHOOL, school=dict(SCHOOL["school"], protocol=name))
    (tmp_path / "school.toml").write_text(dumps(school), encoding="utf-8")
    with pytest.raises(InputRefused) as refused:
        check_settings(read_school_file(tmp_path / "school.toml"))
    refused_in_dutch(refused.value)
    assert "'school.protocol': Protocolbestand " in str(refused.value)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=damaged_text(SCHOOL))
def test_the_command_line_answers_bad_school_files_with_status_1(
        base: Base, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: tuple[bytes, list[str]]) -> None:
    data, _how = case
    src, key, copy = base
    file = tmp_path / "school.toml"
    file.write_bytes(data)
    with opened_copy(src, copy, key) as db:
        tables = dump(db)
    capsys.readouterr()
    status = run(["school", "--db", str(copy), str(file)])
    out, err = capsys.readouterr()
    assert status in (0, 1) and "Traceback" not in out + err
    if status == 1:
        assert err.strip() and not out
        assert_dutch(err)
        with opened_copy(copy, tmp_path / "na.db", key) as db:
            assert dump(db) == tables

    new = tmp_path / "nieuw.db"
    for leftover in (new, slots_path(new)):
        leftover.unlink(missing_ok=True)
    status = run(["init", "--db", str(new), "--school", str(file)])
    out, err = capsys.readouterr()
    assert status in (0, 1) and "Traceback" not in out + err
    if status == 1:
        assert_dutch(err)
        assert not new.exists() and not slots_path(new).exists(), "a refused init left a database behind"


@pytest.mark.parametrize(("table", "reason"), [("schooljaar", "'schooljaar.start': ontbreekt"),
                                               ("school", "'school.naam': ontbreekt")])
def test_an_empty_table_names_its_missing_keys(tmp_path: Path, table: str, reason: str) -> None:
    """Found by the tests above: an empty [schooljaar] was refused with '0 fout(en)' and no reason,
    and an empty [school] was accepted as a school without a name."""
    (tmp_path / "school.toml").write_text(dumps(dict(SCHOOL, **{table: {}})), encoding="utf-8")
    with pytest.raises(InputRefused) as refused:
        read_school_file(tmp_path / "school.toml")
    assert reason in str(refused.value)


def test_a_school_file_that_is_no_utf8_is_refused_in_dutch(tmp_path: Path) -> None:
    (tmp_path / "school.toml").write_bytes(dumps(SCHOOL).encode("utf-16"))
    with pytest.raises(InputRefused, match="het bestand is geen UTF-8-tekst") as refused:
        read_school_file(tmp_path / "school.toml")
    refused_in_dutch(refused.value)


@pytest.mark.parametrize("where", ["soort", "vergelijking", "duur_eenheid"])
def test_a_list_where_a_word_belongs_is_a_protocol_error(tmp_path: Path, where: str) -> None:
    """Found by the tests above: `soort = [...]` raised TypeError (unhashable) instead of ProtocolError."""
    doc: dict[str, Any] = tomllib.loads(dumps(PROTOCOL))
    doc["regel"][2]["voorwaarde"][where] = ["minutes_in_window"]
    (tmp_path / "p.toml").write_text(dumps(doc), encoding="utf-8")
    with pytest.raises(ProtocolError) as refused:
        load_protocol(tmp_path / "p.toml")
    protocol_refused(refused.value, "p.toml")


def test_a_protocol_that_is_no_utf8_is_a_protocol_error(tmp_path: Path) -> None:
    (tmp_path / "p.toml").write_bytes(b"id = \"\xff\"\n")
    with pytest.raises(ProtocolError, match="geen UTF-8-tekst") as refused:
        load_protocol(tmp_path / "p.toml")
    protocol_refused(refused.value, "p.toml")
