"""The dossier PDF on the demo school of 3 Dec 2026: a long table starts under its heading where there is
room, and is not moved whole to the next page (that left a page with one short block on it); the
leerplicht version prints the school's contact details."""

from __future__ import annotations

import getpass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from tests.actors import IB
from tests.reports.conftest import pdf_pages
from verzuimdesk.reports.data import Recipient
from verzuimdesk.services.demo import DEMO_CONTACT, create_demo
from verzuimdesk.services.exports import export_dossier, export_duo_report
from verzuimdesk.services.roles import SCHOOL_WIDE
from verzuimdesk.services.school_contact import signer
from verzuimdesk.storage.models import Staff


def _pages(tmp_path: Path, recipient: Recipient) -> list[str]:
    """The text per page of pupil 1027's dossier for `recipient`, on the demo of 3 Dec 2026 (its case block
    ended high on page 2, and the registrations went whole to page 3)."""
    db = create_demo(str(tmp_path / "demo.db"), today=date(2026, 12, 3))
    try:
        out = tmp_path / "dossier.pdf"
        export_dossier(db, pupil_number="1027", recipient=recipient, out=out, by=IB)
    finally:
        db.close()
    return pdf_pages(out)


def test_the_registrations_follow_on_the_same_page_and_repeat_their_header(tmp_path: Path) -> None:
    pages = _pages(tmp_path, Recipient.OUDERS)
    cases = next(i for i, text in enumerate(pages) if "Hoofdoorzaak" in text)  # the case block
    records = next(i for i, text in enumerate(pages) if "Verzuimregistraties" in text)
    assert records == cases  # room enough under the case block: the table starts there
    for text in pages[:-1]:
        assert len(text) > 600  # no page but the last nearly empty
    runs_on = [i for i, text in enumerate(pages) if i > records and "Opmerking" in text and "Gesprekken" not in text]
    assert all("Datum" in pages[i] for i in runs_on)  # the header row repeats where the table runs on


def test_the_demos_leerplicht_dossier_prints_the_schools_contact_and_directeur(tmp_path: Path) -> None:
    text = "\n".join(_pages(tmp_path, Recipient.LEERPLICHT))
    phone, email, director = DEMO_CONTACT
    assert phone in text and email in text and director in text


def test_without_accounts_the_schools_ib_er_draws_the_leerplicht_dossier_up_not_the_computers_login(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database without accounts (no one logs in): "Opgesteld door" names its one IB-er, not the
    computer's login ("root" on the machine a new user tried it on). With two IB-ers it cannot choose."""
    monkeypatch.setattr(getpass, "getuser", lambda: "root")
    db = create_demo(str(tmp_path / "demo.db"), size=60, today=date(2026, 12, 3))
    try:
        with db.begin() as s:
            s.execute(update(Staff).where(Staff.role == "ib").values(name="Ineke Bakker"))
        one = tmp_path / "one.pdf"
        export_dossier(db, pupil_number="1027", recipient=Recipient.LEERPLICHT, out=one, by=SCHOOL_WIDE,
                       reason="op verzoek van de leerplichtambtenaar")
        assert signer(db, SCHOOL_WIDE, login_if_unknown=False) == ("Ineke Bakker", "intern begeleider")
        with db.begin() as s:
            s.add(Staff(name="Ilse Boer", username="ilse", role="ib"))
        assert signer(db, SCHOOL_WIDE, login_if_unknown=False) == ("", "")  # a letter leaves it to fill in
        two = tmp_path / "two.pdf"
        export_dossier(db, pupil_number="1027", recipient=Recipient.LEERPLICHT, out=two, by=SCHOOL_WIDE,
                       reason="op verzoek van de leerplichtambtenaar")
    finally:
        db.close()
    one_text = "\n".join(pdf_pages(one))
    assert "Ineke Bakker, intern begeleider" in one_text and "root" not in one_text
    assert "root" in "\n".join(pdf_pages(two))


def test_the_dossiers_stappenplan_names_the_open_vervolgmelding_as_one(tmp_path: Path) -> None:
    """Guus (1027) owes DUO a vervolgmelding on 3 Dec 2026 (Te doen says so): the dossier's stappenplan
    names it so too, as the DUO sheet does."""
    text = " ".join("\n".join(_pages(tmp_path, Recipient.LEERPLICHT)).split())
    assert "open: vervolgmelding bij DUO (via de leerlingadministratie, verzuimregister), uiterlijk" in text


def test_a_duo_sheet_printed_after_its_due_date_says_the_term_has_passed(tmp_path: Path) -> None:
    """Guus's vervolgmelding was due ma 9 nov 2026: printed on 3 Dec the sheet says the term has passed
    (a new user read only "uiterlijk ma 9 nov"); printed before it, it does not."""
    db = create_demo(str(tmp_path / "demo.db"), today=date(2026, 12, 3))
    try:
        texts = []
        for printed in (date(2026, 12, 3), date(2026, 11, 6)):
            out = tmp_path / f"duo-{printed}.pdf"
            export_duo_report(db, pupil_number="1027", out=out, by=IB, on=date(2026, 12, 3), printed=printed)
            texts.append(" ".join("\n".join(pdf_pages(out)).split()))
    finally:
        db.close()
    late, early = texts
    assert "uiterlijk ma 9 nov 2026 (wettelijke termijn). De termijn is verstreken: meld zo snel mogelijk." in late
    assert "uiterlijk ma 9 nov 2026 (wettelijke termijn)." in early and "verstreken" not in early


def test_what_the_school_did_reads_as_done_not_as_a_command(tmp_path: Path) -> None:
    """The dossier's list of the school's actions and its Meldingen name a report made as what was done
    ("Melding DUO (verzuimregister)"), not as the command for an open one ("melden bij DUO ...")."""
    text = " ".join("\n".join(_pages(tmp_path, Recipient.LEERPLICHT)).split())
    done = text.split("Wat de school heeft gedaan")[1]
    assert "Melding DUO (verzuimregister)" in done and "Besproken in het ZAT" in done
    assert "melden bij DUO" not in done and "bespreken in het ZAT" not in done
