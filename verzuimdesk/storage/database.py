"""Opening a database: a SQLite file (the default) or a PostgreSQL URL, migrated to head.

`Database.begin()` is the unit of work every service uses: one transaction, committed when the
block ends, rolled back when it raises.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseError(Exception):
    """A database that cannot be opened or used; the message is Dutch and meant for the user."""


def is_url(target: str) -> bool:
    return "://" in target


def sqlite_path(target: str) -> Path | None:
    """The file behind `target`, or None for a server URL."""
    if not is_url(target):
        return Path(target)
    if target.startswith("sqlite:///"):
        return Path(target.removeprefix("sqlite:///"))
    return None


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # WAL with synchronous=FULL: a commit that returned survives a power cut.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(target: str) -> Engine:
    path = sqlite_path(target)
    if path is None:
        return create_engine(target, pool_pre_ping=True)
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_sqlite_connect)
    return engine


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to head. Alembic is the only way tables are made or changed."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@dataclass
class Database:
    target: str
    engine: Engine
    sessions: sessionmaker[Session]

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

    def close(self) -> None:
        self.engine.dispose()


def open_database(target: str, *, create: bool = False) -> Database:
    """Open the database at a path or URL and migrate it to head.

    Without `create`, a SQLite file that does not exist is an error rather than silently made.
    """
    path = sqlite_path(target)
    if path is not None:
        if not path.exists() and not create:
            raise DatabaseError(f"Database '{path}' bestaat niet. Maak er een met 'verzuimdesk init'.")
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(target)
    try:
        if current_revision(engine) != head_revision():
            migrate(engine)
    except Exception as exc:  # a file that is no database, a server that does not answer
        engine.dispose()
        raise DatabaseError(f"Database '{target}' kan niet geopend worden: {exc}") from exc
    return Database(target, engine, sessionmaker(engine, expire_on_commit=False))
