"""`verzuimdesk verlof …`: list and import verlofaanvragen, record the directeur's decision, and confirm
absence on refused days as luxeverzuim. The command acts as the account whose password opened the
database, with that account's role (only the directeur decides)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from verzuimdesk.cli.dates import option_date
from verzuimdesk.services.vocabulary import InputRefused, Problem, format_date

if TYPE_CHECKING:
    from verzuimdesk.services.database import Database
    from verzuimdesk.services.verlof import VerlofRow

DECISIONS = ("verleend", "geweigerd", "leerplicht", "open")


def add_verlof_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                      db_arg: Callable[[argparse.ArgumentParser], None],
                      opener: Callable[[argparse.Namespace], Database]) -> None:
    top = sub.add_parser("verlof", help="verlofaanvragen (art. 11 en 13a Leerplichtwet): lijst, import, besluit")
    acts = top.add_subparsers(dest="act", required=True, metavar="actie")

    p = acts.add_parser("list", help="de aanvragen, nieuwste eerst")
    db_arg(p)
    p.add_argument("--pupil", default=None, metavar="LEERLINGNUMMER")
    p.add_argument("--besluit", default=None, choices=DECISIONS)
    p.add_argument("--json", action="store_true")

    p = acts.add_parser("import", help="aanvragen uit een CSV-bestand (docs/verlof.md), alles of niets")
    db_arg(p)
    p.add_argument("file", type=Path, metavar="BESTAND.csv")

    p = acts.add_parser("decide", help="het besluit van de directeur (of van leerplicht) vastleggen")
    db_arg(p)
    p.add_argument("--id", type=int, required=True, metavar="NUMMER", help="de aanvraag")
    p.add_argument("--besluit", required=True, choices=DECISIONS)
    p.add_argument("--toelichting", default="", metavar="TEKST", help="bij een weigering verplicht")
    p.add_argument("--door-leerplicht", dest="by_leerplicht", action="store_true",
                   help="het besluit is dat van de leerplichtambtenaar (meer dan 10 schooldagen)")
    p.add_argument("--date", default=None, metavar="JJJJ-MM-DD", help="datum van het besluit; standaard vandaag")

    p = acts.add_parser("luxe", help="verzuim op geweigerde verlofdagen: voorstellen, of bevestigen met --confirm")
    db_arg(p)
    p.add_argument("--confirm", default=None, metavar="ID,ID,…", help="bevestig deze registraties als luxeverzuim")

    for parser in acts.choices.values():
        parser.set_defaults(handler=lambda args: _run(args, opener))


def _row_dict(r: VerlofRow) -> dict[str, object]:
    return {"id": r.id, "van": r.start.isoformat(), "tot": r.end.isoformat(), "artikel": r.article.value,
            "reden": r.reason, "documenten": r.documents, "werkgeversverklaring": r.employer_statement,
            "aangevraagd_op": r.requested_on.isoformat(), "aangevraagd_door": r.requested_by,
            "besluit": r.decision.value, "besloten_op": r.decided_on.isoformat() if r.decided_on else None,
            "besloten_door": r.decided_by, "door_leerplicht": r.decided_by_leerplicht,
            "toelichting": r.decision_note, "v_in_registratie": r.filled,
            "leerlingen": [{"leerlingnummer": p.number, "naam": p.name, "groep": p.group, "schooldagen": len(p.days),
                            "bezwaren": list(p.findings), "naar_leerplicht": p.needs_leerplicht} for p in r.pupils]}


def _run(args: argparse.Namespace, opener: Callable[[argparse.Namespace], Database]) -> int:
    from verzuimdesk.services import verlof, verlof_import, verlof_luxe
    from verzuimdesk.services.accounts import acting_account
    from verzuimdesk.services.vocabulary import DECISION_NL, Decision

    on = None
    if getattr(args, "date", None):
        on = option_date(args.date, "--date")
    from verzuimdesk.services.imports import read_file

    data = read_file(args.file) if args.act == "import" else None
    db = opener(args)
    try:
        by = acting_account(db)
        if args.act == "list":
            rows = verlof.list_requests(db, by=by, pupil_number=args.pupil,
                                        decision=Decision(args.besluit) if args.besluit else None)
            if args.json:
                print(json.dumps([_row_dict(r) for r in rows], ensure_ascii=False, indent=2))
                return 0
            for r in rows:
                names = ", ".join(f"{p.number} {p.name}" for p in r.pupils)
                days = "1 schooldag" if r.days == 1 else f"{r.days} schooldagen"
                print(f"{r.id}\t{format_date(r.start)} t/m {format_date(r.end)}\t{days}\tart. "
                      f"{r.article.value}\t{DECISION_NL[r.decision]}\t{names}")
                for finding in dict.fromkeys(f for p in r.pupils for f in p.findings):
                    print(f"\t- {finding}")
            if not rows:
                print("Geen verlofaanvragen.")
            return 0
        if args.act == "import":
            assert data is not None
            done = verlof_import.import_requests(db, by=by, data=data, source=args.file.name)
            print(f"{args.file.name}: {done.requests} aanvra{'ag' if done.requests == 1 else 'gen'} voor "
                  f"{done.pupils} leerling(en) ingelezen")
            return 0
        if args.act == "decide":
            result = verlof.decide(db, by=by, request_id=args.id, decision=args.besluit, note=args.toelichting,
                                   on=on, by_leerplicht=args.by_leerplicht)
            print(f"Aanvraag {args.id}: {DECISION_NL[result.request.decision]}"
                  + (f"; {result.added}× V in de registratie" if result.added else "")
                  + (f"; {result.removed}× V weggehaald" if result.removed else "")
                  + (f"; {result.luxe_undone}× luxeverzuim teruggedraaid" if result.luxe_undone else ""))
            for day in result.skipped:
                print(f"Niet ingevuld (er staat al iets): {day}", file=sys.stderr)
            return 0
        if args.confirm:
            try:
                ids = [int(x) for x in args.confirm.split(",") if x.strip()]
            except ValueError:
                raise InputRefused("--confirm", [Problem(None, "", "geef de nummers van de registraties, met "
                                                         "komma's")]) from None
            confirmed = verlof_luxe.confirm_luxe(db, by=by, record_ids=ids)
            print(confirmed.message)
            return 0
        proposals = verlof_luxe.luxe_proposals(db, by=by)
        for pr in proposals:
            print(f"{pr.record_id}\t{pr.number} {pr.name}\t{format_date(pr.day)}\t{pr.code}\t"
                  f"(aanvraag {pr.request_id})")
        if not proposals:
            print("Geen verzuim op geweigerde verlofdagen.")
        return 0
    finally:
        db.close()
