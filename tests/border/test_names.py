"""Names as a Dutch school has them: accents and apostrophes sort where a reader looks for them, and
initials for the SWV keep 't, d' and van der."""

from __future__ import annotations

from datetime import date

from verzuimdesk.domain.dutch import sort_key
from verzuimdesk.reports.data import PupilInfo


def test_accented_names_sort_with_their_letter_not_after_z() -> None:
    names = [("Ömer", "", "Özdemir"), ("Zeynep", "", "Zwart"), ("Els", "", "Oosterhuis"), ("Ali", "", "Çelik"),
             ("Émile", "", "Dubois"), ("Anna", "", "Claes")]
    got = [n[2] for n in sorted(names, key=lambda n: sort_key(*n))]
    assert got == ["Çelik", "Claes", "Dubois", "Oosterhuis", "Özdemir", "Zwart"]


def info(first: str, prefix: str, last: str) -> PupilInfo:
    return PupilInfo(1, "1", first, prefix, last, "5", date(2017, 1, 1), "", date(2021, 8, 30), None)


def test_initials_of_prefixes_and_apostrophes() -> None:
    assert info("Zoë", "van der", "Berg").initials == "Z.v.d.B."
    assert info("Joost", "'t", "Hart").initials == "J.t.H."
    assert info("Özlem", "", "O'Neill").initials == "Ö.O."
    assert info("Sem", "", "").initials == "S."
    assert info("Anna-Sophie", "de", "Jong-Visser").initials == "A.S.d.J.V."  # both halves of a joined name
    assert info("Mila", "", "Jansen-de Vries").initials == "M.J.d.V."  # a tussenvoegsel inside a double name
