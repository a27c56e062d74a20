"""`verzuimdesk status`: the JSON of INTERFACES.md, or a readable Dutch table."""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata

from verzuimdesk.cli.dates import option_date
from verzuimdesk.services.database import is_encrypted, sqlite_path
from verzuimdesk.services.light_reason import is_follow_up
from verzuimdesk.services.status_read import SchoolStatus, status_to_dict
from verzuimdesk.services.vocabulary import ACTION_NL, DUO_FOLLOW_UP_NL, LIGHT_NL, Light, format_date

LIGHT_ORDER = (Light.RED, Light.ORANGE, Light.GREEN, Light.GREY)


def quick_args(argv: list[str]) -> argparse.Namespace | None:
    """`status [--json] [--db PAD] [--date D]` as the command line reads it, without building the whole
    command line (its parsers import every command's modules); None for anything else, which goes
    through argparse."""
    if not argv or argv[0] != "status":
        return None
    found: dict[str, str | None] = {"db": None, "date": None}
    as_json, rest = False, argv[1:]
    while rest:
        arg = rest.pop(0)
        if arg == "--json" and not as_json:
            as_json = True
            continue
        name, eq, value = arg.partition("=")
        if name not in ("--db", "--date") or found[name[2:]] is not None:
            return None
        if not eq:
            if not rest:
                return None
            value = rest.pop(0)
        if not value or value.startswith("-"):
            return None
        found[name[2:]] = value
    from verzuimdesk.cli.main import _status

    return argparse.Namespace(command="status", db=found["db"], date=found["date"], json=as_json, handler=_status)


def print_status(args: argparse.Namespace) -> int:
    from verzuimdesk.cli.main import ASK, open_db, passphrase

    peildatum = option_date(args.date, "--date")
    status, secret = None, ASK
    path = sqlite_path(args.db)
    if path is not None and path.exists():  # a filled cache answers without the ORM (services/status_quick.py)
        from verzuimdesk.services.status_quick import cached_status

        secret = passphrase() if is_encrypted(path) else None
        status = cached_status(args.db, peildatum, secret)
    if status is None:
        from verzuimdesk.services.accounts import acting_account
        from verzuimdesk.services.status import status_seen_by

        db = open_db(args, secret=secret)
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
    # so a school's JSON (a megabyte) is not walked a character at a time in Python. As one negated
    # class (all but the line break and printable ASCII): it compiles at once and scans twice as fast.
    return _MAYBE_HIDDEN.sub(shown, text)


_MAYBE_HIDDEN = re.compile("[^\n\x20-\x7e]")
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
            what = DUO_FOLLOW_UP_NL if is_follow_up(p.status, a) else ACTION_NL[a.kind.value]  # as the sheet says
            nxt = f"{what} vóór {format_date(a.due_date)}{late} [{a.rule_id}]"
        rows.append((escape_hidden(p.number), escape_hidden(p.name), escape_hidden(p.group),
                     LIGHT_NL[p.status.light.value], nxt))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)) + "  " + r[4])
    return "\n".join(lines) + "\n"
