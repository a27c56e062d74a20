"""The protocol files on disk: the shipped ones in resources/protocols and a school's own, read and
handed to the domain's `parse_protocol` (the domain itself reads no file)."""

from __future__ import annotations

from pathlib import Path

from verzuimdesk.domain.file_errors import file_reason
from verzuimdesk.domain.protocol import DEFAULT_PROTOCOL, Protocol, ProtocolError, parse_protocol
from verzuimdesk.paths import resources_dir

__all__ = ["list_protocols", "load_protocol", "protocol_file", "protocols_dir", "read_protocol"]


def protocols_dir() -> Path:
    return resources_dir() / "protocols"


def list_protocols() -> list[tuple[str, str]]:
    """(id, name) of every shipped protocol, the default first."""
    found = [load_protocol(p) for p in sorted(protocols_dir().glob("*.toml"))]
    found.sort(key=lambda p: (p.id != DEFAULT_PROTOCOL, p.id))
    return [(p.id, p.name) for p in found]


def protocol_file(path_or_id: str | Path) -> Path:
    """The file of a protocol named by path, or by the id of a shipped protocol."""
    path = Path(path_or_id)
    if not path.suffix and isinstance(path_or_id, str):
        path = protocols_dir() / f"{path_or_id}.toml"
    return path


def read_protocol(path_or_id: str | Path) -> bytes:
    """The bytes of a protocol file; a file that cannot be read is a `ProtocolError`."""
    path = protocol_file(path_or_id)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ProtocolError(f"Protocolbestand {path.name}: bestand niet gevonden") from None
    except (OSError, ValueError) as exc:  # a folder, no permission, a name too long or with a NUL byte in it
        raise ProtocolError(f"Protocolbestand {path.name}: kan het bestand niet openen ({file_reason(exc)})") from None


def load_protocol(path_or_id: str | Path) -> Protocol:
    """Load and check a protocol file, by path or by the id of a shipped protocol."""
    return parse_protocol(read_protocol(path_or_id), protocol_file(path_or_id).name)
