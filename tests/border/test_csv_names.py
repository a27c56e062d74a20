"""A pupils file saved on a Mac writes 'Zoë' as 'Zoe' and a combining diaeresis: the import stores the
composed name, so the dossier, the lists and a search for 'Zoë' find the same pupil the LAS names."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from tests.conftest import DATA, cli, raw, xlsx


def names(db_path: Path) -> set[str]:
    conn = raw(db_path)
    try:
        return {r[0] for r in conn.execute("SELECT first_name FROM pupil")}
    finally:
        conn.close()


def test_decomposed_names_in_a_csv_are_stored_composed(db_path: Path, tmp_path: Path) -> None:
    mac = tmp_path / "leerlingen.csv"
    mac.write_bytes(unicodedata.normalize("NFD", (DATA / "pupils.csv").read_text(encoding="utf-8")).encode())
    assert "Zoe\u0308" in mac.read_text(encoding="utf-8")
    assert cli("import", "pupils", "--db", db_path, mac) == 0
    assert {"Zoë", "Daniël", "Anaïs"} <= names(db_path)
    assert cli("import", "pupils", "--db", db_path, DATA / "pupils.csv") == 0  # the LAS's own file: no change
    assert len(names(db_path)) == 4


def test_decomposed_names_in_a_workbook_are_read_composed() -> None:
    from verzuimdesk.importers.workbook import read_workbook

    rows = read_workbook(xlsx([["voornaam"], [unicodedata.normalize("NFD", "Zoë")], ["Anaïs"]]), "leerlingen.xlsx")
    assert [cells for _line, cells in rows] == [("voornaam",), ("Zoë",), ("Anaïs",)]
