"""Keeping the Dutch translation current: `python -m verzuimdesk.ui.i18n` runs lupdate, then lrelease.

The `.ts` file under `resources/translations` is the translators' source (Qt Linguist edits it);
the `.qm` beside it is what the app loads. A test checks that the `.qm` is compiled from the `.ts`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from verzuimdesk.paths import resources_dir

UI_DIR = Path(__file__).resolve().parent
TS_FILE = resources_dir() / "translations" / "verzuimdesk_nl.ts"


def tr(text: str) -> str:
    """A module-level tr("…"): pyside6-lupdate files it under the empty context, so look it up there."""
    return QCoreApplication.translate("", text)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} niet gevonden; installeer PySide6.")
    return found


def update_ts() -> None:
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(TS_FILE), "-source-language", "en",
                    "-target-language", "nl_NL", "-no-obsolete", "-locations", "none"], check=True)


def compile_qm(ts: Path = TS_FILE, qm: Path | None = None) -> Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


if __name__ == "__main__":
    update_ts()
    print(compile_qm(), file=sys.stderr)
