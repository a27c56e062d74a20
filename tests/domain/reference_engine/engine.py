"""The stappenplan engine: one pupil's traffic light, rules, actions and step at a peildatum.

`evaluate` answers for one peildatum; `timeline` answers for every day of a range and shares the
pupil's precomputation (and every memoised condition answer) across the days, so it gives the same
answer as `evaluate` on each day at a fraction of the cost. Units of `RuleHit.unit`: "uur" (absent
hours), "keer" (records or late arrivals), "ziekmeldingen" (sick episodes), "schooldagen", "weken",
"maanden".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from tests.domain.reference_engine import luxe
from tests.domain.reference_engine.conditions import RESTARTABLE, Evaluator, only_duo, reports_to_duo
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.protocol import ActionSpec, Protocol, Rule, Step
from verzuimdesk.domain.records import Event, PupilData


class Light(StrEnum):
    GREEN = "green"
    ORANGE = "orange"
    RED = "red"
    GREY = "grey"


@dataclass(frozen=True, slots=True)
class RuleHit:
    """A rule that holds at the peildatum, with the numbers and records that make it hold."""

    rule_id: str
    text: str
    step_id: str
    value: float
    threshold: float
    unit: str
    window_start: date | None
    window_end: date | None
    trigger_date: date
    record_ids: tuple[int, ...]
    event_ids: tuple[int, ...] = ()
    follow_up: bool = False  # a 16-hour count restarted after an earlier report: a vervolgmelding


@dataclass(frozen=True, slots=True)
class Action:
    """What a rule that holds asks for, and whether it has been done."""

    kind: ActionKind
    rule_id: str
    trigger_date: date
    due_date: date
    legal: bool
    regie: str
    term: int
    term_unit: str
    done: bool
    done_by: int | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class PupilStatus:
    """A pupil's status at a peildatum. It does not name the pupil (the caller knows whose it is), so
    pupils in the same state share one answer."""

    peildatum: date
    light: Light
    enrolled: bool
    rules: tuple[RuleHit, ...]
    actions: tuple[Action, ...]
    step: Step
    case_start: date | None
    thuiszitter: bool

    @property
    def open_actions(self) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if not a.done)


def evaluate(pupil: PupilData, calendar: SchoolCalendar, protocol: Protocol, peildatum: date) -> PupilStatus:
    """The status of `pupil` at `peildatum`, from records and events dated on or before it."""
    return status_of(Evaluator(pupil, calendar, protocol), peildatum)


def timeline(
    pupil: PupilData, calendar: SchoolCalendar, protocol: Protocol, start: date, end: date
) -> list[tuple[date, Light]]:
    """The light of every calendar day from `start` to `end`, both included."""
    ev = Evaluator(pupil, calendar, protocol)
    out: list[tuple[date, Light]] = []
    day = start
    while day <= end:
        out.append((day, status_of(ev, day).light))
        day += timedelta(days=1)
    return out


def status_of(ev: Evaluator, peil: date) -> PupilStatus:
    """`evaluate` on an Evaluator made before: the service asks it for more figures of the same pupil."""
    pupil, protocol = ev.pupil, ev.protocol
    start_step = protocol.step(protocol.start_step)
    if not pupil.enrolled_on(peil):
        return _not_enrolled(ev, peil, start_step)
    found = _all_hits(ev, peil)
    owed = _owed(ev, peil, found)
    hits = found + owed
    case_start = ev.case_start(peil)
    actions = _actions(ev, found, peil, case_start) + _owed_actions(ev, owed, peil)
    thuiszitter = ev.thuiszitter(peil)
    light = _light_of(actions, thuiszitter)
    step = max((protocol.step(h.step_id) for _, h, _ in hits), key=lambda s: s.order, default=start_step)
    step = max(step, start_step, key=lambda s: s.order)
    return PupilStatus(
        peil,
        light,
        True,
        tuple(h for _, h, _ in hits),
        tuple(actions),
        step,
        case_start,
        thuiszitter,
    )


def _not_enrolled(ev: Evaluator, peil: date, start_step: Step) -> PupilStatus:
    """Grey (PROTOCOLS.md §3). A pupil who has left still owes DUO the legal reports open on the last day of
    enrolment: the verzuim happened while the pupil was the school's, and leaving ends no duty to report it
    (§1b). Those stay listed, overdue when past due, with the rules behind them, until a report dated on or
    after the trigger is registered; the light stays grey."""
    until = ev.pupil.enrolled_until
    grey = PupilStatus(peil, Light.GREY, False, (), (), start_step, None, False)
    if until is None or peil <= until or not ev.pupil.enrolled_on(until):
        return grey  # not yet enrolled, or enrolled on no day
    last = status_of(ev, until)
    owed = tuple(replace(a, overdue=peil > a.due_date) for a in last.actions
                 if a.kind is ActionKind.DUO_REPORT and a.legal and not a.done
                 and not ev.events_of(ActionKind.DUO_REPORT, a.trigger_date, peil))
    if not owed:
        return grey
    rules = {a.rule_id for a in owed}
    return PupilStatus(peil, Light.GREY, False, tuple(h for h in last.rules if h.rule_id in rules), owed,
                       start_step, None, False)


def light_of(ev: Evaluator, peil: date) -> Light:
    """`status_of(ev, peil).light`, without the rest of the status: where no rule holds nothing is asked,
    so the light is green without working out the case, the actions or the step (the trends ask it of
    every pupil at every period end)."""
    if not ev.pupil.enrolled_on(peil):
        return Light.GREY
    hits = _all_hits(ev, peil)
    owed = _owed(ev, peil, hits)
    if not hits and not owed:
        return Light.GREEN
    return _light_of(_actions(ev, hits, peil, ev.case_start(peil)) + _owed_actions(ev, owed, peil),
                     ev.thuiszitter(peil))


def _light_of(actions: list[Action], thuiszitter: bool) -> Light:
    open_ = [a for a in actions if not a.done]
    if any(a.overdue and (a.legal or a.kind is ActionKind.ESCALATION) for a in open_) or (
        thuiszitter and open_
    ):
        return Light.RED
    if open_:
        return Light.ORANGE
    return Light.GREEN


def _all_hits(ev: Evaluator, peil: date) -> list[tuple[Rule, RuleHit, Event | None]]:
    hits: list[tuple[Rule, RuleHit, Event | None]] = []
    if ev.live is None:  # the rules that can hold at some date, each with the evaluator it counts on
        pairs = ((r, duo_only, ev.legal if to_duo else ev.plain) for r, duo_only, to_duo in _rule_flags(ev.protocol))
        ev.live = tuple((r, duo_only, e) for r, duo_only, e in pairs if e.possible(r.condition))
    for rule, duo_only, rule_ev in ev.live:
        if duo_only and not ev.leerplichtig(peil):
            continue  # a rule that asks for nothing but a duo_report (see _hits)
        found = _hits(rule_ev, rule, peil)
        if found:
            hits.extend(found)
    return hits


def _owed(ev: Evaluator, peil: date, hits: list[tuple[Rule, RuleHit, Event | None]]
          ) -> list[tuple[Rule, RuleHit, Event | None]]:
    """Legal reports no report answers whose rule no longer holds with that trigger (PROTOCOLS.md §1b: the duty
    to report stays), found the slow way: every schooldag from the first to `peil` is asked."""
    if not ev.leerplichtig(peil):
        return []
    out: list[tuple[Rule, RuleHit, Event | None]] = []
    for rule, _duo_only, rule_ev in ev.live or ():
        if not any(a.kind is ActionKind.DUO_REPORT and a.legal for a in rule.actions):
            continue
        held = {h.trigger_date for r, h, _ in hits if r is rule}
        for trig, after, hit in _unanswered(rule_ev, rule, peil):
            if trig not in held:
                out.append((rule, hit or _hit_at(rule_ev, rule, trig, after), None))
    return out


def _unanswered(ev: Evaluator, rule: Rule, peil: date) -> list[tuple[date, date | None, RuleHit | None]]:
    c = rule.condition
    days = ev.g.days[:ev.g.last_index(peil) + 1]
    reports = ev.events_of(ActionKind.DUO_REPORT, date.min, peil)
    since = max((y.start for y in ev.calendar.school_years if y.start <= peil), default=date.min)
    if restarts(rule):  # the forward walk of restart_history, to the first trigger without its report
        after: date | None = None
        used = 0
        i = 0
        while i < len(days):
            if ev.holds(c, days[i], after):
                trig = days[i]
                k = used
                while k < len(reports) and reports[k].day < trig:
                    k += 1
                if k == len(reports):  # no restart from here: the first run from `since` on
                    for j in range(i, len(days)):
                        if (days[j] >= since and ev.holds(c, days[j], after)
                                and (j == 0 or not ev.holds(c, days[j - 1], after))):
                            return [(days[j], after, None)]
                    return []
                used, after = k + 1, trig
                i = days.index(trig) + 1
                continue
            i += 1
        return []
    # a report answers every trigger on or before it; an earlier school year's trigger is owed no more
    last = max(reports[-1].day if reports else date.min, since - timedelta(days=1) if since > date.min else since)
    if c.kind == "luxe_in_window":
        return [(e.first, None, RuleHit(rule.id, rule.text, rule.step, e.minutes / 60, 0, "uur", e.first, e.last,
                                        e.first, e.record_ids))
                for e in luxe.episodes(ev.m, date.min, peil) if e.first > last]
    if c.kind not in {"half_weeks", "absence_run_longer_than_weeks"}:
        return []
    for i, d in enumerate(days):  # the first day it holds with a trigger after the last report
        if ev.holds(c, d) and (i == 0 or not ev.holds(c, days[i - 1])) and d > last:
            return [(ev.trigger(c, d), None, None)]
    return []


def _owed_actions(ev: Evaluator, owed: list[tuple[Rule, RuleHit, Event | None]], peil: date) -> list[Action]:
    """Only the legal reports of an owed trigger: the school's own steps end with the rule."""
    out = []
    for rule, hit, _ in owed:
        for spec in rule.actions:
            if spec.kind is ActionKind.DUO_REPORT and spec.legal:
                due = _due(ev, spec, hit.trigger_date, None)
                out.append(Action(spec.kind, rule.id, hit.trigger_date, due, True, spec.regie, spec.term,
                                  spec.term_unit, False, None, peil > due))
    return out


