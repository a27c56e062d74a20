"""Benchmark: the traffic light of a whole school at one peildatum, end to end from an opened database.

Prints (a) the status of all pupils through the service (queries + engine), (b) one SQL query that
sums the absence records of the same pupils, their ratio, the same at 10,000 pupils, and the daily
light of one pupil over a whole school year (the timeline). Targets (issue 3): ratio <= 3 and
(a) <= 200 ms at 1,000 pupils; (a) grows no more than linearly; the timeline <= 50 ms.

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


def best_of(fn: Callable[[], object], runs: int = 7) -> float:
    """Median wall time in ms after one warm-up run."""
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def sum_query(db: Database) -> None:
    with db.read() as s:
        s.execute(text("SELECT pupil_id, count(*), sum(coalesce(minutes_late, 0)) FROM absence "
                       "WHERE day <= :d GROUP BY pupil_id"), {"d": TODAY}).all()


def measure(size: int, folder: Path, encrypted: bool) -> tuple[float, float, int]:
    t = time.perf_counter()
    db = create_demo(str(folder / f"demo{size}.db"), size=size, today=TODAY,
                     password=PASSWORD if encrypted else None)
    made = time.perf_counter() - t
    with db.read() as s:
        records = s.execute(text("SELECT count(*) FROM absence")).scalar_one()
    print(f"{size:>6} pupils, {records} absence records (made in {made:.1f} s)")
    a = best_of(lambda: school_status(db, TODAY), runs=7 if size <= 2000 else 3)
    b = best_of(lambda: sum_query(db))
    print(f"       (a) status of all pupils via the service: {a:8.1f} ms  ({a / size * 1000:.0f} µs per pupil)")
    print(f"       (b) one SQL query summing their records:  {b:8.1f} ms")
    print(f"       ratio (a)/(b): {a / b:.1f}")
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
        tl = best_of(lambda: timeline(busiest, calendar, protocol, year.start, year.end))
        print(f"       timeline of the busiest pupil ({len(busiest.records)} records) over "
              f"{year.start}..{year.end}: {tl:.1f} ms")
    db.close()
    return a, b, size


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
        (a0, _, n0), (a1, _, n1) = results[0], results[-1]
        print(f"growth: {n1 / n0:.0f}x the pupils took {a1 / a0:.1f}x the time")


if __name__ == "__main__":
    main()
