"""`verzuimdesk import KIND [--dry-run] [--vervang] --db PATH FILE`: every import, all or nothing, or a dry run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from verzuimdesk.services.database import Database

KINDS = ["pupils", "absences", "events", "guardians", "edex"]


def add_import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dry-run", action="store_true",
                   help="laat zien wat de import zou veranderen (nieuw, bijgewerkt, ongewijzigd, mogelijk "
                        "vertrokken) zonder iets op te slaan")
    p.add_argument("--vervang", action="store_true",
                   help="absences: vervang een registratie die een regel van het bestand overlapt (anders wordt "
                        "het bestand geweigerd)")


def run_import(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Database]) -> int:
    from verzuimdesk.services.accounts import acting_account
    from verzuimdesk.services.imports import import_file

    dry = bool(getattr(args, "dry_run", False))
    if getattr(args, "vervang", False) and args.kind != "absences":
        print("verzuimdesk import: --vervang geldt alleen voor absences", file=sys.stderr)
        return 2
    if args.kind == "edex":
        from verzuimdesk.services.edex import import_edex, read_edex

        data = read_edex(args.file)
        db = open_db(args)
        try:
            result = import_edex(db, data=data, filename=args.file.name, by=acting_account(db), dry_run=dry)
        finally:
            db.close()
        print(f"{args.file.name}:\n{result.report()}")
        return 0
    db = open_db(args)
    try:
        change = import_file(db, args.kind, args.file, by=acting_account(db), dry_run=dry,
                             replace=bool(getattr(args, "vervang", False)))
    finally:
        db.close()
    print(f"{args.file.name}: {change.summary()}" + ("\nproefdraai: er is niets opgeslagen" if dry else ""))
    for note in change.notes:
        print(f"let op: {note}", file=sys.stderr)
    return 0
