"""`verzuimdesk export …`: the PDF reports and the SWV quarterly list from the command line.

Exit 0 done, 1 bad input (a Dutch reason on stderr, nothing written), 2 usage (argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from verzuimdesk.cli.outfile import add_overwrite, out_refused

if TYPE_CHECKING:
    from verzuimdesk.services.database import Database
    from verzuimdesk.services.exports import ExportDone

RECIPIENTS = ("ouders", "leerplicht", "jeugdarts", "swv")


def add_export_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                      db_arg: Callable[[argparse.ArgumentParser], None],
                      handler: Callable[[argparse.Namespace], int]) -> None:
    top = sub.add_parser("export", help="maak een PDF-verslag of de kwartaalopgave voor het SWV")
    kinds = top.add_subparsers(dest="kind", required=True, metavar="soort")

    p = kinds.add_parser("quarterly", help="kwartaalopgave zorgwekkend verzuim (PDF, XLSX of CSV)")
    db_arg(p)
    p.add_argument("--date", default=None, metavar="JJJJ-MM-DD",
                   help="de opgave met de eerste peildatum (15 sep/dec/mrt/jun) op of na deze dag; standaard vandaag")
    p.add_argument("--out", required=True, type=Path, metavar="BESTAND.{pdf,xlsx,csv}")
    p.add_argument("--names", action="store_true", help="volledige namen in plaats van initialen")
    p.add_argument("--since", default=None, metavar="JJJJ-MM-DD",
                   help="alle trajecten die op of na deze dag liepen, niet alleen dit schooljaar")

    p = kinds.add_parser("dossier", help="verzuimdossier van een leerling voor één ontvanger")
    db_arg(p)
    _pupil(p)
    p.add_argument("--date", default=None, metavar="JJJJ-MM-DD", help="tot en met deze dag; standaard vandaag")
    p.add_argument("--reden", dest="reason", default="", metavar="TEKST",
                   help="waarom leerplicht dit dossier krijgt als er geen ongeoorloofd verzuim is (in het logboek)")

    p = kinds.add_parser("overview", help="verzuimoverzicht van een leerling over een periode")
    db_arg(p)
    _pupil(p)
    p.add_argument("--from", dest="start", required=True, metavar="JJJJ-MM-DD")
    p.add_argument("--to", dest="end", default=None, metavar="JJJJ-MM-DD", help="standaard vandaag")
    p.add_argument("--reden", dest="reason", default="", metavar="TEKST",
                   help="waarom leerplicht dit overzicht krijgt als er geen ongeoorloofd verzuim is (in het logboek)")

    p = kinds.add_parser("conversation", help="gespreksverslag om te ondertekenen")
    db_arg(p)
    p.add_argument("--pupil", required=True, metavar="LEERLINGNUMMER")
    p.add_argument("--id", type=int, default=None, metavar="NUMMER", help="het gesprek; standaard het laatste")
    p.add_argument("--out", required=True, type=Path, metavar="BESTAND.pdf")

    p = kinds.add_parser("duo", help="de gegevens van de DUO-meldingen van die dag, elke melding op een eigen pagina")
    db_arg(p)
    p.add_argument("--pupil", required=True, metavar="LEERLINGNUMMER")
    p.add_argument("--date", default=None, metavar="JJJJ-MM-DD", help="peildatum; standaard vandaag")
    p.add_argument("--regel", dest="rule", default=None, metavar="REGEL",
                   help="alleen de melding van deze regel (zoals LUXE of HW-16U, de 'rule' van status --json)")
    p.add_argument("--trigger", default=None, metavar="JJJJ-MM-DD",
                   help="alleen de melding met deze aanleiding (de 'trigger_date' van status --json)")
    p.add_argument("--out", required=True, type=Path, metavar="BESTAND.pdf")

    p = kinds.add_parser("zat", help="ZAT-voorbereiding van gekozen leerlingen (intern: met signalen)")
    db_arg(p)
    p.add_argument("--pupils", required=True, metavar="NUMMER,NUMMER,…", help="leerlingnummers, met komma's")
    p.add_argument("--date", default=None, metavar="JJJJ-MM-DD", help="peildatum; standaard vandaag")
    p.add_argument("--out", required=True, type=Path, metavar="BESTAND.pdf")

    p = kinds.add_parser("letter", help="een brief uit een sjabloon (resources/letters, docs/letters.md)")
    db_arg(p)
    p.add_argument("--pupil", required=True, metavar="LEERLINGNUMMER")
    p.add_argument("--template", required=True, metavar="BRIEF", help="de naam van het sjabloon, zoals "
                   "uitnodiging-gesprek of verlof-geweigerd")
    p.add_argument("--verlof", type=int, default=None, metavar="NUMMER", help="de verlofaanvraag van de brief")
    p.add_argument("--veld", action="append", default=[], metavar="NAAM=WAARDE",
                   help="een veld dat het sjabloon vraagt (mag vaker)")
    p.add_argument("--date", default=None, metavar="JJJJ-MM-DD", help="datum van de brief; standaard vandaag")
    p.add_argument("--out", required=True, type=Path, metavar="BESTAND.pdf")

    for parser in kinds.choices.values():
        parser.add_argument("--logo", default=None, metavar="AFBEELDING", help="logo van de school (PNG of JPEG)")
        add_overwrite(parser)
        parser.set_defaults(handler=handler)


def _pupil(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pupil", required=True, metavar="LEERLINGNUMMER")
    p.add_argument("--recipient", required=True, choices=RECIPIENTS)
    p.add_argument("--out", required=True, type=Path, metavar="BESTAND.pdf")
    p.add_argument("--consent", action="store_true",
                   help="de ouders gaven toestemming (nodig voor het samenwerkingsverband)")


def _date(text: str | None, option: str) -> date:
    from verzuimdesk.cli.dates import option_date

    return option_date(text, option)


def run_export(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Database]) -> int:
    from verzuimdesk.services.dossier import Refused

    try:
        if args.kind == "letter":
            return _letter(args, open_db)
        done = _run(args, open_db)
    except Refused as exc:
        print(str(exc), file=sys.stderr)
        return 1
    who = f" voor {done.recipient}" if done.recipient and done.recipient not in ("swv", "duo") else ""
    print(f"{done.document}{who} geschreven: {done.path}")
    if len(done.sheets) > 1:  # each report is typed into the LAS on its own
        print(f"{len(done.sheets)} meldingen, elk op een eigen pagina:")
        for i, label in enumerate(done.sheets, 1):
            print(f"  {i}. {label}")
    for notice in done.notices:  # a reprinted DUO report whose records changed since
        print(notice, file=sys.stderr)
    if done.document == "kwartaalopgave":
        if done.withheld:
            print("Niet opgenomen, gegevens over de gezondheid gaan niet naar het SWV: " + "; ".join(done.withheld)
                  + ". Pas de tekst aan in het Traject als het SWV iets anders moet lezen.", file=sys.stderr)
        n = done.proposals
        print(f"{n} {'voorstel' if n == 1 else 'voorstellen'} nog niet bevestigd (als voorstel op de lijst)"
              if n else "Geen voorstellen: elke kandidaat is bevestigd of afgewezen.", file=sys.stderr)
    return 0


def _run(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Database]) -> ExportDone:
    from verzuimdesk.services import exports
    from verzuimdesk.services.dossier import Refused, parse_recipient

    # Dates first: a wrong date must not even open the database.
    kind = args.kind
    on = _date(getattr(args, "date", None), "--date")
    start = _date(args.start, "--from") if kind == "overview" else on
    end = _date(args.end, "--to") if kind == "overview" else on
    since = _date(args.since, "--since") if getattr(args, "since", None) else None
    trigger = _date(args.trigger, "--trigger") if getattr(args, "trigger", None) else None
    refused = out_refused(args.out, args.overwrite)  # nor an existing file
    if refused:
        raise Refused(refused)
    db = open_db(args)
    try:
        from verzuimdesk.services.accounts import acting_account

        by = acting_account(db)
        if kind == "quarterly":
            return exports.export_quarterly(db, on=on, out=args.out, names=args.names, by=by, logo=args.logo,
                                            since=since)
        if kind == "dossier":
            return exports.export_dossier(db, pupil_number=args.pupil, recipient=parse_recipient(args.recipient),
                                          out=args.out, by=by, consent=args.consent, on=on, logo=args.logo,
                                          reason=args.reason)
        if kind == "overview":
            return exports.export_overview(db, pupil_number=args.pupil, recipient=parse_recipient(args.recipient),
                                           start=start, end=end, out=args.out, by=by, consent=args.consent,
                                           logo=args.logo, reason=args.reason)
        if kind == "conversation":
            cid = args.id if args.id is not None else exports.latest_conversation_id(db, pupil_number=args.pupil)
            return exports.export_conversation(db, conversation_id=cid, out=args.out, by=by, logo=args.logo,
                                               pupil_number=args.pupil)
        if kind == "zat":
            from verzuimdesk.services.zat import export_zat

            return export_zat(db, pupil_numbers=args.pupils.split(","), out=args.out, by=by, on=on,
                              logo=args.logo)
        return exports.export_duo_report(db, pupil_number=args.pupil, out=args.out, by=by, on=on, logo=args.logo,
                                         rule_id=args.rule, trigger=trigger)
    finally:
        db.close()


def _letter(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Database]) -> int:
    from verzuimdesk.services.accounts import acting_account
    from verzuimdesk.services.dossier import Refused
    from verzuimdesk.services.letters import make_letter

    on = _date(args.date, "--date")
    values = {}
    for item in args.veld:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise Refused(f"--veld '{item}': schrijf NAAM=WAARDE, zoals gesprek_op=\"di 25 nov, 15.15 uur\".")
        values[name.strip()] = value
    refused = out_refused(args.out, args.overwrite)
    if refused:
        raise Refused(refused)
    db = open_db(args)
    try:
        done = make_letter(db, by=acting_account(db), pupil_number=args.pupil, template=args.template,
                           out=args.out, on=on, verlof_id=args.verlof, values=values)
    finally:
        db.close()
    print(f"brief '{done.title}' voor {done.recipient} geschreven: {done.path}")
    return 0
