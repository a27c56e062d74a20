"""Every rule of hoeksche-waard-po at its edges."""

from __future__ import annotations

from datetime import date

from tests.domain.helpers import CAL, ev, pupil, rec, schooldays, whole_days
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.engine import Light, PupilStatus, evaluate
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import AbsenceRecord


def ids(status: PupilStatus) -> set[str]:
    return {h.rule_id for h in status.rules}


def hit(status: PupilStatus, rule_id: str):  # type: ignore[no-untyped-def]
    return next(h for h in status.rules if h.rule_id == rule_id)


def actions(status: PupilStatus, rule_id: str):  # type: ignore[no-untyped-def]
    return [a for a in status.actions if a.rule_id == rule_id]


def before_vacation(extra: str) -> list[AbsenceRecord]:
    """14¾ h unauthorised in the week before the herfstvakantie plus a part-day after it."""
    return [
        rec(date(2025, 10, 6), "O"),
        rec(date(2025, 10, 7), "O"),
        rec(date(2025, 10, 8), "O"),  # Wednesday: 3¾ h
        rec(date(2025, 10, 20), "O", "08:30", extra),
    ]


def test_fifteen_and_three_quarter_hours_ask_for_no_duo_report(hw: Protocol) -> None:
    s = evaluate(pupil(before_vacation("09:30")), CAL, hw, date(2025, 10, 20))
    assert "HW-16U" not in ids(s)


def test_sixteen_hours_in_four_lesweken_asks_for_duo_report(hw: Protocol) -> None:
    s = evaluate(pupil(before_vacation("09:45")), CAL, hw, date(2025, 10, 20))
    h = hit(s, "HW-16U")
    assert (h.value, h.threshold, h.unit) == (16.0, 16.0, "uur")
    # The vacation week is no lesweek: the window reaches back to 22 September.
    assert (h.window_start, h.trigger_date) == (date(2025, 9, 22), date(2025, 10, 20))
    (a,) = actions(s, "HW-16U")
    assert a.kind is ActionKind.DUO_REPORT and a.legal and a.due_date == date(2025, 10, 27)
    assert "HW-ZAT" in ids(s)


def test_sixteen_hours_leave_the_window_after_four_lesweken(hw: Protocol) -> None:
    p = pupil(before_vacation("09:45"))
    assert "HW-16U" in ids(evaluate(p, CAL, hw, date(2025, 11, 7)))
    # reported: the rule no longer holds once the window slid past the hours
    reported = pupil(before_vacation("09:45"), [ev(date(2025, 10, 21), ActionKind.DUO_REPORT)])
    assert "HW-16U" not in ids(evaluate(reported, CAL, hw, date(2025, 11, 10)))


def test_an_unreported_sixteen_hours_stays_owed_after_the_window_slid_on(hw: Protocol) -> None:
    # A review of the law: the 16 hours of 20 Oct were never reported; once the window slid past them the
    # report vanished and the light went green. The duty to report does not end with the count (§1b), so the
    # report stays asked, overdue, with the hours of its trigger date, until a report is registered.
    p = pupil(before_vacation("09:45"))
    later = evaluate(p, CAL, hw, date(2025, 12, 1))
    h = hit(later, "HW-16U")
    assert (h.trigger_date, h.value, h.window_end) == (date(2025, 10, 20), 16.0, date(2025, 10, 20))
    (a,) = actions(later, "HW-16U")
    assert (a.legal, a.done, a.overdue, a.due_date) == (True, False, True, date(2025, 10, 27))
    assert later.light is Light.RED
    assert [x.rule_id for x in later.actions] == ["HW-16U"]  # only the report: the school's own steps ended
    done = pupil(before_vacation("09:45"), [ev(date(2025, 12, 1), ActionKind.DUO_REPORT)])
    assert evaluate(done, CAL, hw, date(2025, 12, 1)).light is Light.GREEN


def test_legal_term_in_werkdagen_runs_through_a_vacation(hw: Protocol) -> None:
    records = [*whole_days(date(2025, 10, 6), 3, "O"), rec(date(2025, 10, 10), "O", "08:30", "09:45")]
    p = pupil(records)
    s = evaluate(p, CAL, hw, date(2025, 10, 17))
    (a,) = actions(s, "HW-16U")
    assert (a.trigger_date, a.due_date, a.overdue) == (date(2025, 10, 10), date(2025, 10, 17), False)
    later = evaluate(p, CAL, hw, date(2025, 10, 20))
    assert actions(later, "HW-16U")[0].overdue
    assert later.light is Light.RED


