"""`verzuimdesk restore --db postgresql://…`: an encrypted copy back into a server database (docs/server.md).

Run with the address of the owner of the tables; the copy's password from VERZUIMDESK_PASSPHRASE or the
terminal. A database that holds a school already is replaced only with `--vervang` (and copied first).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from verzuimdesk.services.database import Database, DatabaseError
from verzuimdesk.services.vocabulary import InputRefused, Problem


def restore_to_server(args: argparse.Namespace, passphrase: Callable[[], str | None],
                      open_db: Callable[[argparse.Namespace], Database]) -> int:
    from verzuimdesk.services.backups import check_backup, needs_password
    from verzuimdesk.services.server_restore import contents, restore_server

    secret = passphrase() if needs_password(args.file) else None
    if needs_password(args.file) and not secret:
        raise InputRefused("wachtwoord", [Problem(None, "", "de kopie is versleuteld: geef het wachtwoord op de "
                                                  "terminal of in VERZUIMDESK_PASSPHRASE")])
    print(check_backup(args.file, secret).text())
    db = open_db(args)
    try:
        held = contents(db)
        if held is not None and not args.vervang:
            raise DatabaseError(f"De database op de server is niet leeg ({held}). Terugzetten vervangt alles wat "
                                "erin staat; geef --vervang als dat de bedoeling is. Er is niets gewijzigd.")
        if not args.ja:
            if sys.stdin is None or not sys.stdin.isatty():
                raise DatabaseError("Bevestig het terugzetten met --ja" + (
                    ": alles wat nu op de server staat wordt vervangen." if held else "."))
            said = f" Wat er nu staat ({held}) wordt vervangen." if held else ""
            if input(f"Deze kopie terugzetten op de server?{said} (j/n) ").strip().lower() not in ("j", "ja"):
                print("Niets teruggezet.")
                return 1
        done = restore_server(db, args.file, secret, replace=args.vervang)
    finally:
        db.close()
    if done.safety is not None:
        print(f"Wat er op de server stond, staat nu in {done.safety.path} (met het wachtwoord van de kopie; "
              f"herstelsleutel {done.safety.recovery_key}).")
    print(f"Kopie teruggezet op de server: {done.school}, {done.rows} rijen; het logboek is gecontroleerd en "
          "opnieuw gekoppeld.")
    if done.kept:
        print("Accounts die hun wachtwoord op de server houden: " + ", ".join(done.kept))
    if done.new:
        print("Nieuwe accounts op de server, met een eenmalig wachtwoord (geef het door; bij de eerste keer "
              "inloggen kiest ieder een eigen wachtwoord):")
        for user, one_time in done.new.items():
            print(f"  {user}: {one_time}")
    if done.unlinked:
        print("Niet gekoppeld en uitgezet (die naam is op de server een rol van een andere database of de "
              "beheerder; geef die persoon een nieuw account): " + ", ".join(done.unlinked), file=sys.stderr)
    return 0