def _hit_at(ev: Evaluator, rule: Rule, trig: date, after: date | None) -> RuleHit:
    c = rule.condition
    m = ev.measure(c, trig, after)
    return RuleHit(rule.id, rule.text, rule.step, m.value, m.threshold, m.unit, m.start, m.end, trig, m.record_ids,
                   m.event_ids, after is not None and c.kind == "minutes_in_window")


_FLAGS: dict[int, tuple[Protocol, tuple[tuple[Rule, bool, bool], ...]]] = {}


def _rule_flags(protocol: Protocol) -> tuple[tuple[Rule, bool, bool], ...]:
    """Each rule with `only_duo` and `reports_to_duo`, worked out once per protocol rather than at every
    pupil and peildatum (the trends ask a thousand pupils at two dozen dates)."""
    got = _FLAGS.get(id(protocol))
    if got is None or got[0] is not protocol:
        if len(_FLAGS) > 16:
            _FLAGS.clear()
        got = _FLAGS[id(protocol)] = (protocol, tuple((r, only_duo(r), reports_to_duo(r)) for r in protocol.rules))
    return got[1]


def _hits(ev: Evaluator, rule: Rule, peil: date) -> list[tuple[Rule, RuleHit, Event | None]]:
    """The hits of one rule on the evaluator `for_rule` gives; `each_record` gives one per record, the
    others at most one.

    The third element is the DUO report that restarted counting for a restart rule, if the hit is
    the one that report answered. A rule with a `duo_report` counts only records dated in leerplicht
    (the caller passes the `legal` evaluator), and one that asks for nothing but a `duo_report` does
    not hold for a pupil not leerplichtig (PROTOCOLS.md §1b; the caller leaves it out).
    """
    c = rule.condition
    if not ev.possible(c):
        return []
    if c.kind == "luxe_in_window":  # one hit per luxe episode, each with a report of its own
        win = ev.m.window(peil, c.window)
        found = luxe.episodes(ev.m, win[0], peil) if win is not None else []
        return [
            (rule, RuleHit(rule.id, rule.text, rule.step, e.minutes / 60, 0, "uur", e.first, e.last, e.first,
                           e.record_ids), None)
            for e in found
        ]
    if c.kind == "each_record":
        s = ev.m.series(c.categories)
        lo, hi = s.bounds(date.min, peil)
        return [
            (rule, RuleHit(rule.id, rule.text, rule.step, 1, 1, "keer", r.day, r.day, r.day, (r.id,)), None)
            for r in s.records[lo:hi]
        ]
    report: Event | None = None
    after: date | None = None
    if restarts(rule):
        got = ev.restart_trigger(rule, peil)
        if got is None:
            return []
        trig, after, report = got
    else:
        if not ev.holds(c, peil):
            return []
        trig = ev.trigger(c, peil)
    m = ev.measure(c, peil, after)
    hit = RuleHit(
        rule.id,
        rule.text,
        rule.step,
        m.value,
        m.threshold,
        m.unit,
        m.start,
        m.end,
        trig,
        m.record_ids,
        m.event_ids,
        after is not None and c.kind == "minutes_in_window",
    )
    return [(rule, hit, report)]


