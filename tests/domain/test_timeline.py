from __future__ import annotations

from datetime import date

import pytest

from tests.domain.helpers import CAL, ev, pupil, rec, schooldays, whole_days
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.engine import Light, evaluate, timeline
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import PupilData
from verzuimdesk.importers.protocol_files import load_protocol

YEAR = (date(2025, 8, 20), date(2026, 7, 15))


def busy_pupil() -> PupilData:
    days = schooldays(date(2025, 9, 1), 190)
    records = [rec(d, "T", late=10) for d in days[::9]]
    records += [rec(d, "O", "08:30", "10:30") for d in days[5::17]]
    records += whole_days(date(2025, 10, 20), 5, "O")
    records += whole_days(date(2026, 1, 12), 25, "Z")
    records += [rec(date(2025, 11, 3), "?"), rec(date(2026, 3, 2), "Z"), rec(date(2026, 3, 16), "Z")]
    events = [
        ev(date(2025, 10, 28), ActionKind.DUO_REPORT),
        ev(date(2025, 10, 30), ActionKind.TALK_PUPIL),
        ev(date(2026, 2, 2), ActionKind.SWV_REPORT),
        ev(date(2026, 2, 3), ActionKind.CARE_TEAM),
        ev(date(2026, 3, 9), ActionKind.ESCALATION),
    ]
    return pupil(records, events, enrolled_until=date(2026, 6, 30))


def typical_pupil() -> PupilData:
    days = schooldays(date(2025, 9, 1), 190)
    records = [rec(d, "Z") for d in days[3::20]] + [rec(d, "T", late=5) for d in days[7::40]]
    records += [rec(d, "M", "09:00", "10:00") for d in days[11::30]] + [rec(days[50], "O", "08:30", "09:30")]
    return pupil(records, [ev(days[51], ActionKind.TALK_PUPIL), ev(days[51], ActionKind.CONTACT_PARENTS)])


@pytest.mark.parametrize("protocol_id", ["hoeksche-waard-po", "haaglanden-po", "tilburg-po", "amsterdam-vo"])
def test_timeline_gives_the_same_light_as_evaluate_on_each_day(protocol_id: str) -> None:
    protocol = load_protocol(protocol_id)
    for p in (busy_pupil(), typical_pupil()):
        got = timeline(p, CAL, protocol, *YEAR)
        assert len(got) == (YEAR[1] - YEAR[0]).days + 1
        for day, light in got:
            assert evaluate(p, CAL, protocol, day).light is light, (protocol_id, day)


def test_timeline_of_a_busy_pupil_shows_every_colour(hw: Protocol) -> None:
    lights = {light for _, light in timeline(busy_pupil(), CAL, hw, *YEAR)}
    assert lights == {Light.GREEN, Light.ORANGE, Light.RED, Light.GREY}
