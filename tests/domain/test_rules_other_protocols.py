"""Every rule of haaglanden-po, tilburg-po and amsterdam-vo at its edges."""

from __future__ import annotations

from datetime import date

from tests.domain.helpers import CAL, ev, pupil, rec, schooldays, whole_days
from tests.domain.test_rules_hoeksche_waard import actions, before_vacation, hit, ids
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.engine import Light, evaluate
from verzuimdesk.domain.protocol import Protocol

# -- haaglanden-po ----------------------------------------------------------------------------


def test_dh_unauthorised_record_asks_for_signalen_bespreken(dh: Protocol) -> None:
    s = evaluate(pupil([rec(date(2025, 9, 2), "O", "08:30", "09:00")]), CAL, dh, date(2025, 9, 2))
    assert {a.kind for a in actions(s, "DH-ONG")} == {ActionKind.TALK_PUPIL, ActionKind.CONTACT_PARENTS}
    assert actions(s, "DH-ONG")[0].due_date == date(2025, 9, 9)


def test_dh_sixteen_hours_asks_for_duo_report(dh: Protocol) -> None:
    assert "DH-16U" not in ids(evaluate(pupil(before_vacation("09:30")), CAL, dh, date(2025, 10, 20)))
    s = evaluate(pupil(before_vacation("09:45")), CAL, dh, date(2025, 10, 20))
    assert actions(s, "DH-16U")[0].legal


def test_dh_seventh_day_of_a_sick_episode_asks_for_jgz(dh: Protocol) -> None:
    six = whole_days(date(2025, 9, 1), 6, "Z")
    assert "DH-ZIEK" not in ids(evaluate(pupil(six), CAL, dh, six[-1].day))
    seven = whole_days(date(2025, 9, 1), 7, "Z")
    s = evaluate(pupil(seven), CAL, dh, seven[-1].day)
    assert hit(s, "DH-ZIEK").trigger_date == date(2025, 9, 9)


def test_dh_four_sick_episodes_in_twelve_lesweken_ask_for_jgz(dh: Protocol) -> None:
    days = [date(2025, 9, 1), date(2025, 9, 15), date(2025, 10, 1), date(2025, 11, 3)]
    s = evaluate(pupil([rec(d, "Z") for d in days]), CAL, dh, date(2025, 11, 3))
    assert "DH-ZIEK" in ids(s)


def thuis_from_september(n: int) -> list:  # type: ignore[type-arg]
    return whole_days(date(2025, 9, 1), n, "O")


def test_dh_thuiszitter_starts_the_case_on_the_first_day_of_the_run(dh: Protocol) -> None:
    assert "DH-THUIS" not in ids(evaluate(pupil(thuis_from_september(20)), CAL, dh, date(2025, 9, 26)))
    s = evaluate(pupil(thuis_from_september(21)), CAL, dh, date(2025, 9, 29))
    assert s.case_start == date(2025, 9, 1) and s.light is Light.RED
    assert {a.kind for a in actions(s, "DH-THUIS")} == {ActionKind.SWV_REPORT, ActionKind.CARE_TEAM}
    assert "DH-OPS1" in ids(s)  # 29 Sep is 4 weeks after 1 Sep


def test_dh_opschaling_follows_calendar_weeks_from_case_start(dh: Protocol) -> None:
    p = pupil(thuis_from_september(120))
    s = evaluate(p, CAL, dh, date(2025, 10, 24))
    assert ids(s) >= {"DH-OPS1"} and "DH-OPS2" not in ids(s)
    (ops1,) = actions(s, "DH-OPS1")
    assert ops1.due_date == date(2025, 10, 27)  # case start + 8 weeks
    s = evaluate(p, CAL, dh, date(2025, 10, 27))
    assert "DH-OPS2" in ids(s) and s.step.id == "opschalen-2"
    assert actions(s, "DH-OPS2")[0].due_date == CAL.add_schooldagen(date(2025, 10, 27), 15)
    s = evaluate(p, CAL, dh, date(2025, 11, 17))
    assert "DH-OPS3" in ids(s) and actions(s, "DH-OPS3")[0].due_date == CAL.add_schooldagen(date(2025, 11, 17), 10)
    s = evaluate(p, CAL, dh, date(2025, 12, 1))
    assert "DH-OPS4" in ids(s) and actions(s, "DH-OPS4")[0].due_date == date(2025, 12, 1)
    assert s.step.id == "opschalen-4"


def test_dh_escalation_event_answers_the_latest_escalation_triggered_before_it(dh: Protocol) -> None:
    e1 = ev(date(2025, 10, 1), ActionKind.ESCALATION)
    e2 = ev(date(2025, 10, 28), ActionKind.ESCALATION)
    s = evaluate(pupil(thuis_from_september(120), [e1, e2]), CAL, dh, date(2025, 10, 28))
    assert actions(s, "DH-OPS1")[0].done_by == e1.id
    assert actions(s, "DH-OPS2")[0].done_by == e2.id


