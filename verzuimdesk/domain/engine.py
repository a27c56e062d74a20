"""The stappenplan engine: one pupil's traffic light, rules, actions and step at a peildatum.

`evaluate` answers for one peildatum; `timeline` answers for every day of a range and shares the
pupil's precomputation (and every memoised condition answer) across the days, so it gives the same
answer as `evaluate` on each day at a fraction of the cost. Units of `RuleHit.unit`: "uur" (absent
hours), "keer" (records or late arrivals), "ziekmeldingen" (sick episodes), "schooldagen", "weken",
"maanden".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from itertools import compress

from verzuimdesk.domain import luxe
from verzuimdesk.domain.calendar import SchoolCalendar
from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.conditions import Evaluator, reports_to_duo
from verzuimdesk.domain.protocol import ActionSpec, Protocol, Rule, Step, once_per_protocol
from verzuimdesk.domain.records import Event, PupilData
from verzuimdesk.domain.restarts import RESTARTABLE
from verzuimdesk.domain.restarts import first_unanswered as restarts_first_unanswered
from verzuimdesk.domain.screen import MONOTONE, only_duo, run_starts
from verzuimdesk.domain.statuses import Action, Light, PupilStatus, RuleHit

OWN_RUNS = frozenset({"half_weeks", "absence_run_longer_than_weeks"})  # legal rules that hold over a run of days


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
    if ev.quiet():  # no rule can hold: green, and only a case opened by hand
        case = pupil.case_start if pupil.case_start is not None and pupil.case_start <= peil else None
        return _quiet_status(peil, start_step, case, False)
    hits = _all_hits(ev, peil)
    owed = _owed(ev, peil, hits)
    case_start = ev.case_start(peil)
    if not hits and not owed:  # green, at the first step, nothing asked
        return _quiet_status(peil, start_step, case_start, ev.thuiszitter(peil))
    actions = _actions(ev, hits, peil, case_start) + _owed_actions(ev, owed, peil)
    thuiszitter = ev.thuiszitter(peil)
    light = _light_of(actions, thuiszitter)
    step = max((protocol.step(h.step_id) for _, h, _ in hits + owed), key=lambda s: s.order, default=start_step)
    step = max(step, start_step, key=lambda s: s.order)
    return PupilStatus(
        peil,
        light,
        True,
        tuple(h for _, h, _ in hits + owed),
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


_QUIET: dict[tuple[date, int, date | None, bool], tuple[Step, PupilStatus]] = {}


def _quiet_status(peil: date, step: Step, case: date | None, thuiszitter: bool) -> PupilStatus:
    """The status of an enrolled pupil for whom no rule holds: one object for all such pupils (it is
    frozen and names no pupil), rather than a thousand equal ones."""
    key = (peil, id(step), case, thuiszitter)
    got = _QUIET.get(key)
    if got is None or got[0] is not step:
        if len(_QUIET) > 4096:
            _QUIET.clear()
        got = _QUIET[key] = (step, PupilStatus(peil, Light.GREEN, True, (), (), step, case, thuiszitter))
    return got[1]


def light_of(ev: Evaluator, peil: date) -> Light:
    """`status_of(ev, peil).light`, without the rest of the status: where no rule holds nothing is asked,
    so the light is green without working out the case, the actions or the step (the trends ask it of
    every pupil at every period end)."""
    if not ev.pupil.enrolled_on(peil):
        return Light.GREY
    if ev.quiet():
        return Light.GREEN
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
        live = []
        for r, duo_only, to_duo in compress(_rule_flags(ev.protocol), ev.may_hold):
            # enough records for the rule: is it possible on them?
            if to_duo and r.condition.kind in MONOTONE and not ev.possible(r.condition):
                continue  # not on all records, so not on those in leerplicht
            legal = to_duo and not ev.counts_in_leerplicht(r.condition)
            if (ev.legal if legal else ev).possible(r.condition):
                live.append((r, duo_only, legal))
        ev.live = tuple(live)
    for rule, duo_only, legal in ev.live:
        if duo_only and not ev.leerplichtig(peil):
            continue  # a rule that asks for nothing but a duo_report (see _hits)
        found = _hits(ev.legal if legal else ev, rule, peil)
        if found:
            hits.extend(found)
    return hits


Hit = tuple[Rule, RuleHit, Event | None]


def _owed(ev: Evaluator, peil: date, hits: list[Hit]) -> list[Hit]:
    """The legal reports still owed to DUO for triggers that no report answers, where the rule no longer
    holds with that trigger at `peil`: 16 hours reached and the window slid on, a luxe episode older than
    the window, LRV that stopped. The duty to report does not end because the count went down (§1b; the
    same as for a pupil who left, `_not_enrolled`), so the report stays asked, overdue when past due (red,
    §4), until a report dated on or after the trigger is registered. Only for a pupil leerplichtig at
    `peil` (§1b), and only the rules' `duo_report` (`_owed_actions`): the school's own steps end with the
    rule."""
    if not ev.live:
        return []
    legal_rules = _legal_reports(ev.protocol)
    out: list[Hit] = []
    asked = False
    for rule, _duo_only, legal in ev.live:
        if rule.id not in legal_rules:
            continue
        if not asked:  # the first legal rule that may hold: is a report asked at all?
            if not ev.leerplichtig(peil):
                return []
            asked = True
        found = _owed_hits(ev.legal if legal else ev, rule, peil)
        if found:
            held = {h.trigger_date for r, h, _ in hits if r is rule}
            out += [hit for hit in found if hit[1].trigger_date not in held]
    return out


def _owed_hits(ev: Evaluator, rule: Rule, peil: date) -> list[Hit]:
    """Of one legal rule: a hit per luxe episode no report answers; of another rule the earliest trigger no
    report answers (one report answers it and every later one of a rule that does not restart), as the rule
    measured it on its trigger date."""
    c = rule.condition
    since = _year_start(ev, peil)
    if restarts(rule):
        got = restarts_first_unanswered(ev, rule, peil, since)
        if got is None:
            return []
        trig, after = got
        return [_hit_at(ev, rule, trig, after)]
    reports = ev.events_of(ActionKind.DUO_REPORT, date.min, peil)
    last = reports[-1].day if reports else None  # a report answers every trigger on or before it

    def unanswered(trig: date) -> bool:
        return trig >= since and (last is None or trig > last)

    if c.kind == "luxe_in_window":
        return [(rule, RuleHit(rule.id, rule.text, rule.step, e.minutes / 60, 0, "uur", e.first, e.last, e.first,
                               e.record_ids), None)
                for e in luxe.episodes(ev.m, since, peil) if unanswered(e.first)]
    if c.kind not in OWN_RUNS:
        return []
    g = ev.g
    for d in run_starts(ev.m, c):
        if d > peil:
            break
        if not unanswered(d):
            continue
        i = g.index[d]
        if ev.holds(c, d) and not (i > 0 and ev.holds(c, g.days[i - 1])):
            return [_hit_at(ev, rule, d, None)]
    return []


def _year_start(ev: Evaluator, peil: date) -> date:
    """The first day of the school year of `peil` (in a summer vacation: of the year before it): a report is
    owed for a trigger of this school year. An earlier year's trigger that the database holds without its
    report (history imported from the LAS, whose reports went to DUO through it) would otherwise keep the
    pupil red for good."""
    starts = [y.start for y in ev.calendar.school_years if y.start <= peil]
    return starts[-1] if starts else date.min


def _hit_at(ev: Evaluator, rule: Rule, trig: date, after: date | None) -> Hit:
    c = rule.condition
    m = ev.measure(c, trig, after)
    return (rule, RuleHit(rule.id, rule.text, rule.step, m.value, m.threshold, m.unit, m.start, m.end, trig,
                          m.record_ids, m.event_ids, after is not None and c.kind == "minutes_in_window"), None)


def _owed_actions(ev: Evaluator, owed: list[Hit], peil: date) -> list[Action]:
    out = []
    for rule, hit, _ in owed:
        for spec in rule.actions:
            if spec.kind is ActionKind.DUO_REPORT and spec.legal:
                due = _due(ev, spec, hit.trigger_date, None)
                out.append(Action(spec.kind, rule.id, hit.trigger_date, due, True, spec.regie, spec.term,
                                  spec.term_unit, False, None, peil > due))
    return out


_LEGAL: dict[int, tuple[Protocol, frozenset[str]]] = {}


def _legal_reports(protocol: Protocol) -> frozenset[str]:
    """The ids of the protocol's rules with a legal `duo_report`, once per protocol."""
    return once_per_protocol(_LEGAL, protocol, lambda p: frozenset(
        r.id for r in p.rules if any(a.kind is ActionKind.DUO_REPORT and a.legal for a in r.actions)))


_FLAGS: dict[int, tuple[Protocol, tuple[tuple[Rule, bool, bool], ...]]] = {}


def _rule_flags(protocol: Protocol) -> tuple[tuple[Rule, bool, bool], ...]:
    """Each rule with `only_duo` and `reports_to_duo`, worked out once per protocol rather than at every
    pupil and peildatum (the trends ask a thousand pupils at two dozen dates)."""
    return once_per_protocol(_FLAGS, protocol, lambda p: tuple((r, only_duo(r), reports_to_duo(r)) for r in p.rules))


def _hits(ev: Evaluator, rule: Rule, peil: date) -> list[tuple[Rule, RuleHit, Event | None]]:
    """The hits of one rule on the evaluator `for_rule` gives; `each_record` gives one per record, the
    others at most one.

    The third element is the DUO report that restarted counting for a restart rule, if the hit is
    the one that report answered. A rule with a `duo_report` counts only records dated in leerplicht
    (the caller passes the `legal` evaluator), and one that asks for nothing but a `duo_report` does
    not hold for a pupil not leerplichtig (PROTOCOLS.md §1b; the caller leaves it out).
    """
    c = rule.condition  # possible for `ev`: the caller asks only the rules in `ev.live`
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
    if not hits:
        return []
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
