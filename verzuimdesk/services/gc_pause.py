"""Python's cyclic garbage collector held off while a use case turns many rows into objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection in the block. A school year of absences makes tens of thousands of tuples
    that hold no cycles (reference counting frees them, paused or not), and a full collection in the
    middle walks every object of the process: in the app, with Qt and the ORM loaded, it made the same
    import take anywhere from 1.3 to 2 times as long. The collector runs again at the block's end (as
    it was: a caller that had it off keeps it off)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
