"""The IB-er's desk: the lights counted, the "Te doen" list of open actions and the rows of the pupil list.

One call loads the whole school in bulk (as `school_status` does), evaluates every pupil at the
peildatum and adds the two figures the list shows beside the light: unauthorised hours in the current
window of 4 lesweken and sick episodes that started in 12 lesweken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.engine import Action, Light, PupilStatus, RuleHit, evaluate
from verzuimdesk.domain.measures import PupilMeasures
from verzuimdesk.services.accounts import Account
from verzuimdesk.services.status import school_protocol
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school

UNAUTHORISED = frozenset({Category.UNAUTHORISED, Category.UNEXPLAINED})  # unexplained counts as unauthorised
LIGHT_ORDER = {Light.RED: 0, Light.ORANGE: 1, Light.GREEN: 2, Light.GREY: 3}


@dataclass(frozen=True, slots=True)
class TodoItem:
    """One open action of one pupil, with the reason in one line."""

    pupil_id: int
    number: str
    name: str
    group: str
    light: Light
    kind: ActionKind
    rule_id: str
    reason: str
    trigger_date: date
    due_date: date
    regie: str
    legal: bool
    overdue: bool


@dataclass(frozen=True, slots=True)
class PupilDeskRow:
    """One line of the Leerlingen list."""

    pupil_id: int
    number: str
    name: str
    sort_name: str
    group: str
    light: Light
    reason: str
    next_action: ActionKind | None
    next_due: date | None
    next_overdue: bool
    unauthorised_hours: float
    sick_episodes: int


@dataclass(frozen=True, slots=True)
class DeskOverview:
    peildatum: date
    counts: dict[Light, int]
    todo: tuple[TodoItem, ...]
    rows: tuple[PupilDeskRow, ...]
    groups: tuple[str, ...]


def _num(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def short_reason(hit: RuleHit) -> str:
    """The rule's first clause with its measured value: `16 uur of meer ... (18,5 uur)`."""
    head = hit.text.split(":", 1)[0].strip()
    return f"{head} ({_num(hit.value)} {hit.unit})"


def _reason_of(status: PupilStatus, action: Action | None) -> str:
    if action is not None:
        for hit in status.rules:
            if hit.rule_id == action.rule_id and hit.trigger_date == action.trigger_date:
                return short_reason(hit)
    return short_reason(status.rules[-1]) if status.rules else ""


def _next_action(status: PupilStatus) -> Action | None:
    open_ = status.open_actions
    return min(open_, key=lambda a: (not a.overdue, not a.legal, a.due_date)) if open_ else None


def desk_overview(db: Database, *, peildatum: date, account: Account) -> DeskOverview:
    """The lights, the open actions (overdue first) and the list rows of the pupils `account` sees."""
    with db.read() as session:
        school = load_school(session)
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        protocol = school_protocol(school.protocol)
        calendar = load_calendar(session)
        pupils = load_pupil_data(session, until=peildatum)
    counts = dict.fromkeys(Light, 0)
    todo: list[TodoItem] = []
    rows: list[PupilDeskRow] = []
    groups: set[str] = set()
    for p in pupils:
        if not account.sees_group(p.group):
            continue
        groups.add(p.group)
        status = evaluate(p, calendar, protocol, peildatum)
        counts[status.light] += 1
        m = PupilMeasures(p, calendar)
        hours, episodes = 0.0, 0
        window = m.window(peildatum, 4)
        if window is not None:
            s = m.series(UNAUTHORISED)
            lo, hi = s.bounds(window[0], window[1])
            hours = (s.cum[hi] - s.cum[lo]) / 60
        window12 = m.window(peildatum, 12)
        if window12 is not None:
            episodes = m.episodes_starting(window12[0], window12[1])
        first, _, last = p.name.rpartition(" ")
        nxt = _next_action(status)
        rows.append(PupilDeskRow(p.id, p.number, p.name, f"{last}, {first}".lower(), p.group, status.light,
                                 _reason_of(status, nxt), nxt.kind if nxt else None,
                                 nxt.due_date if nxt else None, bool(nxt and nxt.overdue), round(hours, 2),
                                 episodes))
        for a in status.open_actions:
            todo.append(TodoItem(p.id, p.number, p.name, p.group, status.light, a.kind, a.rule_id,
                                 _reason_of(status, a), a.trigger_date, a.due_date, a.regie, a.legal, a.overdue))
    todo.sort(key=lambda t: (not t.overdue, t.due_date, LIGHT_ORDER[t.light], t.name))
    return DeskOverview(peildatum, counts, tuple(todo), tuple(rows), tuple(sorted(groups, key=_group_key)))


def _group_key(name: str) -> tuple[int, str]:
    lead = re.match(r"\d+", name)  # "1-2A" files under 1, "10" after "8"
    return (int(lead.group()) if lead else 99, name)
