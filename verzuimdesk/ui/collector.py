"""Python's cyclic garbage collector held off while the app starts.

Starting imports Qt, SQLAlchemy, the ORM's mappers and the app's own modules: a few hundred thousand
objects that live as long as the process. Each full collection while they are made walks all of them
again, which made starting (the login's thread importing ahead, the window built after the password)
a fifth to a third slower on this machine. So the collector waits until the first window's modules
are in; then it collects once (the few cycles the start left), moves what remains out of its sight for
good (`gc.freeze`: those objects live as long as the process) and runs as before, now over the
objects the work makes. Without cycles nothing waits for it: reference counting frees everything else
at once, paused or not.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """At the process's start, before the imports (once: a later call changes nothing)."""
    global _paused
    if not _paused and gc.isenabled():
        _paused = True
        gc.disable()


def resume() -> None:
    """The start's objects frozen and the collector on again; nothing when it was not paused here."""
    global _paused
    if _paused:
        _paused = False
        gc.collect()  # the few cycles the start left are freed first, not frozen for good
        gc.freeze()
        gc.enable()
