"""The signal detectors and the forecasts as they were before they were made fast (issue 20): the spec
that tests/domain/test_signal_oracle.py holds the app's against. Run on the reference engine's
evaluator (tests/domain/reference_engine). Do not make this faster; a deliberate change of what a
signal or a forecast says is made here too."""

# ruff: noqa

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from tests.domain.reference_engine.conditions import Evaluator
from tests.domain.reference_engine.measures import PupilMeasures
from verzuimdesk.domain.calendar import Period, minutes_of
from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.dutch import number
from verzuimdesk.domain.engine import PupilStatus
from verzuimdesk.domain.forecasts import Forecast
from verzuimdesk.domain.measures import NOT_ABSENT, UNAUTHORISED
from verzuimdesk.domain.protocol import Protocol, Rule
from verzuimdesk.domain.records import AbsenceRecord
from verzuimdesk.domain.signal_base import SOURCE, Params, Signal, long_date, plural, short_date, weekday_nl
from verzuimdesk.domain.signals import SignalConfig

THUISZITTER_DAYS = 21


@dataclass(frozen=True, slots=True)
class RecordInput:
    """A detector's view of one pupil's records at the peildatum (cached with the status)."""

    m: PupilMeasures
    peil: date
    window: tuple[date, date] | None  # the window of `venster_lesweken` lesweken
    weeks: int = 12  # that number of lesweken
    cases: tuple[tuple[date, date | None], ...] = ()  # every care case: (start, closed)

    def records_in(self, start: date, end: date) -> tuple[AbsenceRecord, ...]:
        """The pupil's absence records (any category but present_elsewhere and late) on its
        schooldagen from `start` to `end`, both included, in date order."""
        recs = self.m.records
        days = self.m.derived.get("record_days")
        if not isinstance(days, tuple):
            days = self.m.derived["record_days"] = tuple(r.day for r in recs)
        lo, hi = bisect_left(days, start), bisect_right(days, end)
        index = self.m.g.index
        return tuple(r for r in recs[lo:hi] if r.category not in NOT_ABSENT and r.day in index)

    def window_records(self) -> tuple[AbsenceRecord, ...]:
        if self.window is None:
            return ()
        return self.records_in(self.window[0], self.peil)



CATEGORY_WORDS = {
    Category.SICK: "ziek",
    Category.AUTHORISED: "geoorloofd",
    Category.UNAUTHORISED: "ongeoorloofd",
    Category.SUSPENDED: "schorsing",
    Category.UNEXPLAINED: "reden onbekend",
}


def _codes(records: Iterable[AbsenceRecord], day: date) -> str:
    return ", ".join(sorted({r.code for r in records if r.day == day}))


def weekday(x: RecordInput, p: Params) -> Signal | None:
    recs = x.window_records()
    days = sorted({r.day for r in recs})
    if len(days) < p["min_dagen"]:
        return None
    counts = Counter(d.weekday() for d in days)
    wd, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
    if n < p["min_op_weekdag"] or n < p["min_aandeel"] * len(days):
        return None
    hits = tuple(d for d in days if d.weekday() == wd)
    name = weekday_nl(wd)
    return Signal(
        "WEEKDAY",
        f"Vaak afwezig op {name}: {n} van de {len(days)} afwezigheidsdagen in de laatste {x.weeks} lesweken "
        f"vielen op een {name}.",
        f"Signaal bij minstens {p['min_dagen']:g} afwezigheidsdagen, waarvan {p['min_op_weekdag']:g} op één "
        f"weekdag en minstens {number(p['min_aandeel'] * 100, decimals=1)}% ({SOURCE}).",
        n, p["min_op_weekdag"], "dagen", hits, tuple(_codes(recs, d) for d in hits),
        tuple(r.id for r in recs if r.day.weekday() == wd),
    )


