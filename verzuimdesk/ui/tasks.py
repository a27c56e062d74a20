"""Running long work off the GUI thread: the window stays responsive, the result comes back as a signal.

`run_task(fn, on_done=..., on_error=...)` runs `fn()` on Qt's global thread pool; the callbacks run
on the GUI thread. A service opens its own unit of work, so a task needs nothing shared but the
Database object (SQLAlchemy's engine is thread-safe; each service call makes its own session).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal

_running: set[_Task] = set()  # keeps the Python objects alive until their signals are delivered


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, which shows it in Dutch
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def run_task(fn: Callable[[], Any], *, on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None]) -> None:
    task = _Task(fn)
    _running.add(task)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(task)
        callback(value)

    task.signals.done.connect(lambda result: finish(on_done, result))
    task.signals.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(task)


class ThreadWorker(QObject):
    """Runs one job on a QThread of its own (an export, an import) and reports progress and the end as
    signals; a refusal the job expects comes back as its Dutch message, anything else with its type."""

    progressed = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[[Callable[[int, int], None]], Any],
                 expected: tuple[type[BaseException], ...]) -> None:
        super().__init__()
        self.job, self.expected = job, expected

    def run(self) -> None:
        try:
            result = self.job(self.progressed.emit)
        except self.expected as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # shown to the user rather than lost in a thread
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.done.emit(result)


def start_thread(owner: QObject, job: Callable[[Callable[[int, int], None]], Any], *,
                 expected: tuple[type[BaseException], ...], on_done: Callable[[Any], None],
                 on_failed: Callable[[str], None],
                 on_progress: Callable[[int, int], None] | None = None) -> tuple[QThread, ThreadWorker]:
    """Start `job(progress)` on a new QThread owned by `owner`; keep the returned pair alive while it runs."""
    thread = QThread(owner)
    worker = ThreadWorker(job, expected)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    if on_progress is not None:
        worker.progressed.connect(on_progress)
    worker.done.connect(on_done)
    worker.failed.connect(on_failed)
    worker.done.connect(thread.quit)
    worker.failed.connect(thread.quit)
    thread.start()
    return thread, worker
