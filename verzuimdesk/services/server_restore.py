"""`verzuimdesk restore --db postgresql://…`: an encrypted VerzuimDesk file back into a server database.

The file is what `verzuimdesk backup` of a server makes, or a laptop's own database (or one of its
copies): a school moving from one laptop to a server restores it the same way. Only the owner of the
tables (the role `init` ran as, docs/server.md) restores: it writes every table past row-level security
and makes login roles. The copy is opened from a temporary copy of it (so an older copy is migrated
there, never in place), its audit chain and anchor checked under its own key; then, in one transaction
on the server, every table is emptied and filled from the copy, the sequences set past the highest id,
and the log chained again under the server's key, with one row more saying the restore happened. The
status cache is not copied (it is computed again).

A database that holds a school already is replaced only when the caller says so (`replace`), and then
first copied into an encrypted file of its own (`backup_server`), opened with the same password as the
copy being restored.

Accounts: a password is not in the file (the server keeps it, as a SCRAM verifier of the person's role),
so each account of the copy is matched with the roles on the server:
- a role of that name that is an account of this database (same database on the same server): kept,
  with its password; its group role set to the account's role, its login on or off as the account is;
- no such role (a new server, a laptop's database): a new login with a one-time password, shown once,
  which the person replaces at the first login (as after a reset);
- a role of that name that is no account of this database (the owner, another school's login): left
  alone, and the account switched off (the IB-er can give the person a new account).
A copy without an IB-er who can then log in is refused: nobody could manage the school afterwards.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, delete, func, insert, select, text
from sqlalchemy.orm import Session

from verzuimdesk.services.account_admin import one_time_password
from verzuimdesk.services.server_backup import PARTIAL, ServerBackup, backup_server
from verzuimdesk.storage import audit, server_roles, vault
from verzuimdesk.storage.database import Database, DatabaseError, open_database, sqlite_path
from verzuimdesk.storage.models import AuditEntry, Base, Pupil, School, Setting, Staff

NOT_COPIED = {"status_cache", "audit_permit", "status_generation"}  # computed again / the server's own
KEPT = {"audit_permit", "status_generation"}  # not emptied either
BATCH = 5000


@dataclass(frozen=True, slots=True)
class ServerRestore:
    rows: int
    school: str
    kept: tuple[str, ...]  # accounts whose login on the server stays, with its password
    new: dict[str, str] = field(default_factory=dict)  # accounts with a new login: user name → one-time password
    unlinked: tuple[str, ...] = ()  # a role of that name is no account of this database: left alone, switched off
    safety: ServerBackup | None = None  # what the database held before, when it was replaced


def contents(db: Database) -> str | None:
    """What the server database holds, in Dutch, or None when it holds no school yet (new or just made)."""
    with db.read() as session:
        pupils = session.scalar(select(func.count()).select_from(Pupil)) or 0
        logged = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        staff = session.scalar(select(func.count()).select_from(Staff).where(Staff.username.is_not(None))) or 0
        school = session.scalar(select(School.name).order_by(School.id).limit(1))
    if not (pupils or logged or staff or school):
        return None
    return f"school {school or '(geen naam)'}, {pupils} leerlingen, {staff} accounts, {logged} regels in het logboek"


@contextmanager
def opened_copy(backup: Path, passphrase: str | None) -> Iterator[Database]:
    """The copy, opened (and migrated if it is older) from a temporary copy of the file and its key slots."""
    if not backup.is_file():
        reason = "dit is een map, geen bestand" if backup.is_dir() else "het bestand bestaat niet"
        raise DatabaseError(f"'{backup}' kan niet gelezen worden: {reason}.")
    with tempfile.TemporaryDirectory(prefix="verzuimdesk-terugzetten-") as folder:
        work = Path(folder) / "kopie.db"
        shutil.copyfile(backup, work)
        if vault.slots_path(backup).exists():
            shutil.copyfile(vault.slots_path(backup), vault.slots_path(work))
        copy = open_database(str(work), passphrase=passphrase)
        try:
            with copy.read() as session:
                wrong = audit.problem(session)
                partial = session.scalar(select(Setting.value).where(Setting.key == PARTIAL))
                if partial:
                    wrong = wrong or (f"ze is gemaakt met het account van leerkracht '{partial}' en bevat alleen de "
                                      "leerlingen van diens groepen; zet een kopie van de IB-er of de beheerder terug")
            if wrong:
                raise DatabaseError(f"De kopie wordt niet teruggezet: {wrong}")
            yield copy
        finally:
            copy.close()


def _fill(target: Session, source: Session) -> int:
    rows = 0
    for table in reversed(Base.metadata.sorted_tables):
        if table.name not in KEPT:
            target.execute(delete(table))
    for table in Base.metadata.sorted_tables:
        if table.name in NOT_COPIED:
            continue
        log = table.name == AuditEntry.__tablename__
        result = source.execute(select(table).order_by(table.c.id) if log else select(table)).mappings()
        prev = ""
        while chunk := result.fetchmany(BATCH):
            batch = [dict(r) for r in chunk]
            if log:  # chained under the server's key as it goes in: the purge's rechain then changes nothing
                prev = audit.chain_rows(batch, audit.audit_key(None), prev)
            target.execute(insert(table), batch)
            rows += len(chunk)
        if "id" in table.c:  # the next id the server hands out comes after the copy's highest
            target.execute(text(f"SELECT setval(s, coalesce((SELECT max(id) FROM \"{table.name}\"), 0) + 1, false) "
                                f"FROM (SELECT pg_get_serial_sequence('\"{table.name}\"', 'id') AS s) x "
                                "WHERE s IS NOT NULL"))
    return rows


def _link_accounts(conn: Connection, session: Session) -> tuple[list[str], dict[str, str], list[str]]:
    """Each account of the restored staff table matched with the server's roles (see the module)."""
    kept: list[str] = []
    new: dict[str, str] = {}
    unlinked: list[str] = []
    for staff in session.scalars(select(Staff).where(Staff.username.is_not(None)).order_by(Staff.username)):
        username = staff.username or ""
        state = server_roles.account_state(conn, username)
        if state == "foreign":
            staff.active = False
            unlinked.append(username)
        elif state == "ours":
            server_roles.set_account(conn, username=username, role=staff.role, login=staff.active)
            kept.append(username)
        elif staff.active:
            secret = one_time_password()
            server_roles.create_login(conn, username=username, password=secret, role=staff.role)
            key = server_roles.MUST_CHANGE + username
            session.execute(delete(Setting).where(Setting.key == key))
            session.add(Setting(key=key, value="1"))
            new[username] = secret
    session.flush()
    return kept, new, unlinked


