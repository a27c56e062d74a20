"""`verzuimdesk retention` (what the retention terms say must go, and deleting it) and
`verzuimdesk inzage` (everything about one pupil, for a parent's request)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from verzuimdesk.cli.dates import option_date
from verzuimdesk.cli.outfile import add_overwrite, out_refused
from verzuimdesk.services.vocabulary import InputRefused, Problem, format_date

if TYPE_CHECKING:
    from verzuimdesk.services.database import Database

_WHAT = {"dossier": "dossier (gesprekken, meldingen, plannen, trajecten, ouders)", "everything": "alles"}


def add_privacy_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                        db_arg: Callable[[argparse.ArgumentParser], None],
                        opener: Callable[[argparse.Namespace], Database]) -> None:
    p = sub.add_parser("retention", help="welke gegevens de bewaartermijn voorbij zijn; --delete verwijdert ze")
    db_arg(p)
    p.add_argument("--date", default=None, metavar="JJJJ-MM-DD", help="peildatum (standaard vandaag)")
    p.add_argument("--delete", action="store_true", help="verwijder definitief wat de termijn voorbij is")
    p.set_defaults(handler=lambda args: _retention(args, opener))

    p = sub.add_parser("inzage", help="alles over één leerling, voor een verzoek om inzage van de ouders")
    db_arg(p)
    p.add_argument("--pupil", required=True, metavar="LEERLINGNUMMER")
    p.add_argument("--out", required=True, type=Path, metavar="BESTAND.{json,pdf}")
    add_overwrite(p)
    p.set_defaults(handler=lambda args: _inzage(args, opener))


def _day(text: str | None) -> date:
    return option_date(text, "--date")


def _retention(args: argparse.Namespace, opener: Callable[[argparse.Namespace], Database]) -> int:
    from verzuimdesk.services.accounts import acting_account
    from verzuimdesk.services.permissions import Permission, require
    from verzuimdesk.services.retention import purge_due, retention_due

    today = _day(args.date)
    db = opener(args)
    try:
        by = acting_account(db)
        if args.delete:
            due = purge_due(db, today=today, by=by)
        else:
            require(by, Permission.SETTINGS)  # the list names pupils who left: the IB-er's
            due = retention_due(db, today=today)
    finally:
        db.close()
    if not due:
        print(f"Op {format_date(today)} is niets de bewaartermijn voorbij.")
        return 0
    verb = "Verwijderd" if args.delete else "Te verwijderen"
    print(f"{verb} op {format_date(today)}:")
    for item in due:
        print(f"  {item.number}  {item.name}  uitgeschreven {format_date(item.left)}: {_WHAT[item.purge.value]}")
    if not args.delete:
        print("Verwijder dit met: verzuimdesk retention --delete")
    return 0


def _inzage(args: argparse.Namespace, opener: Callable[[argparse.Namespace], Database]) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise InputRefused("--out", [Problem(None, "", "kies een bestand dat eindigt op .json of .pdf")])
    refused = out_refused(args.out, args.overwrite)
    if refused:
        print(refused, file=sys.stderr)
        return 1
    from verzuimdesk.services.accounts import acting_account

    db = opener(args)
    try:
        by = acting_account(db)
        if suffix == ".json":
            from verzuimdesk.services.retention import write_inzage_json

            write_inzage_json(db, pupil_number=args.pupil, out=args.out, by=by)
        else:
            from verzuimdesk.services.inzage import export_inzage

            export_inzage(db, pupil_number=args.pupil, out=args.out, by=by)
    finally:
        db.close()
    print(f"Inzage geschreven: {args.out}")
    return 0
