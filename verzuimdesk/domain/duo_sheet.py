"""The DUO sheet's figures (PROTOCOLS.md §1b): built from the trigger a report answers, never from the
state on the day it is printed.

`duo_sheets(ev, on)` gives every sheet of a date: each action answered by a report registered on `on`
(printed again for the file, then marked "gemeld op") and each open `duo_report` at `on`; when there is
none, each action the last report registered before `on` answered. One report can answer several
actions (two luxe episodes, or a luxe episode and 16 hours reached the same day), and each is a report
of its own in DUO, so each gets its own sheet. `rule_id` and `trigger` choose among them.
`duo_sheet(ev, on)` is the first of them. Per type of §1b's table a sheet gives the begindatum, the
einddatum, the hours or the count and exactly the records behind them, so the begindatum never lies
after the einddatum and no record dated after the einddatum is listed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from verzuimdesk.domain import luxe
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import RUN_KIND, Evaluator, reports_to_duo
from verzuimdesk.domain.engine import Action, _due, restarts, status_of
from verzuimdesk.domain.halfweeks import LRV_CATEGORIES, HalfWeekIndex, half_week_index
from verzuimdesk.domain.protocol import Rule
from verzuimdesk.domain.records import Event

SIXTEEN_HOURS = "16uur"
FOLLOW_UP = "vervolg"
LRV = "lrv"
LUXE = "luxe"
LATE = "te_laat"


@dataclass(frozen=True, slots=True)
class DuoSheet:
    """One report's figures. `end` None: LRV still holds ("nog afwezig"). `minutes` are absent
    minutes; for the late type `record_ids` are the late arrivals and `minutes` their minutes late."""

    rule_id: str
    kind: str
    trigger: date
    begin: date
    end: date | None
    minutes: int
    record_ids: tuple[int, ...]
    due: date
    legal: bool
    report: Event | None = None  # the registered report that answered it
    previous: Event | None = None  # the report before it of the same rule (vervolgmelding)

    @property
    def count(self) -> int:
        return len(self.record_ids)


class _OfAction(Protocol):
    @property
    def rule_id(self) -> str: ...
    @property
    def trigger(self) -> date: ...


S = TypeVar("S", bound=_OfAction)


def once_per_action(sheets: Iterable[S]) -> tuple[S, ...]:
    """The sheets in their order, each action's (rule, trigger) once: two reports on one day answer it once."""
    seen: set[tuple[str, date]] = set()
    unique = []
    for sheet in sheets:
        if (sheet.rule_id, sheet.trigger) not in seen:
            seen.add((sheet.rule_id, sheet.trigger))
            unique.append(sheet)
    return tuple(unique)


def duo_sheet(ev: Evaluator, on: date, rule_id: str | None = None) -> DuoSheet | None:
    """The sheet of the pupil's report made on `on`, or due at `on`, or last made before it;
    only of rule `rule_id` when given (a pupil can owe a 16-hour and an LRV report at once)."""
    sheets = duo_sheets(ev, on, rule_id)
    return sheets[0] if sheets else None


def duo_sheets(ev: Evaluator, on: date, rule_id: str | None = None,
               trigger: date | None = None) -> tuple[DuoSheet, ...]:
    """Every sheet of `on`: those answered by the reports registered on `on`, then the open `duo_report`
    actions at `on` (earliest trigger first); when there is none, those answered by the last report
    registered before `on`. Only of rule `rule_id` and trigger date `trigger` when given."""
    def wanted(rule: str, trig: date) -> bool:
        return rule_id in (None, rule) and trigger in (None, trig)

    reports = ev.events_of(ActionKind.DUO_REPORT, date.min, on)
    found: list[DuoSheet] = []
    for e in (e for e in reports if e.day == on):  # registered first, answered first (done_by, the restart walk)
        found += _answered_by(ev, e, wanted, on)
    found.sort(key=lambda s: (s.trigger, s.rule_id))  # a first melding before its vervolgmelding, as DUO takes them
    status = status_of(ev, on)
    open_ = sorted((a for a in status.actions if a.kind is ActionKind.DUO_REPORT and not a.done
                    and wanted(a.rule_id, a.trigger_date)), key=lambda a: (a.trigger_date, a.rule_id))
    found += [sheet_of(ev, a, on, None) for a in open_]
    if not found:
        for e in reversed([e for e in reports if e.day < on]):
            found = _answered_by(ev, e, wanted, on)
            if found:
                break
    return once_per_action(found)


