"""The command line of INTERFACES.md: exit 0 done, 1 bad input (Dutch reasons on stderr), 2 usage."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from verzuimdesk import __version__
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.paths import default_db
from verzuimdesk.storage.database import DatabaseError

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
    parser.add_argument("--version", action="version", version=f"VerzuimDesk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht")

    p = sub.add_parser("init", help="maak een nieuwe database met een school")
    _db_arg(p)
    p.add_argument("--school", required=True, type=Path, metavar="SCHOOL.toml")
    p.set_defaults(handler=_init)

    p = sub.add_parser("school", help="werk de instellingen en kalender van de school bij")
    _db_arg(p)
    p.add_argument("file", type=Path, metavar="SCHOOL.toml")
    p.set_defaults(handler=_school)

    p = sub.add_parser("import", help="lees een bestand in, alles of niets")
    p.add_argument("kind", choices=["pupils", "absences", "events", "edex"])
    _db_arg(p)
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
    p.set_defaults(handler=_backup)

    p = sub.add_parser("restore", help="zet een kopie terug (na controle)")
    _db_arg(p)
    p.add_argument("file", type=Path, metavar="KOPIE")
    p.set_defaults(handler=_restore)

    p = sub.add_parser("demo", help="maak een database met een fictieve demoschool")
    _db_arg(p)
    p.add_argument("--size", type=int, default=200, help="aantal leerlingen (standaard 200)")
    p.add_argument("--today", default=None, metavar="JJJJ-MM-DD", help="de dag waarop de demo 'vandaag' is")
    p.set_defaults(handler=_demo)
    return parser


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "db", "x") is None:
        args.db = default_db()
    handler: Handler = args.handler
    try:
        return handler(args)
    except (InputRefused, DatabaseError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the output went to `head` or a closed pager: not an error
        sys.stderr.close()
        return 0


def _init(args: argparse.Namespace) -> int:
    from verzuimdesk.services.school import create_school, read_school_file
    from verzuimdesk.storage.database import sqlite_path

    settings = read_school_file(args.school)
    path = sqlite_path(args.db)
    if path is not None and path.exists():
        raise DatabaseError(f"Database '{path}' bestaat al; gebruik 'verzuimdesk school' om de school bij te werken.")
    create_school(args.db, settings).close()
    print(f"Database gemaakt: {args.db} (school {settings.name})")
    return 0


def _school(args: argparse.Namespace) -> int:
    from verzuimdesk.services.school import read_school_file, update_school
    from verzuimdesk.storage.database import open_database

    settings = read_school_file(args.file)
    db = open_database(args.db)
    try:
        update_school(db, settings)
    finally:
        db.close()
    print(f"School bijgewerkt: {settings.name}, schooljaar {settings.school_year.start} t/m {settings.school_year.end}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from verzuimdesk.services.imports import import_file
    from verzuimdesk.storage.database import open_database

    if args.kind == "edex":
        print("Het inlezen van EDEXML komt in een volgende versie.", file=sys.stderr)
        return 1
    db = open_database(args.db)
    try:
        change = import_file(db, args.kind, args.file)
    finally:
        db.close()
    print(f"{args.file.name}: {change.summary()}")
    return 0


def _status(args: argparse.Namespace) -> int:
    from verzuimdesk.cli.status import print_status

    return print_status(args)


def _backup(args: argparse.Namespace) -> int:
    from verzuimdesk.storage.backup import backup
    from verzuimdesk.storage.database import sqlite_path

    path = sqlite_path(args.db)
    if path is None:
        raise DatabaseError("Een kopie van een PostgreSQL-database maakt u met pg_dump op de server.")
    backup(path, args.out)
    print(f"Kopie gemaakt: {args.out}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from verzuimdesk.storage.backup import restore
    from verzuimdesk.storage.database import sqlite_path

    path = sqlite_path(args.db)
    if path is None:
        raise DatabaseError("Een PostgreSQL-database zet u terug met pg_restore op de server.")
    restore(args.file, path)
    print(f"Kopie teruggezet in {path}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from verzuimdesk.importers.values import parse_date
    from verzuimdesk.services.demo import create_demo
    from verzuimdesk.storage.database import sqlite_path

    try:
        today = parse_date(args.today) if args.today else None
    except ValueError as exc:
        raise InputRefused("--today", [Problem(None, "", str(exc))]) from None
    path = sqlite_path(args.db)
    if path is not None and path.exists():
        raise DatabaseError(f"Database '{path}' bestaat al; kies een ander pad voor de demoschool.")
    create_demo(args.db, size=args.size, today=today).close()
    print(f"Demoschool gemaakt: {args.db}")
    return 0
