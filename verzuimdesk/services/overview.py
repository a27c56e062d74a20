"""The IB-er's desk: the lights counted, the "Te doen" list of open actions and the rows of the pupil list.

One call to `school_status` (the status cache, or the engine on the whole school loaded in bulk) gives
every pupil's light and the two figures the list shows beside it: unauthorised hours in the current
window of 4 lesweken and sick episodes that started in 12 lesweken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.engine import Action, Light, PupilStatus, RuleHit
from verzuimdesk.services import signal_status
from verzuimdesk.services.accounts import Account
from verzuimdesk.services.status import school_status
from verzuimdesk.storage.database import Database

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
    signals: tuple[str, ...] = ()  # the Dutch names of the pupil's signals (SIGNALS.md)


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """A line of "Let op": a pupil with a signal and no open action (a reason to look, nothing due)."""

    pupil_id: int
    number: str
    name: str
    group: str
    light: Light
    signals: tuple[str, ...]  # their Dutch names
    text: str  # the first signal's explanation
    latest: date | None  # the latest evidence date of any of them


@dataclass(frozen=True, slots=True)
class DeskOverview:
    peildatum: date
    counts: dict[Light, int]
    todo: tuple[TodoItem, ...]
    rows: tuple[PupilDeskRow, ...]
    groups: tuple[str, ...]
    attention: tuple[AttentionItem, ...] = ()


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
    school = school_status(db, peildatum)
    counts = dict.fromkeys(Light, 0)
    todo: list[TodoItem] = []
    rows: list[PupilDeskRow] = []
    groups: set[str] = set()
    attention: list[AttentionItem] = []
    name_of = signal_status.signal_config()[0].name
    for p in school.pupils:
        if not account.sees_group(p.group):
            continue
        groups.add(p.group)
        status = p.status
        counts[status.light] += 1
        first, _, last = p.name.rpartition(" ")
        nxt = _next_action(status)
        rows.append(PupilDeskRow(p.pupil_id, p.number, p.name, f"{last}, {first}".lower(), p.group, status.light,
                                 _reason_of(status, nxt), nxt.kind if nxt else None,
                                 nxt.due_date if nxt else None, bool(nxt and nxt.overdue), p.unauthorised_hours,
                                 p.sick_episodes, tuple(name_of(s.id) for s in p.signals)))
        if p.signals and not status.open_actions:
            latest = max((d for s in p.signals for d in s.evidence), default=None)
            attention.append(AttentionItem(p.pupil_id, p.number, p.name, p.group, status.light,
                                           rows[-1].signals, p.signals[0].text, latest))
        for a in status.open_actions:
            todo.append(TodoItem(p.pupil_id, p.number, p.name, p.group, status.light, a.kind, a.rule_id,
                                 _reason_of(status, a), a.trigger_date, a.due_date, a.regie, a.legal, a.overdue))
    todo.sort(key=lambda t: (not t.overdue, t.due_date, LIGHT_ORDER[t.light], t.name))
    attention.sort(key=lambda a: (-len(a.signals), a.name))
    return DeskOverview(peildatum, counts, tuple(todo), tuple(rows), tuple(sorted(groups, key=_group_key)),
                        tuple(attention))


def _group_key(name: str) -> tuple[int, str]:
    lead = re.match(r"\d+", name)  # "1-2A" files under 1, "10" after "8"
    return (int(lead.group()) if lead else 99, name)
