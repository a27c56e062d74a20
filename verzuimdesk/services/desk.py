"""The desk's lines, worked out from a school's statuses: the "Te doen" items, the Leerlingen list's rows and
"Let op". Plain Python without SQLAlchemy, so that the app's login can show the Overzicht from the status
cache (services/status_quick.py) before the ORM is imported; services/overview.py reads the school and
uses the same code, so both give the same desk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.engine import Action, Light, PupilStatus
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.services import signal_status
from verzuimdesk.services.light_reason import (
    deciding_action,
    hit_of,
    is_follow_up,
    joined_reasons,
    main_reason,
    rule_label,
)
from verzuimdesk.services.roles import Account
from verzuimdesk.services.status_read import PupilLight, SchoolStatus
from verzuimdesk.services.unchecked import UncheckedGroup

LIGHT_ORDER = {Light.RED: 0, Light.ORANGE: 1, Light.GREEN: 2, Light.GREY: 3}


@dataclass(frozen=True, slots=True)
class TodoItem:
    """One open action of one pupil: the pupil's open actions of one kind are one item, due when the first
    is, with every reason (`reasons`, and joined in `reason`) and every rule behind it (`rule_ids`)."""

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
    reasons: tuple[str, ...] = ()
    rule_ids: tuple[str, ...] = ()
    follow_up: bool = False  # a DUO report that is a vervolgmelding (RuleHit.follow_up)


@dataclass(frozen=True, slots=True)
class PupilDeskRow:
    """One line of the Leerlingen list."""

    pupil_id: int
    number: str
    name: str
    sort_key: str  # dutch.sort_key: the name column sorts as every list does
    group: str
    light: Light
    reason: str
    next_action: ActionKind | None
    next_due: date | None
    next_overdue: bool
    unauthorised_hours: float
    sick_episodes: int
    signals: tuple[str, ...] = ()  # the Dutch names of the pupil's signals (SIGNALS.md)
    birth_date_missing: bool = False  # taken as leerplichtig (PROTOCOLS.md §1b); the list says so
    next_follow_up: bool = False  # the next action is a vervolgmelding at DUO (TodoItem.follow_up)


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
    unchecked: tuple[UncheckedGroup, ...] = ()  # groups whose registration of the last schooldagen is unchecked
    attention: tuple[AttentionItem, ...] = ()


def _todo_items(p: PupilLight, status: PupilStatus, protocol: Protocol) -> list[TodoItem]:
    """The pupil's open actions, one item per kind: one `?` asks for one call to the parents, not two.

    Every open action was triggered on or before the peildatum, and the engine counts one event of a kind
    on or after an action's trigger as doing it, so one conversation does every action of its kind; the
    item is due when the first of them is. An escalation answers only its own step (engine), so those
    merge only when due the same day.
    """
    merged: dict[tuple[ActionKind, date | None], list[Action]] = {}
    for a in status.open_actions:
        merged.setdefault((a.kind, a.due_date if a.kind is ActionKind.ESCALATION else None), []).append(a)
    items = []
    for (kind, _), actions in merged.items():
        ordered = sorted(actions, key=lambda a: a.due_date)
        hits = [h for h in (hit_of(status, a) for a in ordered) if h is not None]
        reasons = joined_reasons(protocol, hits) or tuple(rule_label(protocol, a.rule_id) for a in ordered[:1])
        first = min(actions, key=lambda a: (a.due_date, not a.legal))
        items.append(TodoItem(p.pupil_id, p.number, p.name, p.group, status.light, kind, first.rule_id,
                              "; ".join(reasons), min(a.trigger_date for a in actions), first.due_date,
                              first.regie, any(a.legal for a in actions), any(a.overdue for a in actions),
                              reasons, tuple(dict.fromkeys(a.rule_id for a in actions)), is_follow_up(status, first)))
    return items


def _pupil_parts(p: PupilLight, protocol: Protocol, name_of: Callable[[str], str],
                 birth_date_missing: bool) -> tuple[PupilDeskRow, AttentionItem | None, list[TodoItem]]:
    """One pupil's line of the list, of "Let op" (or None) and of "Te doen"."""
    status = p.status
    nxt = deciding_action(status, protocol)
    row = PupilDeskRow(p.pupil_id, p.number, p.name, p.sort_key, p.group, status.light,
                       main_reason(status, protocol), nxt.kind if nxt else None,
                       nxt.due_date if nxt else None, bool(nxt and nxt.overdue), p.unauthorised_hours,
                       p.sick_episodes, tuple(name_of(s.id) for s in p.signals), birth_date_missing,
                       is_follow_up(status, nxt))
    attention = None
    if p.signals and not status.open_actions:
        latest = max((d for s in p.signals for d in s.evidence), default=None)
        attention = AttentionItem(p.pupil_id, p.number, p.name, p.group, status.light, row.signals,
                                  p.signals[0].text, latest)
    return row, attention, _todo_items(p, status, protocol)


def _todo_order(t: TodoItem) -> tuple[bool, date, int, str]:
    return (not t.overdue, t.due_date, LIGHT_ORDER[t.light], t.name)


def _attention_order(a: AttentionItem) -> tuple[int, str]:
    return (-len(a.signals), a.name)


def assemble_desk(school: SchoolStatus, account: Account, unborn: set[int],
                  unchecked: Callable[[list[str]], Iterable[UncheckedGroup]]) -> DeskOverview:
    """The desk of the pupils `account` sees: `unborn` the pupils without a birth date, `unchecked` the
    groups (of those asked) whose registration of the last schooldagen nobody marked as checked."""
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
        row, att, items = _pupil_parts(p, school.protocol, name_of, p.pupil_id in unborn)
        counts[row.light] += 1
        rows.append(row)
        if att is not None:
            attention.append(att)
        todo.extend(items)
    todo.sort(key=_todo_order)  # stable: ties in list order, as `desk_update` keeps them
    attention.sort(key=_attention_order)
    seen = sorted(groups, key=_group_key)
    return DeskOverview(school.peildatum, counts, tuple(todo), tuple(rows), tuple(seen),
                        tuple(sorted(unchecked(seen), key=lambda u: _group_key(u.group))), tuple(attention))


def _group_key(name: str) -> tuple[int, str]:
    lead = re.match(r"\d+", name)  # "1-2A" files under 1, "10" after "8"
    return (int(lead.group()) if lead else 99, name)
