"""Tricky data, written the way a user writes it (through the services, no topic chosen), must not reach
leerplicht or DUO: a health talk on a day the pupil was present, a ZAT note about asthma, a note of a
medical visit, a health agreement in a talk about the verzuim. Read back from the PDFs with pypdf."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.actors import IB
from tests.reports.conftest import flat, open_db, pdf_text
from verzuimdesk.reports.data import Recipient
from verzuimdesk.services import exports
from verzuimdesk.services.conversations import AgreementInput, save_conversation
from verzuimdesk.services.dossier import for_recipient, load_dossier
from verzuimdesk.services.dossier_edit import register_event
from verzuimdesk.services.registration import record_absence
from verzuimdesk.storage.models import Pupil

# Words of the tricky entries below: none may appear in a leerplicht or DUO document.
HEALTH = ("astma", "inhalator", "kinderarts", "longarts", "benauwd", "medicijn", "prednison")
NOW = datetime(2025, 11, 21, 16, 0)


@pytest.fixture
def tricky(school_db: Path) -> Path:
    db = open_db(school_db)
    with db.read() as s:
        sem = s.scalar(select(Pupil.id).where(Pupil.number == "1003"))
    assert sem is not None
    # Sem is absent without leave on 17-20 Nov; on Fri 14 Nov he was in school, not sick.
    save_conversation(db, pupil_id=sem, kind="parents_phone", held_at=datetime(2025, 11, 14, 15, 0),
                      participants="moeder, IB-er", summary="Moeder vertelt dat Sem 's nachts benauwd is; astma.",
                      by=IB, now=NOW)
    save_conversation(db, pupil_id=sem, kind="parents_meeting", held_at=datetime(2025, 11, 19, 9, 0),
                      participants="vader, IB-er", summary="Vader komt praten over het verzuim van Sem.",
                      agreements=[AgreementInput("Sem komt maandag weer", "vader", date(2025, 11, 24)),
                                  AgreementInput("Vader maakt een afspraak bij de kinderarts", "vader")],
                      by=IB, now=NOW)
    register_event(db, pupil_id=sem, kind="care_team", day=date(2025, 11, 13),
                   note="ZAT: besproken wegens astma en frequent ziekteverzuim", by=IB, today=date(2025, 11, 21))
    record_absence(db, pupil_id=sem, day=date(2025, 11, 12), code="M",
                     note="bij de longarts, nieuwe medicijnen (prednison)", by=IB)
    db.close()
    return school_db


def _clean(text: str) -> None:
    low = flat(text).lower()
    assert [w for w in HEALTH if w in low] == []


def test_the_leerplicht_dossier_holds_no_health_word(tricky: Path, tmp_path: Path) -> None:
    db = open_db(tricky)
    out = tmp_path / "lp.pdf"
    exports.export_dossier(db, pupil_number="1003", recipient=Recipient.LEERPLICHT, out=out, by=IB,
                           on=date(2025, 11, 21))
    text = pdf_text(out)
    _clean(text)
    assert "Vader komt praten over het verzuim" in text and "Sem komt maandag weer" in text
    # Honest about what it left out, never "Geen ..." where something was left out.
    assert "niet opgenomen in deze versie voor de leerplichtambtenaar" in flat(text).lower()
    db.close()


def test_the_leerplicht_overview_holds_no_health_word(tricky: Path, tmp_path: Path) -> None:
    db = open_db(tricky)
    out = tmp_path / "ov.pdf"
    exports.export_overview(db, pupil_number="1003", recipient=Recipient.LEERPLICHT, start=date(2025, 11, 1),
                            end=date(2025, 11, 21), out=out, by=IB)
    text = pdf_text(out)
    _clean(text)
    assert "niet in deze versie" in text  # the medical visit's day is not shown as a day present
    db.close()


def test_the_duo_sheet_holds_no_health_word(tricky: Path, tmp_path: Path) -> None:
    db = open_db(tricky)
    out = tmp_path / "duo.pdf"
    exports.export_duo_report(db, pupil_number="1003", out=out, by=IB, on=date(2025, 11, 21))
    text = pdf_text(out)
    _clean(text)
    assert "Sem komt maandag weer" in text  # the verzuim agreement is there
    db.close()


def test_the_jeugdarts_gets_the_health_talk_and_not_the_verzuim_talk(tricky: Path) -> None:
    db = open_db(tricky)
    with db.read() as s:
        sem = s.scalar(select(Pupil.id).where(Pupil.number == "1003"))
    assert sem is not None
    d = for_recipient(load_dossier(db, pupil_id=sem, end=date(2025, 11, 21)), Recipient.JEUGDARTS)
    assert [c.summary[:20] for c in d.conversations] == ["Moeder vertelt dat S"]
    assert [e.note[:4] for e in d.events] == ["ZAT:"]
    ouders = for_recipient(load_dossier(db, pupil_id=sem, end=date(2025, 11, 21)), Recipient.OUDERS)
    assert len(ouders.conversations) == 3 and not ouders.withheld
    db.close()


def test_a_topic_the_writer_chose_wins_over_the_words(tricky: Path) -> None:
    db = open_db(tricky)
    with db.read() as s:
        sem = s.scalar(select(Pupil.id).where(Pupil.number == "1003"))
    assert sem is not None
    save_conversation(db, pupil_id=sem, kind="pupil", held_at=datetime(2025, 11, 20, 10, 0), participants="Sem",
                      summary="Sem zegt dat hij niet ziek was maar geen zin had.", topic="verzuim", by=IB,
                      now=NOW)
    save_conversation(db, pupil_id=sem, kind="pupil", held_at=datetime(2025, 11, 20, 11, 0), participants="Sem",
                      summary="Sem vertelt over de longfunctietest.", topic="gezondheid", by=IB, now=NOW)
    lp = for_recipient(load_dossier(db, pupil_id=sem, end=date(2025, 11, 21)), Recipient.LEERPLICHT)
    summaries = [c.summary for c in lp.conversations]
    assert "Sem zegt dat hij niet ziek was maar geen zin had." in summaries
    assert not any("longfunctietest" in t for t in summaries)
    db.close()


def test_a_report_or_plan_keeps_its_chosen_topic_when_changed_without_one(tricky: Path) -> None:
    from verzuimdesk.services.dossier_edit import add_plan, update_event, update_plan
    from verzuimdesk.storage.models import EventRow, PlanLink

    db = open_db(tricky)
    with db.read() as s:
        sem = s.scalar(select(Pupil.id).where(Pupil.number == "1003"))
        zat = s.scalar(select(EventRow.id).where(EventRow.kind == "care_team", EventRow.pupil_id == sem))
    assert sem is not None and zat is not None
    update_event(db, event_id=zat, kind="care_team", day=date(2025, 11, 13), note="ZAT: besproken", by=IB,
                 today=date(2025, 11, 21), topic="overig")
    update_event(db, event_id=zat, kind="care_team", day=date(2025, 11, 13), note="ZAT: besproken, verslag",
                 by=IB, today=date(2025, 11, 21))
    plan = add_plan(db, pupil_id=sem, kind="plan van aanpak", location="https://las.example/plan", start=date(2025, 11, 17),
                    by=IB).id
    update_plan(db, plan_id=plan, kind="plan van aanpak", location="https://las.example/plan", start=date(2025, 11, 17),
                note="evaluatie met vader", by=IB)
    with db.read() as s:
        assert s.get(EventRow, zat).topic == "overig"  # type: ignore[union-attr]
        assert s.get(PlanLink, plan).topic == "verzuim"  # type: ignore[union-attr]  # a plan van aanpak
    lp = for_recipient(load_dossier(db, pupil_id=sem, end=date(2025, 11, 21)), Recipient.LEERPLICHT)
    assert [pl.kind for pl in lp.plans] == ["plan van aanpak"] and not [e for e in lp.events if e.id == zat]
    db.close()


def test_an_agreement_its_writer_marks_as_health_stays_out_of_the_leerplicht_dossier(school_db: Path,
                                                                                    tmp_path: Path) -> None:
    """No health word gives it away: only the writer's choice keeps it from leerplicht."""
    from verzuimdesk.services.conversations import get_conversation

    db = open_db(school_db)
    with db.read() as s:
        sem = s.scalar(select(Pupil.id).where(Pupil.number == "1003"))
    assert sem is not None
    cid = save_conversation(db, pupil_id=sem, kind="parents_meeting", held_at=datetime(2025, 11, 19, 9, 0),
                            participants="vader, IB-er", summary="Vader komt praten over het verzuim van Sem.",
                            agreements=[AgreementInput("Sem komt maandag weer op tijd", "vader"),
                                        AgreementInput("Moeder brengt Sem donderdag naar de afspraak in Dordrecht", "moeder",
                                                       topic="gezondheid")],
                            by=IB, now=NOW, topic="verzuim").id
    stored = get_conversation(db, conversation_id=cid, by=IB)
    assert [a.topic for a in stored.agreements] == [None, "gezondheid"]
    out, ouders = tmp_path / "lp.pdf", tmp_path / "ouders.pdf"
    exports.export_dossier(db, pupil_number="1003", recipient=Recipient.LEERPLICHT, out=out, by=IB,
                           on=date(2025, 11, 21))
    exports.export_dossier(db, pupil_number="1003", recipient=Recipient.OUDERS, out=ouders, by=IB,
                           on=date(2025, 11, 21))
    db.close()
    text, parents = flat(pdf_text(out)), flat(pdf_text(ouders))
    assert "Sem komt maandag weer op tijd" in text and "Vader komt praten over het verzuim" in text
    assert "Dordrecht" not in text
    assert "naar de afspraak in Dordrecht" in parents  # the parents get everything about their child
