"""The SWV quarterly list: which cases, which fields, initials or names, and files Excel reads right."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import DATA
from tests.reports.conftest import cli, flat, pdf_text
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.quarterly import (
    CATEGORIES,
    CLOSE_REASONS,
    INTERVENTIONS,
    MAIN_CAUSES,
    SHARE_TEXTS,
    WAITING_LIST,
    category_text,
    in_list,
    propose_category,
    quarter_start,
    reference_date,
    school_year_start,
)


def quarterly(db: Path, out: Path, *extra: str, on: str = "2025-11-25") -> int:
    return cli("export", "quarterly", "--db", db, "--date", on, "--out", out, *extra)


@pytest.mark.parametrize(("day", "ref"), [
    (date(2025, 9, 15), date(2025, 9, 15)),
    (date(2025, 9, 16), date(2025, 12, 15)),
    (date(2025, 12, 16), date(2026, 3, 15)),
    (date(2026, 1, 1), date(2026, 3, 15)),
    (date(2026, 6, 16), date(2026, 9, 15)),
    (date(2026, 3, 15), date(2026, 3, 15)),
])
def test_reference_date_is_the_first_fifteenth_on_or_after(day: date, ref: date) -> None:
    assert reference_date(day) == ref


def test_quarter_and_school_year_of_a_reference_date() -> None:
    assert quarter_start(date(2026, 3, 15)) == date(2025, 12, 16)
    assert quarter_start(date(2025, 9, 15)) == date(2025, 6, 16)
    assert school_year_start(date(2025, 9, 15)) == date(2025, 8, 1)
    assert school_year_start(date(2026, 6, 15)) == date(2025, 8, 1)


def test_which_cases_belong_on_the_list() -> None:
    ref = date(2026, 3, 15)
    assert in_list(date(2025, 11, 1), None, ref)  # open
    assert in_list(date(2025, 11, 1), date(2026, 2, 1), ref)  # closed in the quarter
    assert in_list(date(2025, 11, 1), date(2025, 12, 16), ref)  # closed on the first day of the quarter
    # Closed in the quarter before (PROTOCOLS.md §5: "within the quarter"): that quarter's list had it.
    assert not in_list(date(2025, 9, 1), date(2025, 10, 20), ref)
    assert not in_list(date(2025, 9, 1), date(2025, 12, 15), ref)  # closed on the previous reference date
    assert not in_list(date(2025, 3, 1), date(2025, 6, 2), ref)  # closed last school year
    assert not in_list(date(2026, 3, 16), None, ref)  # not started yet
    assert in_list(date(2025, 11, 1), date(2026, 4, 1), ref)  # still open on the reference date


def test_category_proposal_follows_the_share_of_unauthorised_absence() -> None:
    assert propose_category([(Category.UNAUTHORISED, 300), (Category.SICK, 200)]) == "A"
    assert propose_category([(Category.UNEXPLAINED, 250), (Category.SICK, 250)]) == "B"  # 50% is not "more than"
    assert propose_category([(Category.SICK, 600), (Category.AUTHORISED, 60), (Category.UNAUTHORISED, 90)]) == "B"
    assert propose_category([(Category.LATE, 0), (Category.PRESENT_ELSEWHERE, 330)]) is None


def test_pdf_lists_open_and_this_quarters_closed_cases_with_initials(with_cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.pdf"
    assert quarterly(with_cases, out) == 0
    text = pdf_text(out)
    assert "peildatum 15 dec 2025" in text
    assert "S.J." in text and "OT-2025-0003" in text  # Sem Jansen: initials and OT number
    assert "Z.v.d.B." in text  # Zoë's case B, closed in October, within the quarter
    assert "cumulatief" not in text and "dit kwartaal zijn afgerond" in flat(text)
    assert "Sem" not in text and "Jansen" not in text and "Zoë" not in text
    assert "A.d.V." not in text  # Anaïs's case closed last school year
    assert "D.v.d.B." not in text  # Daniël's case starts after the reference date
    text = flat(text)
    for field in ("Leerling wil niet naar school", "Inzet leerplicht", "17 nov 2025 t/m 7 dec 2025: Nee (0%)",
                  "8 dec 2025: Gedeeltelijk (50%)", "jeugdhulp (aangemeld)", "Lichamelijke oorzaak",
                  "Leerling volgt weer (>50%) onderwijs op (een) school", "20 okt 2025", "leerplicht (mw. De Groot)"):
        assert field in text
    assert "-2025" not in text.replace("OT-2025-", "")  # one date format: no 17-11-2025 beside 17 nov 2025
    assert "pagina 1 van 1" in text


def test_names_only_when_asked(with_cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.pdf"
    assert quarterly(with_cases, out, "--names") == 0
    text = flat(pdf_text(out))
    assert "Sem Jansen" in text and "Zoë van der Berg" in text


def test_xlsx_has_a_header_row_and_typed_cells(with_cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.xlsx"
    assert quarterly(with_cases, out) == 0
    wb = load_workbook(out)
    assert len(wb.sheetnames) == 1
    ws = wb.active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    assert header[:5] == ("School", "BRIN", "Leerling", "SWV/OT-nummer", "Groep")
    col = {name: i for i, name in enumerate(header)}
    assert {r[0] for r in rows[1:]} == {"OBS De Klimop"} and {r[1] for r in rows[1:]} == {"12AB"}
    by_pupil = {r[2]: r for r in rows[1:]}
    assert set(by_pupil) == {"S.J.", "Z.v.d.B."}
    sem = by_pupil["S.J."]
    assert sem[col["Startdatum"]] == datetime(2025, 11, 17)
    assert sem[col["Einddatum"]] is None
    assert sem[col["Onderwijs gevolgd (%)"]] == 50 and isinstance(sem[col["Onderwijs gevolgd (%)"]], int)
    assert sem[col["Volgt de leerling nog onderwijs op school?"]] == "Gedeeltelijk (50%)"
    assert sem[col["Onderwijs gevolgd, verloop"]] == "17-11-2025 t/m 07-12-2025: Nee (0%); 08-12-2025: Gedeeltelijk (50%)"
    assert sem[col["Categorie"]] == "Cat. A: Langdurig Relatief Verzuim (LRV)"
    assert sem[col["Voorstel categorie"]] == "Cat. A: Langdurig Relatief Verzuim (LRV)"  # four days unauthorised
    assert sem[col["Interventie (status)"]] == "Inzet leerplicht"
    assert sem[col["Hoofdoorzaak"]] == "Leerling wil niet naar school"
    assert sem[col["Wachtlijst"]] == "Op wachtlijst voor een behandeling / opname, namelijk"
    assert sem[col["Wachtlijst, namelijk"]] == "jeugdhulp (aangemeld)"
    assert sem[col["Opgave"]] == "bevestigd"
    zoe = by_pupil["Z.v.d.B."]
    assert isinstance(zoe[col["Einddatum"]], datetime) and zoe[col["Einddatum"]] == datetime(2025, 10, 20)


def test_csv_is_semicolon_utf8_with_bom(with_cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.csv"
    assert quarterly(with_cases, out, "--names") == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("School;BRIN;Leerling;SWV/OT-nummer;Groep;Opgave;Categorie;")
    assert any(line.startswith("OBS De Klimop;12AB;Zoë van der Berg;") and ";20-10-2025;" in line for line in lines)


def test_unknown_format_is_refused_without_a_file(with_cases: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert quarterly(with_cases, tmp_path / "q.docx") == 1
    assert "eindigt op .pdf of .xlsx of .csv" in capsys.readouterr().err
    assert list(tmp_path.glob("q*")) == []


def test_candidates_without_a_case_are_listed_as_proposals_and_counted(with_candidates: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "q.xlsx"
    assert quarterly(with_candidates, out, on="2025-12-15") == 0
    assert "2 voorstellen nog niet bevestigd" in capsys.readouterr().err
    ws = load_workbook(out).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    col = {name: i for i, name in enumerate(rows[0])}
    by_pupil = {r[col["Leerling"]]: r for r in rows[1:]}
    assert set(by_pupil) == {"S.J.", "Z.v.d.B.", "D.v.d.B.", "A.d.V."}
    anais, daniel = by_pupil["A.d.V."], by_pupil["D.v.d.B."]
    assert anais[col["Opgave"]] == daniel[col["Opgave"]] == "voorstel, nog niet bevestigd"
    assert anais[col["Categorie"]] == "Cat. A: Langdurig Relatief Verzuim (LRV)"
    assert daniel[col["Categorie"]] == "Cat. B: Langdurig (geoorloofd) verzuim (Risicoleerling)"
    assert anais[col["Startdatum"]] == daniel[col["Startdatum"]] == datetime(2025, 11, 3)
    assert "5 lesweken 100% afwezig" in anais[col["Onderbouwing voorstel"]]
    assert by_pupil["S.J."][col["Opgave"]] == "bevestigd"


def test_the_pdf_marks_proposals_and_one_date_format(with_candidates: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.pdf"
    assert quarterly(with_candidates, out, on="2025-12-15") == 0
    text = flat(pdf_text(out))
    assert "voorstel, nog niet bevestigd" in text and "2 leerlingen staan als voorstel op de lijst" in text
    assert "3 nov 2025 (voorstel)" in text


def test_since_covers_every_case_since_a_date(with_cases: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "q.csv"
    assert quarterly(with_cases, out, "--since", "2025-01-01") == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "A.d.V." in text  # closed on 2 Jun 2025, last school year
    assert "D.v.d.B." not in text  # starts after the reference date
    assert quarterly(with_cases, tmp_path / "r.csv", "--since", "2026-01-01") == 1
    assert "ligt na de datum van de opgave" in capsys.readouterr().err
    assert not (tmp_path / "r.csv").exists()


def test_every_option_text_is_word_for_word_in_the_swv_toelichting() -> None:
    seed = DATA / "sources" / "004_85cbbc889f26312f.txt"  # a copy of the SWV's toelichting (the seed)
    text = " ".join(seed.read_text(encoding="utf-8").replace("**", "").split())
    options = [*CATEGORIES.values(), *(c for causes in MAIN_CAUSES.values() for c in causes), *INTERVENTIONS,
               *SHARE_TEXTS.values(), WAITING_LIST, *CLOSE_REASONS]
    assert [o for o in options if o not in text] == []
    assert all(category_text(c) in text for c in CATEGORIES)


def test_a_case_whose_pupil_is_back_gets_the_engines_proposal_to_close(with_cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "q.xlsx"
    assert quarterly(with_cases, out, on="2025-12-15") == 0
    ws = load_workbook(out).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    col = {name: i for i, name in enumerate(rows[0])}
    sem = next(r for r in rows[1:] if r[col["Leerling"]] == "S.J.")
    # Absent 17..20 Nov, at school since: closing proposed, the einddatum verzuim his last absent day.
    assert sem[col["Voorstel afronding"]] == datetime(2025, 11, 20)
    assert sem[col["Einddatum"]] is None  # a proposal, nothing closed


def test_a_case_closed_in_an_earlier_quarter_is_not_on_the_next_lists(with_cases: Path, tmp_path: Path) -> None:
    """Zoë's case closed on 20 Oct 2025 is on the list of 15 Dec 2025 (its quarter), not on those of 15 Mar
    and 15 Jun 2026: the list holds the cases open or closed within the quarter (PROTOCOLS.md §5)."""
    for on, expected in (("2025-12-15", {"S.J.", "Z.v.d.B."}), ("2026-03-15", {"S.J.", "D.v.d.B."}),
                         ("2026-06-15", {"S.J.", "D.v.d.B."})):
        out = tmp_path / f"q-{on}.xlsx"
        assert quarterly(with_cases, out, on=on) == 0
        ws = load_workbook(out).active
        assert ws is not None
        rows = list(ws.iter_rows(values_only=True))
        col = {name: i for i, name in enumerate(rows[0])}
        assert {r[col["Leerling"]] for r in rows[1:] if r[col["Opgave"]] == "bevestigd"} == expected, on


def test_an_ended_quarters_list_holds_no_share_end_after_its_reference_date(with_cases: Path, tmp_path: Path) -> None:
    """Sem's share changed on 10 Jan 2026 and his DUO report was made on 12 Jan: the list of 15 Dec 2025 made
    after that still shows the share of 15 Dec as running and no report, with no date of January (the
    quarter did not know it)."""
    from sqlalchemy import select

    from tests.reports.conftest import open_db
    from verzuimdesk.storage.models import CareCase, CaseShare

    out = tmp_path / "before.csv"
    assert quarterly(with_cases, out, on="2025-12-15") == 0
    before = out.read_text(encoding="utf-8-sig")
    db = open_db(with_cases)
    with db.begin() as s:
        case = s.scalars(select(CareCase).where(CareCase.start == date(2025, 11, 17))).one()
        case.shares[-1].until = date(2026, 1, 9)
        case.shares.append(CaseShare(since=date(2026, 1, 10), share=100))
        case.duo_report_date, case.duo_report_number = date(2026, 1, 12), "LRV-2026-7"  # reported in January
    db.close()
    out = tmp_path / "after.csv"
    assert quarterly(with_cases, out, on="2025-12-15") == 0
    after = out.read_text(encoding="utf-8-sig")
    assert "2026" not in after.replace("15-12-2025", "")
    assert "17-11-2025 t/m 07-12-2025: Nee (0%); 08-12-2025: Gedeeltelijk (50%)" in after
    assert "LRV-2026-7" not in after
    assert after == before


def test_one_row_per_pupil_the_open_case_before_one_closed_in_the_quarter(with_cases: Path, tmp_path: Path) -> None:
    """Zoë's case closed on 20 Oct 2025 and a new one opened on 3 Nov: PROTOCOLS.md §5 asks one row per
    pupil, so the list of 15 Dec has one row for her, the open case."""
    from tests.reports.conftest import open_db
    from verzuimdesk.storage.models import CareCase, Pupil

    db = open_db(with_cases)
    with db.begin() as s:
        zoe = s.query(Pupil).filter(Pupil.number == "1001").one()
        s.add(CareCase(pupil_id=zoe.id, category="B", start=date(2025, 11, 3), main_cause="Psychische oorzaak"))
    db.close()
    out = tmp_path / "q.xlsx"
    assert quarterly(with_cases, out, on="2025-12-15") == 0
    ws = load_workbook(out).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    col = {name: i for i, name in enumerate(rows[0])}
    zoes = [r for r in rows[1:] if r[col["Leerling"]] == "Z.v.d.B."]
    assert len(zoes) == 1
    assert zoes[0][col["Startdatum"]] == datetime(2025, 11, 3) and zoes[0][col["Einddatum"]] is None
    assert len(rows) - 1 == len({r[col["Leerling"]] for r in rows[1:]})


def test_an_open_case_of_a_pupil_who_left_is_proposed_to_close_as_deregistered(with_candidates: Path,
                                                                               tmp_path: Path) -> None:
    """Anaïs left on 30 Jan 2026 with her case still open: the list of 15 Mar proposes closing it per that
    day with "Leerling is van school uitgeschreven" (the SWV's own closing reason)."""
    from tests.actors import IB
    from tests.reports.conftest import open_db
    from verzuimdesk.services.cases import CaseForm, save_case
    from verzuimdesk.services.quarterly import quarterly_list

    db = open_db(with_candidates)
    try:
        anais = next(r for r in quarterly_list(db, on=date(2025, 12, 15)).rows if r.pupil_label == "A.d.V.")
        save_case(db, CaseForm(None, anais.pupil_id, "A", anais.start), on=date(2025, 12, 15), by=IB)
        dec = next(r for r in quarterly_list(db, on=date(2025, 12, 15)).rows if r.pupil_label == "A.d.V.")
        # still enrolled on 15 Dec, and back at school since 8 Dec
        assert (dec.proposed_end, dec.proposed_close_reason) == (date(2025, 12, 5), CLOSE_REASONS[0])
        mar = next(r for r in quarterly_list(db, on=date(2026, 3, 15)).rows if r.pupil_label == "A.d.V.")
        assert (mar.proposed_end, mar.proposed_close_reason) == (date(2026, 1, 30), "Leerling is van school uitgeschreven")
    finally:
        db.close()
    out = tmp_path / "q.pdf"
    assert quarterly(with_candidates, out, on="2026-03-15") == 0
    assert "voorstel: afronden per 30 jan 2026 (Leerling is van school uitgeschreven)" in flat(pdf_text(out))


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx", ".csv"])
def test_a_free_text_naming_health_stays_at_school(with_cases: Path, tmp_path: Path, suffix: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Sem's waiting list names a clinic for eating disorders and his regiehouder the GGZ: neither goes to the
    SWV (DESIGN.md: never what the illness is). The field is left out, its cell says so, and the export
    names the pupil's initials and the field; the fact of the waiting list stays on the list."""
    import zipfile

    from sqlalchemy import select

    from tests.reports.conftest import open_db
    from verzuimdesk.storage.models import AuditEntry, CareCase

    db = open_db(with_cases)
    with db.begin() as s:
        case = s.scalars(select(CareCase).where(CareCase.start == date(2025, 11, 17))).one()
        case.waiting_list, case.regiehouder = "Karakter, opname kliniek eetstoornissen", "GGZ-behandelaar Jansen"
    db.close()
    out = tmp_path / f"q{suffix}"
    assert quarterly(with_cases, out, on="2025-12-15") == 0
    err = capsys.readouterr().err
    assert "S.J.: Wachtlijst, namelijk (noemt kliniek, eetstoornissen)" in err
    assert "S.J.: Regiehouder (noemt ggz)" in err
    if suffix == ".pdf":
        text = flat(pdf_text(out))
    elif suffix == ".xlsx":
        with zipfile.ZipFile(out) as z:
            text = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    else:
        text = out.read_text(encoding="utf-8-sig")
    for word in ("kliniek", "eetstoornis", "GGZ", "Karakter"):
        assert word not in text
    assert "niet opgenomen: noemt de gezondheid" in text and WAITING_LIST in text
    db = open_db(with_cases)
    with db.read() as s:
        detail = s.scalars(select(AuditEntry.detail).where(AuditEntry.entity == "kwartaalopgave")).all()[-1]
    db.close()
    assert "S.J.: Wachtlijst, namelijk" in str(detail) and "eetstoornis" not in str(detail)
