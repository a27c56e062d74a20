"""Who acts in a test: the services take the acting account and check its role and groups themselves."""

from __future__ import annotations

from verzuimdesk.services.accounts import Account, Role

IB = Account("ib", "IB-er", Role.IB)
DIRECTIE = Account("directie", "Directeur", Role.MANAGEMENT)


def ib(username: str = "ib") -> Account:
    """An IB-er (every permission) by this user name, as the audit log will name them."""
    return Account(username, username, Role.IB)


def teacher(*groups: str, username: str = "juf") -> Account:
    """A leerkracht of `groups`: registers absence and logs conversations for those pupils only."""
    return Account(username, username, Role.TEACHER, tuple(groups))