def test_duo_report_on_the_trigger_date_does_the_action(hw: Protocol) -> None:
    p = pupil(before_vacation("09:45"), [ev(date(2025, 10, 20), ActionKind.DUO_REPORT)])
    (a,) = actions(evaluate(p, CAL, hw, date(2025, 10, 30)), "HW-16U")
    assert a.done and a.done_by is not None


def test_counting_restarts_after_a_duo_report(hw: Protocol) -> None:
    report = ev(date(2025, 10, 21), ActionKind.DUO_REPORT)
    more = [*whole_days(date(2025, 10, 22), 3, "O")]  # Wed 3¾ + Thu 5½ + Fri 5½ = 14¾ h
    p = pupil([*before_vacation("09:45"), *more], [report])
    s = evaluate(p, CAL, hw, date(2025, 10, 24))
    (a,) = actions(s, "HW-16U")
    assert a.done and a.done_by == report.id and a.trigger_date == date(2025, 10, 20)
    p2 = pupil([*before_vacation("09:45"), *more, rec(date(2025, 10, 27), "O", "08:30", "09:45")], [report])
    s2 = evaluate(p2, CAL, hw, date(2025, 10, 27))
    (a2,) = actions(s2, "HW-16U")
    assert (a2.trigger_date, a2.done) == (date(2025, 10, 27), False)
    assert hit(s2, "HW-16U").value == 16.0


def lates(n: int) -> list[AbsenceRecord]:
    return [rec(d, "T", late=10) for d in schooldays(date(2025, 9, 1), n)]


def test_eight_late_arrivals_ask_for_nothing_legal(hw: Protocol) -> None:
    s = evaluate(pupil(lates(8)), CAL, hw, date(2025, 9, 30))
    assert "HW-LATE" not in ids(s) and s.light is Light.GREEN


def test_nine_late_arrivals_ask_for_duo_report(hw: Protocol) -> None:
    s = evaluate(pupil(lates(9)), CAL, hw, date(2025, 9, 30))
    h = hit(s, "HW-LATE")
    assert (h.value, h.unit, h.trigger_date) == (9, "keer", date(2025, 9, 11))
    assert actions(s, "HW-LATE")[0].due_date == date(2025, 9, 18)


def test_late_count_restarts_after_a_duo_report(hw: Protocol) -> None:
    report = ev(date(2025, 9, 12), ActionKind.DUO_REPORT)
    after = [rec(d, "T", late=5) for d in schooldays(date(2025, 9, 15), 9)]
    s8 = evaluate(pupil([*lates(9), *after[:8]], [report]), CAL, hw, date(2025, 9, 24))
    assert all(a.done for a in actions(s8, "HW-LATE"))
    s9 = evaluate(pupil([*lates(9), *after], [report]), CAL, hw, date(2025, 9, 25))
    (a,) = actions(s9, "HW-LATE")
    assert (a.trigger_date, a.done) == (date(2025, 9, 25), False)


def test_four_sick_episodes_in_twelve_lesweken_ask_for_jeugdarts(hw: Protocol) -> None:
    days = [date(2025, 9, 1), date(2025, 9, 15), date(2025, 10, 1), date(2025, 11, 3)]
    s = evaluate(pupil([rec(d, "Z") for d in days]), CAL, hw, date(2025, 11, 3))
    h = hit(s, "HW-SICK4")
    assert (h.value, h.unit, h.trigger_date) == (4, "ziekmeldingen", date(2025, 11, 3))
    assert {a.kind for a in actions(s, "HW-SICK4")} == {ActionKind.CONTACT_PARENTS, ActionKind.SCHOOL_DOCTOR}
    assert not any(a.kind is ActionKind.DUO_REPORT for a in s.actions)
    assert "HW-ZAT" in ids(s)


def test_sick_episode_over_a_studiedag_is_one_episode(hw: Protocol) -> None:
    days = [date(2025, 9, 1), date(2025, 10, 1), date(2025, 11, 13), date(2025, 11, 17)]
    s = evaluate(pupil([rec(d, "Z") for d in days]), CAL, hw, date(2025, 11, 17))
    assert "HW-SICK4" not in ids(s)


def sick_ten_days(last_end: str) -> list[AbsenceRecord]:
    """Nine whole sick days (46 h) from 1 Sep and a part-day on Friday 12 Sep."""
    return [*whole_days(date(2025, 9, 1), 9, "Z"), rec(date(2025, 9, 12), "Z", "08:30", last_end)]


