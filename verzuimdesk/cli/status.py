"""`verzuimdesk status`: the JSON of INTERFACES.md, or a readable Dutch table."""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from datetime import date

from verzuimdesk.services.accounts import acting_account
from verzuimdesk.services.status import SchoolStatus, status_seen_by, status_to_dict
from verzuimdesk.services.vocabulary import ACTION_NL, LIGHT_NL, InputRefused, Light, Problem, format_date, parse_date

LIGHT_ORDER = (Light.RED, Light.ORANGE, Light.GREEN, Light.GREY)


def print_status(args: argparse.Namespace) -> int:
    from verzuimdesk.cli.main import open_db

    try:
        peildatum = parse_date(args.date) if args.date else date.today()
    except ValueError as exc:
        raise InputRefused("--date", [Problem(None, "", str(exc))]) from None
    db = open_db(args)
    try:
        status = status_seen_by(db, peildatum, by=acting_account(db))
    finally:
        db.close()
    if args.json:
        sys.stdout.write(escape_hidden(json.dumps(status_to_dict(status), ensure_ascii=False, indent=2),
                                       "\\u{:04x}") + "\n")
    else:
        sys.stdout.write(render_table(status))
    return 0


def escape_hidden(text: str, form: str = "<U+{:04X}>") -> str:
    """Invisible and direction-changing characters (a name with U+202E reads backwards on a terminal)
    written as `form`; line breaks stay. In JSON `\\uXXXX` keeps the same string."""
    def shown(m: re.Match[str]) -> str:
        ch = m.group()
        return form.format(ord(ch)) if unicodedata.category(ch) in _HIDDEN else ch

    # Only ASCII's control characters and what lies beyond ASCII can be hidden: the regex finds those,
    # so a school's JSON (a megabyte) is not walked a character at a time in Python.
    return _MAYBE_HIDDEN.sub(shown, text)


_MAYBE_HIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f]|[^\x00-\x7f]")
_HIDDEN = {"Cf", "Cc", "Zl", "Zp"}


def render_table(status: SchoolStatus) -> str:
    counts = "  ".join(f"{LIGHT_NL[light]}: {status.count(light)}" for light in LIGHT_ORDER)
    lines = [f"Peildatum {format_date(status.peildatum)} — protocol {status.protocol.name}", counts, ""]
    rows = [("Nummer", "Naam", "Groep", "Licht", "Volgende actie")]
    for p in status.pupils:
        open_actions = sorted(p.status.open_actions, key=lambda a: a.due_date)
        nxt = ""
        if open_actions:
            a = open_actions[0]
            late = " (te laat)" if a.overdue else ""
            nxt = f"{ACTION_NL[a.kind.value]} vóór {format_date(a.due_date)}{late} [{a.rule_id}]"
        rows.append((escape_hidden(p.number), escape_hidden(p.name), escape_hidden(p.group),
                     LIGHT_NL[p.status.light.value], nxt))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)) + "  " + r[4])
    return "\n".join(lines) + "\n"
