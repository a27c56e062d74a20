"""Inzage (AVG art. 15) tells the parents to whom the school gave data about their child: every export
that held the pupil, the quarterly lists that named it included, with date, recipient, document and maker."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.actors import IB
from tests.reports.conftest import cli, flat, open_db, pdf_text
from verzuimdesk.reports.data import Recipient
from verzuimdesk.services import exports
from verzuimdesk.services.inzage import export_inzage
from verzuimdesk.services.retention import inzage_data


def test_inzage_lists_the_dossiers_and_the_quarterly_list_that_named_the_pupil(with_cases: Path,
                                                                               tmp_path: Path) -> None:
    db = open_db(with_cases)
    exports.export_quarterly(db, on=date(2025, 12, 15), out=tmp_path / "kwartaal.xlsx", by=IB)
    exports.export_dossier(db, pupil_number="1003", recipient=Recipient.LEERPLICHT, out=tmp_path / "lp.pdf",
                           by=IB, on=date(2025, 11, 21))
    exports.export_dossier(db, pupil_number="1001", recipient=Recipient.OUDERS, out=tmp_path / "zoe.pdf",
                           by=IB, on=date(2025, 11, 21))  # another child's: not in Sem's inzage
    data = inzage_data(db, pupil_number="1003", by=IB)
    given = [(r["document"], r["ontvanger"], r["gemaakt_door"]) for r in data["verstrekt_aan"]]
    assert given == [("kwartaalopgave zorgwekkend verzuim", "samenwerkingsverband", "ib"),
                     ("verzuimdossier", "leerplichtambtenaar", "ib")]
    assert data["verstrekt_aan"][0]["leerlingen_in_document"] == 2 and data["verstrekt_aan"][0]["datum"]

    out = tmp_path / "inzage.pdf"
    done = export_inzage(db, pupil_number="1003", out=out, by=IB, printed=date(2025, 12, 20))
    assert done.exports == 3  # the JSON inzage just made is one too
    text = flat(pdf_text(out))
    assert "Inzage in de gegevens van uw kind" in text and "artikel 15 AVG" in text
    assert "kwartaalopgave zorgwekkend verzuim (lijst van 2 leerlingen) samenwerkingsverband" in text
    assert "verzuimdossier leerplichtambtenaar" in text
    assert "Autoriteit Persoonsgegevens" in text and "5 jaar" in text
    assert "Verzuimdossier" not in text  # a document of its own, not the ouders dossier
    db.close()


def test_the_inzage_command_writes_its_own_pdf(school_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "inzage.pdf"
    assert cli("inzage", "--db", school_db, "--pupil", "1001", "--out", out) == 0
    assert "Aan wie gegevens verstrekt zijn" in flat(pdf_text(out))
    js = tmp_path / "inzage.json"
    assert cli("inzage", "--db", school_db, "--pupil", "1001", "--out", js) == 0
    assert json.loads(js.read_text(encoding="utf-8"))["verstrekt_aan"][0]["document"] == "inzage"


def test_a_dismissed_candidate_named_on_the_pdf_is_in_the_audit_row_and_the_inzage(with_candidates: Path,
                                                                                   tmp_path: Path) -> None:
    """The PDF of the list names Daniël's dismissed proposal by his initials: the parents' inzage lists it
    as given to the SWV. The XLSX does not name him, and does not list him."""
    from verzuimdesk.services.cases import dismiss_candidate
    from verzuimdesk.services.quarterly import quarterly_list

    db = open_db(with_candidates)
    try:
        daniel = next(r for r in quarterly_list(db, on=date(2025, 12, 15)).rows if r.pupil_label == "D.v.d.B.")
        dismiss_candidate(db, pupil_id=daniel.pupil_id, start=daniel.start, category=daniel.category,
                          reason="bekend bij de jeugdarts", on=date(2025, 12, 15), by=IB)
        exports.export_quarterly(db, on=date(2025, 12, 15), out=tmp_path / "kwartaal.xlsx", by=IB)
        before = inzage_data(db, pupil_number="1002", by=IB)["verstrekt_aan"]
        assert [r for r in before if r["document"] != "inzage"] == []
        pdf = tmp_path / "kwartaal.pdf"
        done = exports.export_quarterly(db, on=date(2025, 12, 15), out=pdf, by=IB)
        assert "D.v.d.B." in flat(pdf_text(pdf)) and "1002" in done.pupils
        given = [(r["document"], r["ontvanger"]) for r in inzage_data(db, pupil_number="1002", by=IB)["verstrekt_aan"]
                 if r["document"] != "inzage"]
        assert given == [("kwartaalopgave zorgwekkend verzuim", "samenwerkingsverband")]
    finally:
        db.close()
