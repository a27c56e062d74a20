"""Others' changes on a server: every running app hears what another one wrote, and follows it as a
change of its own (the pages refresh as after a local write, `OpChanges`).

PostgreSQL's triggers (migration 0013) send `NOTIFY verzuimdesk` with the pupils a statement touched,
or the whole school, or the registration checks, and the writer's application_name. NOTIFY is
delivered at commit, so nothing is heard of a write that was rolled back. `ChangeListener` keeps one
connection of its own that LISTENs, on a thread, and hands each change to `on_change` (the UI passes
`AppContext.changed`: a Qt signal, so the pages follow on the GUI thread). An app skips what it wrote
itself: its own writes were announced already by the write's runner.

Twenty apps typing at once send a notification for every key. Answered one by one, each would make every
page on screen ask again: a queue of refreshes that grows faster than it is worked off. So what is heard
together becomes one change: the listener hands on, after the first notification, everything that comes
within `GATHER_S` as one `OpChanges` (the union), and `Pending` merges what arrives while the GUI thread
is still busy with the last one, so at most one refresh waits. The pages then ask only for the pupils the
change names (services/status_view.py).

On SQLite (one laptop) there is nothing to listen to: `listen` returns None.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable

from verzuimdesk.services.changes import NOTHING, OpChanges
from verzuimdesk.storage.database import APP_NAME, Database, server_dsn

log = logging.getLogger(__name__)

CHANNEL = "verzuimdesk"
POLL_S = 0.25  # how often the thread looks whether it should stop
GATHER_S = 0.05  # after a notification, what else arrives this soon is handed on with it as one change
GATHER_MAX = 500  # and at most this many notifications at once
RETRY_S = 5.0  # after the server went away, how long before listening again


def parse(payload: str, own: str | None = APP_NAME) -> OpChanges | None:
    """The change a notification names; None for one of this app's own writes, or one it cannot read."""
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(data, dict) or (own is not None and data.get("a") == own):
        return None
    ids = data.get("p") or []
    return OpChanges(frozenset(int(i) for i in ids if isinstance(i, int)), bool(data.get("s")), bool(data.get("c")))


def merged(payloads: Iterable[str], own: str | None = APP_NAME) -> OpChanges:
    """The changes of several notifications as one: the pupils of all, the whole school if one says so."""
    out = NOTHING
    for payload in payloads:
        changes = parse(payload, own)
        if changes is not None:
            out = out | changes
    return out


class Pending:
    """Changes heard but not yet followed, merged into one (thread-safe: the listener adds, the GUI takes).
    `add` says whether this is the first since the last `take`: only then need the GUI be woken."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._what: OpChanges | None = None

    def add(self, changes: OpChanges) -> bool:
        with self._lock:
            first = self._what is None
            self._what = changes if self._what is None else self._what | changes
            return first

    def take(self) -> OpChanges | None:
        with self._lock:
            what, self._what = self._what, None
            return what


class ChangeListener:
    """A thread that LISTENs on the server and calls `on_change` for every change another app made."""

    def __init__(self, dsn: str, on_change: Callable[[OpChanges], object], own: str | None = APP_NAME) -> None:
        self.dsn, self.on_change, self.own = dsn, on_change, own
        self._stop = threading.Event()
        self.listening = threading.Event()  # set once LISTEN is in place (tests wait for it)
        self._thread = threading.Thread(target=self._run, name="verzuimdesk-listen", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psycopg

        missed = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.dsn, autocommit=True, application_name=f"{APP_NAME}-listen") as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    if missed:  # what happened while the server was away is unknown: follow everything
                        missed = False
                        self.on_change(OpChanges.whole_school())
                    while not self._stop.is_set():
                        first = [n.payload for n in conn.notifies(timeout=POLL_S, stop_after=1)]
                        if not first:
                            continue
                        # A burst of writes (twenty apps typing) is followed once, not once per write.
                        more = [n.payload for n in conn.notifies(timeout=GATHER_S, stop_after=GATHER_MAX)]
                        changes = merged(first + more, self.own)
                        if not changes.empty:
                            self.on_change(changes)
            except psycopg.Error as exc:  # the server restarted or the network went: listen again later
                self.listening.clear()
                missed = True
                log.info("luisteren naar de server onderbroken: %s", type(exc).__name__)  # no message: it can hold data
                self._stop.wait(RETRY_S)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def listen(db: Database, on_change: Callable[[OpChanges], object]) -> ChangeListener | None:
    """Start hearing others' changes to `db`; None when `db` is no server (a SQLite file)."""
    dsn = server_dsn(db)
    return None if dsn is None else ChangeListener(dsn, on_change)
