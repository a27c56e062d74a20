"""The engine as it was before issue 20 made it fast (main at ce6c97b): engine.py, conditions.py, measures.py, halfweeks.py,
and luxe.py copied from verzuimdesk/domain at that commit, imports pointed here. It is the spec the fast
engine is checked against (tests/domain/test_engine_oracle.py): straightforward, and not to be optimised.
Calendar, protocol, codes, records and the leerplicht dates (never rewritten for speed) are the app's own.

A deliberate change to what the rules answer is made here as well, in the same commit: the oracle guards
the speed of the engine, not its rules (those have tests of their own).
"""
