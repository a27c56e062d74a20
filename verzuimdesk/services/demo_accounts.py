"""The demo school to try with roles: encrypted, with an IB-er, a leerkracht and the directie whose
(fictitious) passwords are listed beside the database, so the login screen can show them."""

from __future__ import annotations

import json
from datetime import date

from verzuimdesk.services.accounts import Account, Role, account_of, add_account
from verzuimdesk.services.demo import DEMO_USER, create_demo
from verzuimdesk.services.demo_sidecar import demo_accounts, sidecar
from verzuimdesk.storage.database import Database

# (role word, user name, name, role, password, groups); the IB-er is the demo's own user.
__all__ = ["DEMO_ACCOUNTS", "create_demo_with_accounts", "demo_accounts", "demo_ib"]

DEMO_ACCOUNTS = (
    ("IB-er", DEMO_USER, "Demo IB-er", Role.IB, "demo-ib-2026", ()),
    ("leerkracht groep 7", "juf", "Juf Demi (groep 7)", Role.TEACHER, "demo-juf-2026", ("7",)),
    ("directie", "directie", "Demo directeur", Role.MANAGEMENT, "demo-directie-2026", ()),
)


def create_demo_with_accounts(target: str, *, size: int = 200, today: date | None = None) -> Database:
    """The demo school, encrypted, with one account per role; opened as the IB-er."""
    ib_password = DEMO_ACCOUNTS[0][4]
    db = create_demo(target, size=size, today=today, password=ib_password)
    ib = account_of(db, DEMO_USER)
    for _word, user, name, role, password, groups in DEMO_ACCOUNTS[1:]:
        add_account(db, by=ib, username=user, name=name, role=role, password=password, groups=groups)
    from verzuimdesk.services.settings import rename_staff

    rename_staff(db, username=DEMO_USER, name=DEMO_ACCOUNTS[0][2], by=ib)
    side = sidecar(target)
    if side is not None:
        side.write_text(json.dumps([[w, u, p] for w, u, _n, _r, p, _g in DEMO_ACCOUNTS], ensure_ascii=False),
                        encoding="utf-8")
    return db


def demo_ib(db: Database) -> Account:
    return account_of(db, DEMO_USER)
