"""The ZAT-voorbereiding (internal, with signals) and the rule that signals never reach a document for
ouders, leerplicht, jeugdarts or the SWV."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import DEMO_TODAY
from tests.reports.conftest import cli, flat, pdf_text
from verzuimdesk.demo import generate_demo
from verzuimdesk.services.status import school_status
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.models import AuditEntry

TODAY = DEMO_TODAY
STORIES = generate_demo(size=200, today=TODAY).signal_stories
WEEKDAY = STORIES["signal_weekday"]
VINCE = "1015"  # 16 hours unauthorised, the DUO report overdue


@pytest.fixture
def demo(demo_db: Path) -> Path:
    """A copy of the shared demo school (tests/conftest.py): the exports write to its audit log."""
    return demo_db


def test_zat_preparation_holds_light_rules_actions_signals_and_agreements(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "zat.pdf"
    assert cli("export", "zat", "--db", demo, "--pupils", f"{WEEKDAY},{VINCE}", "--date", TODAY.isoformat(),
               "--out", out) == 0
    text = flat(pdf_text(out))
    assert "ZAT-voorbereiding (intern)" in text and "gaat niet naar ouders, leerplicht, jeugdarts" in text
    assert "Patroon op een weekdag: Vaak afwezig op maandag" in text and "standaardgrens" in text
    assert "bij aanhoudend ongeoorloofd verzuim: 16 uur op" in text
    assert "Vince Huisman" in text and "HW-16U" in text and "rood" in text
    assert "melden bij DUO (via de leerlingadministratie, verzuimregister) (wettelijk)" in text and "te laat" in text  # the open action
    assert "Melden bij DUO via de leerlingadministratie" in text  # an agreement of a conversation
    db = open_database(str(demo))
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "zat-voorbereiding")).one()
    db.close()
    assert entry.action == "export" and WEEKDAY in entry.detail and VINCE in entry.detail


def test_zat_preparation_refuses_an_unknown_pupil_and_writes_nothing(demo: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "zat.pdf"
    assert cli("export", "zat", "--db", demo, "--pupils", "9999", "--out", out) == 1
    assert "9999" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize("recipient", ["ouders", "leerplicht", "jeugdarts", "swv"])
def test_no_document_for_a_recipient_carries_a_signal(demo: Path, tmp_path: Path, recipient: str) -> None:
    db = open_database(str(demo))
    status = school_status(db, TODAY)
    db.close()
    by_number = {p.number: p for p in status.pupils}
    chosen = [by_number[STORIES[k]] for k in ("signal_weekday", "signal_siblings", "signal_late_sick_report",
                                                "signal_missing_data")]
    assert all(p.signals for p in chosen)
    for p in chosen:
        reason = ["--reden", "overleg over het verzuim"] if recipient == "leerplicht" else []
        for kind, extra in (("dossier", ["--date", TODAY.isoformat(), *reason]),
                            ("overview", ["--from", "2026-08-24", "--to", TODAY.isoformat(), *reason])):
            if kind == "overview" and p is not chosen[0]:
                continue
            out = tmp_path / f"{kind}-{p.number}.pdf"
            consent = ["--consent"] if recipient == "swv" else []
            assert cli("export", kind, "--db", demo, "--pupil", p.number, "--recipient", recipient, "--out", out,
                       *consent, *extra) == 0
            text = flat(pdf_text(out))
            for s in p.signals:
                assert flat(s.text)[:40] not in text and flat(s.basis)[:30] not in text, (kind, p.number, s.id)
            assert "signals.toml" not in text and "Signalen" not in text and "Vooruitblik" not in text