def _actions(
    ev: Evaluator, hits: list[tuple[Rule, RuleHit, Event | None]], peil: date, case_start: date | None
) -> list[Action]:
    # An escalation event answers the escalation whose trigger is the latest on or before it
    # (PROTOCOLS.md §3, haaglanden), so one event cannot close every step of the opschaling at once.
    escalation_triggers = sorted(
        {h.trigger_date for r, h, _ in hits for a in r.actions if a.kind is ActionKind.ESCALATION}
    )
    escalation_done: dict[date, int] = {}
    for e in ev.events_of(ActionKind.ESCALATION, date.min, peil):
        earlier = [t for t in escalation_triggers if t <= e.day]
        if earlier and earlier[-1] not in escalation_done:
            escalation_done[earlier[-1]] = e.id
    out: list[Action] = []
    leerplichtig = ev.leerplichtig(peil)
    for rule, hit, report in hits:
        for spec in rule.actions:
            if spec.kind is ActionKind.DUO_REPORT and not leerplichtig:
                continue  # DUO takes reports of leerplichtige pupils only (PROTOCOLS.md §1b)
            due = _due(ev, spec, hit.trigger_date, case_start)
            done_by: int | None
            if spec.kind is ActionKind.ESCALATION:
                done_by = escalation_done.get(hit.trigger_date)
            elif spec.kind is ActionKind.DUO_REPORT and restarts(rule):
                # the restart history matched the reports to the triggers: a report it used for an
                # earlier trigger does not answer this one too (PROTOCOLS.md §1b)
                done_by = report.id if report is not None else None
            else:
                found = ev.events_of(spec.kind, hit.trigger_date, peil)
                done_by = found[0].id if found else None
            done = done_by is not None
            out.append(
                Action(
                    spec.kind,
                    rule.id,
                    hit.trigger_date,
                    due,
                    spec.legal,
                    spec.regie,
                    spec.term,
                    spec.term_unit,
                    done,
                    done_by,
                    not done and peil > due,
                )
            )
    return out


def restarts(rule: Rule) -> bool:
    """A rule whose count restarts after each report: its reports are matched by `restart_history`."""
    return rule.restart_after_report and rule.condition.kind in RESTARTABLE


def _due(ev: Evaluator, spec: ActionSpec, trigger: date, case_start: date | None) -> date:
    cal = ev.m.calendar
    if spec.term_unit == "schooldagen":
        return cal.add_schooldagen(trigger, spec.term, ev.m.group)
    if spec.term_unit == "werkdagen":
        return cal.add_werkdagen(trigger, spec.term)
    if spec.term_unit == "weken_na_start_zaak":
        return (case_start or trigger) + timedelta(weeks=spec.term)
    return trigger
