"""Each signal of SIGNALS.md at its threshold and one below, with its evidence dates exact."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from tests.domain.helpers import CAL, pupil, rec
from verzuimdesk.domain.calendar import Period
from verzuimdesk.domain.engine import evaluate
from verzuimdesk.domain.measures import PupilMeasures
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import AbsenceRecord, PupilData
from verzuimdesk.domain.signals import (
    DETECTORS,
    RegisterInput,
    Signal,
    SignalConfigError,
    parse_signal_config,
    record_signals,
    register_signals,
)
from verzuimdesk.importers.signal_files import load_signal_config, signals_file

CONFIG = load_signal_config()
PEIL = date(2025, 11, 28)  # Friday; the window of 12 lesweken starts Mon 1 Sep (herfstvakantie is no lesweek)
D = date
# The school year before, so that VACATION_EDGE and EARLIER_ABSENCE have one to look at.
TWO_YEARS = replace(
    CAL,
    school_years=(Period("2024-2025", D(2024, 8, 26), D(2025, 7, 11)), *CAL.school_years),
    vacations=(Period("Kerstvakantie", D(2024, 12, 21), D(2025, 1, 5)), *CAL.vacations),
)


def found(records: list[AbsenceRecord], peil: date = PEIL, *, cal: object = CAL,
          cases: tuple[tuple[date, date | None], ...] = (), since: date = date(2025, 8, 25)) -> dict[str, Signal]:
    p = replace(pupil(records), enrolled_from=since)
    m = PupilMeasures(p, cal)  # type: ignore[arg-type]
    return {s.id: s for s in record_signals(m, peil, CONFIG, cases)}


def reported(day: date, at: datetime) -> AbsenceRecord:
    return replace(rec(day, "Z"), reported_at=at)


def test_the_shipped_file_sets_a_threshold_for_every_detector() -> None:
    assert list(CONFIG.params) == list(DETECTORS)
    assert CONFIG.weeks == 12 and CONFIG.params["LATE_SICK_REPORT"]["na"] == 600


@pytest.mark.parametrize(("text", "message"), [
    (b"[signalen]\n[signalen.NOPE]\n", "onbekend signaal"),
    (b"[signalen]\n[signalen.WEEKDAY]\nmin_dagen = 4\n", "ontbreekt: min_op_weekdag, min_aandeel"),
    (b"[signalen]\n[signalen.SUSPENDED]\nmin_keer = 'een'\n", "moet een getal"),
    (b"[signalen]\nvenster_lesweken = 0\n", "venster_lesweken"),
    (b"[signalen.WEEKDAY\n", "geen geldige TOML"),
    (b"x = 1\n", "[signalen] ontbreekt"),
])
def test_a_bad_signals_file_is_refused_in_dutch(text: bytes, message: str) -> None:
    with pytest.raises(SignalConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_signal_config(text)


def test_a_signal_without_its_table_is_off() -> None:
    raw = signals_file().read_bytes().replace(b"[signalen.WEEKDAY]", b"[signalen.WEEKDAY_UIT]")
    raw = raw.split(b"[signalen.WEEKDAY_UIT]")[0] + b"[signalen.PART_OF_DAY]" + raw.split(b"[signalen.PART_OF_DAY]")[1]
    config = parse_signal_config(raw)
    assert "WEEKDAY" not in config.params and "PART_OF_DAY" in config.params


MONDAYS = [D(2025, 11, 3), D(2025, 11, 10), D(2025, 11, 17)]


def test_weekday_at_its_threshold() -> None:
    got = found([rec(d, "Z") for d in MONDAYS] + [rec(D(2025, 11, 5), "M")])["WEEKDAY"]
    assert got.evidence == tuple(MONDAYS) and got.value == 3 and "maandag" in got.text
    assert "standaardgrens" in got.basis


@pytest.mark.parametrize("others", [
    [],  # 3 absence days: fewer than 4
    [D(2025, 11, 4), D(2025, 11, 5), D(2025, 11, 6), D(2025, 11, 7)],  # 3 of 7: under half
])
def test_weekday_one_below(others: list[date]) -> None:
    assert "WEEKDAY" not in found([rec(d, "O") for d in MONDAYS + others])
    assert "WEEKDAY" not in found([rec(d, "O") for d in MONDAYS[:2] + others[:2]])  # 2 Mondays of 4


def test_weekday_counts_neither_lateness_nor_records_before_the_window() -> None:
    late = [rec(d, "T", late=10) for d in MONDAYS]
    assert "WEEKDAY" not in found([*late, rec(D(2025, 11, 5), "Z")])
    before = [rec(D(2025, 8, 25), "O"), *(rec(d, "O") for d in MONDAYS[:2]), rec(D(2025, 11, 5), "O")]
    assert "WEEKDAY" not in found(before)


THIRD_HOUR = [D(2025, 11, 4), D(2025, 11, 11), D(2025, 11, 20)]


def test_part_of_day_at_its_threshold() -> None:
    recs = [rec(d, "M", "10:15", "11:00") for d in THIRD_HOUR] + [rec(D(2025, 11, 6), "M", "08:30", "09:30")]
    got = found(recs)["PART_OF_DAY"]
    assert got.evidence == tuple(THIRD_HOUR) and "10:00–11:00" in got.text and got.value == 3


def test_part_of_day_one_below() -> None:
    assert "PART_OF_DAY" not in found([rec(d, "M", "10:15", "11:00") for d in THIRD_HOUR[:2]])
    # the lunch break is no lestijd: three records over 12:00-13:00 share no hour of lestijd
    assert "PART_OF_DAY" not in found([rec(d, "M", "12:05", "12:55") for d in THIRD_HOUR])
    # three of seven part-day records: under half
    more = [rec(D(2025, 11, 5), "M", "08:30", "09:00"), rec(D(2025, 11, 6), "M", "09:10", "09:40"),
            rec(D(2025, 11, 7), "M", "13:00", "13:30"), rec(D(2025, 11, 10), "M", "14:00", "14:30")]
    assert "PART_OF_DAY" not in found([rec(d, "M", "10:15", "11:00") for d in THIRD_HOUR] + more)


def test_vacation_edge_at_its_threshold() -> None:
    # Fri 10 Oct before the herfstvakantie; Mon 5 Jan after the kerstvakantie
    got = found([rec(D(2025, 10, 10), "X"), rec(D(2026, 1, 5), "Z")], D(2026, 1, 9), cal=TWO_YEARS)["VACATION_EDGE"]
    assert got.evidence == (D(2025, 10, 10), D(2026, 1, 5)) and got.value == 2
    assert "herfstvakantie" in got.details[0] and got.details[0].startswith("X")


def test_vacation_edge_counts_the_summer_break_and_last_year() -> None:
    got = found([rec(D(2025, 7, 11), "O"), rec(D(2025, 1, 6), "O")], PEIL, cal=TWO_YEARS, since=D(2024, 8, 26))
    assert got["VACATION_EDGE"].evidence == (D(2025, 1, 6), D(2025, 7, 11))


def test_vacation_edge_one_below() -> None:
    # both edges of one vacation, a day next to an edge, and an edge after the peildatum
    recs = [rec(D(2025, 10, 10), "O"), rec(D(2025, 10, 20), "O"), rec(D(2025, 12, 18), "O"), rec(D(2026, 1, 5), "O")]
    assert "VACATION_EDGE" not in found(recs, D(2026, 1, 2), cal=TWO_YEARS)


def test_vacation_edge_one_day_between_two_vacations() -> None:
    # Mon 20 Oct is the first schooldag after the herfstvakantie and the last before a week off: one
    # absence day alone is no pattern of two vacations; with another absence day it counts for both.
    cal = replace(TWO_YEARS, vacations=(*TWO_YEARS.vacations, Period("Extra week", D(2025, 10, 21), D(2025, 10, 26))))
    that_day = [rec(D(2025, 10, 20), "O", "08:30", "12:00"), rec(D(2025, 10, 20), "O", "13:00", "15:00")]
    assert "VACATION_EDGE" not in found(that_day, D(2025, 11, 7), cal=cal)
    got = found([rec(D(2025, 10, 20), "O"), rec(D(2025, 11, 5), "O")], D(2025, 11, 7), cal=cal)["VACATION_EDGE"]
    assert got.value == 2 and got.evidence == (D(2025, 10, 20), D(2025, 10, 20))


def test_late_sick_report_at_its_threshold() -> None:
    recs = [reported(D(2025, 11, 4), datetime(2025, 11, 4, 10, 1)),
            reported(D(2025, 11, 12), datetime(2025, 11, 13, 8, 0)),  # reported the day after
            reported(D(2025, 11, 18), datetime(2025, 11, 18, 10, 0))]  # 10:00 itself is on time
    got = found(recs)["LATE_SICK_REPORT"]
    assert got.evidence == (D(2025, 11, 4), D(2025, 11, 12))
    assert got.details == ("gemeld om 10:01", "gemeld op do 13 nov 08:00")


def test_late_sick_report_one_below() -> None:
    recs = [reported(D(2025, 11, 4), datetime(2025, 11, 4, 10, 1)),
            reported(D(2025, 11, 18), datetime(2025, 11, 18, 10, 0)),
            rec(D(2025, 11, 19), "Z")]  # without gemeld_op: does not count
    assert "LATE_SICK_REPORT" not in found(recs)


def test_frequent_sick_at_its_threshold_and_one_below() -> None:
    starts = [D(2025, 9, 15), D(2025, 10, 6), D(2025, 11, 24)]
    recs = [rec(d + timedelta(days=k), "Z") for d in starts for k in range(2)]
    got = found(recs)["FREQUENT_SICK"]
    assert got.evidence == tuple(starts) and got.details[0] == "ziek t/m di 16 sep (2 schooldagen)"
    assert "FREQUENT_SICK" not in found(recs[2:])
    # an episode that began before the window does not count
    assert "FREQUENT_SICK" not in found([rec(D(2025, 8, 29), "Z"), *recs[2:]])


def _register(**kw: object) -> dict[str, Signal]:
    x = RegisterInput(PEIL, D(2025, 9, 1), tuple([*MONDAYS, D(2025, 11, 5)]), **kw)  # type: ignore[arg-type]
    return {s.id: s for s in register_signals(x, CONFIG)}


def test_siblings_at_its_threshold_and_one_below() -> None:
    got = _register(siblings=(("Sanne", frozenset([*MONDAYS, D(2025, 11, 6)])),))["SIBLINGS"]
    assert got.evidence == tuple(MONDAYS) and "Sanne" in got.text and got.value == 3
    assert "SIBLINGS" not in _register(siblings=(("Sanne", frozenset(MONDAYS[:2])),))


def test_year_share_at_its_threshold_and_one_below() -> None:
    # Two lesweken of 25.75 hours: 3090 minutes of lestijd, 10% is 309 minutes.
    peil = D(2025, 9, 5)
    assert found([rec(D(2025, 9, 1), "Z", "08:30", "14:39")], peil)["YEAR_SHARE"].value == 10.0
    assert "YEAR_SHARE" not in found([rec(D(2025, 9, 1), "Z", "08:30", "14:38")], peil)
    got = found([rec(D(2025, 9, 1), "Z"), rec(D(2025, 9, 3), "O")], peil)["YEAR_SHARE"]
    assert "ziek 10,7%" in got.text and "ongeoorloofd 7,3%" in got.text


def _last_year_days() -> list[date]:
    return list(TWO_YEARS.schooldagen(D(2024, 8, 26), D(2025, 7, 11), "5"))


def test_earlier_absence_at_its_threshold_and_one_below() -> None:
    days = _last_year_days()
    g = TWO_YEARS.group_days("5")
    total = sum(g.minutes[g.index[d]] for d in days)
    chosen, minutes = [], 0
    for d in days:  # whole days until 10% of the lestijd is reached
        if 10 * minutes >= total:
            break
        chosen.append(d)
        minutes += g.minutes[g.index[d]]
    recs = [rec(d, "Z") for d in chosen]
    assert found(recs, cal=TWO_YEARS, since=D(2024, 8, 26))["EARLIER_ABSENCE"].value >= 10
    assert "EARLIER_ABSENCE" not in found(recs[1:], cal=TWO_YEARS, since=D(2024, 8, 26))


def test_earlier_absence_from_a_case_of_last_year() -> None:
    case = ((D(2025, 3, 3), D(2025, 6, 1)),)
    got = found([], cal=TWO_YEARS, cases=case)["EARLIER_ABSENCE"]
    assert got.evidence == (D(2025, 3, 3),) and "zaak" in got.text
    assert "EARLIER_ABSENCE" not in found([], cal=TWO_YEARS, cases=((D(2024, 3, 3), D(2024, 6, 1)),))


def test_suspended_at_its_threshold_and_one_below() -> None:
    assert found([rec(D(2025, 11, 12), "S")])["SUSPENDED"].evidence == (D(2025, 11, 12),)
    assert "SUSPENDED" not in found([rec(D(2025, 8, 26), "S")])  # before the window
    assert "SUSPENDED" not in found([rec(D(2025, 12, 1), "S")])  # after the peildatum


def test_missing_data_names_each_missing_item() -> None:
    got = _register(birth_date_known=False, guardians_kept=True, case_open=True)["MISSING_DATA"]
    assert got.items == ("geboortedatum", "verzorger", "ot_nummer")
    assert "MISSING_DATA" not in _register(guardians_kept=True, guardian_contact=True, case_open=True,
                                           ot_number="OT-1")
    assert "MISSING_DATA" not in _register(guardians_kept=False)  # a school that keeps no guardians here


def _all_checked(group: str, days: list[date]) -> set[tuple[date, int]]:
    return {(d, p) for d in days for p in range(CAL.dagdelen(group, d))}


def test_registratie_counts_the_last_10_schooldagen_before_the_peildatum() -> None:
    from verzuimdesk.domain.signal_register import recent_schooldagen, unchecked_days

    november = [D(2025, 11, 1) + timedelta(days=i) for i in range(30)]
    checked = _all_checked("8", november) - {(PEIL, 0), (PEIL, 1)}  # the peildatum's own day is still open
    assert unchecked_days(CAL, "8", PEIL, checked) == ()
    # Fri 14 Nov is a studiedag: Thu 13 Nov is the 10th schooldag back, Wed 12 Nov (one dagdeel) the 11th
    assert unchecked_days(CAL, "8", PEIL, checked - {(D(2025, 11, 13), 1)}) == (D(2025, 11, 13),)
    assert unchecked_days(CAL, "8", PEIL, checked - {(D(2025, 11, 12), 0)}) == ()
    assert unchecked_days(CAL, "8", PEIL, checked - {(D(2025, 11, 14), 0)}) == ()  # no lessons: nothing to check
    # groep 1-2 has no lessons on Friday: no Friday to check, so its 10 days reach back to Wed 12 Nov
    ones = _all_checked("1-2", [d for d in november if CAL.is_schooldag(d, "1-2")])
    assert unchecked_days(CAL, "1-2", PEIL, ones) == ()
    assert D(2025, 11, 21) not in recent_schooldagen(CAL, "1-2", PEIL)
    assert unchecked_days(CAL, "1-2", PEIL, ones - {(D(2025, 11, 12), 0)}) == (D(2025, 11, 12),)
    assert unchecked_days(CAL, "1-2", PEIL, ones - {(D(2025, 11, 11), 0)}) == ()


def test_missing_data_names_unchecked_registration_with_its_days() -> None:
    days = (D(2025, 11, 14), D(2025, 11, 27))
    got = _register(unchecked_days=days)["MISSING_DATA"]
    assert got.items == ("registratie",) and got.evidence == days
    assert "gecontroleerde registratie van de groep (2 schooldagen van de laatste 10)" in got.text
    both = _register(birth_date_known=False, unchecked_days=days[:1])["MISSING_DATA"]
    assert both.items == ("geboortedatum", "registratie") and "(1 schooldag van" in both.text


def test_a_signal_never_changes_the_light(hw: Protocol) -> None:
    p: PupilData = pupil([rec(d, "Z") for d in MONDAYS] + [rec(D(2025, 11, 12), "S")])
    assert {"WEEKDAY", "SUSPENDED"} <= set(found(list(p.records)))
    status = evaluate(p, CAL, hw, PEIL)
    assert status.light.value == "green" and not status.actions
