"""What is wrong with a file, line by line, in Dutch; shared by every importer."""

from __future__ import annotations

from dataclasses import dataclass

from verzuimdesk.domain.refusal import Refused


@dataclass(frozen=True, slots=True)
class Problem:
    line: int | None  # 1 = the header row of a CSV; None when the problem is the whole file
    column: str
    reason: str

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"regel {self.line}")
        if self.column:
            where.append(f"kolom {self.column}")
        return f"{', '.join(where)}: {self.reason}" if where else self.reason


class InputRefused(Refused):
    """A file or value that was refused; nothing was written. Every problem is listed (`problems`)."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(self.message())

    def message(self) -> str:
        head = f"{self.source}: niets ingelezen, {len(self.problems)} fout(en) gevonden:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
