"""The demo school shows each case of the law (PROTOCOLS.md §1b) in the stoplicht, as an IB-er opening
the demo sees it: a reported luxe episode, a kleuter's absence without a DUO report, a vrijstelling."""

from __future__ import annotations

from tests.services.test_status_cache import TODAY, db
from verzuimdesk.demo import generate_demo
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.services.status import PupilLight, school_status
from verzuimdesk.storage.database import Database

__all__ = ["db"]  # the fixture of test_status_cache, shared

LAW = generate_demo(size=200, today=TODAY).law_stories


def _pupil(db: Database, story: str) -> PupilLight:
    return next(p for p in school_status(db, TODAY).pupils if p.number == LAW[story])


def test_the_luxe_episode_asks_a_legal_duo_report_that_was_made(db: Database) -> None:
    p = _pupil(db, "law_luxe")
    (report,) = [a for a in p.status.actions if a.rule_id == "LUXE"]
    assert report.kind is ActionKind.DUO_REPORT and report.legal and report.done
    assert p.light.value == "green"


def test_the_kleuter_s_sixteen_hours_ask_the_school_s_talks_but_no_duo_report(db: Database) -> None:
    p = _pupil(db, "law_not_leerplichtig")
    assert p.unauthorised_hours >= 16
    assert not [a for a in p.status.actions if a.kind is ActionKind.DUO_REPORT]
    assert {r.rule_id for r in p.status.rules} == {"HW-ONG", "HW-ZAT"}  # HW-ZAT: the plain 16 hours


def test_the_vrijgestelde_pupil_has_nothing_to_do(db: Database) -> None:
    p = _pupil(db, "law_vrijstelling")
    assert p.light.value == "green" and not p.status.rules
