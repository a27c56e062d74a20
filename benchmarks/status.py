"""Benchmark: the traffic light of a whole school at one peildatum, end to end from an opened database.

Prints (a) the status of all pupils through the service, three ways:
  - as it is asked all day (the overview, the list, `verzuimdesk status`): read from the status cache
    in the database, which triggers empty for exactly the pupils a write touches;
  - after a write to one pupil: that pupil evaluated again, the rest read back;
  - the first time a peildatum is asked (nothing cached: every pupil loaded and evaluated, then stored);
(b) one SQL query that sums the absence records of the same pupils, the ratios, the same at 10,000
pupils, and the daily light of one pupil over a whole school year (the timeline). Targets (issue 3):
ratio <= 3 and (a) <= 200 ms at 1,000 pupils; (a) grows no more than linearly; the timeline <= 50 ms.
(c) the signals and forecasts of the same pupils alone, timed in turns with a cold status computation
(target, issue 22: at most the time of one), and the share of enrolled pupils per signal (at most one
in five with any signal).

    python benchmarks/status.py [--sizes 1000 10000] [--plain]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import text

from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.engine import status_of, timeline
from verzuimdesk.domain.signals import sibling_range_start
from verzuimdesk.services import signal_status
from verzuimdesk.services.demo import create_demo
from verzuimdesk.services.signal_status import RegisterRow
from verzuimdesk.services.status import school_protocol, school_status
from verzuimdesk.storage import signal_loading
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school, session_run

TODAY = date(2026, 6, 19)  # late in a school year: a full year of records lies before it
PASSWORD = "benchmark-wachtwoord"


def times_of(fn: Callable[[], object], runs: int = 7, before: Callable[[], object] | None = None) -> list[float]:
    """Wall times in ms of `fn` after one warm-up run; `before` runs untimed before each."""
    fn()
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def paired(fa: Callable[[], object], fb: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    """(a) and (b) timed in turns, so that a slow moment of this shared machine falls on both."""
    fa(), fb()
    ta: list[float] = []
    tb: list[float] = []
    for _ in range(runs):
        for fn, out in ((fa, ta), (fb, tb)):
            t = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t) * 1000)
    return ta, tb


def sum_query(db: Database) -> None:
    with db.read() as s:
        s.execute(text("SELECT pupil_id, count(*), sum(coalesce(minutes_late, 0)) FROM absence "
                       "WHERE day <= :d GROUP BY pupil_id"), {"d": TODAY}).all()


def touch(db: Database, pupil_id: int) -> None:
    """A teacher's entry: one unauthorised absence for one pupil on the peildatum."""
    with db.begin() as s:  # one record per pupil, day and span (the schema says so)
        s.execute(text("DELETE FROM absence WHERE pupil_id = :p AND day = :d"), {"p": pupil_id, "d": TODAY})
        s.execute(text("INSERT INTO absence (pupil_id, day, code_id, reported_by, note, created_at, created_by) "
                       "SELECT :p, :d, id, '', '', :d, 'benchmark' FROM absence_code WHERE code = 'O'"),
                  {"p": pupil_id, "d": TODAY})


def clear_cache(db: Database) -> None:
    with db.begin() as s:
        s.execute(text("DELETE FROM status_cache"))


def measure(size: int, folder: Path, encrypted: bool) -> tuple[list[float], list[float], int]:
    """The times of the first look and of a read-back, for the growth line."""
    t = time.perf_counter()
    db = create_demo(str(folder / f"demo{size}.db"), size=size, today=TODAY,
                     password=PASSWORD if encrypted else None)
    made = time.perf_counter() - t
    with db.read() as s:
        records = s.execute(text("SELECT count(*) FROM absence")).scalar_one()
    print(f"{size:>6} pupils, {records} absence records (made in {made:.1f} s)")
    runs = 15 if size <= 2000 else 7
    ta, tb = paired(lambda: school_status(db, TODAY), lambda: sum_query(db), runs=3 * runs)
    a, b = statistics.median(ta), statistics.median(tb)
    ratio = statistics.median(x / y for x, y in zip(ta, tb, strict=True))
    pupil = iter(range(1, size + 1))
    one = statistics.median(times_of(lambda: school_status(db, TODAY), runs,
                                     before=lambda: touch(db, next(pupil))))
    tf = times_of(lambda: school_status(db, TODAY), runs, before=lambda: clear_cache(db))
    first = statistics.median(tf)
    print(f"       (a) status of all pupils via the service:   {a:8.1f} ms  ({a / size * 1000:.1f} µs per pupil; "
          f"fastest {min(ta):.1f})")
    print(f"           after a write to one pupil:             {one:8.1f} ms  (that pupil evaluated again)")
    print(f"           first time this peildatum is asked:     {first:8.1f} ms  (every pupil evaluated; "
          f"fastest {min(tf):.0f})")
    print(f"       (b) one SQL query summing their records:    {b:8.1f} ms")
    print(f"       ratio (a)/(b): {ratio:.1f} (median of {3 * runs} turns, a and b timed one after the other)"
          f"   first time/(b): {first / b:.1f}")
    if size == min(SIZES):
        with db.read() as s:
            school = load_school(s)
            assert school is not None
            protocol = school_protocol(school.protocol)
            calendar = load_calendar(s)
            pupils = load_pupil_data(s)
        busiest = max(pupils, key=lambda p: len(p.records))
        year = calendar.school_year_of(TODAY)
        assert year is not None
        tl = statistics.median(times_of(lambda: timeline(busiest, calendar, protocol, year.start, year.end)))
        signals_in_turns(db, runs)
        print(f"       timeline of the busiest pupil ({len(busiest.records)} records) over "
              f"{year.start}..{year.end}: {tl:.1f} ms")
    db.close()
    return tf, ta, size