def restore_server(db: Database, backup: Path, passphrase: str | None, *, replace: bool = False,
                   safety_out: Path | None = None) -> ServerRestore:
    """Put the copy `backup` into the server database `db` (opened as the owner of the tables)."""
    if sqlite_path(db.target) is not None:
        raise DatabaseError("Dit is geen serverdatabase.")
    with db.engine.begin() as conn:
        if not server_roles.is_owner(conn):
            raise DatabaseError("Een kopie terugzetten op de server doet de beheerdersrol, de eigenaar van de tabellen "
                                "(zie docs/server.md), niet het account van een gebruiker.")
        server_roles.secure(conn)  # a new, empty database: the group roles, grants and policies first
    held = contents(db)
    with opened_copy(backup, passphrase) as copy:
        if held is not None and not replace:
            raise DatabaseError(f"De database op de server is niet leeg ({held}). Terugzetten vervangt alles wat "
                                "erin staat; geef --vervang als dat de bedoeling is. Er is niets gewijzigd.")
        safety = None
        if held is not None:
            out = safety_out or backup.with_name(f"{backup.stem}_voor-terugzetten_{datetime.now():%Y-%m-%d_%H%M%S}.db")
            if not passphrase:
                raise DatabaseError("Geef het wachtwoord van de kopie: daarmee wordt eerst een kopie gemaakt van wat "
                                    "nu op de server staat.")
            safety = backup_server(db, out, user=copy.user or "ib", password=passphrase)
        with copy.read() as source, db.begin() as target:
            conn = target.connection()
            with audit.purging(target):  # the log is emptied and filled, then chained under the server's key
                rows = _fill(target, source)
            kept, new, unlinked = _link_accounts(conn, target)
            can_manage = target.scalar(select(func.count()).select_from(Staff).where(
                Staff.role == "ib", Staff.active.is_(True), Staff.username.in_([*kept, *new])))
            if not can_manage:
                raise DatabaseError("Na het terugzetten zou geen IB-er kunnen inloggen (de accounts van de kopie zijn "
                                    f"hier rollen van een andere database of de beheerder: {', '.join(unlinked)}). "
                                    "Zet de kopie terug in de database met de oorspronkelijke naam, of op een server "
                                    "zonder die rollen. Er is niets gewijzigd.")
            school = target.scalar(select(School.name).order_by(School.id).limit(1)) or ""
            owner = target.scalar(text("SELECT current_user")) or ""
            audit.append(target, user=owner, action="restore", entity="database",
                         detail={"kopie": backup.name, "rijen": rows, "nieuwe_accounts": sorted(new),
                                 "behouden_accounts": kept, "niet_gekoppeld": unlinked})
    return ServerRestore(rows, school, tuple(kept), new, tuple(unlinked), safety)
