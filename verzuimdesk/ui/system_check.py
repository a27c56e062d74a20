"""Before Qt starts on Linux: are the system libraries of Qt's xcb plugin there?

Without them Qt aborts with "Could not load the Qt platform plugin xcb" and a hint about reinstalling
the application, which sends a user the wrong way. This check names the missing Debian/Ubuntu packages
in Dutch and the command that installs them. It loads nothing of Qt itself (plain ctypes), so it can
run before the QApplication is made.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

# The shared libraries Qt 6's xcb platform plugin (libqxcb.so, libQt6XcbQpa.so.6) and Qt Gui need,
# with the Debian/Ubuntu package that holds each (read from the plugin's ELF NEEDED entries).
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libX11.so.6", "libx11-6"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ, platform: str = sys.platform) -> bool:
    """Will Qt pick its xcb plugin? Not when told otherwise (offscreen, wayland) or on a Wayland session."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_packages(loads: Callable[[str], bool] = _loads) -> list[str]:
    """The packages whose library cannot be loaded, in the order of XCB_LIBRARIES."""
    return [package for soname, package in XCB_LIBRARIES if not loads(soname)]


def missing_message(packages: list[str]) -> str:
    listed = ", ".join(packages)
    return (f"VerzuimDesk kan geen venster openen: deze systeembibliotheken ontbreken: {listed}.\n"
            f"Installeer ze (Debian/Ubuntu) met:\n\n    sudo apt install {' '.join(packages)}\n\n"
            "en start VerzuimDesk opnieuw.")


def check_display_libraries(loads: Callable[[str], bool] = _loads) -> str | None:
    """The Dutch message to show when Qt's xcb plugin would fail for want of a library, else None."""
    if not uses_xcb():
        return None
    missing = missing_packages(loads)
    return missing_message(missing) if missing else None
