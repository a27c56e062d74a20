"""Where VerzuimDesk keeps its files: declared once, overridable for tests and development.

`VERZUIMDESK_DATA_DIR` moves the whole data folder (the tests point it at a temporary one);
`VERZUIMDESK_DB` names another database. Resources ship beside the package, or inside the
installer's bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "VerzuimDesk"
APP_AUTHOR = "VerzuimDesk"
DB_FILENAME = "verzuimdesk.db"


def data_dir() -> Path:
    override = os.environ.get("VERZUIMDESK_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR)


def default_db() -> str:
    """The database the app and the commands use when no `--db` is given."""
    return os.environ.get("VERZUIMDESK_DB") or str(data_dir() / DB_FILENAME)


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller in a frozen app
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