def test_dh_overdue_escalation_is_red(dh: Protocol) -> None:
    records = thuis_from_september(40)  # the run ends 31 Oct; the case stays open
    s = evaluate(pupil(records), CAL, dh, date(2025, 11, 4))
    assert not s.thuiszitter and s.case_start == date(2025, 9, 1)
    assert actions(s, "DH-OPS1")[0].overdue and s.light is Light.RED


def test_dh_opschaling_stops_when_attendance_is_restored(dh: Protocol) -> None:
    records = thuis_from_september(40)
    back = schooldays(date(2025, 11, 3), 10)
    assert evaluate(pupil(records), CAL, dh, back[-2]).case_start is not None
    s = evaluate(pupil(records), CAL, dh, back[-1])
    assert s.case_start is None and not ({"DH-OPS1", "DH-OPS2"} & ids(s))


def test_dh_case_opened_by_hand_counts_from_its_date(dh: Protocol) -> None:
    p = pupil([rec(date(2025, 10, 1), "O")], case_start=date(2025, 9, 1))
    s = evaluate(p, CAL, dh, date(2025, 10, 1))
    assert s.case_start == date(2025, 9, 1) and "DH-OPS1" in ids(s)


# -- tilburg-po -------------------------------------------------------------------------------


def test_tb_sixteen_hours_asks_for_duo_report_and_starts_the_case(tb: Protocol) -> None:
    assert not ({"TB-16U", "TB-START"} & ids(evaluate(pupil(before_vacation("09:30")), CAL, tb, date(2025, 10, 20))))
    s = evaluate(pupil(before_vacation("09:45")), CAL, tb, date(2025, 10, 20))
    assert {"TB-16U", "TB-START"} <= ids(s) and s.case_start == date(2025, 10, 20)
    assert actions(s, "TB-16U")[0].legal


def test_tb_run_of_more_than_two_weeks_starts_the_case_on_its_first_day(tb: Protocol) -> None:
    ten = whole_days(date(2025, 9, 1), 10, "Z")
    assert "TB-START" not in ids(evaluate(pupil(ten), CAL, tb, ten[-1].day))
    eleven = whole_days(date(2025, 9, 1), 11, "Z")
    s = evaluate(pupil(eleven), CAL, tb, eleven[-1].day)
    assert hit(s, "TB-START").trigger_date == date(2025, 9, 15) and s.case_start == date(2025, 9, 1)
    # PROTOCOLS.md §1b: a thuiszitter is one definition in every protocol (a run of more than 20
    # schooldagen); tilburg's run of 2 weeks starts the case but does not make a thuiszitter.
    assert not s.thuiszitter and s.light is Light.ORANGE
    twentyone = whole_days(date(2025, 9, 1), 21, "Z")
    s = evaluate(pupil(twentyone), CAL, tb, twentyone[-1].day)
    assert s.thuiszitter and s.light is Light.RED
    twenty = whole_days(date(2025, 9, 1), 20, "Z")
    assert not evaluate(pupil(twenty), CAL, tb, twenty[-1].day).thuiszitter


def test_tb_four_sick_episodes_start_the_case(tb: Protocol) -> None:
    days = [date(2025, 9, 1), date(2025, 9, 15), date(2025, 10, 1), date(2025, 11, 3)]
    s = evaluate(pupil([rec(d, "Z") for d in days]), CAL, tb, date(2025, 11, 3))
    assert "TB-START" in ids(s) and s.case_start == date(2025, 11, 3) and not s.thuiszitter


def test_tb_kantelpunt_one_after_fifteen_schooldagen(tb: Protocol) -> None:
    p = pupil(whole_days(date(2025, 9, 1), 40, "Z"))
    day15 = CAL.add_schooldagen(date(2025, 9, 1), 15)
    assert "TB-K1" not in ids(evaluate(p, CAL, tb, date(2025, 9, 19)))
    s = evaluate(p, CAL, tb, day15)
    assert "TB-K1" in ids(s) and actions(s, "TB-K1")[0].kind is ActionKind.CARE_TEAM and s.step.id == "2"


def test_tb_kantelpunt_two_a_month_after_the_ondersteuningsteam(tb: Protocol) -> None:
    p = pupil(whole_days(date(2025, 9, 1), 60, "Z"), [ev(date(2025, 9, 25), ActionKind.CARE_TEAM)])
    assert "TB-K2" not in ids(evaluate(p, CAL, tb, date(2025, 10, 24)))
    s = evaluate(p, CAL, tb, date(2025, 10, 27))
    assert "TB-K2" in ids(s) and actions(s, "TB-K2")[0].kind is ActionKind.SWV_REPORT and s.step.id == "3"


