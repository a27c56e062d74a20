"""The writing process of the crash test, started once as a small fork server.

    python tests/safety/writer.py DBPATH

Importing the app costs half a second, so this process imports once and then, for every line
`TAG FIFO` on stdin, forks a writer and answers `PID`. The writer is a process of its own that has
never touched the database before: it opens the encrypted database with the real open_database
(passphrase from VERZUIMDESK_PASSPHRASE), writes `ready` to FIFO, and loops: `begin ID`, one import of
an events CSV through the real service (one transaction: the events and an audit row), and `done ID`
only after that transaction has committed. Each line is one write(2) to the pipe, so what the test
has read is exactly what the writer had confirmed when it was killed. A line `reap PID` makes the
server collect the killed writer and answer with its wait status.
"""

from __future__ import annotations

import os
import sys

from tests.actors import IB
from verzuimdesk.services.imports import import_events
from verzuimdesk.storage.database import open_database

PUPILS = ("1001", "1002", "1003", "1004")


def lines_of(n: int) -> int:
    """How many events unit `n` writes: mostly a few, every tenth enough for many pages."""
    return 40 if n % 10 == 9 else 1 + n % 3


def unit_csv(uid: str, n: int) -> bytes:
    rows = ["leerlingnummer;datum;soort;omschrijving"]
    for i in range(lines_of(n)):
        rows.append(f"{PUPILS[(n + i) % 4]};2025-11-{3 + i % 5:02d};contact_parents;{uid}/{i}/" + "x" * (i * 20))
    return ("\n".join(rows) + "\n").encode()


def write_until_killed(path: str, tag: str, fifo: str) -> None:
    out = os.open(fifo, os.O_WRONLY)

    def say(text: str) -> None:
        os.write(out, (text + "\n").encode())

    db = open_database(path, passphrase=os.environ["VERZUIMDESK_PASSPHRASE"], user="ib")
    say("ready")
    n = 0
    while True:
        uid = f"{tag}-{n}"
        say(f"begin {uid}")
        import_events(db, unit_csv(uid, n), source=uid, by=IB)
        say(f"done {uid}")
        n += 1


def serve(path: str) -> None:
    # The ORM's own set-up (0.1 s of Python, no database) once here, not in every forked writer's
    # first commit: the kills are meant for the writes.
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
    for line in sys.stdin:
        words = line.split()
        if words[0] == "reap":
            _, status = os.waitpid(int(words[1]), 0)
            print(status, flush=True)
            continue
        tag, fifo = words
        pid = os.fork()
        if pid == 0:
            try:
                write_until_killed(path, tag, fifo)
            finally:
                os._exit(3)  # never return into the server's loop
        print(pid, flush=True)


if __name__ == "__main__":
    serve(sys.argv[1])
