"""The Qt binding the app runs on does not corrupt the interpreter: PySide6 6.12.0 with CPython 3.11
dropped a reference to `True` on every signal emitted from Python, and after a few thousand emits
(an afternoon of typing in the grid) the interpreter aborted. pyproject.toml excludes that version;
this test fails on any version that does the same."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    with_value = Signal(int)
    bare = Signal()


def test_emitting_signals_keeps_the_interpreter_s_references() -> None:
    sender = _Sender()
    heard: list[int] = []
    sender.with_value.connect(heard.append)
    sender.bare.connect(lambda: heard.append(-1))
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for i in range(200):
        sender.with_value.emit(i)
        sender.bare.emit()
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert len(heard) == 400
    assert after == before
