"""The demo school's pupils and guardians: Dutch names, ages per group, families, enrolment dates.

Who the pupils are (names, groups, families, which one leaves or arrives mid-year) depends only on
`size` and `seed`, never on `today`, so a pattern's leerlingnummer is the same whatever day the demo
is generated for; their dates are placed relative to the school years.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from random import Random

from verzuimdesk.demo.calendar import GROUPS, KLEUTER_GROUPS, year_start
from verzuimdesk.domain.dutch import full_name

BOYS = (
    "Daan",
    "Sem",
    "Lucas",
    "Levi",
    "Finn",
    "Milan",
    "Noah",
    "Luuk",
    "Bram",
    "Jesse",
    "Thijs",
    "Mees",
    "Ruben",
    "Sam",
    "Julian",
    "Max",
    "Hugo",
    "Thomas",
    "Siem",
    "Tijn",
    "Jens",
    "Gijs",
    "Stijn",
    "Ties",
    "Olivier",
    "Jurre",
    "Teun",
    "Boaz",
    "Mohammed",
    "Adam",
    "Ayoub",
    "Yusuf",
    "Mats",
    "Floris",
    "Kian",
    "Morris",
    "Dex",
    "Vince",
    "Joep",
    "Guus",
    "Pepijn",
    "Wessel",
    "Jayden",
    "Otis",
    "Hidde",
)
GIRLS = (
    "Emma",
    "Julia",
    "Mila",
    "Tess",
    "Sophie",
    "Sara",
    "Nora",
    "Fenna",
    "Yara",
    "Evi",
    "Saar",
    "Lotte",
    "Liv",
    "Noor",
    "Anna",
    "Isa",
    "Fleur",
    "Lieke",
    "Roos",
    "Sanne",
    "Eva",
    "Lina",
    "Hailey",
    "Nina",
    "Jasmijn",
    "Femke",
    "Maud",
    "Esmee",
    "Lynn",
    "Ilse",
    "Amira",
    "Fatima",
    "Nova",
    "Elin",
    "Jente",
    "Luna",
    "Vera",
    "Merel",
    "Ivy",
    "Floor",
    "Hanna",
    "Indy",
    "Romy",
    "Puck",
    "Elif",
)
# Accented names real Dutch schools have; drawn for about one pupil in twelve.
BOYS_ACCENT = ("Daniël", "Gaël", "Efraïm", "Noë", "Raphaël", "Michaël", "Joël")
GIRLS_ACCENT = ("Zoë", "Chloë", "Inés", "Anaïs", "Noëlle", "Maëlle", "Eliën")
SURNAMES = (
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Dijkstra",
    "Jansen",
    "Janssen",
    "Kok",
    "Verhoeven",
    "Hoekstra",
    "Koster",
    "Prins",
    "Huisman",
    "Kuipers",
    "Schouten",
    "Willems",
    "Post",
    "Vermeulen",
    "Groen",
    "Timmermans",
    "Kramer",
    "Molenaar",
    "Boer",
    "Maas",
    "Veenstra",
    "Hoogendoorn",
    "Koopman",
    "Verbeek",
    "Goossens",
    "Sijbrandij",
    "Yılmaz",
    "Öztürk",
    "El Amrani",
    "Bouzid",
    "Nguyen",
    "Kowalski",
    "Pinas",
    "Martens",
    "Blom",
    "Wouters",
)
TUSSEN_SURNAMES: tuple[tuple[str, str], ...] = (
    ("de", "Jong"),
    ("de", "Vries"),
    ("van", "Dijk"),
    ("van den", "Berg"),
    ("van der", "Meer"),
    ("de", "Boer"),
    ("van", "Leeuwen"),
    ("de", "Groot"),
    ("van der", "Linden"),
    ("van de", "Ven"),
    ("ter", "Horst"),
    ("'t", "Hart"),
    ("van den", "Bosch"),
    ("de", "Wit"),
    ("van", "Beek"),
    ("van der", "Heijden"),
    ("ten", "Brink"),
    ("van", "Wijk"),
    ("de", "Haan"),
    ("van 't", "Hof"),
    ("in 't", "Veld"),
    ("van", "Vliet"),
    ("de", "Graaf"),
    ("van", "Rijn"),
)
ADULT_MEN = ("Mark", "Dennis", "Jeroen", "Bas", "Rick", "Sander", "Tim", "Youssef", "Erik", "Kevin", "Mehmet")
ADULT_WOMEN = ("Linda", "Sanne", "Marloes", "Kim", "Anouk", "Naima", "Esther", "Iris", "Judith", "Ayşe")
OTHER_SURNAMES = ("Koning", "van Vliet", "Claassen", "de Lange", "Bulut", "Hermans", "van Os")


@dataclass(frozen=True, slots=True)
class Pupil:
    number: str
    first: str
    tussen: str
    last: str
    girl: bool
    birth: date
    group: str
    enrolled: date
    left: date | None
    gezin: str
    ot: str = ""
    birth_known: bool = True  # False: the row leaves geboortedatum empty (the LAS does not know it)

    @property
    def name(self) -> str:
        return full_name(self.first, self.tussen, self.last)

    def row(self) -> dict[str, str]:
        return {
            "leerlingnummer": self.number,
            "voornaam": self.first,
            "tussenvoegsel": self.tussen,
            "achternaam": self.last,
            "geboortedatum": self.birth.isoformat() if self.birth_known else "",
            "groep": self.group,
            "inschrijfdatum": self.enrolled.isoformat(),
            "uitschrijfdatum": self.left.isoformat() if self.left else "",
            "ot_nummer": self.ot,
            "gezin": self.gezin,
        }


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def _group_years(group: str, index: int) -> int:
    """Groep number of a pupil: combined groups 1-2 hold both, alternately."""
    if group in KLEUTER_GROUPS:
        return 1 + index % 2
    return int(group)


def group_sizes(size: int) -> dict[str, int]:
    base, rest = divmod(size, len(GROUPS))
    return {g: base + (1 if i < rest else 0) for i, g in enumerate(GROUPS)}


# Two pupils arrive mid-year (a four-year-old starting in 1-2A, a pupil moving into groep 5) and one
# in groep 6 leaves; they come last in the numbering, as a LAS numbers by enrolment.
NEWCOMER_GROUPS = ("1-2A", "5")
LEAVER_GROUP = "6"


def make_pupils(rng: Random, size: int, current: int, mid_in: date, mid_out: date) -> list[Pupil]:
    """`size` pupils for the school year starting in `current`; mid-year dates `mid_in`/`mid_out`."""
    start = year_start(current)
    sizes = group_sizes(size)
    for g in NEWCOMER_GROUPS:
        sizes[g] -= 1
    pupils: list[Pupil] = []
    families: list[tuple[str, str, str, int]] = []  # (tussen, last, gezin, groep number of first child)
    plan = [(g, sizes[g], False) for g in reversed(GROUPS)] + [(g, 1, True) for g in NEWCOMER_GROUPS]
    for g, n, newcomer in plan:
        for i in range(n):
            girl = rng.random() < 0.5
            accented = rng.random() < 0.08
            pool = (GIRLS_ACCENT if accented else GIRLS) if girl else (BOYS_ACCENT if accented else BOYS)
            first = rng.choice(pool)
            groep = 1 if newcomer and g in KLEUTER_GROUPS else _group_years(g, i)
            family = None
            if families and rng.random() < 0.22:
                candidate = rng.choice(families)
                if abs(candidate[3] - groep) >= 1:
                    family = candidate
            if family is None:
                if rng.random() < 0.3:
                    tussen, last = rng.choice(TUSSEN_SURNAMES)
                else:
                    tussen, last = "", rng.choice(SURNAMES)
                family = (tussen, last, f"G{len(families) + 1:04d}", groep)
                families.append(family)
            birth = _years_before(start, groep + 3) - timedelta(days=rng.randrange(365))
            enrolled = _years_before(birth, -4)
            if groep >= 3 and rng.random() < 0.1:  # zij-instromer at the start of an earlier year
                enrolled = year_start(current - rng.randrange(1, groep - 1))
            left = None
            if newcomer:
                enrolled = mid_in
                if g in KLEUTER_GROUPS:  # starts the school day after the fourth birthday
                    birth = _years_before(mid_in - timedelta(days=1), 4)
            pupils.append(
                Pupil(
                    number=str(1001 + len(pupils)),
                    first=first,
                    tussen=family[0],
                    last=family[1],
                    girl=girl,
                    birth=birth,
                    group=g,
                    enrolled=enrolled,
                    left=left,
                    gezin=family[2],
                )
            )
    leavers = [i for i, p in enumerate(pupils) if p.group == LEAVER_GROUP]
    leaver = leavers[-1]
    pupils[leaver] = replace(pupils[leaver], left=mid_out)
    return pupils


def _email(first: str, last: str) -> str:
    plain = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum() or c == ".") + "@example.nl"


def make_guardians(rng: Random, pupils: list[Pupil]) -> list[dict[str, str]]:
    """One or two guardians per family, the same for siblings."""
    by_family: dict[str, list[tuple[str, str, str, str]]] = {}
    rows: list[dict[str, str]] = []
    for p in pupils:
        if p.gezin not in by_family:
            family_name = f"{p.tussen} {p.last}".strip()
            kind = rng.random()
            people: list[tuple[str, str, str, str]] = []
            if kind < 0.04:
                first, last = rng.choice(ADULT_WOMEN), rng.choice(OTHER_SURNAMES)
                people.append((f"{first} {last}", "verzorger", first, last))
            else:
                mother_last = family_name if rng.random() < 0.5 else rng.choice(OTHER_SURNAMES)
                first = rng.choice(ADULT_WOMEN)
                people.append((f"{first} {mother_last}", "moeder", first, mother_last))
                if kind < 0.85:
                    first = rng.choice(ADULT_MEN)
                    people.append((f"{first} {family_name}", "vader", first, family_name))
            by_family[p.gezin] = [
                (name, rel, f"06-{rng.randrange(10_000_000, 100_000_000)}", _email(first, last))
                for name, rel, first, last in people
            ]
        for name, rel, phone, email in by_family[p.gezin]:
            rows.append({"leerlingnummer": p.number, "naam": name, "relatie": rel, "telefoon": phone, "email": email})
    return rows
