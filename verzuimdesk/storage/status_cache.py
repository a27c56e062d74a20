"""The status cache: each pupil's computed status at a peildatum, kept in the (encrypted) database.

A cached row is valid as long as it exists: the triggers of migration 0004 delete a pupil's rows when
one of the pupil's own rows changes, and all rows when the calendar, the codes, the groups or the
school's protocol setting change. `fingerprint` covers what lies outside the database (the protocol
file's bytes, the engine's code); a row with another fingerprint is never read and is dropped at the
next store.

Storing is guarded by `status_generation`, which every trigger bumps: a status computed from data
read at generation G is stored only if the generation is still G when it is written, so a write
that lands while the engine runs (the grid on the GUI thread, the overview on a worker) can never
leave a stale row behind. The cache only speeds things up: when it cannot be written (a read-only
file, a busy database) nothing is stored and nothing is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from verzuimdesk.storage.database import BUSY_TIMEOUT_MS, Database

log = logging.getLogger(__name__)

STORE_WAIT_MS = 50  # how long a store waits for another connection's write (then it is dropped)
KEEP_PEILDATA = 6  # the peildata kept: today, yesterday, the quarterly reference dates being prepared

PUPIL_TABLES = ("absence", "event", "conversation", "plan_link", "care_case", "pupil", "exemption")
SCHOOL_TABLES = ("school", "school_year", "vacation", "calendar_day", "timetable_span", "absence_code",
                 "school_group")


def usable(db: Database) -> bool:
    """The cache's triggers exist on SQLite (migration 0004) and PostgreSQL (0013)."""
    return db.engine.dialect.name in ("sqlite", "postgresql")


INSERT_TRIGGER = "status_cache_absence_insert"  # migrations 0004 and 0014


@contextmanager
def invalidated_once(session: Session) -> Iterator[set[int]]:
    """Absences inserted in the block drop the cached statuses of the pupils the caller adds to the set
    it is given once, at the block's end, instead of once per row (SQLite).

    The insert trigger is taken away inside the block, in the caller's transaction, and put back (its
    own text, as the migrations wrote it) at the block's end, also when the block raises (then the
    whole cache is dropped): no committed state and no other connection ever sees it gone. Pausing it
    (migration 0014's `status_generation.paused`, which its WHEN still reads) left SQLite running the
    trigger's program for every row to find it paused: a fifth of a school year's insert. Only for
    INSERTs into absence: every other trigger runs as always. On a server the block just runs.
    """
    touched: set[int] = set()
    if session.get_bind().dialect.name != "sqlite":
        yield touched
        return
    # In a transaction first: Python's sqlite3 opens one only before an INSERT, UPDATE or DELETE, and a DROP
    # TRIGGER outside one commits on its own, so a crash in the block would leave the cache never dropped again.
    from verzuimdesk.storage.database import lock_for_writing

    lock_for_writing(session)
    trigger = session.execute(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n"),
                              {"n": INSERT_TRIGGER}).scalar()
    if trigger is not None:
        session.execute(text(f"DROP TRIGGER {INSERT_TRIGGER}"))
    try:
        yield touched
    except BaseException:
        with suppress(Exception):  # a transaction that cannot take these is rolled back (the trigger with it)
            _put_back(session, trigger)
        with suppress(Exception):
            session.execute(text("DELETE FROM status_cache"))
            session.execute(text("UPDATE status_generation SET n = n + 1 WHERE id = 1"))
        raise
    _put_back(session, trigger)
    ids = sorted(map(int, touched))  # numbers, written into the statement: no thousand parameters
    for i in range(0, len(ids), 5000):
        session.execute(text(f"DELETE FROM status_cache WHERE pupil_id IN ({','.join(map(str, ids[i:i + 5000]))})"))
    if ids:
        session.execute(text("UPDATE status_generation SET n = n + 1 WHERE id = 1"))


def _put_back(session: Session, trigger: str | None) -> None:
    """The insert trigger as it was (unless a rollback under the block brought it back already)."""
    if trigger is not None and session.execute(text(
            "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = :n"), {"n": INSERT_TRIGGER}).first() is None:
        session.connection().exec_driver_sql(trigger)


