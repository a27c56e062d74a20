"""Benchmark: several apps on one PostgreSQL server (issue #24), on a throwaway cluster on this machine
(a Unix socket, no network).

(a) 200 interleaved edits: two client processes edit the same conversation and the same registration cell
    of one pupil, 50 times each (the way the dialog and the grid do: open, change, save with the version
    opened; refused when someone saved meanwhile, opened again, redone). Prints the refusals, the lost
    updates (0: every save's "before" is the previous save's "after" in the audit log), whether the audit
    chain holds.
(b) 20 concurrent clients, each registering a week for its own 50 pupils of a 1,000-pupil school: per
    school day one code for every fifth pupil, each a separate write (as typed in the grid), then the
    status of its 50 pupils read again (as the grid's lights follow). In turns, under the same load:
    "voor", every refresh asks `school_status` for the 50 pupils (what the app did), and "na", a
    `StatusView` of the 50 asks again only for the pupils the write touched (services/status_view.py).
    Meanwhile an IB-er's app in this process listens and follows the whole school the same way:
    "voor" the whole school asked again per change heard, "na" the coalesced changes through a
    StatusView of the school. Prints the writes that landed, the median and p90 of the refreshes, the
    refreshes the IB-er's app made for the notifications it heard, whether each refreshed status equals
    a computation from scratch, how long the backends waited for a lock other than the writers'
    advisory lock (a reader or a store waiting for a writer: none expected), and the load average.
    Then the same refreshes by one client alone, both ways.

    The clients are 20 processes on this machine's 2 cores (shared with the server and whatever else
    runs): a refresh then waits mostly for a core at each of its round trips, and a writer holding the
    advisory lock waits for one too, so the writes queue. A school has 20 apps on 20 computers and a
    server: per refresh its own computer's core and the server's, which the "1 client alone" figure
    approaches (docs/server.md).

    python3 benchmarks/server.py [--clients 20] [--pupils 1000] [--turns 1] [--clients-as beide]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 23)  # a Monday; the week registered is the one before
MONDAY = TODAY - timedelta(days=7)


def load_client(url: str, name: str, pupil_ids: list[int], mode: str) -> None:
    print(json.dumps(run_client(url, name, pupil_ids, mode)))


def run_client(url: str, name: str, pupil_ids: list[int], mode: str) -> dict[str, object]:
    """One app: a week of registrations for its pupils, each write followed by a status refresh ("voor":
    the 50 pupils asked again; "na": a StatusView asking for what the write touched)."""
    from verzuimdesk.services.accounts import Account, Role
    from verzuimdesk.services.errors import Refused
    from verzuimdesk.services.registration import AbsenceSpec, apply_edit
    from verzuimdesk.services.status import school_status
    from verzuimdesk.services.status_view import StatusView
    from verzuimdesk.storage.database import open_database

    db = open_database(url)
    view = StatusView(db, TODAY, pupil_ids)
    view.refresh() if mode == "na" else school_status(db, TODAY, pupil_ids=pupil_ids)  # the page is shown
    refresh_ms, commits, refused, reasons, computed = [], [], 0, [], []
    try:
        for d in range(5):
            day = MONDAY + timedelta(days=d)
            for pid in pupil_ids[d % 5::5]:
                changes = None
                try:
                    changes = apply_edit(db, add=[AbsenceSpec(pid, day, "Z")], by=Account(name, name, Role.IB)).changes
                    commits.append((time.time(), pid))
                except Refused as exc:  # a day without lessons for that pupil, say: not concurrency
                    refused += 1
                    reasons.append(str(exc))
                t0 = time.perf_counter()
                if mode == "na":
                    got = view.refresh(changes) if changes is not None else view.status
                else:
                    got = school_status(db, TODAY, pupil_ids=pupil_ids)
                refresh_ms.append(1000 * (time.perf_counter() - t0))
                computed.append(got.computed if got is not None else 0)
        last = view.status if mode == "na" else school_status(db, TODAY, pupil_ids=pupil_ids)
        same = last is not None and last.pupils == school_status(db, TODAY, pupil_ids=pupil_ids, use_cache=False).pupils
    finally:
        db.close()
    return {"refresh_ms": refresh_ms, "commits": commits, "refused": refused, "reasons": reasons,
            "computed": computed, "same": same}


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _results(procs: list[subprocess.Popen[str]]) -> list[dict[str, object]]:
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=1800)
        if p.returncode != 0:
            raise SystemExit(f"client failed:\n{stderr}")
        out.append(json.loads(stdout.strip().splitlines()[-1]))
    return out


def interleaved(url: str) -> None:
    from sqlalchemy import select, text

    from verzuimdesk.services.accounts import Account, Role
    from verzuimdesk.services.conversations import get_conversation, save_conversation
    from verzuimdesk.storage import audit
    from verzuimdesk.storage.database import open_database
    from verzuimdesk.storage.models import AuditEntry

    ib = Account("ib", "IB-er", Role.IB)

    db = open_database(url)
    pupil = 12
    cid = save_conversation(db, pupil_id=pupil, kind="pupil", held_at=datetime(2026, 11, 23, 10, 0),
                            participants="leerling, juf", summary="Begin.", by=ib, now=datetime(2026, 11, 23, 15)).id
    with db.begin() as s:
        s.execute(text("DELETE FROM absence WHERE pupil_id = :p AND day = :d"), {"p": pupil, "d": TODAY})
        before = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    t0 = time.perf_counter()
    names = ("juf", "meester")
    results = _results([_spawn("-m", "tests.storage.server_client", url, n, str(cid), str(pupil), TODAY.isoformat(),
                               "50") for n in names])
    took = time.perf_counter() - t0
    summary = get_conversation(db, conversation_id=cid, by=ib).summary.split()[1:]
    lost_talk = 2 * 50 - len(set(summary))
    with db.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.id > before).order_by(AuditEntry.id)).all()
        cell = [json.loads(r.detail) for r in rows if r.entity == "absence" and r.pupil_id == pupil]
        lost_cell = sum(1 for a, b in pairwise(cell) if b["voor"] != a["na"]) + (100 - len(cell))
        chain = "intact" if audit.verify(s) is None else f"gebroken bij regel {audit.verify(s)}"
    db.close()
    print(f"(a) 200 verweven bewerkingen (2 processen) in {took:.1f} s: {sum(int(r['refused']) for r in results)} "  # type: ignore[call-overload]
          f"keer geweigerd en opnieuw gedaan, verloren: gesprek {lost_talk}, cel {lost_cell}; auditketen {chain}")


def _enrolled(db: object, limit: int | None = None, newest: bool = False) -> list[int]:
    from sqlalchemy import select

    from verzuimdesk.storage.models import Pupil

    with db.read() as s:  # type: ignore[attr-defined]
        q = select(Pupil.id).where(Pupil.enrolled_from <= MONDAY,
                                   (Pupil.enrolled_until.is_(None)) | (Pupil.enrolled_until >= TODAY))
        q = q.order_by(Pupil.id.desc() if newest else Pupil.id)
        return list(s.scalars(q.limit(limit) if limit else q))


def _clear_week(db: object, ids: list[int]) -> None:
    from verzuimdesk.storage.models import Absence

    with db.begin() as s:  # type: ignore[attr-defined]
        s.execute(Absence.__table__.delete().where(  # type: ignore[attr-defined]
            Absence.day.between(MONDAY, MONDAY + timedelta(days=4)), Absence.pupil_id.in_(ids)))


def _figures(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"mediaan {statistics.median(ms):.0f} ms, p90 {ms[int(0.9 * len(ms))]:.0f} ms"


def alone(url: str) -> None:
    """The same work by one client with the server to itself: what a refresh costs without contention."""
    from verzuimdesk.storage.database import open_database

    db = open_database(url)
    ids = _enrolled(db, 50, newest=True)
    out = []
    for mode in ("voor", "na"):
        _clear_week(db, ids)
        (r,) = _results([_spawn(__file__, "--client", url, "alleen", ",".join(map(str, ids)), mode)])
        out.append(f"{mode} {_figures(r['refresh_ms'])}")  # type: ignore[arg-type]
    db.close()
    print(f"    ter vergelijking, 1 client alleen: statusverversing {'; '.join(out)}")


class Follower:
    """The IB-er's app: hears every write (coalesced, as the app does) and refreshes the whole school."""

    def __init__(self, url: str, mode: str) -> None:
        from verzuimdesk.services.server_changes import ChangeListener, Pending
        from verzuimdesk.services.status import school_status
        from verzuimdesk.services.status_view import StatusView
        from verzuimdesk.storage.database import open_database, server_dsn

        self.db = open_database(url)
        self.mode, self.pending, self.heard = mode, Pending(), 0
        self.refresh_ms: list[float] = []
        self.view = StatusView(self.db, TODAY)
        self.view.refresh() if mode == "na" else school_status(self.db, TODAY)
        self._school_status = school_status
        self._wake, self._stop = threading.Event(), threading.Event()
        self.notes: list[tuple[float, frozenset[int]]] = []
        self._worker = threading.Thread(target=self._follow, daemon=True)
        self._worker.start()
        dsn = server_dsn(self.db)
        assert dsn is not None
        self.listener = ChangeListener(dsn, self._hear, own=None)
        self.listener.listening.wait(30)

    def _hear(self, changes: object) -> None:
        self.heard += 1
        self.notes.append((time.time(), changes.pupil_ids))  # type: ignore[attr-defined]
        if self.pending.add(changes):  # type: ignore[arg-type]
            self._wake.set()

    def _follow(self) -> None:  # the GUI thread
        while not self._stop.is_set():
            if not self._wake.wait(0.1):
                continue
            self._wake.clear()
            what = self.pending.take()
            if what is None:
                continue
            t0 = time.perf_counter()
            if self.mode == "na":
                self.view.refresh(what)
            else:
                self._school_status(self.db, TODAY)
            self.refresh_ms.append(1000 * (time.perf_counter() - t0))

    def stop(self) -> bool:
        """Stop, and whether the whole school it shows now is what a computation from scratch gives."""
        time.sleep(1.0)  # the last notifications
        self.listener.stop()
        self._stop.set()
        self._worker.join()
        what = self.pending.take()
        if what is not None and self.mode == "na":
            self.view.refresh(what)
        shown = self.view.status if self.mode == "na" else self._school_status(self.db, TODAY)
        same = shown is not None and shown.pupils == self._school_status(self.db, TODAY, use_cache=False).pupils
        self.db.close()
        return same


