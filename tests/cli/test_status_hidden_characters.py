"""`status` never prints raw direction-changing or zero-width characters to a terminal (issue #18)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from verzuimdesk.cli.main import run

NAME = "Anna\u202eeeD\u200b"  # on a terminal the override would print what follows backwards


def test_names_with_bidi_and_zero_width_characters_are_escaped(db_path: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.csv").write_text("leerlingnummer;voornaam;achternaam;geboortedatum;groep;inschrijfdatum\n"
                                    f"9001;{NAME};Kind;2016-01-01;5;2020-08-31\n", encoding="utf-8")
    assert run(["import", "pupils", "--db", str(db_path), str(tmp_path / "p.csv")]) == 0
    capsys.readouterr()
    assert run(["status", "--db", str(db_path), "--date", "2025-11-06"]) == 0
    table = capsys.readouterr().out
    assert "Anna<U+202E>eeD<U+200B> Kind" in table and "\u202e" not in table and "\u200b" not in table
    assert run(["status", "--db", str(db_path), "--date", "2025-11-06", "--json"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\\u202e" in out
    assert any(p["naam"].startswith(NAME) for p in json.loads(out)["pupils"])  # the same string
