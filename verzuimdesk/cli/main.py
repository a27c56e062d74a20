"""The command line of INTERFACES.md: exit 0 done, 1 bad input (Dutch reasons on stderr), 2 usage."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from verzuimdesk import __version__
from verzuimdesk.paths import default_db
from verzuimdesk.services.database import DatabaseError
from verzuimdesk.services.errors import DatabaseDamaged, Refused
from verzuimdesk.services.vocabulary import InputRefused, Problem

if TYPE_CHECKING:  # SQLAlchemy only when a command opens the database
    from verzuimdesk.services.accounts import Account
    from verzuimdesk.services.database import Database

Handler = Callable[[argparse.Namespace], int]

_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "expected one argument": "verwacht één waarde",
    "show this help message and exit": "toon deze hulp en stop",
    "positional arguments": "argumenten",
    "options": "opties",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}


def _dutch_argparse() -> None:
    # argparse asks gettext for its messages; answering in Dutch keeps the command line one language.
    argparse._ = lambda text: _ARGPARSE_NL.get(text, text)  # type: ignore[attr-defined]


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None, metavar="PAD",
                   help="database (bestand of postgresql://-URL); standaard die in de gegevensmap")


def build_parser() -> argparse.ArgumentParser:
    _dutch_argparse()
    parser = argparse.ArgumentParser(prog="verzuimdesk", description="VerzuimDesk zonder venster.")
    parser.add_argument("--version", action="version", version=f"VerzuimDesk {__version__}",
                        help="toon het versienummer en stop")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht")

    p = sub.add_parser("init", help="maak een nieuwe database met een school")
    _db_arg(p)
    p.add_argument("--school", required=True, type=Path, metavar="SCHOOL.toml")
    p.add_argument("--user", default="ib", metavar="NAAM", help="gebruikersnaam van de IB-er (standaard ib)")
    p.set_defaults(handler=_init)

    p = sub.add_parser("school", help="werk de instellingen en kalender van de school bij")
    _db_arg(p)
    p.add_argument("file", type=Path, metavar="SCHOOL.toml")
    p.set_defaults(handler=_school)

    p = sub.add_parser("import", help="importeer een bestand, alles of niets")
    from verzuimdesk.cli.imports import KINDS, add_import_arguments

    p.add_argument("kind", choices=KINDS)
    _db_arg(p)
    add_import_arguments(p)
    p.add_argument("file", type=Path, metavar="BESTAND")
    p.set_defaults(handler=_import)

    p = sub.add_parser("status", help="het stoplicht van elke leerling op een peildatum")
    _db_arg(p)
    p.add_argument("--date", default=None, metavar="JJJJ-MM-DD")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_status)

    p = sub.add_parser("backup", help="maak een consistente kopie van de database")
    _db_arg(p)
    p.add_argument("--out", required=True, type=Path, metavar="BESTAND")
    p.add_argument("--user", default="ib", metavar="NAAM",
                   help="van een serverdatabase: de gebruiker die de versleutelde kopie opent (standaard ib)")
    p.set_defaults(handler=_backup)

    p = sub.add_parser("restore", help="zet een kopie terug (na controle)")
    _db_arg(p)
    p.add_argument("file", type=Path, metavar="KOPIE")
    p.add_argument("--ja", action="store_true", help="niet vragen: de kopie is bekeken (school en datum)")
    p.add_argument("--vervang", action="store_true",
                   help="op een server: vervang een database die al een school bevat (eerst gekopieerd)")
    p.set_defaults(handler=_restore)

    p = sub.add_parser("demo", help="maak een database met een fictieve demoschool")
    _db_arg(p)
    p.add_argument("--size", type=int, default=200, help="aantal leerlingen (standaard 200)")
    p.add_argument("--today", default=None, metavar="JJJJ-MM-DD", help="de dag waarop de demo 'vandaag' is")
    p.set_defaults(handler=_demo)

    from verzuimdesk.cli.export import add_export_parser

    add_export_parser(sub, _db_arg, _export)
    from verzuimdesk.cli.privacy import add_privacy_parsers

    add_privacy_parsers(sub, _db_arg, open_db)
    from verzuimdesk.cli.trends import add_trends_parser

    add_trends_parser(sub, _db_arg, open_db)
    from verzuimdesk.cli.verlof import add_verlof_parser

    add_verlof_parser(sub, _db_arg, open_db)
    return parser


def run(argv: list[str]) -> int:
    from verzuimdesk.cli.status import quick_args

    args = quick_args(argv) or build_parser().parse_args(argv)
    if getattr(args, "db", "x") is None:
        args.db = default_db()
    handler: Handler = args.handler
    try:
        return handler(args)
    except Refused as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the output went to `head` or a closed pager: not an error
        sys.stderr.close()
        return 0
    except Exception as exc:  # a full disk, a read-only folder, a lock held too long: Dutch, not a traceback
        from verzuimdesk.services.vocabulary import failure_reason

        reason = failure_reason(exc)
        if reason is None:
            raise
        named = getattr(exc, "filename", None) if isinstance(exc, OSError) else None
        print(f"Niet gelukt: {reason}" + (f" ({named})." if named else "."), file=sys.stderr)
        return 1


def passphrase(*, confirm: bool = False) -> str | None:
    """From VERZUIMDESK_PASSPHRASE, else asked on a terminal; never printed or logged."""
    env = os.environ.get("VERZUIMDESK_PASSPHRASE")
    if env:
        return env
    if sys.stdin is None or not sys.stdin.isatty():
        return None
    first = getpass.getpass("Wachtwoord: ")
    if confirm and getpass.getpass("Nogmaals: ") != first:
        raise InputRefused("wachtwoord", [Problem(None, "", "de twee wachtwoorden verschillen")])
    return first


ASK = object()  # open_db's passphrase not read yet: read it (when the database is encrypted)


def open_db(args: argparse.Namespace, *, secret: object = ASK) -> Database:
    """The database of `--db`, unlocked with the passphrase when it is encrypted (`secret`, when the
    command has read it already: it is asked for once)."""
    from verzuimdesk.services.backups import backup_before_migration
    from verzuimdesk.services.database import is_encrypted, open_database, sqlite_path

    path = sqlite_path(args.db)
    if secret is ASK:
        secret = passphrase() if path is not None and path.exists() and is_encrypted(path) else None
    assert secret is None or isinstance(secret, str)
    db = open_database(args.db, passphrase=secret, before_migrate=backup_before_migration)
    from verzuimdesk.services.audit_log import audit_problem

    warning = audit_problem(db)
    if warning:
        print(f"Waarschuwing: {warning}", file=sys.stderr)
    return db


def acting(db: Database) -> Account:
    """The account whose password opened `db`: every command acts as it, and its role decides."""
    from verzuimdesk.services.accounts import acting_account

    return acting_account(db)


def _require_settings(db: Database) -> None:
    from verzuimdesk.services.permissions import Permission, require

    require(acting(db), Permission.SETTINGS)


def _init(args: argparse.Namespace) -> int:
    from verzuimdesk.services.database import sqlite_path
    from verzuimdesk.services.school import new_school_database, read_school_file

    settings = read_school_file(args.school)
    if sqlite_path(args.db) is None:
        return _init_server(args, settings)
    secret = passphrase(confirm=True)
    if not secret:
        raise InputRefused("wachtwoord", [Problem(None, "", "een nieuwe database wordt versleuteld: geef een "
                                                  "wachtwoord op de terminal of in VERZUIMDESK_PASSPHRASE")])
    db, recovery = new_school_database(args.db, settings, user=args.user, password=secret)
    db.close()
    print(f"Database gemaakt: {args.db} (school {settings.name}, gebruiker {args.user})")
    for note in settings.notes:
        print(note, file=sys.stderr)
    if recovery:
        print(f"Herstelsleutel: {recovery}\n"
              "Schrijf deze op en bewaar hem veilig, los van de laptop: hij wordt maar één keer getoond en "
              "opent de database als het wachtwoord vergeten is.")
    return 0


def _init_server(args: argparse.Namespace, settings: object) -> int:
    """A server database: the schema, the roles and the first IB-er's own login (docs/server.md)."""
    from verzuimdesk.services.school import SchoolSettings, new_school_database
    from verzuimdesk.services.server_accounts import init_server

    assert isinstance(settings, SchoolSettings)
    secret = passphrase(confirm=True)
    if not secret:
        raise InputRefused("wachtwoord", [Problem(None, "", f"geef het wachtwoord van de IB-er '{args.user}' op de "
                                                  "terminal of in VERZUIMDESK_PASSPHRASE")])
    db, _ = new_school_database(args.db, settings, user=args.user, password=None)
    try:
        init_server(db, username=args.user, name=args.user, password=secret)
    finally:
        db.close()
    print(f"Database gemaakt op de server (school {settings.name}); de IB-er logt in als '{args.user}'.")
    for note in settings.notes:
        print(note, file=sys.stderr)
    return 0