def generation(session: Session | Connection) -> int:
    return int(session.execute(text("SELECT n FROM status_generation WHERE id = 1")).scalar_one())


def store(db: Database, peildatum: date, fingerprint: str, read_at: int, payloads: dict[int, str],
          read_stamps: dict[int, int | None] | None = None) -> bool:
    """Keep `payloads` (computed from data read at generation `read_at`, and on a server at the pupils'
    `read_stamps`: each pupil's stamp (migration 0013) read before the data its status was computed from,
    None where the pupil had no stamp row yet); False when nothing was kept."""
    if not payloads:
        return True
    if db.engine.dialect.name == "postgresql":  # the generation is checked under its lock there
        return _store_on_server(db, peildatum, fingerprint, read_at, payloads, read_stamps or {})
    day = peildatum.isoformat()
    with db.read() as session:
        if generation(session) != read_at:
            return False  # something changed while the statuses were computed
    try:
        with db.engine.begin() as conn:
            # A status is asked for to be read: it waits for nobody's write. If another connection
            # is writing, this store gives up at once (that write makes these rows stale anyway).
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {STORE_WAIT_MS}")
            try:
                _store(conn, day, fingerprint, read_at, payloads)
            finally:
                try:
                    conn.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                except Exception:
                    conn.invalidate()  # never hand out a connection that gives up on locks this fast
                    raise
        return True
    except _Stale:
        return False
    except OperationalError as exc:  # read-only file or another connection writing: compute again next time
        log.info("status niet bewaard: %s", type(exc).__name__)  # no message: it can hold data
        return False


class _Stale(Exception):
    """The generation moved between the check and the write lock: roll the store back."""


def _store(conn: Connection, day: str, fingerprint: str, read_at: int, payloads: dict[int, str]) -> None:
    # The guard and the first insert are one statement, and the write lock is held from there to the
    # commit: no other write can slip in between the check and the rows.
    new_day = conn.execute(
        text("SELECT NOT EXISTS (SELECT 1 FROM status_cache WHERE peildatum = :d AND fingerprint = :f)"),
        {"d": day, "f": fingerprint},
    ).scalar_one()
    rows = [{"d": day, "p": pid, "f": fingerprint, "x": payload, "g": read_at} for pid, payload in payloads.items()]
    result = conn.execute(
        text("INSERT OR REPLACE INTO status_cache (peildatum, pupil_id, fingerprint, payload) "
             "SELECT :d, :p, :f, :x WHERE (SELECT n FROM status_generation WHERE id = 1) = :g"),
        rows[0],
    )
    if result.rowcount != 1:
        raise _Stale
    if len(rows) > 1:
        conn.execute(text("INSERT OR REPLACE INTO status_cache (peildatum, pupil_id, fingerprint, payload) "
                          "VALUES (:d, :p, :f, :x)"), rows[1:])
    if new_day:  # tidy up once per peildatum, not on every pupil's change
        conn.execute(text("DELETE FROM status_cache WHERE fingerprint != :f"), {"f": fingerprint})
        conn.execute(
            text("DELETE FROM status_cache WHERE peildatum NOT IN (SELECT peildatum FROM status_cache "
                 "GROUP BY peildatum ORDER BY max(rowid) DESC LIMIT :k)"),
            {"k": KEEP_PEILDATA},
        )


def store_on_server(session: Session, peildatum: date, fingerprint: str, read_at: int, payloads: dict[int, str],
                    read_stamps: dict[int, int | None]) -> bool:
    """`store` on a server, in the transaction that read the data (it ends it: committed, or rolled back
    when the store fails): no second connection and transaction, three round trips fewer."""
    if not payloads:
        return True
    try:
        kept = _store_rows(session.connection(), peildatum, fingerprint, read_at, payloads, read_stamps)
        session.commit()
        return kept
    except DBAPIError as exc:  # a writer held the lock too long, a pupil removed meanwhile, the server gone
        session.rollback()
        log.info("status niet bewaard: %s", type(exc).__name__)  # no message: it can hold data
        return False


