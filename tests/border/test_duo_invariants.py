"""The DUO sheet on messy records (PROTOCOLS.md §1b), seeded: whole and part days of every kind, late
reports, reports on a Saturday, a pupil turning leerplichtig in the middle. On every day and for every
rule the sheet keeps its promises: the begindatum never after the einddatum, no record outside them,
never a record from before leerplicht, 16 hours or more on a 16-hour sheet, the hours those of the
records listed, and a sheet printed again for the file says what it said on the day it was reported."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from tests.domain.helpers import CAL, ev, pupil, rec, schooldays
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.duo_sheet import FOLLOW_UP, LRV, LUXE, SIXTEEN_HOURS, DuoSheet, duo_sheet, duo_sheets
from verzuimdesk.domain.leerplicht import leerplicht_of
from verzuimdesk.domain.measures import UNAUTHORISED
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import AbsenceRecord, PupilData

DAYS = schooldays(date(2025, 9, 1), 80)
BIRTHS = (None, date(2020, 9, 30), date(2020, 10, 1), date(2020, 10, 31), date(2020, 11, 15), date(2015, 1, 1))


def messy(seed: int) -> PupilData:
    r = random.Random(seed)
    recs: list[AbsenceRecord] = []
    events = []
    share = r.choice([0.2, 0.4, 0.7, 0.9, 1.0])
    for d in DAYS:
        if r.random() < share:
            code = r.choice("OOOXX?TZ")
            if code == "T":
                recs.append(rec(d, "T", late=r.randint(5, 40)))
            elif r.random() < 0.3:
                recs.append(rec(d, code, "08:30", r.choice(["09:30", "10:10", "11:45"])))
            else:
                recs.append(rec(d, code))
        if r.random() < 0.06:  # a report, on the day or up to two days later (a Saturday too)
            events.append(ev(d + timedelta(days=r.randint(0, 2)), ActionKind.DUO_REPORT))
    return pupil(recs, events, birth_date=r.choice(BIRTHS))


def problems(e: Evaluator, p: PupilData, s: DuoSheet, on: date, rule_id: str | None) -> list[str]:
    day = {x.id: x.day for x in p.records}
    lp = leerplicht_of(p, CAL)
    last = s.end or on
    out = []
    if s.begin > last:
        out.append("begindatum na einddatum")
    if any(not s.begin <= day[i] <= last for i in s.record_ids):
        out.append("registratie buiten begin- en einddatum")
    if any(not lp.on(day[i]) for i in s.record_ids):
        out.append("registratie van voor de leerplicht")
    if s.kind in (SIXTEEN_HOURS, FOLLOW_UP) and s.minutes < 16 * 60:
        out.append("minder dan 16 uur")
    if s.kind in (SIXTEEN_HOURS, FOLLOW_UP, LUXE, LRV) and s.minutes != sum(e.legal.m.minutes[i] for i in s.record_ids):
        out.append("uren niet die van de registraties")
    kinds = {x.id: x.category for x in p.records}
    if s.kind in (SIXTEEN_HOURS, FOLLOW_UP, LRV) and any(kinds[i] not in UNAUTHORISED for i in s.record_ids):
        out.append("registratie die geen ongeoorloofd verzuim is")
    if s.kind == FOLLOW_UP and s.previous is None:
        out.append("vervolgmelding zonder vorige melding")
    if s.report is not None and s.kind in (SIXTEEN_HOURS, FOLLOW_UP, LUXE):
        # the sheet of the same report on its day (two reports of one day: each its own sheet)
        then = next((t for t in duo_sheets(e, s.report.day, rule_id or s.rule_id, s.trigger) if t.report == s.report),
                    None)
        if then is None or (then.begin, then.end, then.minutes, then.report) != (s.begin, s.end, s.minutes, s.report):
            out.append("afdruk voor het dossier wijkt af van de melding")
    return out


@pytest.mark.parametrize("seed", range(60))
def test_the_sheet_keeps_its_promises_on_messy_records(hw: Protocol, seed: int) -> None:
    assert sheet_problems(messy(seed), hw, (None, "HW-16U", "LRV", "LUXE", "HW-LATE")) == []


@pytest.mark.parametrize("seed", range(20))
def test_amsterdams_sheets_keep_them_too(seed: int) -> None:
    from verzuimdesk.importers.protocol_files import load_protocol

    assert sheet_problems(messy(seed), load_protocol("amsterdam-vo"), (None, "AM-THUIS", "LUXE")) == []


def sheet_problems(p: PupilData, protocol: Protocol, rules: tuple[str | None, ...]) -> list[tuple[object, ...]]:
    e = Evaluator(p, CAL, protocol)
    found: list[tuple[object, ...]] = []
    for on in DAYS[::3]:
        for rule_id in rules:
            s = duo_sheet(e, on, rule_id)
            if s is not None:
                found += [(on, rule_id, s.kind, x) for x in problems(e, p, s, on, rule_id)]
    return found
