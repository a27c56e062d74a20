"""Why a user's file could not be read or written, in Dutch (issue: no English OS text in Dutch messages).

The operating system's own text (`exc.strerror`, "No such file or directory") is English on most
machines; every command and service that reads or writes a file the user named says the reason with
`file_reason` instead. Pure: it looks only at the exception's type and errno.
"""

from __future__ import annotations

import errno

_BY_ERRNO = {
    errno.ENOENT: "het bestand bestaat niet",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EACCES: "geen toestemming om dit bestand te openen",
    errno.EPERM: "geen toestemming om dit bestand te openen",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENAMETOOLONG: "de bestandsnaam is te lang",
    errno.EEXIST: "het bestand bestaat al",
}
GENERIC = "het besturingssysteem geeft een fout bij dit bestand"


def file_reason(exc: BaseException) -> str:
    """A short Dutch reason for an OSError (or a ValueError from a name with a NUL byte), lower case."""
    if isinstance(exc, FileNotFoundError):
        return _BY_ERRNO[errno.ENOENT]
    if isinstance(exc, IsADirectoryError):
        return _BY_ERRNO[errno.EISDIR]
    if isinstance(exc, PermissionError):
        return _BY_ERRNO[errno.EACCES]
    if isinstance(exc, OSError) and exc.errno in _BY_ERRNO:
        return _BY_ERRNO[exc.errno]
    return GENERIC


# SQLite's primary result codes (sqlite.org/rescode.html) that say the file is busy, read-only or on a full or
# failing disk: the database itself is fine, and a restore would only throw work away.
_SQLITE_BY_CODE = {
    3: "geen toestemming om de database te openen",
    5: "de database is bezig: een andere opdracht of VerzuimDesk schrijft erin; probeer het zo opnieuw",
    6: "de database is bezig: een andere opdracht of VerzuimDesk schrijft erin; probeer het zo opnieuw",
    8: "de database of de map is alleen-lezen",
    10: "de schijf gaf een lees- of schrijffout (is hij vol?)",
    13: "de schijf is vol",
    14: "de database is niet te openen (geen toestemming in de map, of de map is er niet)",
}
_SQLITE_BY_TEXT = {"database is locked": 5, "database table is locked": 6, "readonly database": 8,
                   "disk i/o error": 10, "database or disk is full": 13, "unable to open database file": 14}


def sqlite_reason(exc: BaseException) -> str | None:
    """A short Dutch reason when SQLite (or SQLAlchemy around it) failed for the disk or a lock rather than
    for a damaged file; None otherwise. Looks at the result code where the driver gives one, else the text."""
    seen: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and e not in seen and len(seen) < 5:
        seen.append(e)
        code = getattr(e, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _SQLITE_BY_CODE:
            return _SQLITE_BY_CODE[code & 0xFF]
        text = str(e).lower()
        for words, primary in _SQLITE_BY_TEXT.items():
            if words in text:
                return _SQLITE_BY_CODE[primary]
        orig = getattr(e, "orig", None)
        e = orig if isinstance(orig, BaseException) else e.__cause__ or e.__context__
    return None


def failure_reason(exc: BaseException) -> str | None:
    """The Dutch reason of a failure of the disk, a file or a lock (`sqlite_reason`, `file_reason`), or None for
    any other exception: what the command line and the app say instead of the operating system's English."""
    return sqlite_reason(exc) or (file_reason(exc) if isinstance(exc, OSError) else None)
