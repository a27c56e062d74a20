"""The signals found in the pupil's own records (SIGNALS.md), one small pure function each.

Each takes the pupil's `RecordInput` and its thresholds from signals.toml, and returns a `Signal`
or None. They read only the pupil's own records and cases, so their answers are cached with the
pupil's status. "Absence": a record of any category but `present_elsewhere` and `late`, on a
schooldag of the pupil's group; "absence day": a schooldag with one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import pairwise

from verzuimdesk.domain.calendar import Period, minutes_of
from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.dutch import number
from verzuimdesk.domain.measures import NOT_ABSENT
from verzuimdesk.domain.records import AbsenceRecord
from verzuimdesk.domain.signal_base import (
    SOURCE,
    Params,
    RecordInput,
    Signal,
    long_date,
    plural,
    short_date,
    weekday_nl,
)

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


def _edges(x: RecordInput, since: date) -> tuple[tuple[date, str, str], ...]:
    """The schooldagen of the pupil's group at the edge of a vacation from `since` to the peildatum:
    (day, the vacation's label, its detail line), in the order the signal lists them. The same for
    every pupil of the group, so worked out once per calendar, group and peildatum."""
    cal = x.m.calendar
    key = ("vacation_edges", x.m.group, since, x.peil)
    cached = cal.memo.get(key)
    if cached is not None:
        return cached  # type: ignore[return-value]
    days, years = x.m.g.days, cal.school_years
    breaks = list(cal.vacations) + [
        Period("zomervakantie", a.end + timedelta(days=1), b.start - timedelta(days=1))
        for a, b in pairwise(years)
    ]
    out: list[tuple[date, str, str]] = []
    for vac in sorted(breaks, key=lambda v: v.start):
        i, j = bisect_left(days, vac.start) - 1, bisect_right(days, vac.end)
        edges = [(days[i], "laatste schooldag voor") if i >= 0 else None,
                 (days[j], "eerste schooldag na") if j < len(days) else None]
        for edge in edges:
            if edge is None or not since <= edge[0] <= x.peil:
                continue
            label = f"{vac.name.lower()} {vac.start.year}" if vac.name else f"vakantie {vac.start.year}"
            out.append((edge[0], label, f"{edge[1]} de {label}"))
    got = cal.memo[key] = tuple(out)
    return got


def vacation_edge(x: RecordInput, p: Params) -> Signal | None:
    k = _current_year(x)
    if k is None:
        return None
    since = x.m.calendar.school_years[max(0, k - 1)].start
    found: dict[str, list[tuple[date, str]]] = {}
    ids: list[int] = []
    records, days = x.m.records, x.m.record_days
    lo, hi = bisect_left(days, since), bisect_right(days, x.peil)
    if hi - lo < p["min_vakanties"]:  # fewer records than the absence days asked for
        return None
    edges = _edges(x, since)
    edge_days = {day for day, _, _ in edges}  # each a schooldag of the group
    absent: dict[date, list[AbsenceRecord]] = defaultdict(list)  # the pupil's absence records on edge days
    for r in records[lo:hi]:
        if r.day in edge_days and r.category not in NOT_ABSENT:
            absent[r.day].append(r)
    for day, label, line in edges:
        recs = absent.get(day)
        if recs:
            found.setdefault(label, []).append((day, f"{_codes(recs, day)} — {line}"))
            ids += (r.id for r in recs)
    if len(found) < p["min_vakanties"] or len({r.day for r in x.records_in(since, x.peil)}) < p["min_vakanties"]:
        return None  # too few vacations, or (one day between two vacations) too few absence days
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


def _share(x: RecordInput, year: Period, until: date, floor: float | None = None
           ) -> tuple[float, dict[Category, int], int, list[int]] | None:
    """(percentage absent, absent minutes per category, lestijd minutes, record ids) of the pupil's
    enrolled schooldagen of `year` up to `until`; None when `floor` is given and the percentage is
    surely below it (a record is absent for at most the lestijd of its day: most pupils' records are
    too few to reach it, and their minutes need not be worked out)."""
    m = x.m
    start = max(year.start, m.enrolled_from)
    end = min(year.end, until, m.enrolled_until or until)
    if start > end:
        return 0.0, {}, 0, []
    g = m.g
    lo, hi = bisect_left(g.days, start), bisect_right(g.days, end)
    lestijd = g.lestijd(lo, hi)
    if floor is not None and lestijd:
        days = m.record_days  # no more records than these, each at most the longest day's lestijd
        if 100 * (bisect_right(days, end) - bisect_left(days, start)) * g.longest / lestijd < floor:
            return None
    recs = x.records_in(start, end)
    if floor is not None and lestijd:
        minutes, index = g.minutes, g.index
        if 100 * sum(minutes[index[r.day]] for r in recs) / lestijd < floor:
            return None
    per: dict[Category, int] = defaultdict(int)
    ids = []
    for r in recs:
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
    share = _share(x, x.m.calendar.school_years[k], x.peil, p["min_procent"])
    if share is None:
        return None
    pct, per, lestijd, ids = share
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
    cases = sorted(s for s, closed in x.cases
                   if s <= min(prev.end, x.peil) and (closed is None or closed >= prev.start))
    share = _share(x, prev, prev.end, None if cases else p["min_procent"])
    if share is None:
        return None
    pct, per, lestijd, ids = share
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