class LockWaits:
    """Samples the server's backends: how often one waits for a lock, and which."""

    def __init__(self, url: str) -> None:
        from urllib.parse import parse_qs, urlparse

        q = parse_qs(urlparse(url).query)
        self.where = {"host": q["host"][0], "port": q["port"][0], "dbname": urlparse(url).path.lstrip("/")}
        self.waits: dict[str, int] = {}
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psycopg

        with psycopg.connect(user="verzuimdesk", autocommit=True, **self.where) as c:  # type: ignore[arg-type]
            while not self._stop.wait(0.05):
                self.samples += 1
                for (event,) in c.execute("SELECT wait_event FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                          "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"):
                    self.waits[event] = self.waits.get(event, 0) + 1

    def stop(self) -> str:
        self._stop.set()
        self._thread.join()
        n = max(1, self.samples)
        other = sum(k for e, k in self.waits.items() if e != "advisory")
        advisory = self.waits.get("advisory", 0) / n
        return (f"backends die wachten op het schrijfslot (advisory 8818): gemiddeld {advisory:.1f}; "
                f"op een ander slot (een lezer of opslag die op een schrijver wacht): {other / n:.2f}")


def _in_threads(url: str, slices: list[list[int]], mode: str) -> list[dict[str, object]]:
    """The clients as threads of this process, each with its own connections: their Python shares one
    core (the interpreter's lock), leaving the other to the server."""
    out: list[dict[str, object]] = []
    threads = [threading.Thread(target=lambda i=i, sl=sl: out.append(run_client(url, f"juf{i}", sl, mode)))
               for i, sl in enumerate(slices)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if len(out) != len(slices):
        raise SystemExit("een client faalde")
    return out


def load(url: str, clients: int, mode: str, threads: bool = False) -> None:
    from verzuimdesk.storage.database import open_database

    db = open_database(url)
    ids = _enrolled(db)
    _clear_week(db, ids)
    ib = Follower(url, mode)
    waits = LockWaits(url)
    share = len(ids) // clients
    slices = [ids[i * share:(i + 1) * share] for i in range(clients)]
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    if threads:
        results = _in_threads(url, slices, mode)
    else:
        results = _results([_spawn(__file__, "--client", url, f"juf{i}", ",".join(map(str, sl)), mode)
                            for i, sl in enumerate(slices)])
    took = time.perf_counter() - t0
    locks = waits.stop()
    ib_same = ib.stop()
    commits = [(t, p) for r in results for t, p in r["commits"]]  # type: ignore[attr-defined]
    expected = sum(len(sl[d % 5::5]) for sl in slices for d in range(5))
    from sqlalchemy import func, select

    from verzuimdesk.storage.models import Absence

    with db.read() as s:
        landed = s.scalar(select(func.count()).select_from(Absence).where(
            Absence.day.between(MONDAY, MONDAY + timedelta(days=4)), Absence.pupil_id.in_(ids)))
    latencies = []
    for t, pid in commits:
        at = next((h for h, pids in ib.notes if h >= t - 0.05 and pid in pids), None)
        if at is not None:
            latencies.append(1000 * max(0.0, at - t))
    db.close()
    same = all(r["same"] for r in results)
    shape = "draden van één proces" if threads else "processen"
    refused = sum(int(r["refused"]) for r in results)  # type: ignore[call-overload]
    print(f"(b) {mode}: {clients} gelijktijdige clients ({shape}), {len(ids)} leerlingen, een week registreren: "
          f"{landed} van {expected} schrijfacties geland ({refused} geweigerd) in {took:.0f} s "
          f"(belasting van de machine {load_before:.1f} -> {os.getloadavg()[0]:.1f})")
    for reason in sorted({w for r in results for w in r["reasons"]})[:5]:  # type: ignore[attr-defined]
        print(f"    geweigerd: {reason}")
    print(f"    statusverversing van 50 leerlingen na elke schrijfactie: "
          f"{_figures([ms for r in results for ms in r['refresh_ms']])} (doel mediaan < 200 ms); "  # type: ignore[attr-defined]
          f"gemiddeld {statistics.mean(c for r in results for c in r['computed']):.1f} leerlingen opnieuw "  # type: ignore[attr-defined]
          f"berekend; gelijk aan een berekening van nul af: {'ja' if same else 'NEE'}")
    if ib.refresh_ms:
        print(f"    app van de IB-er (hele school): {ib.heard} keer gehoord, {len(ib.refresh_ms)} keer ververst, "
              f"{_figures(ib.refresh_ms)}; gelijk aan een berekening van nul af: {'ja' if ib_same else 'NEE'}")
    if latencies:
        print(f"    gehoord door die app: {len(latencies)} van {len(commits)}, mediaan "
              f"{statistics.median(latencies):.0f} ms, max {max(latencies):.0f} ms na de commit")
    print(f"    {locks}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--pupils", type=int, default=1000)
    ap.add_argument("--turns", type=int, default=1, help="how often both ways are measured, in turns")
    ap.add_argument("--clients-as", choices=("processen", "draden", "beide"), default="beide",
                    help="the clients as processes (each app its own interpreter), threads of one process, or both")
    ap.add_argument("--client", nargs=4, metavar=("URL", "NAAM", "IDS", "WIJZE"))
    args = ap.parse_args()
    if args.client:
        url, name, ids, mode = args.client
        load_client(url, name, [int(i) for i in ids.split(",")], mode)
        return
    import psycopg

    from tests.storage.test_postgres import cluster
    from verzuimdesk.services.demo import create_demo

    with cluster() as (host, port):
        for name in ("edits", "school"):
            with psycopg.connect(host=host, port=port, user="verzuimdesk", dbname="postgres", autocommit=True) as c:
                c.execute(f'CREATE DATABASE "{name}"')
        edits = f"postgresql://verzuimdesk@/edits?host={host}&port={port}"
        school = f"postgresql://verzuimdesk@/school?host={host}&port={port}"
        create_demo(edits, size=30, today=TODAY).close()
        interleaved(edits)
        t0 = time.perf_counter()
        create_demo(school, size=args.pupils, today=TODAY).close()
        print(f"    (demoschool van {args.pupils} leerlingen op de server gemaakt in {time.perf_counter() - t0:.0f} s)")
        shapes = {"processen": (False,), "draden": (True,), "beide": (False, True)}[args.clients_as]
        for threads in shapes:
            for _ in range(args.turns):
                for mode in ("voor", "na"):
                    load(school, args.clients, mode, threads)
        alone(school)


if __name__ == "__main__":
    main()
