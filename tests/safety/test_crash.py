"""Nothing lost (DESIGN.md): a writer killed with SIGKILL at random moments leaves an intact
database that holds every commit it had confirmed, and each unit of work whole or not at all."""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.safety.helpers import integrity, make_school_db
from tests.safety.writer import lines_of
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import open_database
from verzuimdesk.storage.models import AuditEntry, EventRow

WRITER = Path(__file__).with_name("writer.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = 100
SEED = 20251106


class ForkServer:
    """Drives writer.py: one fresh writer process per kill, without paying the imports each time."""

    def __init__(self, db_path: Path, fifo_dir: Path) -> None:
        self.fifo_dir = fifo_dir
        self.proc = subprocess.Popen([sys.executable, str(WRITER), str(db_path)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})

    def ask(self, line: str) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        assert answer, "the fork server died"
        return answer.strip()

    def start(self, tag: str) -> tuple[int, queue.Queue[str | None]]:
        """A new writer; its lines arrive on the queue, None once it is gone."""
        fifo = self.fifo_dir / tag
        os.mkfifo(fifo)
        pid = int(self.ask(f"{tag} {fifo}"))
        lines: queue.Queue[str | None] = queue.Queue()

        def read() -> None:
            with open(fifo, "rb") as fh:  # blocks until the writer opens its end
                for raw in fh:
                    if raw.endswith(b"\n"):  # a line cut off by the kill was never confirmed
                        lines.put(raw.decode().rstrip("\n"))
            lines.put(None)

        threading.Thread(target=read, daemon=True).start()
        return pid, lines

    def kill(self, pid: int) -> None:
        os.kill(pid, signal.SIGKILL)
        status = int(self.ask(f"reap {pid}"))
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, \
            f"the writer ended by itself (status {status}) before it was killed: see its stderr"

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def drain(lines: queue.Queue[str | None]) -> Iterator[str]:
    while (line := lines.get(timeout=30)) is not None:
        yield line


def units_in(db_path: Path, key: bytes) -> tuple[Counter[str], set[str]]:
    """Open the database as the app does (quick_check first), check it whole, and return the number
    of events per unit id and the unit ids that have their audit row."""
    db = open_database(str(db_path), key=key, user="ib")
    try:
        assert integrity(db) == "ok"
        with db.read() as s:
            notes = s.scalars(select(EventRow.note)).all()
            details = s.scalars(select(AuditEntry.detail).where(AuditEntry.entity == "event")).all()
            assert audit.problem(s) is None, "the audit chain or its anchor in the slots file is broken"
    finally:
        db.close()
    return Counter(n.split("/")[0] for n in notes if "/" in n), {json.loads(d)["bestand"] for d in details}


def unit_number(uid: str) -> int:
    return int(uid.rsplit("-", 1)[1])


def delay(rng: random.Random) -> float:
    """Where the kill lands after the writer is ready: mostly among its commits, some in its first."""
    r = rng.random()
    return 0.0 if r < 0.05 else rng.uniform(0.0, 0.03) if r < 0.15 else rng.uniform(0.03, 0.35)


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_confirmed_commit(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    db_path = tmp_path / "school.db"
    key = make_school_db(db_path)
    server = ForkServer(db_path, tmp_path)
    started = time.monotonic()
    confirmed: set[str] = set()
    begun_total = in_unit = in_unit_committed = before_first = 0
    try:
        for k in range(KILLS):
            pid, lines = server.start(f"k{k}")
            assert lines.get(timeout=30) == "ready", "the writer could not open the database"
            time.sleep(delay(rng))
            server.kill(pid)
            said = list(drain(lines))

            begun = [ln.split()[1] for ln in said if ln.startswith("begin ")]
            done = [ln.split()[1] for ln in said if ln.startswith("done ")]
            begun_total += len(begun)
            before_first += not done
            events, audited = units_in(db_path, key)
            confirmed.update(done)
            for uid in confirmed:
                assert events[uid] == lines_of(unit_number(uid)), f"confirmed unit {uid}: {events[uid]} events"
                assert uid in audited, f"confirmed unit {uid} has no audit row"
            open_units = [u for u in begun if u not in done]
            assert len(open_units) <= 1
            for uid in open_units:  # killed inside the unit of work: all of it or nothing
                in_unit += 1
                assert events[uid] in (0, lines_of(unit_number(uid))), f"unit {uid} half written: {events[uid]}"
                assert (events[uid] > 0) == (uid in audited), f"unit {uid}: events and audit row disagree"
                if events[uid]:
                    in_unit_committed += 1
                    confirmed.add(uid)
            assert set(events) <= confirmed, "events of a unit that was never begun"
    finally:
        server.close()

    elapsed = time.monotonic() - started
    print(f"\n{KILLS} kills in {elapsed:.1f} s: {begun_total} units begun, {len(confirmed)} committed; "
          f"{in_unit} kills inside a unit of work ({in_unit_committed} of them after its commit, before "
          f"'done'; the others left nothing); {before_first} before the writer's first commit")
    assert len(confirmed) > KILLS  # the kills did land between many commits
    assert in_unit >= KILLS // 2  # and most of them inside a unit of work