def _school(args: argparse.Namespace) -> int:
    from verzuimdesk.services.school import read_school_file, update_school

    settings = read_school_file(args.file)
    db = open_db(args)
    try:
        left = update_school(db, settings, by=acting(db))
    finally:
        db.close()
    print(f"School bijgewerkt: {settings.name}, schooljaar {settings.school_year.start} t/m {settings.school_year.end}")
    for note in (*settings.notes, *left):
        print(note, file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from verzuimdesk.cli.imports import run_import

    return run_import(args, open_db)


def _status(args: argparse.Namespace) -> int:
    from verzuimdesk.cli.status import print_status

    return print_status(args)


def _backup(args: argparse.Namespace) -> int:
    from verzuimdesk.services.database import backup, sqlite_path

    path = sqlite_path(args.db)
    if path is None:
        return _backup_server(args)
    db = open_db(args)
    try:
        _require_settings(db)
    finally:
        db.close()
    backup(path, args.out, db.key)
    print(f"Kopie gemaakt: {args.out}")
    return 0


def _backup_server(args: argparse.Namespace) -> int:
    """A server database into a new encrypted file, with a password of its own (docs/server.md)."""
    from verzuimdesk.services.server_backup import backup_server

    secret = passphrase(confirm=True)
    if not secret:
        raise InputRefused("wachtwoord", [Problem(None, "", "de kopie wordt versleuteld: geef er een wachtwoord voor "
                                                  "op de terminal of in VERZUIMDESK_PASSPHRASE")])
    db = open_db(args)
    try:
        made = backup_server(db, args.out, user=args.user, password=secret)
    finally:
        db.close()
    print(f"Kopie gemaakt: {made.path} ({made.rows} rijen), met het sleutelbestand ernaast; "
          f"open hem als '{args.user}' met het wachtwoord dat u gaf.")
    print(f"Herstelsleutel van de kopie: {made.recovery_key}\nBewaar die apart van de kopie.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from verzuimdesk.services.backups import check_backup, needs_password, restore_backup, restore_target
    from verzuimdesk.services.database import sqlite_path

    if sqlite_path(args.db) is None:
        from verzuimdesk.cli.server_restore import restore_to_server

        return restore_to_server(args, passphrase, open_db)
    path = restore_target(args.db)  # the same restore as the app's: a safety copy of what it replaces first
    secret = passphrase() if needs_password(args.file) or needs_password(path) else None
    _may_restore(args.db, path, secret)
    summary = check_backup(args.file, secret)
    print(summary.text())
    if not args.ja:
        if sys.stdin is None or not sys.stdin.isatty():
            raise DatabaseError("Bevestig het terugzetten met --ja: alles wat na deze kopie is ingevoerd gaat "
                                "verloren.")
        answer = input(f"Deze kopie terugzetten in {path}? Wat daarna is ingevoerd gaat verloren. (j/n) ")
        if answer.strip().lower() not in ("j", "ja"):
            print("Niets teruggezet.")
            return 1
    safety = restore_backup(args.file, path, secret)
    if safety is not None:
        print(f"De database van vóór het terugzetten staat in {safety}")
    print(f"Kopie teruggezet in {path}")
    return 0


def _may_restore(target: str, path: Path, secret: str | None) -> None:
    """Only the IB-er of the database in place may replace it; a damaged one (which opens for nobody) may
    be replaced by whoever has the backup's password."""
    from verzuimdesk.services.database import open_database

    if not path.exists():
        return
    try:
        db = open_database(target, passphrase=secret)
    except DatabaseDamaged:
        return
    try:
        _require_settings(db)
    finally:
        db.close()


def _export(args: argparse.Namespace) -> int:
    from verzuimdesk.cli.export import run_export

    return run_export(args, open_db)


def _demo(args: argparse.Namespace) -> int:
    from verzuimdesk.cli.dates import option_date
    from verzuimdesk.services.database import sqlite_path
    from verzuimdesk.services.demo import create_demo

    today = option_date(args.today, "--today") if args.today else None
    path = sqlite_path(args.db)
    if path is not None and path.exists():
        raise DatabaseError(f"Database '{path}' bestaat al; kies een ander pad voor de demoschool.")
    secret = os.environ.get("VERZUIMDESK_PASSPHRASE") or None
    create_demo(args.db, size=args.size, today=today, password=secret).close()
    state = "versleuteld" if secret else "niet versleuteld: de demoschool bevat geen echte leerlingen"
    print(f"Demoschool gemaakt: {args.db} ({state})")
    return 0