def signals_in_turns(db: Database, runs: int) -> None:
    """(c): every pupil's signals and forecast, on engine answers made untimed before each run, in
    turns with one cold status computation of the service (which computes them too)."""
    with db.read() as s:
        school = load_school(s)
        assert school is not None
        protocol, calendar = school_protocol(school.protocol), load_calendar(s)
        pupils = load_pupil_data(s, until=TODAY)
        cases = signal_loading.load_cases(s)
        siblings = signal_loading.with_siblings(s)
        families = {pid: fam for pid, fam in s.execute(text("SELECT id, family FROM pupil"))}
    config = signal_status.signal_config()[0]
    start = sibling_range_start(calendar, TODAY, config.weeks)
    cold: list[float] = []
    alone: list[float] = []
    for _ in range(runs + 1):
        t = time.perf_counter()
        school_status(db, TODAY, use_cache=False)
        cold.append((time.perf_counter() - t) * 1000)
        evaluated = [(p, ev, status_of(ev, TODAY)) for p in pupils for ev in (Evaluator(p, calendar, protocol),)]
        t = time.perf_counter()
        rows = [RegisterRow(p.id, p.name, st.enrolled, families[p.id],
                            signal_status.record_part(ev, st, config, cases.get(p.id, ()), start, p.id in siblings),
                            p.group)
                for p, ev, st in evaluated]
        with db.read() as s:
            missing = signal_loading.missing_data(s, TODAY)
            unchecked = signal_status.unchecked_registration(session_run(s), calendar, {p.group for p in pupils}, TODAY)
        register = [r for r in rows if signal_status.needs_register(r, missing, unchecked)]
        signal_status.with_register_signals(register, config, TODAY, missing, True, unchecked)
        alone.append((time.perf_counter() - t) * 1000)
    c, a = statistics.median(cold[1:]), statistics.median(alone[1:])
    print(f"       (c) signals and forecasts of all pupils alone: {a:8.1f} ms  (one cold status computation "
          f"in turns: {c:.1f} ms; ratio {a / c:.2f}, target <= 1)")
    status = school_status(db, TODAY)
    enrolled = [p for p in status.pupils if p.status.enrolled]
    counts = Counter(sig.id for p in enrolled for sig in p.signals)
    share = sum(1 for p in enrolled if p.signals) / len(enrolled)
    print(f"           pupils with any signal on {TODAY}: {share:.1%} of {len(enrolled)} enrolled (target <= 20%)")
    for sid in signal_status.signal_config()[0].params:
        print(f"             {sid:<17} {counts[sid] / len(enrolled):6.1%}  ({counts[sid]})")


SIZES: list[int] = []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--plain", action="store_true", help="an unencrypted database")
    args = parser.parse_args()
    SIZES.extend(args.sizes)
    print(f"peildatum {TODAY}, {'unencrypted' if args.plain else 'encrypted (SQLCipher)'} database")
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure(n, Path(tmp), not args.plain) for n in args.sizes]
    if len(results) > 1:
        (f0, a0, n0), (f1, a1, n1) = results[0], results[-1]
        med = statistics.median
        print(f"growth: {n1 / n0:.0f}x the pupils took {med(a1) / med(a0):.1f}x the time read back, "
              f"{med(f1) / med(f0):.1f}x the first time (medians)")
        print(f"        by the fastest runs: {min(a1) / min(a0):.1f}x read back, "
              f"{min(f1) / min(f0):.1f}x the first time")


if __name__ == "__main__":
    main()