def test_tb_kantelpunt_three_a_month_after_the_swv_report(tb: Protocol) -> None:
    events = [ev(date(2025, 9, 25), ActionKind.CARE_TEAM), ev(date(2025, 10, 28), ActionKind.SWV_REPORT)]
    p = pupil(whole_days(date(2025, 9, 1), 80, "Z"), events)
    assert "TB-K3" not in ids(evaluate(p, CAL, tb, date(2025, 11, 27)))
    s = evaluate(p, CAL, tb, date(2025, 11, 28))
    assert actions(s, "TB-K3")[0].kind is ActionKind.ESCALATION and s.step.id == "4"


# -- amsterdam-vo -----------------------------------------------------------------------------


def test_am_verzuimgesprek_from_six_to_sixteen_hours(am: Protocol) -> None:
    day = date(2025, 9, 1)
    assert "AM-GESPREK" not in ids(evaluate(pupil([rec(day, "O"), rec(day, "?", "13:00", "13:15")]), CAL, am, day))
    s = evaluate(pupil([rec(day, "O"), rec(day, "O", "13:00", "13:30")]), CAL, am, day)
    assert hit(s, "AM-GESPREK").value == 6.0 and s.step.id == "verzuimgesprek"
    s16 = evaluate(pupil(before_vacation("09:45")), CAL, am, date(2025, 10, 20))
    assert "AM-GESPREK" not in ids(s16) and "AM-16U" in ids(s16) and s16.step.id == "melden-duo"


def test_am_mazl_on_the_seventh_sick_day(am: Protocol) -> None:
    six = whole_days(date(2025, 9, 1), 6, "Z")
    assert "AM-MAZL" not in ids(evaluate(pupil(six), CAL, am, six[-1].day))
    seven = whole_days(date(2025, 9, 1), 7, "Z")
    s = evaluate(pupil(seven), CAL, am, seven[-1].day)
    assert {a.kind for a in actions(s, "AM-MAZL")} == {ActionKind.CONTACT_PARENTS, ActionKind.SCHOOL_DOCTOR}


def test_am_sixteen_hours_restart_after_each_report(am: Protocol) -> None:
    report = ev(date(2025, 10, 21), ActionKind.DUO_REPORT)
    records = [*before_vacation("09:45"), *whole_days(date(2025, 10, 22), 3, "O")]
    records.append(rec(date(2025, 10, 27), "O", "08:30", "09:45"))
    s = evaluate(pupil(records, [report]), CAL, am, date(2025, 10, 27))
    assert actions(s, "AM-16U")[0].trigger_date == date(2025, 10, 27)


def test_am_thuiszitter_has_a_legal_lrv_report_in_werkdagen_and_a_swv_report_in_schooldagen(am: Protocol) -> None:
    records = whole_days(date(2025, 9, 22), 21, "O")  # the run holds its 21st day on 27 Oct
    s = evaluate(pupil(records), CAL, am, date(2025, 10, 27))
    by_kind = {a.kind: a for a in actions(s, "AM-THUIS")}
    duo, swv = by_kind[ActionKind.DUO_REPORT], by_kind[ActionKind.SWV_REPORT]
    assert (duo.legal, duo.term_unit, duo.due_date) == (True, "werkdagen", date(2025, 11, 3))
    assert (swv.legal, swv.term_unit, swv.due_date) == (False, "schooldagen", date(2025, 11, 3))
    assert s.step.id == "thuiszitter"


def test_am_late_six_times_asks_for_verzuimspreekuur(am: Protocol) -> None:
    days = schooldays(date(2025, 9, 1), 6)
    assert "AM-LATE" not in ids(evaluate(pupil([rec(d, "T", late=5) for d in days[:5]]), CAL, am, days[5]))
    s = evaluate(pupil([rec(d, "T", late=5) for d in days]), CAL, am, days[5])
    assert actions(s, "AM-LATE")[0].due_date == CAL.add_schooldagen(days[5], 10)


# -- UNEXPLAINED in every protocol ------------------------------------------------------------


def test_unexplained_asks_for_contact_parents_the_same_day_in_every_protocol(
    hw: Protocol, dh: Protocol, tb: Protocol, am: Protocol
) -> None:
    day = date(2025, 9, 2)
    for protocol in (hw, dh, tb, am):
        r = rec(day, "?", "08:30", "09:00")
        (a,) = actions(evaluate(pupil([r]), CAL, protocol, day), "UNEXPLAINED")
        assert (a.kind, a.due_date) == (ActionKind.CONTACT_PARENTS, day), protocol.id
        done = pupil([r], [ev(day, ActionKind.CONTACT_PARENTS)])
        assert actions(evaluate(done, CAL, protocol, day), "UNEXPLAINED")[0].done
