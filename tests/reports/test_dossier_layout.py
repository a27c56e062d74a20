"""The dossier PDF on the demo school of 3 Dec 2026: a long table starts under its heading where there is
room, and is not moved whole to the next page (that left a page with one short block on it); the
leerplicht version prints the school's contact details."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.actors import IB
from tests.reports.conftest import pdf_pages
from verzuimdesk.reports.data import Recipient
from verzuimdesk.services.demo import DEMO_CONTACT, create_demo
from verzuimdesk.services.exports import export_dossier


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
