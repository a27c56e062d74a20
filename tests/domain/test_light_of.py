"""`light_of`, the engine's light alone (what the trends ask at every period end), is the light of the
full status on every day, for pupils of every kind of record and action, in every shipped protocol."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from tests.domain.helpers import CAL, ev, pupil, rec, schooldays
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.engine import Light, light_of, status_of

START, END = date(2025, 8, 25), date(2026, 7, 10)
CODES = ("O", "O", "Z", "Z", "Z", "T", "?", "V", "S")
KINDS = (ActionKind.DUO_REPORT, ActionKind.CONTACT_PARENTS, ActionKind.ESCALATION, ActionKind.SUPPORT_PLAN)


def _pupils(n: int = 14, seed: int = 3):
    rng = random.Random(seed)
    days = schooldays(START, 180)
    out = []
    for i in range(n):
        chosen = sorted(rng.sample(days, rng.randrange(0, 40)))
        if i % 3 == 0:  # a long run of sick days
            first = rng.randrange(0, 120)
            chosen = sorted(set(chosen) | set(days[first:first + rng.randrange(5, 30)]))
        records = [rec(d, "T", late=rng.randrange(5, 30)) if (code := rng.choice(CODES)) == "T" else rec(d, code)
                   for d in chosen]
        events = [ev(rng.choice(days), rng.choice(KINDS)) for _ in range(rng.randrange(0, 4))]
        out.append(pupil(records, events, enrolled_until=END - timedelta(days=40) if i == 5 else None,
                         case_start=days[30] if i == 7 else None, birth_date=date(2014, 1, 1 + i)))
    return out


@pytest.mark.parametrize("name", ["hw", "dh", "tb", "am"])
def test_light_of_is_the_statuss_light_on_every_day(name, request):
    protocol = request.getfixturevalue(name)
    seen = set()
    for p in _pupils():
        full, alone = Evaluator(p, CAL, protocol), Evaluator(p, CAL, protocol)
        day = START
        while day <= END:
            light = status_of(full, day).light
            assert light_of(alone, day) is light, (p.id, day)
            seen.add(light)
            day += timedelta(days=3)
    assert {Light.GREEN, Light.ORANGE, Light.GREY} <= seen  # the comparison met more than green (hw: red too)
