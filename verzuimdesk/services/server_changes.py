"""Others' changes on a server: every running app hears what another one wrote, and follows it as a
change of its own (the pages refresh as after a local write, `OpChanges`).

PostgreSQL's triggers (migration 0013) send `NOTIFY verzuimdesk` with the pupils a statement touched,
or the whole school, or the registration checks, and the writer's application_name. NOTIFY is
delivered at commit, so nothing is heard of a write that was rolled back. `ChangeListener` keeps one
connection of its own that LISTENs, on a thread, and hands each change to `on_change` (the UI passes
`AppContext.changed`: a Qt signal, so the pages follow on the GUI thread). An app skips what it wrote
itself: its own writes were announced already by the write's runner.

On SQLite (one laptop) there is nothing to listen to: `listen` returns None.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable

from verzuimdesk.services.changes import OpChanges
from verzuimdesk.storage.database import APP_NAME, Database, server_dsn

log = logging.getLogger(__name__)

CHANNEL = "verzuimdesk"
POLL_S = 0.25  # how often the thread looks whether it should stop
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
                        for note in conn.notifies(timeout=POLL_S, stop_after=50):
                            changes = parse(note.payload, self.own)
                            if changes is not None and not changes.empty:
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
