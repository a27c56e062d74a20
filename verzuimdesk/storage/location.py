"""Where a SQLite database may live: a local folder, not a network share or a cloud-synced folder.

SQLite's locking is not safe over SMB/NFS, and a sync client that copies the file halfway through a
write leaves a damaged copy and, worse, pupil dossiers in a cloud the school has no agreement for.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_SYNCED = ("onedrive", "dropbox", "google drive", "googledrive", "my drive", "mijn drive", "icloud drive",
           "iclouddrive", "mobile documents", "icloud~")
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "sshfs", "afpfs", "9p", "fuse.rclone",
               "davfs", "fuse.davfs2", "webdav"}

ALTERNATIVE = ("Kies een map op deze computer (bijvoorbeeld de standaardmap van VerzuimDesk), of gebruik "
               "voor meerdere gebruikers een PostgreSQL-server.")


def location_problem(path: Path, what: str = "De database") -> str | None:
    """A Dutch reason why `path` is no place for the database (or a copy of it: `what`), or None.

    The path is checked as given and with every symbolic link followed (`resolve`): a link in a
    local folder that points into OneDrive is as synced as the OneDrive folder itself.
    """
    given = path.expanduser().absolute()
    try:
        resolved = given.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return f"{what} staat achter een kring van snelkoppelingen ({given}). {ALTERNATIVE}"
    for candidate in dict.fromkeys((given, resolved)):
        problem = _problem(candidate, what)
        if problem:
            return problem
    return None


def _problem(resolved: Path, what: str) -> str | None:
    text = str(resolved)
    lowered = text.lower()
    for marker in _SYNCED:
        for part in resolved.parts:
            if part.lower().startswith(marker):
                return (f"{what} staat in een map die met de cloud wordt gesynchroniseerd ('{part}'). "
                        f"Dat kan de database beschadigen en zet leerlinggegevens in een cloud zonder "
                        f"verwerkersovereenkomst. {ALTERNATIVE}")
    if text.startswith(("\\\\", "//")) or lowered.startswith("smb:"):
        return f"{what} staat op een netwerkschijf ({text}); SQLite is daar niet veilig. {ALTERNATIVE}"
    fs = _filesystem_type(resolved)
    if fs in _NETWORK_FS:
        return f"{what} staat op een netwerkschijf ({fs}); SQLite is daar niet veilig. {ALTERNATIVE}"
    return None


def _filesystem_type(path: Path) -> str:
    if sys.platform == "win32":
        return "cifs" if _windows_remote(path) else ""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    target = str(path)
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, kind = point, fields[2]
    return kind


def _windows_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(str(path))[0]
    if not drive:
        return False
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4)  # type: ignore[attr-defined]
