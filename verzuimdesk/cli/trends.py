"""`verzuimdesk trends`: the school's figures per period and group (SIGNALS.md "Trends"), as JSON or a
Dutch table; `--out` also writes the Verzuimanalyse as PDF or XLSX. No pupil is named in any of them."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from verzuimdesk.cli.outfile import add_overwrite, out_refused
from verzuimdesk.services.vocabulary import (
    PERIODS,
    Category,
    Figures,
    InputRefused,
    Light,
    Problem,
    format_date,
    parse_date,
)

if TYPE_CHECKING:  # the service (and the reports it imports) only when the command runs
    from verzuimdesk.services.database import Database
    from verzuimdesk.services.trends import SchoolTrends

_HEAD = ("", "lestijd (u)", "ziek", "geoorl.", "ongeoorl.", "onbekend", "schorsing", "totaal", "vorig jr",
         "te laat", "lln verzuim", "groen", "oranje", "rood", "DUO", "zaken +", "zaken -")
_SHARE = (Category.SICK, Category.AUTHORISED, Category.UNAUTHORISED, Category.UNEXPLAINED, Category.SUSPENDED)


def add_trends_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                      db_arg: Callable[[argparse.ArgumentParser], None],
                      opener: Callable[[argparse.Namespace], Database]) -> None:
    p = sub.add_parser("trends", help="de verzuimcijfers van de school per periode en groep, zonder namen")
    db_arg(p)
    p.add_argument("--from", dest="start", default=None, metavar="JJJJ-MM-DD",
                   help="begindatum (standaard 1 augustus van het schooljaar)")
    p.add_argument("--to", dest="end", default=None, metavar="JJJJ-MM-DD", help="einddatum (standaard vandaag)")
    p.add_argument("--per", choices=PERIODS, default="maand", help="periode (standaard maand)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--out", type=Path, default=None, metavar="BESTAND.{pdf,xlsx}",
                   help="schrijf ook de Verzuimanalyse als PDF of XLSX (zonder namen)")
    add_overwrite(p)
    p.set_defaults(handler=lambda args: print_trends(args, opener))


def print_trends(args: argparse.Namespace, opener: Callable[[argparse.Namespace], Database]) -> int:
    days = []
    for flag, text in (("--from", args.start), ("--to", args.end)):
        try:
            days.append(parse_date(text) if text else None)
        except ValueError as exc:
            raise InputRefused(flag, [Problem(None, "", str(exc))]) from None
    refused = out_refused(args.out, args.overwrite)
    if refused:
        print(refused, file=sys.stderr)
        return 1
    from verzuimdesk.services.accounts import acting_account
    from verzuimdesk.services.trends import school_trends, trends_to_dict

    db = opener(args)
    try:
        st = school_trends(db, start=days[0], end=days[1], per=args.per)
        if args.out is not None:
            from verzuimdesk.services.errors import Refused
            from verzuimdesk.services.trends import export_trends

            try:
                done = export_trends(db, st, out=args.out, by=acting_account(db))
            except Refused as exc:
                print(str(exc), file=sys.stderr)
                return 1
            print(f"Verzuimanalyse geschreven: {done.path}", file=sys.stderr if args.json else sys.stdout)
    finally:
        db.close()
    if args.json:
        json.dump(trends_to_dict(st), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.out is None:
        sys.stdout.write(render_table(st))
    return 0


def _row(name: str, f: Figures, before: Figures | None) -> tuple[str, ...]:
    pct = [f"{f.percentage(c):.1f}" for c in _SHARE]
    return (name, f"{f.lestijd / 60:.0f}", *pct, f"{f.percentage():.1f}",
            f"{before.percentage():.1f}" if before is not None else "–", str(f.late), str(f.pupils_absent),
            *(str(f.light_count(x)) for x in (Light.GREEN, Light.ORANGE, Light.RED)), str(f.duo_reports),
            str(f.cases_opened), str(f.cases_closed))


def render_table(st: SchoolTrends) -> str:
    t = st.trends
    lines = [f"Verzuimanalyse {st.school} — {format_date(t.start, weekday=False)} t/m "
             f"{format_date(t.end, weekday=False)}, per {t.per}",
             "Verzuim in % van de lestijd; lichten aan het eind van de periode; vorig jr = totaal een jaar eerder.",
             ""]
    for p in t.periods:
        cur, prev = p.current, p.previous
        rows = [_HEAD, _row("school", cur.school, prev.school if prev else None)]
        rows += [_row(f"groep {g}", f, prev.groups.get(g) if prev else None) for g, f in cur.groups.items()]
        widths = [max(len(r[i]) for r in rows) for i in range(len(_HEAD))]
        lines.append(f"{cur.label} ({format_date(cur.start, weekday=False)} – {format_date(cur.end, weekday=False)})")
        for r in rows:
            lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                   for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip())
        lines.append("")
    return "\n".join(lines)
