"""`verzuimdesk trends`: the JSON of SIGNALS.md ("Trends") key for key, the Dutch table, no names."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, cli
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.loading import load_pupil_data

FIGURE_KEYS = {"lestijd_minuten", "afwezig_minuten", "percentage", "te_laat", "leerlingen_met_verzuim", "lichten",
               "duo_meldingen", "zaken_geopend", "zaken_gesloten"}
CATEGORY_KEYS = {"sick", "authorised", "unauthorised", "unexplained", "suspended"}


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert cli("demo", "--db", path, "--size", "40", "--today", "2026-03-20") == 0
    return path


def name_words(path: Path) -> set[str]:
    """Every first and last name of the demo's pupils (words of four letters or more)."""
    db = open_database(str(path), passphrase=PASSPHRASE)
    try:
        with db.read() as s:
            return {w for p in load_pupil_data(s) for w in re.findall(r"\w{4,}", p.name)}
    finally:
        db.close()


def check_figures(f: dict[str, object]) -> None:
    assert set(f) == FIGURE_KEYS
    assert set(f["afwezig_minuten"]) == CATEGORY_KEYS and set(f["percentage"]) == CATEGORY_KEYS  # type: ignore[arg-type]
    assert set(f["lichten"]) == {"green", "orange", "red"}  # type: ignore[arg-type]
    for c, pct in f["percentage"].items():  # type: ignore[attr-defined]
        minutes = f["afwezig_minuten"][c]  # type: ignore[index]
        assert pct == round(100 * minutes / f["lestijd_minuten"], 1)  # type: ignore[operator]


def test_the_json_has_the_shape_of_signals_and_names_no_pupil(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli("trends", "--db", demo, "--from", "2025-09-01", "--to", "2026-03-20", "--per", "maand", "--json") == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert set(data) == {"from", "to", "per", "periods"}
    assert (data["from"], data["to"], data["per"]) == ("2025-09-01", "2026-03-20", "maand")
    assert [(p["start"], p["end"]) for p in data["periods"]][::3] == [
        ("2025-09-01", "2025-09-30"), ("2025-12-01", "2025-12-31"), ("2026-03-01", "2026-03-20")]
    for p in data["periods"]:
        assert set(p) == {"start", "end", "label", "school", "groups", "vorig_jaar"}
        check_figures(p["school"])
        assert set(p["groups"]) == {"1-2A", "1-2B", "3", "4", "5", "6", "7", "8"}
        for f in p["groups"].values():
            check_figures(f)
        total = sum(f["lestijd_minuten"] for f in p["groups"].values())
        assert p["school"]["lestijd_minuten"] == total > 0
        # the demo holds the school year before, so every month has last year's beside it
        assert p["vorig_jaar"]["start"][:4] == str(int(p["start"][:4]) - 1)
        check_figures(p["vorig_jaar"]["school"])
    # the demo's patterns show: absence this school year, a DUO report, lights that are not all green
    assert sum(sum(p["school"]["afwezig_minuten"].values()) for p in data["periods"]) > 0
    assert sum(p["school"]["duo_meldingen"] for p in data["periods"]) >= 1
    last = data["periods"][-1]["school"]["lichten"]
    assert last["orange"] + last["red"] >= 1
    words = name_words(demo)
    assert words and not [w for w in words if w in out]


def test_the_table_is_dutch_and_names_no_pupil(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli("trends", "--db", demo, "--to", "2026-03-20", "--per", "kwartaal") == 0
    out = capsys.readouterr().out
    assert out.startswith("Verzuimanalyse ")
    assert "K3 2025 (1 aug 2025 – 30 sep 2025)" in out and "K1 2026 (1 jan 2026 – 20 mrt 2026)" in out
    assert "groep 1-2A" in out and "ongeoorl." in out
    assert not [w for w in name_words(demo) if w in out]


def test_bad_dates_get_a_dutch_message_and_no_output(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli("trends", "--db", demo, "--from", "2026-03-01", "--to", "2025-09-01") == 1
    captured = capsys.readouterr()
    assert "begindatum ligt na de einddatum" in captured.err and captured.out == ""
    assert cli("trends", "--db", demo, "--from", "31-31-2025") == 1
    assert "--from" in capsys.readouterr().err