def test_fifty_hours_sick_is_not_more_than_fifty(hw: Protocol) -> None:
    s = evaluate(pupil(sick_ten_days("13:30")), CAL, hw, date(2025, 9, 12))
    assert "HW-SICK50" not in ids(s)


def test_more_than_fifty_hours_sick_asks_for_jeugdarts(hw: Protocol) -> None:
    s = evaluate(pupil(sick_ten_days("14:00")), CAL, hw, date(2025, 9, 12))
    h = hit(s, "HW-SICK50")
    assert (h.value, h.window_start, h.trigger_date) == (50.5, date(2025, 9, 1), date(2025, 9, 12))


def test_sick_fifty_no_longer_holds_when_the_pupil_is_back(hw: Protocol) -> None:
    s = evaluate(pupil(sick_ten_days("14:00")), CAL, hw, date(2025, 9, 15))
    assert "HW-SICK50" not in ids(s)


def test_zat_holds_for_each_of_its_rules_and_asks_for_care_team(hw: Protocol) -> None:
    s = evaluate(pupil(sick_ten_days("14:00")), CAL, hw, date(2025, 9, 12))
    (a,) = actions(s, "HW-ZAT")
    assert a.kind is ActionKind.CARE_TEAM and a.due_date == CAL.add_schooldagen(date(2025, 9, 12), 20)


def test_absence_run_of_twenty_schooldagen_is_no_thuiszitter(hw: Protocol) -> None:
    records = whole_days(date(2025, 9, 1), 20, "V")
    s = evaluate(pupil(records), CAL, hw, records[-1].day)
    assert "HW-THUIS" not in ids(s) and not s.thuiszitter


def test_absence_run_of_twenty_one_schooldagen_makes_a_thuiszitter(hw: Protocol) -> None:
    records = whole_days(date(2025, 9, 1), 21, "V")
    s = evaluate(pupil(records), CAL, hw, records[-1].day)
    h = hit(s, "HW-THUIS")
    assert (h.value, h.threshold, h.unit) == (21, 20, "schooldagen")
    assert s.thuiszitter and s.case_start == date(2025, 9, 1)
    assert s.light is Light.RED  # a thuiszitter with an open action
    assert s.step.id == "7"
    kinds = {a.kind for a in actions(s, "HW-THUIS")}
    assert kinds == {ActionKind.SUPPORT_PLAN, ActionKind.SWV_REPORT}


def test_part_day_record_covering_all_lessons_keeps_the_run(hw: Protocol) -> None:
    records = whole_days(date(2025, 9, 1), 21, "V")
    records[10] = rec(records[10].day, "V", "08:30", "15:00")
    assert "HW-THUIS" in ids(evaluate(pupil(records), CAL, hw, records[-1].day))
    records[10] = rec(records[10].day, "V", "08:30", "12:00")
    assert "HW-THUIS" not in ids(evaluate(pupil(records), CAL, hw, records[-1].day))


def test_a_pupil_back_at_school_is_no_thuiszitter(hw: Protocol) -> None:
    records = whole_days(date(2025, 9, 1), 21, "V")
    s = evaluate(pupil(records), CAL, hw, date(2025, 10, 1))
    assert "HW-THUIS" not in ids(s)


def test_thuiszitter_for_more_than_three_months_without_offer_asks_for_escalation(hw: Protocol) -> None:
    records = whole_days(date(2025, 9, 1), 80, "Z")
    p = pupil(records)
    assert "HW-3M" not in ids(evaluate(p, CAL, hw, date(2025, 12, 1)))
    s = evaluate(p, CAL, hw, date(2025, 12, 2))
    (a,) = actions(s, "HW-3M")
    assert a.kind is ActionKind.ESCALATION and a.due_date == date(2025, 12, 2)
    s8 = evaluate(p, CAL, hw, date(2025, 12, 3))
    assert s8.step.id == "8" and actions(s8, "HW-3M")[0].overdue and s8.light is Light.RED
    offered = pupil(records, [ev(date(2025, 11, 20), ActionKind.SUITABLE_OFFER)])
    assert "HW-3M" not in ids(evaluate(offered, CAL, hw, date(2025, 12, 3)))


