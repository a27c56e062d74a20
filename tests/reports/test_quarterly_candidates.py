"""Candidates on the SWV list through the services: confirmed as a case, or dismissed with a reason and back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.actors import IB
from tests.reports.conftest import open_db
from verzuimdesk.services.cases import CaseForm, dismiss_candidate, save_case, undo_dismissal
from verzuimdesk.services.quarterly import quarterly_list
from verzuimdesk.storage.database import DatabaseError
from verzuimdesk.storage.models import AuditEntry, CaseDismissal

DEC = date(2025, 12, 15)


def proposals(db, on: date = DEC, today: date | None = None) -> dict[str, tuple[str, date]]:  # type: ignore[no-untyped-def]
    return {r.pupil_label: (r.category, r.start) for r in quarterly_list(db, on=on, today=today).rows if r.proposal}


def test_confirming_a_candidate_makes_it_a_case_row(with_candidates: Path) -> None:
    db = open_db(with_candidates)
    try:
        found = {r.pupil_label: r for r in quarterly_list(db, on=DEC).rows if r.proposal}
        anais = found["A.d.V."]
        save_case(db, CaseForm(None, anais.pupil_id, anais.category, anais.start), on=DEC, by=IB)
        rows = {r.pupil_label: r for r in quarterly_list(db, on=DEC).rows}
        assert not rows["A.d.V."].proposal and rows["A.d.V."].category == "A"
        assert rows["A.d.V."].start == date(2025, 11, 3)
        assert "hoofdoorzaak" in rows["A.d.V."].missing and "DUO-melding" in rows["A.d.V."].missing
        assert proposals(db) == {"D.v.d.B.": ("B", date(2025, 11, 3))}
    finally:
        db.close()


def test_a_dismissed_candidate_is_kept_with_its_reason_and_can_come_back(with_candidates: Path) -> None:
    db = open_db(with_candidates)
    try:
        daniel = next(r for r in quarterly_list(db, on=DEC).rows if r.pupil_label == "D.v.d.B.")
        dismiss_candidate(db, pupil_id=daniel.pupil_id, start=daniel.start, category=daniel.category,
                          reason="Ziekenhuisopname, onderwijs via de ziekenhuisschool", on=DEC, by=IB)
        data = quarterly_list(db, on=DEC)
        assert "D.v.d.B." not in {r.pupil_label for r in data.rows} and data.proposals == 1
        assert [(r.pupil_label, r.dismissed) for r in data.dismissed] == [
            ("D.v.d.B.", "Ziekenhuisopname, onderwijs via de ziekenhuisschool")]
        undo_dismissal(db, pupil_id=daniel.pupil_id, start=daniel.start, by=IB)
        assert "D.v.d.B." in proposals(db) and not quarterly_list(db, on=DEC).dismissed
        with db.read() as s:
            logged = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "voorstel_afgewezen")).all()
        assert logged == ["create", "delete"]
    finally:
        db.close()


def test_dismissing_without_a_reason_is_refused_and_writes_nothing(with_candidates: Path) -> None:
    db = open_db(with_candidates)
    try:
        daniel = next(r for r in quarterly_list(db, on=DEC).rows if r.pupil_label == "D.v.d.B.")
        with pytest.raises(DatabaseError, match="geef een reden"):
            dismiss_candidate(db, pupil_id=daniel.pupil_id, start=daniel.start, category="B", reason="  ", on=DEC, by=IB)
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(CaseDismissal)) == 0
    finally:
        db.close()


def test_the_list_of_march_still_shows_no_december_candidate_but_the_december_list_does(
        with_candidates: Path) -> None:
    db = open_db(with_candidates)
    try:
        # made while the quarter runs: 3..7 Nov is one lesweek so far; by 1 Dec, five
        assert set(proposals(db, on=date(2025, 11, 7), today=date(2025, 11, 7))) == set()
        assert set(proposals(db, on=date(2025, 12, 1), today=date(2025, 12, 1))) == {"A.d.V.", "D.v.d.B."}
        # made after the quarter: any date of it gives the list of its reference date (PROTOCOLS.md §5)
        assert set(proposals(db, on=date(2025, 11, 7))) == {"A.d.V.", "D.v.d.B."}
        # The next quarter (16 Dec - 15 Mar) has no candidate day: they were back after 5 Dec.
        assert proposals(db, on=date(2026, 3, 15)) == {}
    finally:
        db.close()


def test_the_export_dialog_says_how_many_proposals_go_on_the_list(qtbot: object, with_candidates: Path) -> None:
    from PySide6.QtCore import QDate

    from verzuimdesk.ui import export_dialog

    db = open_db(with_candidates)
    try:
        dialog = export_dialog.ExportDialog(db, pupil_id=None, kind="quarterly", today=DEC, by=IB)
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        assert "2 pupils without a confirmed case are listed as proposals" in dialog.message.text()
        assert dialog.message.text().startswith("The list for the reference date ma 15 dec 2025.")
        assert dialog.path.text().endswith("kwartaalopgave-swv-2025-12-15.pdf")  # named as the list it holds
        dialog.end.setDate(QDate(2025, 11, 7))  # a day of the same quarter, which has ended: the same list
        assert "2 pupils without a confirmed case are listed as proposals" in dialog.message.text()
        dialog.end.setDate(QDate(2026, 3, 15))  # the next quarter: they were back after 5 Dec
        assert "proposals" not in dialog.message.text()
    finally:
        db.close()


def test_an_export_of_an_ended_quarter_holds_its_candidates_whichever_of_its_days_is_given(
        with_candidates: Path, tmp_path: Path) -> None:
    # `export quarterly --date D` chooses the quarter; a review found the 1 Dec date dropping the candidates
    # that became one later in the quarter (PROTOCOLS.md §5: every schooldag of the quarter)
    from verzuimdesk.services.exports import export_quarterly

    db = open_db(with_candidates)
    try:
        texts = []
        for on in (date(2025, 11, 7), DEC):
            out = tmp_path / f"kwartaal-{on}.csv"
            export_quarterly(db, on=on, out=out, by=IB)
            texts.append(out.read_text("utf-8-sig"))
        assert texts[0] == texts[1] and "A.d.V." in texts[0] and "D.v.d.B." in texts[0]
    finally:
        db.close()


def test_a_dismissal_reason_stays_with_the_school_and_off_the_list_for_the_swv(with_candidates: Path,
                                                                              tmp_path: Path) -> None:
    from tests.reports.conftest import flat, pdf_text
    from verzuimdesk.services.exports import export_quarterly

    db = open_db(with_candidates)
    try:
        daniel = next(r for r in quarterly_list(db, on=DEC).rows if r.pupil_label == "D.v.d.B.")
        dismiss_candidate(db, pupil_id=daniel.pupil_id, start=daniel.start, category=daniel.category,
                          reason="Daniël heeft een gebroken been en epilepsie", on=DEC, by=IB)
        out = tmp_path / "kwartaal.pdf"
        export_quarterly(db, on=DEC, out=out, by=IB)
        text = flat(pdf_text(out))
    finally:
        db.close()
    assert "1 voorstel(len) afgewezen door de school" in text and "D.v.d.B." in text
    assert "epilepsie" not in text and "Daniël" not in text


def test_the_export_from_the_kwartaal_page_writes_the_list_the_page_shows(qtbot: object, with_candidates: Path,
                                                                         tmp_path: Path) -> None:
    """With the peildatum on Friday 7 Nov 2025 the Kwartaal page shows the list as it stood that day: Anaïs
    and Daniël (absent from 3 Nov) are no candidates yet. Exporting from that page writes that list, not the
    one of the whole ended quarter."""
    import csv

    from verzuimdesk.ui import export_dialog

    peil = date(2025, 11, 7)
    db = open_db(with_candidates)
    try:
        page = quarterly_list(db, on=peil, today=peil)
        assert page.proposals == 0
        dialog = export_dialog.ExportDialog(db, pupil_id=None, kind="quarterly", today=peil, by=IB)
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        assert "proposals" not in dialog.message.text()
        out = tmp_path / "kwartaal.csv"
        dialog.path.setText(str(out))
        done = dialog.job()()
        assert done.proposals == 0
        rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
        assert [(r["Leerling"], r["Opgave"]) for r in rows] == [
            (r.pupil_label, "voorstel, nog niet bevestigd" if r.proposal else "bevestigd") for r in page.rows]
        assert "A.d.V." not in {r["Leerling"] for r in rows}
    finally:
        db.close()


@pytest.mark.parametrize("how", ["four", "vrijstelling"])
def test_a_pupil_not_leerplichtig_is_proposed_as_b_and_asked_no_duo_report(with_candidates: Path, how: str) -> None:
    """Anaïs, five lesweken absent without leave, as a 4-year-old or with a vrijstelling for the year: not a
    "leer- of kwalificatieplichtige leerling ... zonder vrijstelling" (sources/004, Cat. A), so proposed as
    B; confirmed as A all the same, her row asks for no DUO report (PROTOCOLS.md §1b)."""
    from tests.reports.conftest import flat
    from verzuimdesk.reports.quarterly import basis
    from verzuimdesk.services.exemptions import save_exemption
    from verzuimdesk.storage.models import Pupil

    db = open_db(with_candidates)
    try:
        anais = next(r for r in quarterly_list(db, on=DEC).rows if r.pupil_label == "A.d.V.")
        assert anais.category == "A"
        if how == "four":
            with db.begin() as s:
                s.get(Pupil, anais.pupil_id).birth_date = date(2021, 6, 1)  # type: ignore[union-attr]
        else:
            save_exemption(db, pupil_id=anais.pupil_id, start=date(2025, 8, 25), end=date(2026, 7, 10),
                           article="5a", by=IB)
        anais = next(r for r in quarterly_list(db, on=DEC).rows if r.pupil_label == "A.d.V.")
        assert anais.proposal and anais.category == "B" and anais.start == date(2025, 11, 3)
        assert "niet leerplichtig was (telt niet voor categorie A)" in flat(basis(anais))
        save_case(db, CaseForm(None, anais.pupil_id, "A", anais.start), on=DEC, by=IB)
        row = next(r for r in quarterly_list(db, on=DEC).rows if r.pupil_label == "A.d.V.")
        assert not row.proposal and row.category == "A" and row.proposed_category == "B"
        assert "hoofdoorzaak" in row.missing and "DUO-melding" not in row.missing
        sem = next(r for r in quarterly_list(db, on=DEC).rows if r.pupil_label == "S.J.")
        assert "DUO-melding" in sem.missing  # leerplichtig: asked
    finally:
        db.close()
