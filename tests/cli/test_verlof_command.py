"""`verzuimdesk verlof` and `verzuimdesk export letter`: requests imported all or nothing, the directeur's
decision as the account whose password opened the database, the letter written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, PASSPHRASE, cli
from tests.reports.conftest import flat, pdf_text
from verzuimdesk.services.accounts import Role, account_of, add_account
from verzuimdesk.storage.database import open_database

REQUESTS = """leerlingnummer;van;tot;artikel;reden;aanvraag;aangevraagd_op;aangevraagd_door;werkgeversverklaring
1001;2026-03-02;2026-03-06;13a;Vader werkt in de horeca;A1;2026-01-05;M. van der Berg;ja
1002;2026-03-02;2026-03-06;13a;Vader werkt in de horeca;A1;2026-01-05;M. van der Berg;ja
1003;02-03-2026;16-03-2026;11;Bruiloft in Marokko;;2026-01-06;P. Jansen;
"""
DIRECTOR_PASSWORD = "directeur-wachtwoord-1"


@pytest.fixture
def school(tmp_path: Path, school_file: Path) -> Path:
    path = tmp_path / "school.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    assert cli("import", "pupils", "--db", path, DATA / "pupils.csv") == 0
    db = open_database(str(path), passphrase=PASSPHRASE)
    add_account(db, by=account_of(db, "ib"), username="dir", name="Dirk Directeur", role=Role.MANAGEMENT,
                password=DIRECTOR_PASSWORD)
    db.close()
    return path


def listed(school: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:  # type: ignore[type-arg]
    capsys.readouterr()
    assert cli("verlof", "list", "--db", school, "--json") == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_requests_are_imported_with_siblings_together_and_a_bad_file_changes_nothing(
        school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(REQUESTS.replace("1002;2026-03-02", "1002;2026-03-03").replace(";11;", ";14;"), encoding="utf-8")
    assert cli("verlof", "import", "--db", school, bad) == 1
    err = capsys.readouterr().err
    assert "regel 3, kolom van: verschilt van regel 2 van dezelfde aanvraag 'A1'" in err
    assert "regel 4, kolom artikel: Onbekend artikel '14'" in err
    assert listed(school, capsys) == []
    # a review: an unknown pupil or a request without a schooldag came in a second round, once the rest was right
    both = tmp_path / "both.csv"
    both.write_text(REQUESTS.replace(";11;", ";14;") + "9999;2026-03-02;2026-03-03;11;Begrafenis;;;;\n"
                    "1001;2026-02-14;2026-02-15;11;Bruiloft;;;;\n", encoding="utf-8")  # a weekend
    assert cli("verlof", "import", "--db", school, both) == 1
    err = capsys.readouterr().err
    assert "3 fout(en)" in err and "regel 4, kolom artikel" in err
    assert "regel 5, kolom leerlingnummer" in err and "9999" in err and "regel 6, kolom van" in err
    assert listed(school, capsys) == []
    good = tmp_path / "verlof.csv"
    good.write_text(REQUESTS, encoding="utf-8")
    assert cli("verlof", "import", "--db", school, good) == 0
    assert "2 aanvragen voor 3 leerling(en)" in capsys.readouterr().out
    rows = listed(school, capsys)
    by_article = {r["artikel"]: r for r in rows}
    assert [p["leerlingnummer"] for p in by_article["13a"]["leerlingen"]] == ["1001", "1002"]
    long = by_article["11"]["leerlingen"][0]
    assert long["schooldagen"] == 11 and long["naar_leerplicht"] and "leerplichtambtenaar" in long["bezwaren"][0]


def test_only_the_directeur_decides_and_the_decision_letter_is_written(
        school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "verlof.csv"
    f.write_text(REQUESTS, encoding="utf-8")
    assert cli("verlof", "import", "--db", school, f) == 0
    rid = next(r["id"] for r in listed(school, capsys) if r["artikel"] == "13a")
    assert cli("verlof", "decide", "--db", school, "--id", rid, "--besluit", "verleend") == 1
    assert "Alleen de directeur" in capsys.readouterr().err
    monkeypatch.setenv("VERZUIMDESK_PASSPHRASE", DIRECTOR_PASSWORD)
    assert cli("verlof", "decide", "--db", school, "--id", rid, "--besluit", "verleend") == 0
    assert "10× V in de registratie" in capsys.readouterr().out
    out = tmp_path / "besluit.pdf"
    assert cli("export", "letter", "--db", school, "--pupil", "1001", "--template", "verlof-verleend",
               "--verlof", rid, "--date", "2026-01-12", "--out", out) == 0
    text = flat(pdf_text(out))
    assert "het verlof is verleend" in text and "Zoë van der Berg en Daniël van der Berg" in text
    assert "binnen 6 weken" in text
    assert cli("export", "letter", "--db", school, "--pupil", "1001", "--template", "uitnodiging-gesprek",
               "--out", tmp_path / "x.pdf") == 1  # the directeur makes no letters about a pupil's verzuim
    monkeypatch.setenv("VERZUIMDESK_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert cli("export", "letter", "--db", school, "--pupil", "1003", "--template", "uitnodiging-gesprek",
               "--out", tmp_path / "x.pdf", "--veld", "gesprek_op=di 25 nov") == 1
    assert "plaats" in capsys.readouterr().err
    assert cli("export", "letter", "--db", school, "--pupil", "1003", "--template", "uitnodiging-gesprek",
               "--out", tmp_path / "x.pdf", "--veld", "gesprek_op=di 25 nov", "--veld", "plaats=school") == 0
    assert (tmp_path / "x.pdf").is_file()


def test_the_list_names_an_unknown_pupil_and_says_1_schooldag(
        school: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "verlof.csv"
    f.write_text(REQUESTS.splitlines()[0] + "\n1003;2026-03-02;2026-03-02;11;Begrafenis;;2026-02-01;P. Jansen;\n",
                 encoding="utf-8")
    assert cli("verlof", "import", "--db", school, f) == 0
    capsys.readouterr()
    assert cli("verlof", "list", "--db", school, "--pupil", "9999") == 1
    assert "9999" in capsys.readouterr().err
    assert cli("verlof", "list", "--db", school, "--pupil", "1003") == 0
    out = capsys.readouterr().out
    assert "\t1 schooldag\t" in out and "1 schooldagen" not in out
