"""`--out` of the commands that write a document: an existing file is never replaced without asking.

The command line cannot ask, so it refuses (exit 1, a Dutch reason, nothing written) unless
`--overschrijven` is given; the desktop app asks in its file dialog.
"""

from __future__ import annotations

import argparse
from pathlib import Path

FLAG = "--overschrijven"


def add_overwrite(p: argparse.ArgumentParser) -> None:
    p.add_argument(FLAG, dest="overwrite", action="store_true",
                   help="vervang het bestand van --out als het al bestaat (anders weigert de opdracht)")


def out_refused(out: Path | None, overwrite: bool) -> str | None:
    """Why `--out` is refused (a folder, or a file that exists without `--overschrijven`), or None."""
    if out is None:
        return None
    if out.is_dir():
        return f"{out} is een map; geef bij --out de naam van een bestand. Er is niets geschreven."
    if out.exists() and not overwrite:
        return (f"{out} bestaat al; er is niets geschreven. Kies een andere naam, of geef {FLAG} mee om het "
                "bestand te vervangen.")
    return None
