"""The verzuimdossier per recipient, read back from the PDF as the recipient would read it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.reports.conftest import SICK_TALK, UNRELATED_TALK, cli, open_db, pdf_pages, pdf_text
from verzuimdesk.storage.models import AuditEntry


def dossier(db: Path, out: Path, recipient: str, *extra: str, pupil: str = "1001") -> int:
    return cli("export", "dossier", "--db", db, "--pupil", pupil, "--recipient", recipient, "--out", out,
               "--date", "2025-11-21", *extra)


def test_ouders_get_everything_about_their_child(school_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ouders.pdf"
    assert dossier(school_db, out, "ouders") == 0
    text = pdf_text(out)
    assert "Zoë van der Berg" in text  # accents survive the font
    assert "ziek gemeld door moeder" in text
    assert "koorts, huisarts bezocht" in text
    assert "astma" in text and "Inhalator in de klas bewaren" in text
    assert "spijbelen met een vriendin" in text
    assert "Telefoongesprek met moeder" in text  # the event of events.csv


def test_leerplicht_gets_no_sickness_and_no_health_notes(school_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "leerplicht.pdf"
    assert dossier(school_db, out, "leerplicht") == 0
    text = pdf_text(out)
    assert "ziek gemeld door moeder" not in text
    assert "koorts" not in text and "huisarts" not in text
    assert "astma" not in text and "Inhalator" not in text and "jeugdarts / JGZ" not in text
    assert "ma 3 nov 2025" not in text and "di 4 nov 2025" not in text  # the sick days themselves
    # ... while the verzuim is all there.
    assert "spijbelen met een vriendin" in text
    assert "ongeoorloofd" in text
    assert "Elke ochtend melden bij de leerkracht" in text  # the agreement about the verzuim
    assert "geen ziekmeldingen" in text  # the reader is told what this version leaves out


def test_jeugdarts_gets_the_sick_episodes_but_not_unrelated_conversations(school_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "jeugdarts.pdf"
    assert dossier(school_db, out, "jeugdarts") == 0
    text = pdf_text(out)
    assert "ma 3 nov 2025" in text and "di 4 nov 2025" in text and "ma 17 nov 2025" in text
    assert SICK_TALK.split(";")[0][:30] in text
    assert UNRELATED_TALK[:30] not in text
    assert "spijbelen met een vriendin" not in text


def test_swv_without_consent_is_refused_and_writes_nothing(school_db: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "swv.pdf"
    assert dossier(school_db, out, "swv") == 1
    assert "alleen met toestemming van de ouders" in capsys.readouterr().err
    assert not out.exists()
    assert list(tmp_path.glob(".swv.pdf*")) == []
    db = open_db(school_db)
    with db.read() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all() == []
    db.close()


def test_swv_with_consent_gets_the_dossier_without_health_notes(school_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "swv.pdf"
    assert dossier(school_db, out, "swv", "--consent") == 0
    text = pdf_text(out)
    assert "toestemming van de ouders" in text
    assert "spijbelen met een vriendin" in text and UNRELATED_TALK[:30] in text
    assert "koorts" not in text and "astma" not in text


def test_every_export_is_audited_with_who_what_and_for_whom(school_db: Path, tmp_path: Path) -> None:
    assert dossier(school_db, tmp_path / "lp.pdf", "leerplicht") == 0
    db = open_db(school_db)
    with db.read() as s:
        (row,) = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).all()
        detail = json.loads(row.detail)
        assert row.user and row.pupil_id is not None and row.entity == "verzuimdossier"
        assert detail["ontvanger"] == "leerplicht" and detail["leerlingen"] == ["1001"]
        assert detail["document"] == "verzuimdossier" and detail["bestand"] == "lp.pdf"
    db.close()


def test_pages_are_numbered_page_of_total(school_db: Path, tmp_path: Path) -> None:
    from datetime import datetime

    from verzuimdesk.storage.models import Conversation, Pupil

    db = open_db(school_db)
    with db.begin() as s:
        pid = s.scalar(select(Pupil.id).where(Pupil.number == "1003"))
        for i in range(40):
            held = datetime(2025, 9, 1 + i % 28, 9, 0)
            s.add(Conversation(pupil_id=pid, kind="pupil", held_at=held, participants="Sem, leerkracht",
                               summary=f"Gesprek nummer {i} over de week van Sem. " * 4, updated_at=held))
    db.close()
    out = tmp_path / "sem.pdf"
    assert dossier(school_db, out, "ouders", pupil="1003") == 0
    pages = pdf_pages(out)
    assert len(pages) > 2
    for n, page in enumerate(pages, start=1):
        assert f"pagina {n} van {len(pages)}" in page
        assert "Vertrouwelijk" in page and "OBS De Klimop" in page


def test_unknown_pupil_and_bad_recipient(school_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    assert dossier(school_db, out, "ouders", pupil="9999") == 1
    assert "geen leerling met leerlingnummer 9999" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        dossier(school_db, out, "buren")
    assert info.value.code == 2
    assert not out.exists()
