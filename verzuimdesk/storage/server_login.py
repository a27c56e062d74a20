"""The password of a server login, kept apart from the engine's address so the app can take it away.

On a laptop the idle lock hides the window; the data key stays in memory because the open file needs it.
On a server the password is what opens everything, so a lock drops it: the pooled connections close,
the password is forgotten, and every new connection is refused in Dutch until the same person types it
again (`ServerLogin.resume`). The engine's URL never holds the password; each connect asks this object.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url

from verzuimdesk.storage.errors import DatabaseError

LOCKED = "VerzuimDesk is vergrendeld: log opnieuw in om verder te werken met de server."


class ServerLocked(DatabaseError):
    """A connection asked for while the app is locked."""


@dataclass
class ServerLogin:
    password: str | None = field(default=None, repr=False)
    locked: bool = False

    def lock(self, engine: Engine) -> None:
        """Close every pooled connection and forget the password."""
        self.locked, self.password = True, None
        engine.dispose()

    def resume(self, password: str | None) -> None:
        """The password typed again (the caller checked it with a login of the same person)."""
        self.password, self.locked = password, False

    def connect_params(self, cparams: dict[str, Any]) -> None:
        if self.locked:
            raise ServerLocked(LOCKED)
        if self.password is not None:
            cparams["password"] = self.password


def without_password(address: str) -> tuple[str, str | None]:
    """(the address without its password, the password)."""
    url = make_url(address)
    password = url.password
    if password is None:
        return address, None
    return url.set(password=None).render_as_string(hide_password=False), str(password)


_LOGINS: weakref.WeakKeyDictionary[Engine, ServerLogin] = weakref.WeakKeyDictionary()


def of(engine: Engine) -> ServerLogin | None:
    """The login of a server engine; None for SQLite."""
    return _LOGINS.get(engine)


def attach(engine: Engine, password: str | None) -> ServerLogin:
    login = _LOGINS[engine] = ServerLogin(password)

    def _connect(_dialect: object, _record: object, _cargs: object, cparams: dict[str, Any]) -> None:
        login.connect_params(cparams)

    event.listen(engine, "do_connect", _connect)
    return login
