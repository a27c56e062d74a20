"""The dossier PDF says from when the pupil is leerplichtig, or that the birth date is missing, and names
each vrijstelling with its period (issue 14); the ground art. 5 onder a (lichamelijk of psychisch niet
geschikt) is a health ground, so only leerplicht (who granted it), the parents and the jeugdarts read it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DEMO_TODAY, cli
from tests.reports.conftest import flat, pdf_text
from verzuimdesk.demo import generate_demo

LAW = generate_demo(size=200, today=DEMO_TODAY).law_stories


def dossier(db: Path, out: Path, number: str, recipient: str) -> str:
    extra = {"leerplicht": ["--reden", "overleg over de vrijstelling"], "swv": ["--consent"]}.get(recipient, [])
    assert cli("export", "dossier", "--db", db, "--pupil", number, "--recipient", recipient, "--date",
               DEMO_TODAY.isoformat(), *extra, "--out", out) == 0
    return flat(pdf_text(out))


@pytest.mark.parametrize(("recipient", "ground"), [("leerplicht", True), ("ouders", True), ("jeugdarts", True),
                                                   ("swv", False)])
def test_the_vrijstelling_and_its_ground_follow_the_recipient(demo_db: Path, tmp_path: Path, recipient: str,
                                                              ground: bool) -> None:
    text = dossier(demo_db, tmp_path / "d.pdf", LAW["law_vrijstelling"], recipient)
    assert "Leerplichtig vanaf 1 dec 2023" in text
    assert "Vrijstelling" in text and "tot en met 4 jan 2027" in text
    assert ("art. 5 onder a, van" in text) is ground


def test_a_missing_birth_date_is_said_in_the_dossier(demo_db: Path, tmp_path: Path) -> None:
    text = dossier(demo_db, tmp_path / "d.pdf", LAW["law_no_birth_date"], "ouders")
    assert "Geboortedatum ontbreekt" in text
    assert "Leerplichtig geboortedatum ontbreekt, gerekend als leerplichtig" in text
    assert "Vrijstelling" not in text
