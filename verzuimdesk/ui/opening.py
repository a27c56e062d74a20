"""A quick login's window is on screen before its database is open (ui/login_dialog.py,
services/status_quick.quick_login): the database opens behind it, and until then the window's input
waits (`InputHold`) and is then done, in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid

from verzuimdesk.ui.crash_guard import log
from verzuimdesk.ui.i18n import tr

if TYPE_CHECKING:
    from verzuimdesk.ui.app import Session
    from verzuimdesk.ui.context import Opening


class InputHold(QObject):
    """While the database opens behind a window that shows already, what the user types or clicks in it
    waits: kept in order and done once it is open (`release`), so no keystroke is lost and nothing acts
    on a database that is not open yet. A busy cursor says the program is almost ready. Only `window`'s
    input waits: a message box of the program (an error, say) answers as ever."""

    # A shortcut arrives as a Shortcut event at its action (the ShortcutOverride before it is let through:
    # the focus widget decides, as ever, whether the key is a shortcut); other keys at the focus widget.
    KEYS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease})
    KINDS = KEYS | {QEvent.Type.Shortcut, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel}

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.kept: list[tuple[QObject, QEvent | None]] = []  # None: the window was closed
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self._held = True

    def _ours(self, watched: QObject) -> bool:
        if isinstance(watched, QWidget):
            return watched.window() is self.window
        if isinstance(watched, QWindow):
            return watched is self.window.windowHandle()
        return isinstance(watched, QAction)  # a shortcut of the window's (the only window there is yet)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is QEvent.Type.Close and watched is self.window:
            # The window closed at once: after the database is open, so the login is in the audit log.
            self.kept.append((watched, None))
            event.ignore()  # a close event let through unanswered closes the window
            return True
        if event.type() not in self.KINDS or not self._ours(watched):
            return False
        self.kept.append((watched, event.clone()))
        return True

    def release(self, replay: bool = True) -> None:
        """The window takes its input again and what waited is done, one event per turn of the event
        loop: a shortcut that opens a dialog (Ctrl+M) gets the keys typed after it, in its own field.
        Without `replay` (the database did not open) only a close is done; the rest is dropped."""
        if not self._held:
            return
        self._held = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        QGuiApplication.restoreOverrideCursor()
        kept, self.kept = self.kept, []
        if not replay:
            kept = [(receiver, event) for receiver, event in kept if event is None]
        self._next(kept)

    def _next(self, kept: list[tuple[QObject, QEvent | None]]) -> None:
        if not kept:
            return
        receiver, event = kept.pop(0)
        if kept:  # first: a dialog this event opens runs its own event loop, where the rest goes on
            QTimer.singleShot(0, lambda: self._next(kept))
        if isValid(receiver):  # not gone meanwhile
            if event is None:
                receiver.close()  # type: ignore[attr-defined]
            else:
                if event.type() in self.KEYS:  # to where the focus is now (a dialog opened by a shortcut)
                    modal = QApplication.activeModalWidget()
                    receiver = (modal.focusWidget() or modal) if modal is not None else (
                        QApplication.focusWidget() or receiver)
                QApplication.sendEvent(receiver, event)


def open_behind(session: Session, opening: Opening) -> None:
    """A quick login's window is on screen: the imports the login dialog began go on, then the database
    opens with the key the password unlocked (`finish_opening`), and the window takes its input, held
    until then. The event loop runs meanwhile: the window repaints, nothing freezes."""
    from verzuimdesk.ui.login_dialog import _WarmUp

    hold = InputHold(session.window)
    _WarmUp.release()
    timer = QTimer(session)
    timer.setInterval(10)

    def step() -> None:
        if _WarmUp.done():
            timer.stop()
            finish_opening(session, opening, hold)

    timer.timeout.connect(step)
    timer.start()


def finish_opening(session: Session, opening: Opening, hold: InputHold) -> bool:
    """Open the database behind the window and give the window its held input. A file that no longer
    opens (changed since the login read it, locked by an import, a full disk) is said in Dutch, what
    waited is dropped, and the window closes: the program starts again as after a failed login."""
    from verzuimdesk.services.accounts import login_with_key
    from verzuimdesk.services.errors import Refused
    from verzuimdesk.services.vocabulary import failure_reason

    try:
        db, _account = login_with_key(opening.target, key=opening.key, user=opening.user)
    except Exception as exc:  # whatever it is, the window must not wait for ever
        hold.release(replay=False)
        reason = str(exc) if isinstance(exc, Refused) else tr("The database did not open: %1").replace(
            "%1", failure_reason(exc) or type(exc).__name__)
        log.warning("database niet geopend achter het venster: %r", exc)
        QMessageBox.critical(session.window, "VerzuimDesk", reason)
        session.window.close()
        return False
    hold.release()  # first: what the window then does may show a dialog, which must answer
    session.ctx.set_database(db)
    return True
