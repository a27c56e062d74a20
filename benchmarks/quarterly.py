"""Benchmark: the SWV quarterly list with its candidates (PROTOCOLS.md §5) for the demo school.

Prints the time of `quarterly_list` (what the Kwartaal page and the export ask): the cases, and every
pupil's candidacy on every schooldag of the quarter, end to end from an opened (encrypted) database;
and the domain part alone (candidates of all pupils from data already loaded). Issue 16: fast enough
for the Kwartaal page of a 1,000-pupil school.

    python benchmarks/quarterly.py [--size 1000] [--plain]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.status import PASSWORD, times_of
from verzuimdesk.domain.candidates import period_candidate
from verzuimdesk.domain.measures import PupilMeasures
from verzuimdesk.domain.quarterly import quarter_start, reference_date
from verzuimdesk.services.demo import create_demo
from verzuimdesk.services.quarterly import quarterly_list
from verzuimdesk.storage.loading import load_calendar, load_pupil_data

TODAY = date(2026, 6, 12)  # the last week of the quarter 16 Mar .. 15 Jun 2026


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--plain", action="store_true", help="an unencrypted database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        db = create_demo(str(Path(tmp) / "demo.db"), size=args.size, today=TODAY,
                         password=None if args.plain else PASSWORD)
        print(f"{args.size} pupils, peildatum {TODAY} (made in {time.perf_counter() - t:.1f} s)")
        data = quarterly_list(db, on=TODAY)
        print(f"  list of {data.reference}: {len(data.rows)} rows, {data.proposals} proposals")
        runs = times_of(lambda: quarterly_list(db, on=TODAY), runs=7)
        print(f"  quarterly_list (cases + candidates, via the service): {statistics.median(runs):8.1f} ms "
              f"(fastest {min(runs):.1f})")
        ref = reference_date(TODAY)
        with db.read() as s:
            calendar = load_calendar(s)
            pupils = load_pupil_data(s, until=ref)
        first = quarter_start(ref)

        def candidates() -> int:
            return sum(1 for p in pupils
                       if period_candidate(PupilMeasures(p, calendar), first, TODAY) is not None)

        runs = times_of(candidates, runs=7)
        print(f"  candidates of all {len(pupils)} pupils, every schooldag {first}..{TODAY} (domain only): "
              f"{statistics.median(runs):8.1f} ms ({candidates()} candidates)")
        db.close()


if __name__ == "__main__":
    main()
