"""Opening a database: a SQLite file (the default) or a PostgreSQL URL, migrated to head.

`Database.begin()` is the unit of work every service uses: one transaction, committed when the
block ends, rolled back when it raises.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from verzuimdesk.domain.file_errors import file_reason, sqlite_reason
from verzuimdesk.storage import audit, server_login, swap, vault
from verzuimdesk.storage.errors import DatabaseDamaged, DatabaseError, PassphraseRequired
from verzuimdesk.storage.files import is_encrypted, is_url, sqlite_path
from verzuimdesk.storage.instance_lock import UseLock
from verzuimdesk.storage.location import location_problem
from verzuimdesk.storage.raw import BUSY_TIMEOUT_MS, MIGRATIONS, SQLITE_NOTADB, connect_file, heads_in_folder

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["BUSY_TIMEOUT_MS", "SQLITE_NOTADB", "Database", "DatabaseError", "PassphraseRequired", "connect_file",
           "is_encrypted", "is_url", "open_database", "sqlite_path"]

CACHE_KIB = 32 * 1024  # page cache per connection


def _pragmas(dbapi_conn: Any) -> None:
    # WAL with synchronous=FULL: a commit that returned survives a power cut.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # Keep up to 32 MiB of decrypted pages per connection (SQLite's default is 2 MiB): with SQLCipher
    # every page read again from the file is decrypted again, and a school of 10,000 pupils no longer
    # fitted, which made reading its statuses grow faster than the school.
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cur.close()


# This app on a server: its writes carry the name, so it can skip its own in what it hears (NOTIFY).
APP_NAME = f"verzuimdesk-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def server_url(target: str) -> str:
    """The SQLAlchemy URL of a server address as a user types it (postgresql://...)."""
    if target.startswith(("postgresql://", "postgres://")) and importlib.util.find_spec("psycopg"):
        return "postgresql+psycopg://" + target.split("://", 1)[1]  # the driver the extra installs
    return target


def server_dsn(db: Database) -> str | None:
    """The libpq address of a PostgreSQL database (for a connection of its own); None for SQLite."""
    if db.engine.dialect.name != "postgresql":
        return None
    url = db.engine.url.set(drivername="postgresql")
    login = server_login.of(db.engine)
    if login is not None:
        if login.locked:
            raise server_login.ServerLocked(server_login.LOCKED)
        if login.password is not None:
            url = url.set(password=login.password)
    return url.render_as_string(hide_password=False)


def make_engine(target: str, key: bytes | None = None) -> Engine:
    path = sqlite_path(target)
    if path is None:
        address = server_url(target)
        if not address.startswith("postgresql"):
            return create_engine(address, pool_pre_ping=True)
        # The password stays out of the engine's URL: the idle lock can take it away (storage/server_login).
        address, password = server_login.without_password(address)
        engine = create_engine(address, pool_pre_ping=True, connect_args={"application_name": APP_NAME})
        server_login.attach(engine, password)
        return engine
    # A bounded pool shared by the GUI thread and Qt's worker threads, the last returned connection
    # first (its page cache is warm). The SQLCipher dialect's default, one connection per thread
    # with at most five kept, closes an arbitrary other thread's connection once a sixth thread
    # connects -- possibly one in the middle of a transaction -- and Qt's thread pool makes new
    # threads all day.
    # No upper bound (max_overflow=-1): a GUI thread waiting for a free connection would freeze.
    pooling: dict[str, Any] = {"poolclass": QueuePool, "pool_use_lifo": True, "max_overflow": -1,
                               "connect_args": {"check_same_thread": False}}
    if key is None:
        engine = create_engine(URL.create("sqlite", database=str(path)), **pooling)  # no parsing: "#3", "?"
    else:
        # SQLAlchemy's own SQLCipher dialect; the raw key means no key derivation on every connect.
        url = URL.create("sqlite+pysqlcipher", password=vault.sqlcipher_key(key), database=str(path))
        engine = create_engine(url, **pooling)
    event.listen(engine, "connect", lambda conn, _rec: _pragmas(conn))
    return engine


WRITE_LOCK = 8818  # PostgreSQL's advisory lock of the writers: lock_for_writing, the audit chain, the triggers (0013)


def lock_for_writing(session: Session) -> None:
    """Start the transaction as a writer: a second writer waits here (up to BUSY_TIMEOUT_MS) until the
    first has committed, and then reads what it wrote. Checks that read before they write (is this
    absence already there?) then hold under concurrency; the unique index is the last guard.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("UPDATE status_generation SET n = n WHERE 0"))  # takes SQLite's write lock
    else:
        session.execute(text(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})"))


def alembic_config() -> Config:
    from alembic.config import Config  # Alembic (with mako) is imported only to migrate

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def head_revision() -> str | None:
    """The newest migration, read from the versions folder without importing Alembic (a start of the app
    or of a command only compares it with the database's). More than one head is an error Alembic would
    refuse too: Alembic says so."""
    heads = heads_in_folder()
    if len(heads) != 1:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(alembic_config()).get_current_head()
    return next(iter(heads))


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision: one query, None for a database without Alembic's table."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, audit_key: bytes | None = None) -> None:
    """Bring the schema to head. Alembic is the only way tables are made or changed.

    `audit_key` is the audit chain's key, for a migration that re-chains the log (0008).
    """
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["audit_key"] = audit_key
    if engine.dialect.name != "sqlite":  # PostgreSQL: DDL is transactional as it is
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return
    # Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE, so each ALTER TABLE committed on
    # its own: a migration that failed halfway left columns added at the old revision, and the database never
    # opened again ("duplicate column name", found by a review). With the driver's own transactions off for
    # this connection and one BEGIN of ours, every step of every migration commits together or not at all.
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        before = raw.isolation_level
        raw.isolation_level = None
        try:
            with conn.begin():
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        finally:
            if raw.in_transaction:
                raw.rollback()
            raw.isolation_level = before


@dataclass
class Database:
    target: str
    engine: Engine
    sessions: sessionmaker[Session]
    user: str = ""
    key: bytes | None = field(default=None, repr=False)
    use_lock: UseLock | None = field(default=None, repr=False)  # held shared while open (a restore waits)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One unit of work: commit at the end of the block, roll back on an exception."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.target)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def lock(self) -> None:
        """On a server: close the connections and forget the password until `resume` (storage/server_login).
        A laptop's file keeps its key (the window hides; the data stay encrypted on disk)."""
        login = server_login.of(self.engine)
        if login is not None:
            login.lock(self.engine)

    def resume(self, password: str | None) -> None:
        login = server_login.of(self.engine)
        if login is not None:
            login.resume(password)

    def resume_from(self, other: Database) -> None:
        """Unlocked by a login of the same person (`other`, which the caller closes): its password again."""
        login = server_login.of(other.engine)
        self.resume(login.password if login is not None else None)

    @property
    def locked(self) -> bool:
        login = server_login.of(self.engine)
        return login is not None and login.locked

    def close(self) -> None:
        self.engine.dispose()
        if self.use_lock is not None:
            self.use_lock.release()


def unlock(path: Path, passphrase: str | None, user: str | None = None) -> tuple[bytes, str]:
    """The data key of an encrypted database and the user whose password opened it."""
    if not passphrase:
        raise PassphraseRequired(f"Database '{path}' is versleuteld; geef het wachtwoord op "
                                 "(of zet VERZUIMDESK_PASSPHRASE).")
    # A VaultError is a refusal in Dutch already; a damaged slots file stays a `DatabaseDamaged`.
    return vault.Vault.load(vault.slots_path(path)).unlock(passphrase, user)


def _looks_encrypted(path: Path) -> bool:
    """A SQLCipher file: no plain SQLite header, and whole pages of what looks like noise."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    return len(head) == 4096 and not head.startswith(b"SQLite format 3\x00") and len(set(head)) > 200


def check_file(path: Path, key: bytes | None, pragma: str = "quick_check") -> None:
    """Raise a Dutch DatabaseError unless the file opens with `key` and passes the check."""
    try:
        conn = connect_file(path, key, readonly=True)
        try:
            result = conn.execute(f"PRAGMA {pragma}").fetchone()
        finally:
            conn.close()
    except Exception as exc:  # sqlite3 and sqlcipher3 have their own DatabaseError classes
        not_a_database = getattr(exc, "sqlite_errorcode", None) == SQLITE_NOTADB
        if key is not None and not_a_database:
            raise DatabaseDamaged(f"Database '{path}' opent niet met deze sleutel, of is beschadigd.") from None
        if key is None and not_a_database and _looks_encrypted(path):
            raise DatabaseError(f"Het sleutelbestand {vault.slots_path(path).name} ontbreekt naast database "
                                f"'{path}': zonder dat bestand opent geen wachtwoord de database. Zet het terug uit "
                                "de reservekopie (het staat naast de kopie).") from None
        reason = None if not_a_database else sqlite_reason(exc)
        if reason is not None:  # busy, read-only or a full disk: the file is fine, a restore would lose work
            raise DatabaseError(f"Database '{path}' is nu niet te lezen: {reason}. Er is niets gewijzigd.") from None
        raise DatabaseDamaged(f"Database '{path}' is beschadigd of geen database ({exc}). "
                            "Zet een reservekopie terug.") from None
    if not result or result[0] != "ok":
        raise DatabaseDamaged(f"Database '{path}' is beschadigd ({result[0] if result else 'geen antwoord'}). "
                            "Zet een reservekopie terug.")


def open_database(target: str, *, create: bool = False, passphrase: str | None = None, user: str | None = None,
                  key: bytes | None = None, before_migrate: Callable[[Database], None] | None = None) -> Database:
    """Open the database at a path or URL, check it, and migrate it to head.

    An encrypted SQLite file (one with a slots file beside it) needs `passphrase` (or the data `key`).
    Without `create`, a SQLite file that does not exist is an error rather than silently made.
    `before_migrate` runs (for a backup) before an existing database is migrated.
    """
    path = sqlite_path(target)
    use: UseLock | None = None
    if path is not None:
        problem = location_problem(path)
        if problem:
            raise DatabaseError(problem)
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        use = UseLock(path)
        if not use.acquire():
            raise DatabaseError("Er wordt nu een reservekopie teruggezet in deze database; probeer het zo opnieuw.")
    try:
        db = _open(target, path, create, passphrase, user, key, before_migrate)
    except BaseException:
        if use is not None:
            use.release()
        raise
    db.use_lock = use
    return db


def _open(target: str, path: Path | None, create: bool, passphrase: str | None, user: str | None,
          key: bytes | None, before_migrate: Callable[[Database], None] | None) -> Database:
    who = user or ""
    if path is None and not who:  # a server: the command line acts as the login in the address
        from sqlalchemy.engine import make_url

        who = make_url(server_url(target)).username or ""
    if path is not None:
        try:
            swap.finish_interrupted(path)  # a restore a crash interrupted: its pair goes in whole
        except OSError as exc:
            raise DatabaseError(f"Een onderbroken terugzetting van '{path}' kan niet afgemaakt worden "
                                f"({file_reason(exc)}).") from None
        if not path.exists() and not create:
            raise DatabaseError(f"Database '{path}' bestaat niet. Maak er een met 'verzuimdesk init'.")
        if not create and path.stat().st_size == 0:
            raise DatabaseError(f"'{path}' is een leeg bestand (0 bytes), geen VerzuimDesk-database; er is niets "
                                "in geschreven. Kies de juiste database of zet een reservekopie terug.")
        if key is None and is_encrypted(path):
            key, who = unlock(path, passphrase, user)
        if path.exists() and path.stat().st_size > 0:
            check_file(path, key)
    engine = make_engine(target, key)
    sessions = sessionmaker(engine, expire_on_commit=False)
    audit.install(sessions, key, vault.slots_path(path) if path is not None else None)
    db = Database(target, engine, sessions, who, key)
    try:
        current = current_revision(engine)
        if current != head_revision():
            if current is not None:
                if path is not None:
                    check_file(path, key, "integrity_check")
                if before_migrate is not None:
                    before_migrate(db)
            migrate(engine, audit.audit_key(key))
        if path is None and engine.dialect.name == "postgresql":
            _secure_again(engine, migrated=current != head_revision())
        _read_topics_again(db)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:  # a file that is no database, a server that does not answer
        engine.dispose()
        raise DatabaseError(f"Database '{target}' kan niet geopend worden: {exc}") from exc
    return db


def _read_topics_again(db: Database) -> None:
    """Stored entries read again when the word lists changed since this database last read them (a new
    version of the app): a note that now reads as health no longer goes to leerplicht, without a migration
    for each list that grows. On a server the owner's open does it (the one who migrates); a file that cannot
    be written now (read-only, or another app writing for longer than the busy wait) does it at a later open."""
    from sqlalchemy.exc import OperationalError

    from verzuimdesk.storage import topic_defaults

    try:
        with db.begin() as session:
            if db.path is None:
                from verzuimdesk.storage import server_roles

                if not server_roles.is_owner(session.connection()):
                    return
            topic_defaults.recheck_when_lists_changed(session, db.user or "VerzuimDesk")
    except OperationalError:
        return


def _secure_again(engine: Engine, *, migrated: bool) -> None:
    """On a server whose accounts are set up, opened by the owner: after a migration (grants and policies for
    new tables too), or when the rights are of an older version (its new functions)."""
    from verzuimdesk.storage import server_roles

    with engine.begin() as conn:
        if not (server_roles.is_secured(conn) if migrated else server_roles.needs_securing(conn)):
            return
        conn.execute(text(f"SELECT pg_advisory_xact_lock({server_roles.SECURE_LOCK})"))  # one owner's app at a time
        if server_roles.is_owner(conn) and (migrated or server_roles.needs_securing(conn)):
            server_roles.secure(conn)


def create_encrypted_database(target: str, *, user: str, password: str) -> tuple[Database, str]:
    """A new encrypted SQLite database: (the opened database, the recovery key to show once)."""
    path = sqlite_path(target)
    if path is None:
        raise DatabaseError("Versleuteling geldt voor een databasebestand; een server versleutelt zelf.")
    if path.exists() or vault.slots_path(path).exists():
        raise DatabaseError(f"Database '{path}' bestaat al.")
    problem = location_problem(path)
    if problem:
        raise DatabaseError(problem)
    try:
        v, key, recovery = vault.Vault.create(user, password)
    except vault.VaultError as exc:
        raise DatabaseError(str(exc)) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    v.save(vault.slots_path(path))
    return open_database(target, create=True, key=key, user=user), recovery
