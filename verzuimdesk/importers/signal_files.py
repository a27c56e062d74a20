"""The signals' thresholds on disk (resources/signals.toml), read and handed to the domain's
`parse_signal_config` (the domain itself reads no file)."""

from __future__ import annotations

from pathlib import Path

from verzuimdesk.domain.file_errors import file_reason
from verzuimdesk.domain.signals import SignalConfig, SignalConfigError, parse_signal_config
from verzuimdesk.paths import resources_dir

__all__ = ["load_signal_config", "signals_file"]


def signals_file() -> Path:
    return resources_dir() / "signals.toml"


def load_signal_config(path: Path | None = None) -> SignalConfig:
    path = path or signals_file()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SignalConfigError(f"Signalenbestand {path.name}: kan het bestand niet openen "
                                f"({file_reason(exc)})") from None
    return parse_signal_config(raw, path.name)
