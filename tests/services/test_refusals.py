"""One refusal type: every layer refuses with `Refused` (its text the Dutch reason), a damaged database
with its subtype `DatabaseDamaged`, and no code decides anything by reading the words of a message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import verzuimdesk
from verzuimdesk.domain.protocol import ProtocolError
from verzuimdesk.services.errors import DatabaseDamaged, DatabaseError, InputRefused, NotAllowed, Refused
from verzuimdesk.storage.database import check_file, open_database
from verzuimdesk.storage.vault import VaultError, slots_path

# `"beschadigd" in str(exc)`, `str(exc).startswith(...)`, `exc.args[0] == ...`, `re.search(..., str(exc))`
BRANCHING = re.compile(r"\bin str\(\w+\)|str\(\w+\)\.(startswith|endswith|find|index|count)\(|\.args\[0\]\s*[=!]="
                       r"|re\.(search|match|fullmatch)\([^)]*str\(\w+\)")


def test_no_code_branches_on_the_words_of_an_error_message() -> None:
    root = Path(verzuimdesk.__file__).parent
    found = [f"{p.relative_to(root)}:{n}: {line.strip()}"
             for p in sorted(root.rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if BRANCHING.search(line)]
    assert found == []


def test_every_kind_of_refusal_is_caught_as_the_one_type() -> None:
    assert DatabaseError is Refused
    for kind in (DatabaseDamaged, InputRefused, NotAllowed, VaultError, ProtocolError):
        assert issubclass(kind, Refused)


def test_a_file_that_is_no_database_is_refused_as_damaged(tmp_path: Path) -> None:
    junk = tmp_path / "school.db"
    junk.write_bytes(b"dit is geen database " * 500)
    with pytest.raises(DatabaseDamaged, match="beschadigd"):
        check_file(junk, None)


def test_a_damaged_slots_file_is_refused_as_damaged(db_path: Path) -> None:
    slots_path(db_path).write_text("{niet af", encoding="utf-8")
    with pytest.raises(DatabaseDamaged, match="sleutelbestand is beschadigd"):
        open_database(str(db_path), passphrase="wat-dan-ook-123")


def test_a_wrong_password_is_refused_but_not_as_damaged(db_path: Path) -> None:
    with pytest.raises(Refused) as caught:
        open_database(str(db_path), passphrase="niet-het-wachtwoord")
    assert not isinstance(caught.value, DatabaseDamaged)
