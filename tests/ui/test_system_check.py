"""The start on a Linux desktop without Qt's xcb libraries: a Dutch message naming the packages."""

from __future__ import annotations

import pytest

from verzuimdesk import __main__ as entry
from verzuimdesk.ui import system_check


def test_uses_xcb_follows_the_platform_qt_will_pick() -> None:
    assert system_check.uses_xcb({}, "linux")
    assert system_check.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not system_check.uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not system_check.uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not system_check.uses_xcb({}, "win32")


def test_missing_libraries_are_named_by_package_with_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    gone = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    message = system_check.check_display_libraries(lambda name: name not in gone)
    assert message is not None
    assert "ontbreken: libxcb-icccm4, libxcb-keysyms1." in message
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in message
    assert system_check.check_display_libraries(lambda name: True) is None


def test_the_app_does_not_start_qt_when_a_library_is_missing(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(system_check, "_loads", lambda name: name != "libxcb-cursor.so.0")
    monkeypatch.setattr(system_check.check_display_libraries, "__defaults__", (system_check._loads,))
    assert entry.main([]) == 1
    assert "libxcb-cursor0" in capsys.readouterr().err

