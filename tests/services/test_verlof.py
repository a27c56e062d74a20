"""Verlofaanvragen: siblings in one request, the directeur's decision, the grid filled and undone, luxe proposed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.actors import ib
from verzuimdesk.domain.verlof import Decision
from verzuimdesk.services.accounts import Account, Role
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.registration import record_absence
from verzuimdesk.services.status import school_status
from verzuimdesk.services.verlof import (
    add_request,
    decide,
    family_of,
    list_requests,
)
from verzuimdesk.services.verlof_luxe import confirm_luxe, luxe_proposals
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Absence, AbsenceCodeRow, AuditEntry, Pupil

IB = Account("ib", "Ilse de IB-er", Role.IB)
DIRECTEUR = Account("dir", "Dirk Directeur", Role.MANAGEMENT)
TEACHER = Account("juf", "Juf Anna", Role.TEACHER, ("5",))


@pytest.fixture
def db(plain_school: Database) -> Database:
    """The test school with its four pupils, no absences (tests/conftest.py)."""
    return plain_school


def grid(db: Database) -> list[tuple[str, date, str]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(Pupil.number, Absence.day, AbsenceCodeRow.code).join(Pupil).join(AbsenceCodeRow)
            .order_by(Pupil.number, Absence.day))]


def pid(db: Database, number: str) -> int:
    with db.read() as s:
        return s.scalar(select(Pupil.id).where(Pupil.number == number))  # type: ignore[return-value]


def test_siblings_are_found_by_their_family_and_asked_for_in_one_request(db: Database) -> None:
    assert family_of(db, pupil_number="1001") == ["1001", "1002"]
    req = add_request(db, by=IB, pupil_numbers=family_of(db, pupil_number="1002"), start=date(2026, 3, 2),
                      end=date(2026, 3, 6), article="13a", reason="Vader werkt in de horeca", employer_statement=True,
                      documents="werkgeversverklaring", requested_by="M. van der Berg", requested_on=date(2026, 1, 5))
    assert [p.number for p in req.pupils] == ["1001", "1002"]
    assert all(len(p.days) == 5 and not p.findings for p in req.pupils)
    assert req.decision is Decision.PENDING
    assert [r.id for r in list_requests(db, by=IB, pupil_number="1002")] == [req.id]


def test_granted_leave_fills_the_grid_with_v_and_reversing_the_decision_takes_exactly_those_away(
        db: Database) -> None:
    record_absence(db, pupil_id=pid(db, "1001"), day=date(2026, 3, 3), code="?", by=ib('juf'))
    record_absence(db, pupil_id=pid(db, "1002"), day=date(2026, 3, 4), code="Z", by=ib('juf'))
    req = add_request(db, by=IB, pupil_numbers=["1001", "1002"], start=date(2026, 3, 2), end=date(2026, 3, 4),
                      article="11", reason="Bruiloft van oom in Marokko")
    before = {p.number: p for p in school_status(db, peildatum=date(2026, 3, 4)).pupils}  # cached now
    assert [r for r in before["1001"].status.rules if r.rule_id == "UNEXPLAINED"]
    done = decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.GRANTED)
    assert done.added == 5 and done.skipped == ("1002 op wo 4 mrt 2026 (Z)",)
    assert grid(db) == [("1001", date(2026, 3, 2), "V"), ("1001", date(2026, 3, 3), "V"),
                        ("1001", date(2026, 3, 4), "V"), ("1002", date(2026, 3, 2), "V"),
                        ("1002", date(2026, 3, 3), "V"), ("1002", date(2026, 3, 4), "Z")]
    # the status sees authorised leave, not unexplained absence
    status = {p.number: p for p in school_status(db, peildatum=date(2026, 3, 4)).pupils}
    assert not [r for r in status["1001"].status.rules if r.rule_id == "UNEXPLAINED"]
    reversed_ = decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.REFUSED, note="Geen gewichtige reden")
    assert reversed_.removed == 5
    assert grid(db) == [("1001", date(2026, 3, 3), "?"), ("1002", date(2026, 3, 4), "Z")]  # the ? is back
    with db.read() as s:
        kinds = [(a.action, a.entity) for a in s.scalars(select(AuditEntry).where(AuditEntry.user == "dir"))]
    assert ("delete", "absence") in kinds and ("update", "verlof") in kinds


def test_reversing_granted_leave_gives_the_day_its_unexplained_record_back_to_propose_as_luxe(
        db: Database) -> None:
    from datetime import time

    record_absence(db, pupil_id=pid(db, "1001"), day=date(2026, 3, 4), code="?", by=ib('juf'),
                   note="niet op school, niemand belde")
    record_absence(db, pupil_id=pid(db, "1001"), day=date(2026, 3, 5), code="?", by=ib('juf'),
                   start=time(8, 30), end=time(10, 0))
    req = add_request(db, by=IB, pupil_numbers=["1001"], start=date(2026, 3, 2), end=date(2026, 3, 6),
                      article="13a", reason="Horeca", employer_statement=True, requested_on=date(2026, 1, 5))
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.GRANTED, on=date(2026, 1, 10))
    assert [c for _, _, c in grid(db)] == ["V"] * 5
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.REFUSED, note="Herzien", on=date(2026, 1, 20))
    assert grid(db) == [("1001", date(2026, 3, 4), "?"), ("1001", date(2026, 3, 5), "?")]
    with db.read() as s:
        back = {a.day: a for a in s.scalars(select(Absence))}
    assert back[date(2026, 3, 4)].note == "niet op school, niemand belde"
    assert (back[date(2026, 3, 5)].start, back[date(2026, 3, 5)].end) == (time(8, 30), time(10, 0))
    assert [(p.number, p.day) for p in luxe_proposals(db, by=IB)] == [("1001", date(2026, 3, 4)),
                                                                     ("1001", date(2026, 3, 5))]
    # granted again and reversed again: still the same two records, once each
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.GRANTED, on=date(2026, 1, 21))
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.PENDING)
    assert grid(db) == [("1001", date(2026, 3, 4), "?"), ("1001", date(2026, 3, 5), "?")]


def test_only_the_directeur_decides_and_a_teacher_records_no_request(db: Database) -> None:
    req = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 2),
                      article="11", reason="Begrafenis")
    with pytest.raises(Refused, match="directeur"):
        decide(db, by=IB, request_id=req.id, decision=Decision.GRANTED)
    with pytest.raises(Refused):
        add_request(db, by=TEACHER, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 2),
                    article="11", reason="Begrafenis")
    assert grid(db) == []


def test_the_law_stops_a_grant_and_the_directeur_passes_long_leave_to_leerplicht(db: Database) -> None:
    too_long = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 16),
                           article="13a", reason="Wintersport", employer_statement=True)
    with pytest.raises(Refused, match="ten hoogste 10 schooldagen"):
        decide(db, by=DIRECTEUR, request_id=too_long.id, decision=Decision.GRANTED)
    long_11 = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 16),
                          article="11", reason="Ernstige ziekte van grootmoeder in het buitenland")
    with pytest.raises(Refused, match="leerplichtambtenaar"):
        decide(db, by=DIRECTEUR, request_id=long_11.id, decision=Decision.GRANTED)
    decide(db, by=DIRECTEUR, request_id=long_11.id, decision=Decision.LEERPLICHT)
    assert grid(db) == []
    done = decide(db, by=DIRECTEUR, request_id=long_11.id, decision=Decision.GRANTED, by_leerplicht=True)
    assert done.added == 11


def test_the_directeur_cannot_refuse_leave_only_leerplicht_decides_and_a_refusal_changes_nothing(
        db: Database) -> None:
    long_11 = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 16),
                          article="11", reason="Familiebezoek", requested_on=date(2026, 2, 1))
    with pytest.raises(Refused, match="weigert alleen de leerplichtambtenaar"):
        decide(db, by=DIRECTEUR, request_id=long_11.id, decision=Decision.REFUSED, note="te lang")
    assert list_requests(db, by=IB)[0].decision is Decision.PENDING
    done = decide(db, by=DIRECTEUR, request_id=long_11.id, decision=Decision.REFUSED, note="te lang",
                  by_leerplicht=True)
    assert done.request.decision is Decision.REFUSED


def _bezwaar(db: Database, number: str, template: str, request_id: int) -> str:
    from verzuimdesk.services.letters import preview_letter

    text = preview_letter(db, by=DIRECTEUR, pupil_number=number, template=template, verlof_id=request_id,
                          on=date(2026, 3, 20))
    return text[text.index("bezwaar maken bij"):].split(".")[0]


def test_the_bezwaar_clause_names_whoever_decided_also_in_a_letter_printed_later(db: Database) -> None:
    vakantie = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 16),
                           article="13a", reason="Seizoenswerk", employer_statement=True,
                           requested_on=date(2026, 1, 5))
    decide(db, by=DIRECTEUR, request_id=vakantie.id, decision=Decision.REFUSED, note="te lang")
    assert "directeur van de school" in _bezwaar(db, "1003", "verlof-geweigerd", vakantie.id)
    # over 10 days only with earlier leave: leerplicht decides, so the college van B&W hears the bezwaar
    earlier = add_request(db, by=IB, pupil_numbers=["1001"], start=date(2026, 1, 12), end=date(2026, 1, 19),
                          article="11", reason="Begrafenis", requested_on=date(2026, 1, 5))
    decide(db, by=DIRECTEUR, request_id=earlier.id, decision=Decision.GRANTED)
    five = add_request(db, by=IB, pupil_numbers=["1001"], start=date(2026, 3, 2), end=date(2026, 3, 6),
                       article="11", reason="Bruiloft", requested_on=date(2026, 2, 1))
    decide(db, by=DIRECTEUR, request_id=five.id, decision=Decision.REFUSED, note="geen gewichtige reden",
           by_leerplicht=True)
    assert "college van burgemeester en wethouders" in _bezwaar(db, "1001", "verlof-geweigerd", five.id)
    decide(db, by=DIRECTEUR, request_id=earlier.id, decision=Decision.PENDING)  # no longer over 10 days now
    assert "college van burgemeester en wethouders" in _bezwaar(db, "1001", "verlof-geweigerd", five.id)
    short = add_request(db, by=IB, pupil_numbers=["1001"], start=date(2026, 3, 9), end=date(2026, 3, 10),
                        article="11", reason="Jubileum", requested_on=date(2026, 2, 1))
    decide(db, by=DIRECTEUR, request_id=short.id, decision=Decision.GRANTED)
    assert "directeur van de school" in _bezwaar(db, "1001", "verlof-verleend", short.id)


def test_a_decision_dated_before_the_request_is_refused_and_a_request_made_afterwards_is_said(
        db: Database) -> None:
    req = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 5, 11), end=date(2026, 5, 12),
                      article="11", reason="Begrafenis", requested_on=date(2026, 4, 1))
    with pytest.raises(Refused, match="niet van vóór de aanvraag"):
        decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.GRANTED, on=date(2024, 1, 1))
    assert grid(db) == [] and list_requests(db, by=IB)[0].decided_on is None
    late = add_request(db, by=IB, pupil_numbers=["1001"], start=date(2026, 1, 19), end=date(2026, 1, 23),
                       article="11", reason="Begrafenis van opa", requested_on=date(2026, 1, 26))
    assert any("aangevraagd na de eerste verlofdag" in f for f in late.pupils[0].findings)
    assert decide(db, by=DIRECTEUR, request_id=late.id, decision=Decision.GRANTED, on=date(2026, 1, 26)).added == 5
    assert not [f for f in add_request(db, by=IB, pupil_numbers=["1002"], start=date(2026, 1, 19),
                                       end=date(2026, 1, 23), article="11", reason="Bruiloft",
                                       requested_on=date(2026, 1, 19)).pupils[0].findings]


@pytest.mark.parametrize(("reason", "note"), [
    ("Opa is terminaal en krijgt palliatieve zorg in het hospice in Paramaribo", "Opa ligt op de IC na een hartinfarct"),
    ("Oma heeft alzheimer en is in de stervensfase", "Oma had een beroerte (CVA), nu op de intensive care"),
    ("Opa ligt op de IC", "Oma is in behandeling op de oncologie, chemo in het ziekenhuis"),
])
def test_the_letter_to_leerplicht_quotes_no_health_detail_of_the_reason_or_the_note(
        db: Database, reason: str, note: str) -> None:
    from verzuimdesk.services.letters import preview_letter

    req = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 16),
                      article="11", reason=reason, requested_on=date(2026, 2, 1))
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.LEERPLICHT, note=note, on=date(2026, 2, 2))
    text = preview_letter(db, by=DIRECTEUR, pupil_number="1003", template="verlof-aan-leerplicht",
                          verlof_id=req.id, on=date(2026, 2, 2))
    for word in ("terminaal", "palliatie", "hospice", "IC", "hartinfarct", "alzheimer", "stervensfase",
                 "beroerte", "CVA", "intensive care", "oncologie", "chemo", "ziekenhuis"):
        assert word not in text
    assert "wordt in deze brief niet overgenomen" in text
    # to the parents the letter keeps the reason (theirs)
    parents = preview_letter(db, by=DIRECTEUR, pupil_number="1003", template="verlof-doorgestuurd",
                             verlof_id=req.id, on=date(2026, 2, 2))
    assert "leerplichtambtenaar" in parents


def test_the_letter_to_leerplicht_keeps_a_reason_without_health_and_ict_is_no_health_word(db: Database) -> None:
    from verzuimdesk.services.letters import preview_letter

    req = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 16),
                      article="11", reason="Bruiloft van een broer in Marokko", requested_on=date(2026, 2, 1))
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.LEERPLICHT, note="Vader werkt in de ICT",
           on=date(2026, 2, 2))
    text = preview_letter(db, by=DIRECTEUR, pupil_number="1003", template="verlof-aan-leerplicht",
                          verlof_id=req.id, on=date(2026, 2, 2))
    assert "Bruiloft van een broer in Marokko" in text and "Vader werkt in de ICT" in text


def test_a_second_vakantieverlof_in_the_year_cannot_be_granted(db: Database) -> None:
    first = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 3),
                        article="13a", reason="Seizoenswerk", employer_statement=True)
    decide(db, by=DIRECTEUR, request_id=first.id, decision=Decision.GRANTED)
    second = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 6, 1), end=date(2026, 6, 2),
                         article="13a", reason="Seizoenswerk", employer_statement=True)
    assert any("één keer per schooljaar" in f for f in second.pupils[0].findings)
    with pytest.raises(Refused, match="één keer per schooljaar"):
        decide(db, by=DIRECTEUR, request_id=second.id, decision=Decision.GRANTED)


def test_absence_on_refused_days_is_proposed_as_luxe_and_confirming_asks_for_the_luxe_report(db: Database) -> None:
    req = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 4),
                      article="13a", reason="Goedkopere vlucht", employer_statement=False)
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.REFUSED, note="Geen werkgeversverklaring")
    for day in (date(2026, 3, 2), date(2026, 3, 3)):
        record_absence(db, pupil_id=pid(db, "1003"), day=day, code="Z", by=ib('juf'))
    record_absence(db, pupil_id=pid(db, "1003"), day=date(2026, 3, 5), code="Z", by=ib('juf'))  # after the leave
    proposals = luxe_proposals(db, by=IB)
    assert [(p.number, p.day, p.code) for p in proposals] == [("1003", date(2026, 3, 2), "Z"),
                                                             ("1003", date(2026, 3, 3), "Z")]
    assert grid(db)[0][2] == "Z"  # a proposal changes nothing by itself
    with pytest.raises(Refused):
        confirm_luxe(db, by=DIRECTEUR, record_ids=[p.record_id for p in proposals])
    done = confirm_luxe(db, by=IB, record_ids=[p.record_id for p in proposals])
    assert done.pupils == ("1003",) and "DUO" in done.message
    assert [c for _, _, c in grid(db)] == ["X", "X", "Z"]
    assert luxe_proposals(db, by=IB) == []
    status = {p.number: p for p in school_status(db, peildatum=date(2026, 3, 5)).pupils}["1003"]
    luxe = [a for a in status.status.actions if a.rule_id == "LUXE"]
    assert luxe and luxe[0].kind.value == "duo_report" and not luxe[0].done


def test_leave_granted_after_its_days_were_confirmed_as_luxe_takes_the_luxe_and_its_duo_report_back(
        db: Database) -> None:
    for day, code in ((date(2026, 3, 9), "?"), (date(2026, 3, 10), "Z")):
        record_absence(db, pupil_id=pid(db, "1003"), day=day, code=code, by=ib('juf'), note=f"{code} van juf")
    req = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 9), end=date(2026, 3, 10),
                      article="11", reason="Bruiloft tante", requested_on=date(2026, 2, 1))
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.REFUSED, note="nee", on=date(2026, 2, 5))
    confirm_luxe(db, by=IB, record_ids=[p.record_id for p in luxe_proposals(db, by=IB)])
    assert [c for _, _, c in grid(db)] == ["X", "X"]

    def luxe_actions() -> list[object]:
        status = {p.number: p for p in school_status(db, peildatum=date(2026, 3, 11)).pupils}["1003"]
        return [a for a in status.status.actions if a.rule_id == "LUXE"]

    assert luxe_actions()
    done = decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.GRANTED, note="Bezwaar gegrond",
                  on=date(2026, 3, 11))
    assert grid(db) == [("1003", date(2026, 3, 9), "V"), ("1003", date(2026, 3, 10), "Z")]
    assert luxe_actions() == []  # no DUO report of luxe verzuim for leave the directeur granted
    assert done.skipped == ("1003 op di 10 mrt 2026 (Z)",)
    assert done.luxe_undone == 2 and done.added == 1
    with db.read() as s:
        assert s.scalar(select(Absence.note).where(Absence.day == date(2026, 3, 10))) == "Z van juf"
    # refused once more: the days are as they were before all this, and proposed again
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.REFUSED, note="toch niet", on=date(2026, 3, 12))
    assert grid(db) == [("1003", date(2026, 3, 9), "?"), ("1003", date(2026, 3, 10), "Z")]
    assert len(luxe_proposals(db, by=IB)) == 2


def test_luxe_confirmed_before_the_records_were_kept_is_taken_back_too(db: Database) -> None:
    from sqlalchemy import delete

    from verzuimdesk.storage.models import VerlofReplaced

    record_absence(db, pupil_id=pid(db, "1003"), day=date(2026, 3, 9), code="?", by=ib('juf'), note="weg")
    req = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 9), end=date(2026, 3, 10),
                      article="11", reason="Bruiloft tante", requested_on=date(2026, 2, 1))
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.REFUSED, note="nee", on=date(2026, 2, 5))
    confirm_luxe(db, by=IB, record_ids=[p.record_id for p in luxe_proposals(db, by=IB)])
    with db.begin() as s:  # as a file of an older version holds it: the X and its note only
        s.execute(delete(VerlofReplaced))
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.GRANTED, on=date(2026, 3, 11))
    assert grid(db) == [("1003", date(2026, 3, 9), "V"), ("1003", date(2026, 3, 10), "V")]
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.PENDING)
    with db.read() as s:
        assert [(a.day, a.note) for a in s.scalars(select(Absence))] == [(date(2026, 3, 9), "weg")]


def test_days_of_refused_leave_that_later_granted_leave_covers_are_not_proposed_as_luxe(db: Database) -> None:
    refused = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 6),
                          article="13a", reason="Wintersport", requested_on=date(2026, 1, 5))
    decide(db, by=DIRECTEUR, request_id=refused.id, decision=Decision.REFUSED, note="Geen werkgeversverklaring",
           on=date(2026, 1, 10))
    granted = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 5), end=date(2026, 3, 6),
                          article="11", reason="Begrafenis van opa", requested_on=date(2026, 3, 4))
    decide(db, by=DIRECTEUR, request_id=granted.id, decision=Decision.GRANTED, on=date(2026, 3, 4))
    record_absence(db, pupil_id=pid(db, "1003"), day=date(2026, 3, 2), code="?", by=ib('juf'))
    assert [(p.day, p.code) for p in luxe_proposals(db, by=IB)] == [(date(2026, 3, 2), "?")]


def test_bad_requests_are_refused_in_dutch_and_write_nothing(db: Database) -> None:
    cases = [
        (dict(pupil_numbers=["9999"], article="11"), "geen leerling met leerlingnummer 9999"),
        (dict(pupil_numbers=["1003"], article="14"), "Onbekend artikel"),
        (dict(pupil_numbers=["1003"], article="11", end=date(2026, 2, 27)), "voor de begindatum"),
        (dict(pupil_numbers=["1003"], article="11", reason=" "), "reden"),
        (dict(pupil_numbers=["1003"], article="11", start=date(2025, 10, 13), end=date(2025, 10, 17)),
         "geen schooldag"),
    ]
    for extra, words in cases:
        kwargs = dict(start=date(2026, 3, 2), end=date(2026, 3, 3), reason="Bruiloft") | extra
        with pytest.raises(Refused, match=words):
            add_request(db, by=IB, **kwargs)  # type: ignore[arg-type]
    assert list_requests(db, by=IB) == []


def test_the_dossier_purge_takes_the_leave_requests_of_a_pupil_who_left_long_ago(db: Database) -> None:
    from sqlalchemy import update

    from verzuimdesk.services.retention import purge_due, retention_due
    from verzuimdesk.storage.models import VerlofPupil, VerlofRequest

    req = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 2),
                      article="11", reason="Begrafenis van opa")
    with db.begin() as s:
        s.execute(update(Pupil).where(Pupil.number == "1003").values(enrolled_until=date(2026, 3, 31)))
    due = [r.number for r in retention_due(db, today=date(2028, 4, 1))]
    assert "1003" in due
    purge_due(db, today=date(2028, 4, 1), by=IB)
    with db.read() as s:
        assert s.get(VerlofRequest, req.id) is None and s.scalars(select(VerlofPupil)).all() == []


def test_a_pupil_not_yet_leerplichtig_needs_no_leave_and_its_luxe_is_not_for_duo(db: Database) -> None:
    # A review: a 4-year-old's second vakantieverlof was refused as "kan maar één keer per schooljaar", and
    # confirming a kleuter's luxe said it "moet binnen 5 werkdagen bij DUO gemeld worden"; the law asks no leave
    # before leerplicht (PROTOCOLS.md §1b) and DUO takes no report of it.
    from verzuimdesk.services.imports import import_pupils

    import_pupils(db, b"leerlingnummer;voornaam;achternaam;geboortedatum;groep;inschrijfdatum\n"
                      b"1005;Noor;Visser;2021-06-10;1-2;2025-08-25\n", by=IB)  # leerplichtig from 1 Jul 2026
    first = add_request(db, by=IB, pupil_numbers=["1005"], start=date(2026, 3, 2), end=date(2026, 3, 6),
                        article="13a", reason="Vakantie buiten de schoolvakanties", employer_statement=False,
                        requested_on=date(2026, 1, 5))
    (noor,) = first.pupils
    assert len(noor.days) == 5 and len(noor.findings) == 1 and "niet leerplichtig" in noor.findings[0]
    assert "geen verlof" in noor.findings[0]
    decide(db, by=DIRECTEUR, request_id=first.id, decision=Decision.GRANTED, on=date(2026, 1, 10))
    second = add_request(db, by=IB, pupil_numbers=["1005"], start=date(2026, 3, 9), end=date(2026, 3, 10),
                         article="13a", reason="Nog een week weg", employer_statement=False,
                         requested_on=date(2026, 1, 6))
    assert not any("één keer" in f for f in second.pupils[0].findings)
    decide(db, by=DIRECTEUR, request_id=second.id, decision=Decision.GRANTED, on=date(2026, 1, 10))  # allowed
    # across the start of leerplicht: the law's limits hold for the days in it
    across = add_request(db, by=IB, pupil_numbers=["1005"], start=date(2026, 6, 29), end=date(2026, 7, 3),
                         article="13a", reason="Familiebezoek", employer_statement=False,
                         requested_on=date(2026, 5, 1))
    found = across.pupils[0].findings
    assert any("Op 2 schooldagen is de leerling niet leerplichtig" in f and "de 3 schooldagen" in f for f in found)
    assert any("werkgeversverklaring" in f for f in found)
    with pytest.raises(Refused, match="werkgeversverklaring"):
        decide(db, by=DIRECTEUR, request_id=across.id, decision=Decision.GRANTED, on=date(2026, 5, 2))
    # luxe of a kleuter: the school's own matter, not DUO's
    refused = add_request(db, by=IB, pupil_numbers=["1005"], start=date(2026, 4, 13), end=date(2026, 4, 14),
                          article="11", reason="Verjaardag oma", requested_on=date(2026, 4, 1))
    decide(db, by=DIRECTEUR, request_id=refused.id, decision=Decision.REFUSED, note="Geen gewichtige omstandigheid",
           on=date(2026, 4, 2))
    record_absence(db, pupil_id=pid(db, "1005"), day=date(2026, 4, 13), code="?", by=ib('juf'))
    proposals = [p for p in luxe_proposals(db, by=IB) if p.number == "1005"]
    assert [p.day for p in proposals] == [date(2026, 4, 13)]
    done = confirm_luxe(db, by=IB, record_ids=[p.record_id for p in proposals])
    assert "binnen 5 werkdagen bij DUO" not in done.message
    assert "buiten de leerplicht" in done.message and "niet bij DUO gemeld" in done.message


def test_the_directeur_is_told_who_keeps_the_luxe_and_a_letter_before_the_decision_says_so(db: Database) -> None:
    # A review: the directeur asking for the luxe proposals was told "Alleen de IB-er en de directeur werken
    # met verlofaanvragen", and a decision letter for an undecided request said "het besluit is nog niet beslist".
    from verzuimdesk.services.letters import preview_letter

    with pytest.raises(Refused, match="Alleen de IB-er werkt met de registraties van geweigerd verlof"):
        luxe_proposals(db, by=DIRECTEUR)
    req = add_request(db, by=IB, pupil_numbers=["1001"], start=date(2026, 3, 2), end=date(2026, 3, 3),
                      article="11", reason="Begrafenis", requested_on=date(2026, 2, 20))
    with pytest.raises(Refused, match="past niet bij deze aanvraag: er is nog niet beslist"):
        preview_letter(db, by=DIRECTEUR, pupil_number="1001", template="verlof-verleend", verlof_id=req.id,
                       on=date(2026, 2, 21))


def test_leave_granted_later_does_not_change_what_was_said_of_leave_granted_before(db: Database) -> None:
    # A review: every other granted request counted against a request, also one granted after it, so leave the
    # directeur had rightly granted turned into "meer dan 10 schooldagen: daarover beslist de leerplichtambtenaar".
    first = add_request(db, by=IB, pupil_numbers=["1001"], start=date(2026, 3, 2), end=date(2026, 3, 9),
                        article="11", reason="Begrafenis in Suriname", requested_on=date(2026, 2, 20))
    decide(db, by=DIRECTEUR, request_id=first.id, decision=Decision.GRANTED, on=date(2026, 2, 21))
    later = add_request(db, by=IB, pupil_numbers=["1001"], start=date(2026, 5, 11), end=date(2026, 5, 18),
                        article="11", reason="Ernstige ziekte in de familie", requested_on=date(2026, 5, 1))
    assert later.pupils[0].needs_leerplicht  # 6 + 6 days: beyond the directeur's 10
    decide(db, by=DIRECTEUR, request_id=later.id, decision=Decision.GRANTED, on=date(2026, 5, 4), by_leerplicht=True)
    rows = {r.id: r for r in list_requests(db, by=IB, pupil_number="1001")}
    assert not rows[first.id].pupils[0].findings and not rows[first.id].pupils[0].needs_leerplicht
    assert rows[later.id].pupils[0].needs_leerplicht  # the later one still counts the first


def test_luxe_goes_back_when_another_request_grants_its_days_or_the_refusal_is_withdrawn(db: Database) -> None:
    # A review: only a grant of the very request the luxe was confirmed under took it back; leave granted on a new
    # request for the same days (a funeral after a refused holiday), or a refusal set back to 'open', kept the X
    # and the DUO report of luxe verzuim. Two refused requests over one day proposed it twice.
    record_absence(db, pupil_id=pid(db, "1003"), day=date(2026, 3, 3), code="?", by=ib('juf'))
    holiday = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 4),
                          article="13a", reason="Vakantie", employer_statement=False, requested_on=date(2026, 1, 5))
    decide(db, by=DIRECTEUR, request_id=holiday.id, decision=Decision.REFUSED, note="Geen verklaring",
           on=date(2026, 1, 10))
    again = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 3), end=date(2026, 3, 3),
                        article="13a", reason="Vakantie, nogmaals", employer_statement=False,
                        requested_on=date(2026, 1, 12))
    decide(db, by=DIRECTEUR, request_id=again.id, decision=Decision.REFUSED, note="Nog steeds niet",
           on=date(2026, 1, 13))
    proposals = luxe_proposals(db, by=IB)
    assert [(p.day, p.request_id) for p in proposals] == [(date(2026, 3, 3), holiday.id)]  # once
    confirm_luxe(db, by=IB, record_ids=[p.record_id for p in proposals])
    assert [c for _, _, c in grid(db)] == ["X"]
    funeral = add_request(db, by=IB, pupil_numbers=["1003"], start=date(2026, 3, 2), end=date(2026, 3, 4),
                          article="11", reason="Begrafenis van opa", requested_on=date(2026, 2, 27))
    done = decide(db, by=DIRECTEUR, request_id=funeral.id, decision=Decision.GRANTED, on=date(2026, 2, 27))
    assert grid(db) == [("1003", date(2026, 3, 2), "V"), ("1003", date(2026, 3, 3), "V"),
                        ("1003", date(2026, 3, 4), "V")]
    assert done.luxe_undone == 1 and done.skipped == ()
    decide(db, by=DIRECTEUR, request_id=funeral.id, decision=Decision.PENDING)
    assert grid(db) == [("1003", date(2026, 3, 3), "?")]
    # siblings refused, their luxe confirmed, the refusal withdrawn: the records are as they were
    for number in ("1001", "1002"):
        record_absence(db, pupil_id=pid(db, number), day=date(2026, 4, 13), code="?", by=ib('juf'), note="weg")
    siblings = add_request(db, by=IB, pupil_numbers=["1001", "1002"], start=date(2026, 4, 13), end=date(2026, 4, 13),
                           article="11", reason="Verjaardag", requested_on=date(2026, 4, 1))
    decide(db, by=DIRECTEUR, request_id=siblings.id, decision=Decision.REFUSED, note="Geen gewichtige reden",
           on=date(2026, 4, 2))
    confirm_luxe(db, by=IB, record_ids=[p.record_id for p in luxe_proposals(db, by=IB)
                                        if p.request_id == siblings.id])
    assert [c for n, d, c in grid(db) if d == date(2026, 4, 13)] == ["X", "X"]
    withdrawn = decide(db, by=DIRECTEUR, request_id=siblings.id, decision=Decision.PENDING)
    assert [c for n, d, c in grid(db) if d == date(2026, 4, 13)] == ["?", "?"] and withdrawn.luxe_undone == 2
    with db.read() as s:
        assert set(s.scalars(select(Absence.note).where(Absence.day == date(2026, 4, 13)))) == {"weg"}


def test_the_inzage_holds_the_registrations_a_leave_decision_replaced(db: Database) -> None:
    # A review: the copies of a '?' a grant replaced (kept to give back) were data the school holds, and a
    # parent's request for inzage did not see them.
    from verzuimdesk.services.retention import inzage_data

    record_absence(db, pupil_id=pid(db, "1001"), day=date(2026, 3, 3), code="?", by=ib('juf'), note="niemand belde")
    req = add_request(db, by=IB, pupil_numbers=["1001"], start=date(2026, 3, 2), end=date(2026, 3, 3),
                      article="11", reason="Begrafenis", requested_on=date(2026, 2, 20))
    decide(db, by=DIRECTEUR, request_id=req.id, decision=Decision.GRANTED, on=date(2026, 2, 21))
    kept = inzage_data(db, pupil_number="1001", by=IB)["verlof_vervangen_registraties"]
    assert [(r["day"], r["code"], r["note"]) for r in kept] == [(date(2026, 3, 3), "?", "niemand belde")]
