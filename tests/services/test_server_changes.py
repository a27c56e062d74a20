"""What another app wrote, heard from the server in bursts: several notifications become one change, and
what arrives while the last one is still being followed waits as one change too."""

from __future__ import annotations

import json
import threading

from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.server_changes import Pending, merged


def _note(app: str, **body: object) -> str:
    return json.dumps({**body, "a": app})


def test_notifications_heard_together_are_one_change_without_this_app_s_own() -> None:
    notes = [_note("juf", p=[3, 4]), _note("mij", p=[9]), _note("meester", p=[4, 7]), "geen json",
             _note("meester", c=True)]
    assert merged(notes, own="mij") == OpChanges(frozenset({3, 4, 7}), checks=True)
    assert merged([*notes, _note("ib", s=True)], own="mij").school
    assert merged([_note("mij", p=[1])], own="mij").empty


def test_what_is_heard_while_the_last_change_is_followed_waits_as_one() -> None:
    pending = Pending()
    woken = [pending.add(OpChanges.pupils(i)) for i in range(50)]
    assert woken == [True] + [False] * 49  # the GUI is woken once
    assert pending.take() == OpChanges(frozenset(range(50)))
    assert pending.take() is None

    def hear(start: int) -> None:
        for i in range(start, start + 200):
            pending.add(OpChanges.pupils(i))

    threads = [threading.Thread(target=hear, args=(n * 200,)) for n in range(4)]
    for t in threads:
        t.start()
    taken: set[int] = set()
    while any(t.is_alive() for t in threads):
        what = pending.take()
        taken |= what.pupil_ids if what else set()
    for t in threads:
        t.join()
    last = pending.take()
    assert taken | (last.pupil_ids if last else set()) == set(range(800))  # nothing lost between threads