def _hours_hit(x: RecordInput, lo: int, hi: int, day: date) -> set[int]:
    """The clock hours of the lestijd of `day` that the span lo..hi (minutes) overlaps."""
    out: set[int] = set()
    for b, e in x.m.g.spans[x.m.g.index[day]]:
        s, t = max(lo, b), min(hi, e)
        if s < t:
            out.update(range(s // 60, (t - 1) // 60 + 1))
    return out


def part_of_day(x: RecordInput, p: Params) -> Signal | None:
    recs = [r for r in x.window_records() if not r.whole_day]
    if len(recs) < p["min_keer"]:
        return None
    by_hour: dict[int, list[int]] = defaultdict(list)
    for k, r in enumerate(recs):
        assert r.start is not None and r.end is not None
        for h in _hours_hit(x, minutes_of(r.start), minutes_of(r.end), r.day):
            by_hour[h].append(k)
    if not by_hour:
        return None
    hour, ks = max(by_hour.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    n = len(ks)
    if n < p["min_keer"] or n < p["min_aandeel"] * len(recs):
        return None
    hit = [recs[k] for k in ks]
    return Signal(
        "PART_OF_DAY",
        f"Steeds hetzelfde uur afwezig: {n} van de {len(recs)} keer dat de leerling een deel van de dag "
        f"afwezig was (laatste {x.weeks} lesweken), viel het uur {hour:02d}:00–{hour + 1:02d}:00 erin.",
        f"Signaal bij minstens {p['min_keer']:g} keer over hetzelfde klokuur van de lestijd en minstens "
        f"{number(p['min_aandeel'] * 100, decimals=1)}% van de afwezigheid voor een deel van de dag ({SOURCE}).",
        n, p["min_keer"], "keer", tuple(r.day for r in hit),
        tuple(f"{r.code} {r.start:%H:%M}–{r.end:%H:%M}" for r in hit), tuple(r.id for r in hit),
    )


def _current_year(x: RecordInput) -> int | None:
    """Index of the school year that started last on or before the peildatum."""
    starts = [y.start for y in x.m.calendar.school_years]
    k = bisect_right(starts, x.peil) - 1
    return k if k >= 0 else None


def vacation_edge(x: RecordInput, p: Params) -> Signal | None:
    cal, days = x.m.calendar, x.m.g.days
    k = _current_year(x)
    if k is None:
        return None
    years = cal.school_years
    since = years[max(0, k - 1)].start
    breaks = list(cal.vacations) + [
        Period("zomervakantie", a.end + timedelta(days=1), b.start - timedelta(days=1))
        for a, b in pairwise(years)
    ]
    found: dict[str, list[tuple[date, str]]] = {}
    ids: list[int] = []
    absent: dict[date, list[AbsenceRecord]] = defaultdict(list)
    for r in x.records_in(since, x.peil):
        absent[r.day].append(r)
    if len(absent) < p["min_vakanties"]:
        return None
    for vac in sorted(breaks, key=lambda v: v.start):
        i, j = bisect_left(days, vac.start) - 1, bisect_right(days, vac.end)
        edges = [(days[i], "laatste schooldag voor") if i >= 0 else None,
                 (days[j], "eerste schooldag na") if j < len(days) else None]
        for edge in edges:
            if edge is None or not since <= edge[0] <= x.peil:
                continue
            recs = absent.get(edge[0])
            if recs:
                label = f"{vac.name.lower()} {vac.start.year}" if vac.name else f"vakantie {vac.start.year}"
                found.setdefault(label, []).append(
                    (edge[0], f"{_codes(recs, edge[0])} — {edge[1]} de {label}"))
                ids += (r.id for r in recs)
    if len(found) < p["min_vakanties"]:
        return None
    hits = sorted(e for edges in found.values() for e in edges)
    return Signal(
        "VACATION_EDGE",
        f"Afwezig aan de rand van {len(found)} vakanties (dit en vorig schooljaar): {', '.join(found)}.",
        f"Signaal bij afwezigheid op de laatste schooldag voor of de eerste na minstens "
        f"{p['min_vakanties']:g} verschillende vakanties ({SOURCE}).",
        len(found), p["min_vakanties"], "vakanties", tuple(d for d, _ in hits), tuple(t for _, t in hits),
        tuple(sorted(set(ids))),
    )


def late_sick_report(x: RecordInput, p: Params) -> Signal | None:
    limit = p["na"]
    late = []
    for r in x.window_records():
        at = r.reported_at
        if r.category is not Category.SICK or at is None:
            continue
        clock = at.hour * 60 + at.minute + (at.second + at.microsecond / 1e6) / 60
        if at.date() > r.day or (at.date() == r.day and clock > limit):
            late.append(r)
    if len(late) < p["min_keer"]:
        return None

    def when(r: AbsenceRecord) -> str:
        at = r.reported_at
        assert at is not None
        return f"gemeld om {at:%H:%M}" if at.date() == r.day else f"gemeld op {short_date(at)} {at:%H:%M}"

    limit_text = f"{int(limit) // 60:02d}:{int(limit) % 60:02d}"
    return Signal(
        "LATE_SICK_REPORT",
        f"{len(late)} ziekmeldingen in de laatste {x.weeks} lesweken kwamen na {limit_text} of pas op een "
        f"latere dag binnen.",
        f"Signaal bij minstens {p['min_keer']:g} ziekmeldingen na {limit_text} uur ({SOURCE}).",
        len(late), p["min_keer"], "keer", tuple(r.day for r in late), tuple(when(r) for r in late),
        tuple(r.id for r in late),
    )


def frequent_sick(x: RecordInput, p: Params) -> Signal | None:
    if x.window is None:
        return None
    m, days = x.m, x.m.g.days
    last = m.g.last_index(x.peil)
    eps = [(a, min(b, last)) for a, b in m.episodes if x.window[0] <= days[a] <= x.peil]
    if len(eps) < p["min_ziekmeldingen"]:
        return None
    ids = [r.id for a, b in eps for r in x.records_in(days[a], days[b]) if r.category is Category.SICK]
    return Signal(
        "FREQUENT_SICK",
        f"{len(eps)} ziekmeldingen begonnen in de laatste {x.weeks} lesweken.",
        f"Signaal vanaf {p['min_ziekmeldingen']:g} ziekmeldingen in {x.weeks} lesweken ({SOURCE}).",
        len(eps), p["min_ziekmeldingen"], "ziekmeldingen", tuple(days[a] for a, _ in eps),
        tuple(f"ziek t/m {short_date(days[b])} ({plural(b - a + 1, 'schooldag', 'schooldagen')})" for a, b in eps),
        tuple(ids),
    )


def _share(x: RecordInput, year: Period, until: date) -> tuple[float, dict[Category, int], int, list[int]]:
    """(percentage absent, absent minutes per category, lestijd minutes, record ids) of the pupil's
    enrolled schooldagen of `year` up to `until`."""
    m = x.m
    start = max(year.start, m.enrolled_from)
    end = min(year.end, until, m.enrolled_until or until)
    if start > end:
        return 0.0, {}, 0, []
    g = m.g
    lo, hi = bisect_left(g.days, start), bisect_right(g.days, end)
    lestijd = sum(g.minutes[lo:hi])
    per: dict[Category, int] = defaultdict(int)
    ids = []
    for r in x.records_in(start, end):
        if m.minutes[r.id]:
            per[r.category] += m.minutes[r.id]
            ids.append(r.id)
    pct = 100 * sum(per.values()) / lestijd if lestijd else 0.0
    return pct, dict(per), lestijd, ids


def _per_category(per: dict[Category, int], lestijd: int) -> str:
    parts = [f"{CATEGORY_WORDS[c]} {number(100 * v / lestijd, decimals=1)}%" for c, v in
             sorted(per.items(), key=lambda kv: -kv[1])]
    return ", ".join(parts)


def year_share(x: RecordInput, p: Params) -> Signal | None:
    k = _current_year(x)
    if k is None:
        return None
    pct, per, lestijd, ids = _share(x, x.m.calendar.school_years[k], x.peil)
    if not lestijd or pct < p["min_procent"]:
        return None
    absent = sum(per.values())
    return Signal(
        "YEAR_SHARE",
        f"Dit schooljaar {number(pct, decimals=1)}% van de lestijd afwezig ({number(absent / 60, decimals=1)} van "
        f"{number(lestijd / 60, decimals=1)} uur): {_per_category(per, lestijd)}.",
        f"Signaal vanaf {p['min_procent']:g}% van de lestijd over het hele schooljaar, elke reden van "
        f"afwezigheid telt ({SOURCE}).",
        round(pct, 1), p["min_procent"], "procent", record_ids=tuple(ids),
    )


def earlier_absence(x: RecordInput, p: Params) -> Signal | None:
    k = _current_year(x)
    if not k:
        return None
    prev = x.m.calendar.school_years[k - 1]
    label = f"{prev.start.year}-{prev.end.year}"
    pct, per, lestijd, ids = _share(x, prev, prev.end)
    cases = sorted(s for s, closed in x.cases
                   if s <= min(prev.end, x.peil) and (closed is None or closed >= prev.start))
    high = bool(lestijd) and pct >= p["min_procent"]
    if not high and not cases:
        return None
    parts = []
    if high:
        parts.append(f"{number(pct, decimals=1)}% van de lestijd afwezig ({_per_category(per, lestijd)})")
    if cases:
        parts.append(f"er was een zaak van zorgwekkend verzuim open (vanaf {long_date(cases[0])})")
    return Signal(
        "EARLIER_ABSENCE",
        f"Vorig schooljaar ({label}): {' en '.join(parts)}.",
        f"Signaal bij minstens {p['min_procent']:g}% afwezigheid vorig schooljaar of een zaak van "
        f"zorgwekkend verzuim toen ({SOURCE}).",
        round(pct, 1), p["min_procent"], "procent", tuple(cases[:1]),
        ("begin van de zaak",) if cases else (), tuple(ids) if high else (),
    )


def suspended(x: RecordInput, p: Params) -> Signal | None:
    recs = [r for r in x.window_records() if r.category is Category.SUSPENDED]
    if len(recs) < p["min_keer"]:
        return None
    return Signal(
        "SUSPENDED",
        f"Geschorst in de laatste {x.weeks} lesweken: {plural(len(recs), 'keer', 'keer')}.",
        f"Een schorsing is altijd een signaal (vanaf {p['min_keer']:g} keer; {SOURCE}).",
        len(recs), p["min_keer"], "keer", tuple(r.day for r in recs), tuple(r.code for r in recs),
        tuple(r.id for r in recs),
    )


def sixteen_hour_rule(protocol: Protocol) -> Rule | None:
    """The protocol's 16-hour rule: unauthorised minutes in a window, without a maximum, reported to DUO."""
    for rule in protocol.rules:
        c = rule.condition
        if (c.kind == "minutes_in_window" and c.maximum is None and c.categories & UNAUTHORISED
                and any(a.kind is ActionKind.DUO_REPORT for a in rule.actions)):
            return rule
    return None


def forecast(ev: Evaluator, status: PupilStatus) -> Forecast:
    if not status.enrolled:
        return Forecast()
    return Forecast(hours_16_on(ev, status), thuiszitter_on(ev.m, status.peildatum))


def restart_point(ev: Evaluator, rule: Rule, peil: date) -> date | None:
    """The day after which the rule counts again at `peil`: the trigger date of the last trigger a DUO
    report answered (the engine's `restart_history`), None without one."""
    if not rule.restart_after_report:
        return None
    answered = [trig for trig, _, report in ev.restart_history(rule, peil) if report is not None]
    return answered[-1] if answered else None


def hours_16_on(ev: Evaluator, status: PupilStatus) -> date | None:
    rule = sixteen_hour_rule(ev.protocol)
    peil = status.peildatum
    # the rule holding at `peil`; a report still owed for an earlier trigger (its window ended then) leaves
    # the forecast of the next 16 hours standing
    if rule is None or any(h.rule_id == rule.id and h.window_end == peil for h in status.rules) or \
            not ev.leerplichtig(peil):
        return None
    ev = ev.for_rule(rule)  # only what leerplicht counts (records from the start of leerplicht on)
    m, g, c = ev.m, ev.g, rule.condition
    starts = [y.start for y in m.calendar.school_years]
    k = bisect_right(starts, peil) - 1
    if k < 0:
        return None
    year = m.calendar.school_years[k]
    end = min(year.end, m.enrolled_until or year.end)
    after = restart_point(ev, rule, peil)
    series = m.series(c.categories)
    first = g.last_index(peil) + 1  # the first hypothetical day
    hypo = 0  # whole-day minutes of the hypothetical days from `first` through j
    cum: list[int] = []
    for j in range(first, bisect_right(g.days, end)):
        day = g.days[j]
        hypo += g.minutes[j]
        cum.append(hypo)
        window = m.window(day, c.window)
        if window is None:
            continue
        lo, hi = series.bounds(window[0], peil, after)
        real = series.cum[hi] - series.cum[lo]
        # hypothetical days inside the window (and after a restart point) are those from index `h` on
        h = max(first, bisect_left(g.days, window[0]), bisect_right(g.days, after) if after else 0)
        dropped = cum[h - first - 1] if h > first else 0
        if c.compare(real + hypo - dropped):
            return day
    return None


def thuiszitter_on(m: PupilMeasures, peil: date) -> date | None:
    run = m.current_run(peil)
    if run is None:
        return None
    n = run[1] - run[0] + 1
    if n >= THUISZITTER_DAYS:
        return None
    return m.calendar.add_schooldagen(m.g.days[run[1]], THUISZITTER_DAYS - n, m.group)




DETECTORS = {"WEEKDAY": weekday, "PART_OF_DAY": part_of_day, "VACATION_EDGE": vacation_edge,
             "LATE_SICK_REPORT": late_sick_report, "FREQUENT_SICK": frequent_sick, "YEAR_SHARE": year_share,
             "EARLIER_ABSENCE": earlier_absence, "SUSPENDED": suspended}


def record_signals(m: PupilMeasures, peil: date, config: SignalConfig,
                   cases: tuple[tuple[date, date | None], ...] = ()) -> tuple[Signal, ...]:
    x = RecordInput(m, peil, m.window(peil, config.weeks), config.weeks, cases)
    found = (DETECTORS[sid](x, p) for sid, p in config.params.items() if sid in DETECTORS)
    return tuple(s for s in found if s is not None)
