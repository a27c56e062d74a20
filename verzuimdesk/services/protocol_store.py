"""The school's protocol lives in the database: loading a protocol file keeps its text and sha256 beside
the path or id it came from, and the engine reads the kept text. A school whose file is gone, or that
is opened on another laptop, keeps its stappenplan; choosing another file is the only way to change it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from verzuimdesk.domain.protocol import Protocol, parse_protocol
from verzuimdesk.importers.protocol_files import protocol_file, read_protocol
from verzuimdesk.storage.models import School


@dataclass(frozen=True, slots=True)
class LoadedProtocol:
    ref: str  # the path or shipped id it was loaded from
    text: str
    sha256: str
    protocol: Protocol


def load_file(ref: str) -> LoadedProtocol:
    """Read and check the protocol file `ref` names; a `ProtocolError` (Dutch) when it cannot be used."""
    raw = read_protocol(ref)
    protocol = parse_protocol(raw, protocol_file(ref).name)
    return LoadedProtocol(ref, raw.decode("utf-8"), hashlib.sha256(raw).hexdigest(), protocol)


def keep(school: School, loaded: LoadedProtocol) -> dict[str, str]:
    """Store `loaded` as the school's protocol; what the audit log records of it (file and fingerprint)."""
    school.protocol, school.protocol_text, school.protocol_sha256 = loaded.ref, loaded.text, loaded.sha256
    return described(school)


def described(school: School) -> dict[str, str]:
    """The protocol as the audit log names it: where it was loaded from and its fingerprint."""
    return {"protocol": school.protocol, "protocol_sha256": school.protocol_sha256 or ""}


def stored_bytes(ref: str, text: str | None) -> bytes:
    """The protocol the engine uses: the kept text; a database of before 0011 whose file could not be
    read then, the file its path names."""
    return text.encode("utf-8") if text is not None else read_protocol(ref)