def _store_on_server(db: Database, peildatum: date, fingerprint: str, read_at: int, payloads: dict[int, str],
                     read_stamps: dict[int, int | None]) -> bool:
    try:
        with db.engine.begin() as conn:
            return _store_rows(conn, peildatum, fingerprint, read_at, payloads, read_stamps)
    except DBAPIError as exc:  # a writer held the lock too long, a pupil removed meanwhile, the server gone
        log.info("status niet bewaard: %s", type(exc).__name__)  # no message: it can hold data
        return False


def _store_rows(conn: Connection, peildatum: date, fingerprint: str, read_at: int, payloads: dict[int, str],
                read_stamps: dict[int, int | None]) -> bool:
    """PostgreSQL, with many writers: a pupil's status is stored only if its stamp is still the one read
    before its data, and nothing if a school-wide change came in between. The store locks the pupils'
    stamps (FOR SHARE) and the generation: it waits only for a write of these pupils under way (briefly:
    a store is never worth a wait), and a write that comes after waits for the store, then drops what it
    stored (the triggers of 0013 bump the stamp before they delete). It never takes the writers' advisory
    lock: twenty apps typing at once do not hold up one that stores what it read.

    Five statements in one transaction (each a round trip to the server): the rights and the lock
    timeout; stamp rows for pupils that had none (only then); the stamps, locked; the generation, locked,
    with whether this peildatum is new; the rows."""
    ids = sorted(payloads)
    rows: list[dict[str, object]] = [{"d": peildatum, "p": pid, "f": fingerprint, "x": payloads[pid]}
                                     for pid in ids]
    allowed = conn.execute(text("SELECT has_table_privilege('status_cache', 'INSERT'), "
                                "set_config('lock_timeout', :t, true)"),
                           {"t": f"{4 * STORE_WAIT_MS}ms"}).first()
    if not allowed or not allowed[0]:
        return False  # a leerkracht's app reads the cache; what is stored is the IB-er's (server_roles)
    # A stamp row for every pupil, so that the lock below always has a row to hold; a writer's
    # insert of the same row is waited for.
    new = [pid for pid in ids if read_stamps.get(pid) is None]
    if new:
        conn.execute(text("INSERT INTO status_stamp (pupil_id, n) SELECT unnest(CAST(:ids AS integer[])), 0 "
                          "ON CONFLICT (pupil_id) DO NOTHING"), {"ids": new})
    now = {int(p): int(n) for p, n in conn.execute(
        text("SELECT pupil_id, n FROM status_stamp WHERE pupil_id = ANY(:ids) ORDER BY pupil_id FOR SHARE"),
        {"ids": ids})}
    gen, new_day = conn.execute(
        text("SELECT n, NOT EXISTS (SELECT 1 FROM status_cache WHERE peildatum = :d AND fingerprint = :f) "
             "FROM status_generation WHERE id = 1 FOR SHARE"), {"d": peildatum, "f": fingerprint}).one()
    if gen != read_at:
        return False  # a school-wide change committed between the computation and now
    rows = [r for r, pid in zip(rows, ids, strict=True) if now.get(pid, 0) == (read_stamps.get(pid) or 0)]
    if not rows:
        return False
    conn.execute(text("INSERT INTO status_cache (peildatum, pupil_id, fingerprint, payload) "
                      "VALUES (:d, :p, :f, :x) ON CONFLICT (peildatum, pupil_id) DO UPDATE "
                      "SET fingerprint = excluded.fingerprint, payload = excluded.payload"),
                 rows)
    if new_day:
        conn.execute(text("DELETE FROM status_cache WHERE fingerprint != :f"), {"f": fingerprint})
        conn.execute(text("DELETE FROM status_cache WHERE peildatum NOT IN (SELECT DISTINCT peildatum "
                          "FROM status_cache ORDER BY peildatum DESC LIMIT :k)"), {"k": KEEP_PEILDATA})
    return True
