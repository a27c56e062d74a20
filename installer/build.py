"""Build the one-folder VerzuimDesk with PyInstaller: `python installer/build.py`.

It installs nothing: PyInstaller comes from `pip install -e ".[build]"`. It writes
dist/verzuimdesk/ and, on Linux, dist/verzuimdesk-<version>-linux-<machine>.tar.gz; on Windows the
folder is what installer/windows/verzuimdesk.iss packs into the setup program.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "verzuimdesk.spec"
BUNDLE_NAME = "verzuimdesk"


def version() -> str:
    # Read, not imported: the build must not depend on the package being importable from here.
    text = (ROOT / "verzuimdesk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise SystemExit("Geen __version__ gevonden in verzuimdesk/__init__.py")
    return found.group(1)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(dist: Path, work: Path) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit('PyInstaller ontbreekt: installeer het met  pip install -e ".[build]"')
    # A fresh work folder instead of --clean, which would also empty PyInstaller's shared cache.
    shutil.rmtree(work, ignore_errors=True)
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    subprocess.run(cmd, check=True, cwd=ROOT)
    return dist / BUNDLE_NAME


LINUX_FILES = ROOT / "installer" / "linux"
APP_ID = "nl.verzuimdesk.VerzuimDesk"


def add_desktop_files(bundle: Path, today: str | None = None) -> None:
    """The Linux menu entry, AppStream metadata and icons in the bundle, and the script that installs them
    for the user (`verzuimdesk/install-desktop.sh`; `--remove` takes them away)."""
    import datetime

    share = bundle / "share"
    (share / "icons").mkdir(parents=True, exist_ok=True)
    shutil.copy2(LINUX_FILES / f"{APP_ID}.desktop", share / f"{APP_ID}.desktop")
    meta = (LINUX_FILES / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    meta = meta.replace("@VERSION@", version()).replace("@DATE@", today or datetime.date.today().isoformat())
    (share / f"{APP_ID}.metainfo.xml").write_text(meta, encoding="utf-8")
    for icon in (ROOT / "resources" / "icons").iterdir():
        if icon.suffix in (".png", ".svg"):
            shutil.copy2(icon, share / "icons" / icon.name)
    script = bundle / "install-desktop.sh"
    shutil.copy2(LINUX_FILES / "install-desktop.sh", script)
    script.chmod(0o755)


def make_archive(bundle: Path, dist: Path) -> Path:
    """A tar.gz whose one top folder is `verzuimdesk/`, executable bits kept, owner neutral."""
    machine = platform.machine().lower() or "unknown"
    archive = dist / f"{BUNDLE_NAME}-{version()}-linux-{machine}.tar.gz"

    def neutral(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=BUNDLE_NAME, filter=neutral)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de VerzuimDesk-bundel met PyInstaller.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="map voor de bundel (standaard dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="werkmap van PyInstaller (standaard build/)")
    parser.add_argument("--no-archive", action="store_true", help="maak geen tar.gz (alleen Linux)")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()

    started = time.monotonic()
    bundle = run_pyinstaller(dist, work)
    built = time.monotonic() - started
    print(f"Bundel: {bundle} ({folder_size(bundle) / 2**20:.0f} MiB), gebouwd in {built:.0f} s")
    if sys.platform.startswith("linux"):
        add_desktop_files(bundle)
    if sys.platform.startswith("linux") and not args.no_archive:
        archive = make_archive(bundle, dist)
        print(f"Archief: {archive} ({archive.stat().st_size / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