def test_any_unauthorised_record_asks_for_talk_and_parents(hw: Protocol) -> None:
    s = evaluate(pupil([rec(date(2025, 9, 2), "X", "08:30", "09:00")]), CAL, hw, date(2025, 9, 2))
    (talk, parents) = actions(s, "HW-ONG")
    assert {talk.kind, parents.kind} == {ActionKind.TALK_PUPIL, ActionKind.CONTACT_PARENTS}
    # PROTOCOLS.md §1b: half an hour of luxeverzuim (code X) is also a LUXE report (stap 5) by law
    assert talk.due_date == date(2025, 9, 4) and s.light is Light.ORANGE and s.step.id == "5"
    assert "LUXE" in {h.rule_id for h in s.rules}
    o = evaluate(pupil([rec(date(2025, 9, 2), "O", "08:30", "09:00")]), CAL, hw, date(2025, 9, 2))
    assert o.step.id == "3" and {h.rule_id for h in o.rules} == {"HW-ONG"}


def test_overdue_non_legal_action_keeps_the_light_orange(hw: Protocol) -> None:
    s = evaluate(pupil([rec(date(2025, 9, 2), "O", "08:30", "09:00")]), CAL, hw, date(2025, 9, 10))
    assert all(a.overdue for a in actions(s, "HW-ONG")) and s.light is Light.ORANGE


def test_actions_done_on_the_trigger_date_make_the_light_green(hw: Protocol) -> None:
    day = date(2025, 9, 2)
    p = pupil([rec(day, "O")], [ev(day, ActionKind.TALK_PUPIL), ev(day, ActionKind.CONTACT_PARENTS)])
    s = evaluate(p, CAL, hw, date(2025, 9, 10))
    assert "HW-ONG" in ids(s) and s.light is Light.GREEN


def test_event_before_the_trigger_date_does_not_count(hw: Protocol) -> None:
    p = pupil([rec(date(2025, 9, 2), "O")], [ev(date(2025, 9, 1), ActionKind.TALK_PUPIL)])
    assert not actions(evaluate(p, CAL, hw, date(2025, 9, 2)), "HW-ONG")[0].done


def test_unexplained_asks_for_parents_the_same_day_and_counts_as_unauthorised(hw: Protocol) -> None:
    r = rec(date(2025, 9, 2), "?")
    s = evaluate(pupil([r]), CAL, hw, date(2025, 9, 2))
    (a,) = actions(s, "UNEXPLAINED")
    assert (a.kind, a.due_date, a.overdue) == (ActionKind.CONTACT_PARENTS, date(2025, 9, 2), False)
    assert hit(s, "UNEXPLAINED").record_ids == (r.id,)
    assert "HW-ONG" in ids(s)
    assert actions(evaluate(pupil([r]), CAL, hw, date(2025, 9, 3)), "UNEXPLAINED")[0].overdue


def test_grey_after_the_uitschrijfdatum(hw: Protocol) -> None:
    p = pupil([rec(date(2025, 9, 2), "O")], enrolled_until=date(2025, 9, 3))
    assert evaluate(p, CAL, hw, date(2025, 9, 3)).light is Light.ORANGE
    s = evaluate(p, CAL, hw, date(2025, 9, 4))
    assert s.light is Light.GREY and not s.enrolled and not s.rules


def test_a_past_peildatum_ignores_later_records_and_events(hw: Protocol) -> None:
    p = pupil(
        [rec(date(2025, 9, 2), "O"), rec(date(2025, 9, 20), "O")],
        [ev(date(2025, 9, 5), ActionKind.TALK_PUPIL), ev(date(2025, 9, 5), ActionKind.CONTACT_PARENTS)],
    )
    s = evaluate(p, CAL, hw, date(2025, 9, 3))
    assert hit(s, "HW-ONG").record_ids == (p.records[0].id,)
    assert s.light is Light.ORANGE and not any(a.done for a in s.actions)


def test_a_group_with_its_own_timetable_counts_its_own_lestijd(hw: Protocol) -> None:
    # Group 1-2 has 3½ h on Mon/Tue/Thu and no lessons on Friday: four O days are 14¼ h.
    days = schooldays(date(2025, 9, 1), 4, "1-2")
    s = evaluate(pupil([rec(d, "O") for d in days], group="1-2"), CAL, hw, date(2025, 9, 5))
    assert "HW-16U" not in ids(s)
    assert hit(s, "HW-ONG").value == 4
    more = [rec(d, "O") for d in schooldays(date(2025, 9, 1), 5, "1-2")]
    s2 = evaluate(pupil(more, group="1-2"), CAL, hw, more[-1].day)
    assert more[-1].day == date(2025, 9, 8)  # Friday 5 Sep is no schooldag of group 1-2
    assert hit(s2, "HW-16U").value == 17.75
