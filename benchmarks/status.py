"""Benchmark: the traffic light of a whole school at one peildatum, end to end from an opened database.

Prints (a) the status of all pupils through the service, three ways:
  - as it is asked all day (the overview, the list, `verzuimdesk status`): read from the status cache
    in the database, which triggers empty for exactly the pupils a write touches;
  - after a write to one pupil: that pupil evaluated again, the rest read back;
  - the first time a peildatum is asked (nothing cached: every pupil loaded and evaluated, then stored);
(b) one SQL query that sums the absence records of the same pupils, the ratios, the same at 10,000
pupils, and the daily light of one pupil over a whole school year (the timeline). Targets (issue 3):
ratio <= 3 and (a) <= 200 ms at 1,000 pupils; (a) grows no more than linearly; the timeline <= 50 ms.

    python benchmarks/status.py [--sizes 1000 10000] [--plain]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import text

from verzuimdesk.domain.engine import timeline
from verzuimdesk.services.demo import create_demo
from verzuimdesk.services.status import school_protocol, school_status
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school

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
    with db.begin() as s:
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
        print(f"       timeline of the busiest pupil ({len(busiest.records)} records) over "
              f"{year.start}..{year.end}: {tl:.1f} ms")
    db.close()
    return tf, ta, size


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
