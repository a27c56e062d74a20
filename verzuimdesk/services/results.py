"""Plain results the services hand back: frozen dataclasses, never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Change:
    """What a write did, counted per kind of row."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    notes: tuple[str, ...] = ()  # what the user should know of what was written, in Dutch (nothing refused)

    def summary(self) -> str:
        return f"{self.added} toegevoegd, {self.updated} bijgewerkt, {self.unchanged} ongewijzigd"