def report_sheets(ev: Evaluator, report: Event, on: date) -> tuple[DuoSheet, ...]:
    """The sheets of every action the registered `report` answers on the records of `ev`, as printed on `on`,
    earliest trigger first; none when it answers none (services/duo_kept.py keeps those of its own day)."""
    return tuple(_answered_by(ev, report, lambda _rule, _trig: True, on))


def may_be_lrv_report(ev: Evaluator, report: Event) -> bool:
    """The registered `report` can be the pupil's report of langdurig relatief verzuim: it answered an LRV
    action (a rule counting half-weeks or a run of absence, whose sheet is *langdurig relatief verzuim*), or
    no action at all (a report the school made on its own judgement). A report that answered only a 16-hour,
    luxe or lateness action is another report to DUO: the SWV list's category A names the LRV one (source
    004: "Verzuimloket DUO als 'langdurig relatief verzuim'")."""
    answered = [ev.protocol.rule(a.rule_id).condition.kind for a in status_of(ev, report.day).actions
                if a.kind is ActionKind.DUO_REPORT and a.done_by == report.id]
    if any(kind in {"half_weeks", RUN_KIND} for kind in answered):
        return True
    if answered:
        return False
    return not any(rep is not None and rep.id == report.id  # a restart rule's trigger it answered (16 hours)
                   for rule in ev.protocol.rules if restarts(rule) and reports_to_duo(rule)
                   for _trig, _after, rep in ev.for_rule(rule).restart_history(rule, report.day))


def _answered_by(ev: Evaluator, report: Event, wanted: Callable[[str, date], bool],
                 on: date) -> list[DuoSheet]:
    """The sheets of every action `report` answered (of those `wanted`), earliest trigger first."""
    actions: dict[tuple[str, date], Action] = {}
    for rule in ev.protocol.rules:  # a restart rule: the trigger its history matched to this report
        if not (restarts(rule) and reports_to_duo(rule)):
            continue
        lev = ev.for_rule(rule)
        for trig, _after, rep in lev.restart_history(rule, report.day):
            if rep is not None and rep.id == report.id and wanted(rule.id, trig):
                spec = next(a for a in rule.actions if a.kind is ActionKind.DUO_REPORT)
                actions[rule.id, trig] = Action(spec.kind, rule.id, trig, _due(lev, spec, trig, None), spec.legal,
                                                spec.regie, spec.term, spec.term_unit, True, report.id, False)
    for a in status_of(ev, report.day).actions:
        if a.kind is ActionKind.DUO_REPORT and a.done_by == report.id and wanted(a.rule_id, a.trigger_date):
            actions.setdefault((a.rule_id, a.trigger_date), a)
    return [sheet_of(ev, actions[k], on, report) for k in sorted(actions, key=lambda k: (k[1], k[0]))]


