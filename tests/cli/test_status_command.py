"""`verzuimdesk status`: the JSON of INTERFACES.md field for field, and the Dutch table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.actors import IB
from tests.conftest import cli


@pytest.fixture
def school(school_path: Path) -> Path:
    return school_path


def status_json(school: Path, day: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert cli("status", "--db", school, "--date", day, "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_exactly_the_fields_of_interfaces(school: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = status_json(school, "2025-11-10", capsys)
    assert set(data) == {"peildatum", "protocol", "pupils", "next_reference_date", "days_left"}
    assert data["peildatum"] == "2025-11-10" and data["protocol"] == "hoeksche-waard-po"
    assert (data["next_reference_date"], data["days_left"]) == ("2025-12-15", 35)
    pupils = {p["leerlingnummer"]: p for p in data["pupils"]}  # type: ignore[attr-defined]
    assert set(pupils) == {"1001", "1002", "1003", "1004"}
    for p in pupils.values():
        assert set(p) == {"leerlingnummer", "naam", "groep", "light", "step", "rules", "actions", "signals",
                          "forecast"}
        assert set(p["forecast"]) == {"hours_16_on", "thuiszitter_on"}
        for sig in p["signals"]:
            assert {"id", "text", "evidence"} <= set(sig)
        for r in p["rules"]:
            assert set(r) == {"id", "text", "value", "threshold", "unit", "window_start", "window_end", "trigger_date"}
        for a in p["actions"]:
            assert set(a) == {"kind", "rule", "trigger_date", "due", "legal", "regie", "done"}
    daniel = pupils["1002"]
    assert (daniel["naam"], daniel["groep"], daniel["light"]) == ("Daniël van der Berg", "1-2", "orange")
    assert [r["id"] for r in daniel["rules"]] == ["HW-ONG"]
    assert {(a["kind"], a["done"]) for a in daniel["actions"]} == {("talk_pupil", True), ("contact_parents", False)}
    anais = pupils["1004"]
    # a ? record asks for a call home the same day, and counts as unauthorised until reclassified
    assert anais["light"] == "orange" and {r["id"] for r in anais["rules"]} == {"UNEXPLAINED", "HW-ONG"}
    unexplained = [a for a in anais["actions"] if a["rule"] == "UNEXPLAINED"]
    assert [(a["kind"], a["trigger_date"], a["due"], a["legal"], a["done"]) for a in unexplained] == [
        ("contact_parents", "2025-11-10", "2025-11-10", False, False)]
    assert pupils["1001"]["light"] == "green" and pupils["1001"]["rules"] == []


def test_pupil_who_left_is_grey_and_still_listed(school: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = status_json(school, "2026-02-02", capsys)
    pupils = {p["leerlingnummer"]: p for p in data["pupils"]}  # type: ignore[attr-defined]
    assert pupils["1004"]["light"] == "grey"


def test_a_past_date_shows_the_light_as_it_was(school: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p["leerlingnummer"]: p["light"] for p in status_json(school, "2025-11-06", capsys)["pupils"]}  # type: ignore[index]
    assert before["1002"] == "green"  # the unauthorised morning of 7 Nov had not happened yet


def test_table_is_dutch(school: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli("status", "--db", school, "--date", "2025-11-10") == 0
    out = capsys.readouterr().out
    assert "Peildatum ma 10 nov 2025" in out and "oranje: 2" in out
    assert "contact met de ouders vóór di 11 nov 2025 [HW-ONG]" in out


def test_bad_date_is_refused_in_dutch(school: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("status", "--db", school, "--date", "31-02-2026") == 1
    assert "--date: 31-02-2026 is geen geldige datum (gebruik JJJJ-MM-DD)" in capsys.readouterr().err


def test_json_lists_an_unchecked_registration_as_a_missing_item(school: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    from tests.conftest import PASSPHRASE
    from verzuimdesk.services.registration_checks import set_checked
    from verzuimdesk.storage.database import open_database

    def registratie(data: dict[str, object]) -> dict[str, list[str]]:
        return {p["leerlingnummer"]: s["evidence"] for p in data["pupils"]  # type: ignore[attr-defined]
                for s in p["signals"] if s["id"] == "MISSING_DATA" and "registratie" in s["items"]}

    assert registratie(status_json(school, "2025-11-10", capsys)) == {}  # a school that never checks: none asked
    db = open_database(str(school), passphrase=PASSPHRASE)
    set_checked(db, group="1-2", day=date(2025, 11, 7), part=0, checked=True, by=IB, today=date(2025, 11, 10))
    db.close()
    found = registratie(status_json(school, "2025-11-10", capsys))
    assert "1002" in found and "2025-11-07" not in found["1002"]
    assert found["1002"][-1] == "2025-11-06" and len(found["1002"]) == 9  # the other 9 of the last 10
