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