def sheet_of(ev: Evaluator, action: Action, on: date, report: Event | None) -> DuoSheet:
    rule = ev.protocol.rule(action.rule_id)
    lev = ev.for_rule(rule)
    c, trig = rule.condition, action.trigger_date

    def sheet(kind: str, begin: date, end: date | None, minutes: int, ids: tuple[int, ...],
              previous: Event | None = None) -> DuoSheet:
        return DuoSheet(rule.id, kind, trig, begin, end, minutes, ids, action.due_date, action.legal, report,
                        previous)

    if c.kind == "luxe_in_window":  # a registered report: the episode as far as it went when reported
        ep = next(e for e in luxe.episodes(lev.m, trig, min(on, report.day) if report else on) if e.first == trig)
        return sheet(LUXE, ep.first, ep.last, ep.minutes, ep.record_ids)
    if c.kind in {"half_weeks", RUN_KIND}:
        begin, end, minutes, ids = _long(lev, rule, trig, on)
        return sheet(LRV, begin, end, minutes, ids)
    after, previous = _restart_point(lev, rule, trig, report.day if report else on)
    counted = set(lev.measure(c, trig, after).record_ids)
    if c.kind == "occurrences_in_school_year":
        late = [r for r in lev.m.records if r.id in counted]
        return sheet(LATE, late[0].day if late else trig, trig, sum(r.minutes_late or 0 for r in late),
                     tuple(r.id for r in late), previous)
    recs = [r for r in lev.m.records if r.id in counted and lev.m.minutes[r.id] > 0 and r.day <= trig]
    return sheet(FOLLOW_UP if previous else SIXTEEN_HOURS, recs[0].day if recs else trig, trig,
                 sum(lev.m.minutes[r.id] for r in recs), tuple(r.id for r in recs), previous)


def _restart_point(ev: Evaluator, rule: Rule, trig: date, peil: date) -> tuple[date | None, Event | None]:
    """Where the count toward `trig` started (the previous trigger date) and the report before it."""
    if not rule.restart_after_report:
        return None, None
    history = ev.restart_history(rule, peil)
    previous: Event | None = None
    for t, after, rep in history:
        if t == trig:
            return after, previous
        previous = rep
    return None, None


def _long(ev: Evaluator, rule: Rule, trig: date, on: date) -> tuple[date, date | None, int, tuple[int, ...]]:
    """Langdurig relatief verzuim: from the first lesweek of the series (or the run's first day) up
    to the trigger; the einddatum stays open while it holds, then is the last day it held."""
    c, m, g = rule.condition, ev.m, ev.g
    if c.kind == "half_weeks":
        index = half_week_index(m, c.categories)
        hw = index.at(trig, strict=True)
        begin = hw.series_start if hw else trig
        cats = c.categories
    else:  # a run of absence (AM-THUIS): from its first day, but only its unauthorised hours are LRV's
        begin = ev.measure(c, trig).start or trig
        cats = LRV_CATEGORIES
    # The count is of days in leerplicht only (§1b): a series whose first lesweek began before the pupil was
    # leerplichtig (or in a vrijstelling) begins on the first such day, as its hours and records do.
    if begin < trig and not ev.leerplichtig(begin):
        k = bisect_left(g.days, begin)
        while k < len(g.days) and g.days[k] < trig and not ev.leerplichtig(g.days[k]):
            k += 1
        begin = g.days[k] if k < len(g.days) else trig
    recs = [r for r in m.records if r.category in cats and begin <= r.day <= trig and m.minutes[r.id] > 0]
    end: date | None = None
    if not (ev.holds(c, on) and ev.trigger(c, on) == trig):
        if c.kind == "half_weeks":  # the last schooldag of the series of lesweken more than half absent
            end = _series_end(index, g.week_of[g.last_index(trig)], on, trig)
        else:  # the run's last day
            i = g.last_index(trig)
            last = g.last_index(on)
            while i + 1 <= last and ev.holds(c, g.days[i + 1]):
                i += 1
            end = g.days[i]
    return begin, end, sum(m.minutes[r.id] for r in recs), tuple(r.id for r in recs)


def _series_end(index: HalfWeekIndex, w: int, on: date, trig: date) -> date:
    """The last schooldag of the unbroken series of lesweken, from lesweek `w` (the trigger's) on, each more
    than half absent as a whole (§1b's einddatum once LRV stops): not a later day of a lesweek that fell
    below half, on which LRV still held only because that lesweek counted up to the day. Never before the
    trigger (the trigger's own lesweek qualified up to it), so no listed record lies after the einddatum."""
    end = trig
    while True:
        week = index.week(w, on)
        if week is None or 2 * week.absent <= week.lestijd:
            return end
        end = max(end, week.last)
        w += 1
