"""`status --json` from a filled status cache, without SQLAlchemy: the command line's quick answer.

A fresh process that asks for the status of a peildatum whose statuses are all cached spent most of
its time importing SQLAlchemy and the ORM models. This reads the same rows through a bare SQLite (or
SQLCipher) connection and builds the answer with the same code as services/status.py
(status_read.assemble), so the JSON is the same byte for byte.

It answers only when everything is as the full path would find it, and otherwise returns None, and
the command line takes the full path, which says what is wrong or computes what is missing: a server
address; a file in the wrong place, being restored, missing or empty; a passphrase that opens no key
slot; a file that fails SQLite's quick check; a schema that is not at head (the full path migrates);
an audit log whose chain or anchor does not hold (the full path warns); an account that may not see
pupils' statuses, or that the database does not know; a pupil whose status at the peildatum is not
cached for this protocol and engine. It never writes. The account is the one whose password opened
the file, and a leerkracht sees only the own groups, as `status_seen_by` decides.

The app's login uses it too (`quick_login`): the Overzicht of an encrypted file whose statuses are all
cached is read the same way and worked out by the same code as `desk_overview` (services/desk.py),
so the main window shows its figures while the ORM is still being imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from verzuimdesk.services import signal_status, status_read
from verzuimdesk.services.desk import DeskOverview, assemble_desk
from verzuimdesk.services.roles import SCHOOL_WIDE, Account, Permission, Role
from verzuimdesk.services.status_read import SchoolStatus
from verzuimdesk.services.unchecked import CHECKS_BACK, unchecked_of
from verzuimdesk.storage import school_rows
from verzuimdesk.storage.audit_chain import audit_key, problem_in_file
from verzuimdesk.storage.errors import DatabaseError
from verzuimdesk.storage.files import is_encrypted, slots_path, sqlite_path
from verzuimdesk.storage.instance_lock import UseLock
from verzuimdesk.storage.location import location_problem
from verzuimdesk.storage.raw import BUSY_TIMEOUT_MS, Run, connect_file, connection_run, heads_in_folder
from verzuimdesk.storage.school_rows import must_change_password
from verzuimdesk.storage.swap import marker, pending

T = TypeVar("T")


def cached_status(target: str, peildatum: date, secret: str | None) -> SchoolStatus | None:
    """What `status_seen_by` gives the account that `secret` opens (nobody's, for a plain file), when
    every pupil's status at `peildatum` is in the cache; None when the full path must answer."""
    def status(run: Run, _key: bytes | None, _user: str, account: Account) -> SchoolStatus | None:
        found = _cached(run, peildatum)
        return None if found is None else replace(found, pupils=tuple(p for p in found.pupils
                                                                      if account.sees_group(p.group)))

    return _in_file(target, secret, None, status)


@dataclass(frozen=True)
class QuickLogin:
    """What the app's login shows before the ORM is imported (ui/login_dialog.py): the data key and the
    user whose password opened it, the account, the school's name and the Overzicht at `peildatum` (None
    when not every pupil's status is cached: the window then works it out once the file is open)."""

    key: bytes = field(repr=False)
    user: str
    account: Account
    school: str
    desk: DeskOverview | None


def quick_login(target: str, peildatum: date, username: str, password: str) -> QuickLogin | None:
    """As services.accounts.login followed by the Overzicht's `desk_overview` (when the statuses at
    `peildatum` are all cached), for an encrypted file read through a bare connection; it writes nothing
    (the app opens the database and logs the login next). None wherever `login` would refuse, ask for a
    new password or migrate: the full path answers."""
    def desk(run: Run, key: bytes | None, user: str, account: Account) -> QuickLogin | None:
        if key is None or must_change_password(run, account.username or user):
            return None
        school = school_rows.school_name(run)
        found = _cached(run, peildatum)
        if found is None:
            return QuickLogin(key, user, account, school, None)
        names, checks, has_pupils = school_rows.unchecked_reads(run, peildatum, CHECKS_BACK)
        calendar = school_rows.calendar_of(run)
        overview = assemble_desk(found, account, school_rows.without_birth_date(run),
                                 lambda seen: unchecked_of(calendar, names, checks, has_pupils, peildatum, seen))
        return QuickLogin(key, user, account, school, overview)

    path = sqlite_path(target)
    if path is None or not is_encrypted(path):
        return None
    return _in_file(target, password, username, desk)


def _in_file(target: str, secret: str | None, user: str | None,
             read: Callable[[Run, bytes | None, str, Account], T | None]) -> T | None:
    """`read` on one snapshot of the file, once the file, its key, its schema, its audit log and the
    account have passed every check the full path makes; None where one does not."""
    path = sqlite_path(target)
    if path is None or location_problem(path) is not None:
        return None
    use = UseLock(path)
    if not use.acquire():
        return None
    try:
        if _restore_under_way(path) or not path.is_file() or path.stat().st_size == 0:
            return None
        key, user_of_key = None, ""
        if is_encrypted(path):
            unlocked = _unlock(path, secret, user)
            if unlocked is None:
                return None
            key, user_of_key = unlocked
        try:
            conn = connect_file(path, key)
        except Exception:  # sqlite3's and sqlcipher3's errors are classes of their own
            return None
        try:
            account = _checked(conn, path, key, user_of_key)
            return None if account is None else read(connection_run(conn), key, user_of_key, account)
        except (DatabaseError, ValueError, LookupError):
            return None
        except Exception as exc:  # the driver's errors: a damaged file, a locked one, a missing table
            if type(exc).__module__.startswith(("sqlite3", "sqlcipher3")):
                return None
            raise
        finally:
            conn.close()
    finally:
        use.release()


def _restore_under_way(path: Path) -> bool:
    """A swap of storage/swap.py begun or left behind: the full path finishes or throws it away."""
    return marker(path).exists() or pending(path).exists() or pending(slots_path(path)).exists()


def _unlock(path: Path, secret: str | None, user: str | None) -> tuple[bytes, str] | None:
    if not secret:
        return None
    from verzuimdesk.storage import vault

    try:
        return vault.Vault.load(vault.slots_path(path)).unlock(secret, user)
    except vault.VaultError:
        return None


def _checked(conn: Any, path: Path, key: bytes | None, user: str) -> Account | None:
    """The account, once the file passes the quick check and its schema is at head and its audit log
    holds; None where the full path would check, migrate or warn first. Leaves a snapshot open."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
        return None
    conn.execute("BEGIN")  # one snapshot for every read after this
    run = connection_run(conn)
    heads = heads_in_folder()
    revision = run("SELECT version_num FROM alembic_version", {})
    if len(heads) != 1 or [tuple(r) for r in revision] != [tuple(heads)]:
        return None
    if problem_in_file(run, audit_key(key), _anchor(path) if key is not None else None) is not None:
        return None
    account = SCHOOL_WIDE if key is None else _account(run, user)
    if account is None or not account.can(Permission.VIEW_DOSSIER):
        return None
    return account


def _anchor(path: Path) -> tuple[int, str, str] | None:
    from verzuimdesk.storage import vault

    return vault.read_anchor(vault.slots_path(path))


def _account(run: Run, username: str) -> Account | None:
    """As services.accounts.account_of; None where that refuses (an unknown or switched-off name)."""
    found = run("SELECT id, username, name, role FROM staff WHERE username = :u AND active = 1", {"u": username})
    if not found:
        if run("SELECT id FROM staff WHERE username IS NOT NULL LIMIT 1", {}):
            return None
        return SCHOOL_WIDE
    staff_id, name_in_db, name, role = found[0]
    groups = run("SELECT g.name FROM school_group g JOIN staff_group sg ON sg.group_id = g.id "
                 "WHERE sg.staff_id = :s", {"s": staff_id})
    return Account(name_in_db or "", name, Role(role), tuple(sorted(g for (g,) in groups)))


def _cached(run: Run, peildatum: date) -> SchoolStatus | None:
    """As status._school_status reads a school whose statuses at `peildatum` are all cached."""
    school = run(status_read.SCHOOL_AND_FLAGS, {})
    if not school:
        return None
    protocol_ref, protocol_text, _generation, guardians_kept, checks_kept = school[0]
    protocol, fingerprint = status_read.protocol_and_fingerprint(protocol_ref, protocol_text)
    signal_config = signal_status.signal_config()[0]
    roster = run(status_read.roster_query(cached=True, some=False), {"d": peildatum.isoformat(), "f": fingerprint})
    if any(row[-1] is None for row in roster):
        return None  # the full path computes these and keeps them
    missing = school_rows.missing_data(run, peildatum)
    unchecked = signal_status.unchecked_registration(run, school_rows.calendar_of(run), {row[5] for row in roster},
                                                     peildatum, kept=True) if checks_kept else {}
    return status_read.assemble(peildatum, protocol, roster, {}, signal_config, missing, bool(guardians_kept),
                                unchecked)
