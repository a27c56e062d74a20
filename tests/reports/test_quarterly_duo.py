"""The DUO report on the SWV list is the case's report registered in the dossier (Meldingen), not only one
typed again in the Traject form: the list must say what the dossier says (PROTOCOLS.md §5, cat. A). It is
the report of langdurig relatief verzuim (source 004: "Verzuimloket DUO als 'langdurig relatief verzuim'"),
never a 16-hour report made while the case runs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select

from tests.conftest import DEMO_TODAY
from verzuimdesk.reports.data import QuarterlyRow
from verzuimdesk.services.quarterly import quarterly_list
from verzuimdesk.storage.models import CareCase, EventRow, Pupil


def guus(db: Any, on: date = DEMO_TODAY) -> QuarterlyRow:
    (row,) = [r for r in quarterly_list(db, on=on).rows if r.number == "1027" and not r.proposal]
    return row


def test_the_demo_thuiszitters_16_hour_report_is_not_taken_for_the_lrv_report(demo: Any) -> None:
    # A review: Guus's only report (12 Oct) answered his 16 hours; his LRV report (LRV held from 9 Nov) is
    # overdue, and the list named the 16-hour report as the case's DUO report, so nothing looked missing.
    row = guus(demo)
    assert (row.duo_report_date, row.duo_report_number) == (None, "")
    assert "DUO-melding" in row.missing
    with demo.begin() as s:
        pid = s.scalars(select(Pupil.id).where(Pupil.number == "1027")).one()
        s.add(EventRow(pupil_id=pid, day=date(2026, 11, 16), kind="duo_report", reference="2026-51234",
                       note="langdurig relatief verzuim", created_at=datetime(2026, 11, 16)))
    row = guus(demo)
    assert (row.duo_report_date, row.duo_report_number) == (date(2026, 11, 16), "2026-51234")
    assert not any("DUO" in gap for gap in row.missing)


def test_a_report_before_the_quarter_one_without_a_number_and_a_16_hour_report(demo: Any) -> None:
    with demo.begin() as s:
        pid = s.scalars(select(Pupil.id).where(Pupil.number == "1027")).one()
        s.execute(delete(EventRow).where(EventRow.pupil_id == pid, EventRow.kind == "duo_report"))
        s.scalars(select(CareCase).where(CareCase.pupil_id == pid)).one().start = date(2026, 9, 1)

        def report(day: date, number: str) -> None:
            s.add(EventRow(pupil_id=pid, day=day, kind="duo_report", reference=number, note="",
                           created_at=datetime(2026, 11, 1)))

        report(date(2026, 6, 20), "2026-00001")  # a report of an earlier absence, before the case began
        report(date(2026, 9, 10), "")  # made before the quarter of 15 Dec began (16 Sep), without its number
    row = guus(demo)
    assert (row.duo_report_date, row.duo_report_number) == (date(2026, 9, 10), "")
    assert "nummer van de DUO-melding" in row.missing
    with demo.begin() as s:  # a 16-hour report (it answers HW-16U's trigger of 8 Oct): not the LRV report
        s.add(EventRow(pupil_id=pid, day=date(2026, 11, 2), kind="duo_report", reference="2026-50001",
                       note="16 uur", created_at=datetime(2026, 11, 2)))
    row = guus(demo)
    assert (row.duo_report_date, row.duo_report_number) == (date(2026, 9, 10), "")
    with demo.begin() as s:  # made while LRV holds (from 9 Nov): a later LRV report replaces the first
        s.add(EventRow(pupil_id=pid, day=date(2026, 11, 17), kind="duo_report", reference="2026-50002",
                       note="langdurig relatief verzuim", created_at=datetime(2026, 11, 17)))
    row = guus(demo)
    assert (row.duo_report_date, row.duo_report_number) == (date(2026, 11, 17), "2026-50002")
    assert not any("DUO" in gap for gap in row.missing)
