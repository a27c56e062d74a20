"""What leaves the school on tricky data: a health detail hidden in a case's history never reaches a
recipient who may not receive health (DESIGN.md, "Who may receive what"). Read back from the PDFs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from tests.actors import IB
from tests.reports.conftest import flat, open_db, pdf_text
from verzuimdesk.reports.data import Recipient
from verzuimdesk.services import exports
from verzuimdesk.storage.models import CareCase, Pupil

TREATMENT = "Op wachtlijst voor een behandeling / opname, namelijk: Karakter kinderpsychiatrie (angststoornis)"


def _with_treatment(path: Path) -> None:
    db = open_db(path)
    with db.begin() as s:
        sem = s.scalar(select(Pupil.id).where(Pupil.number == "1003"))
        case = s.scalar(select(CareCase).where(CareCase.pupil_id == sem))
        assert case is not None and case.category == "A"
        case.waiting_list = TREATMENT
    db.close()


def test_a_waiting_list_for_treatment_stays_out_of_the_leerplicht_dossier(with_cases: Path, tmp_path: Path) -> None:
    _with_treatment(with_cases)
    db = open_db(with_cases)
    out = tmp_path / "lp.pdf"
    exports.export_dossier(db, pupil_number="1003", recipient=Recipient.LEERPLICHT, out=out, by=IB,
                           on=date(2025, 12, 10))
    text = flat(pdf_text(out)).lower()
    assert "langdurig relatief verzuim" in text  # the case A itself is leerplicht's
    assert "karakter" not in text and "angststoornis" not in text and "psychiatrie" not in text
    assert "wachtlijst niet opgenomen in deze versie voor de leerplichtambtenaar" in text
    ouders = tmp_path / "ouders.pdf"
    exports.export_dossier(db, pupil_number="1003", recipient=Recipient.OUDERS, out=ouders, by=IB,
                           on=date(2025, 12, 10))
    assert "angststoornis" in flat(pdf_text(ouders)).lower()  # the parents get everything about their child
    db.close()
