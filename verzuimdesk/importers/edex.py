"""Reading an EDEXML export (`EDEX.XML` of ParnasSys or ESIS) as the standard defines it.

Built to the XSDs of EDEXML 2.0/2.1 and the "Handleiding EDEXML 2.1" (Edustandaard/Kennisnet), and read
the same way for 2.2 and for 1.0x (2.x is backwards compatible with 1.03). What the standard allows is
read: a pupil with only a roepnaam, in no stamgroep, without a birth date, an ex-pupil with an
uitstroomdatum, a teacher with only a roepnaam, samengestelde groepen and roles. Refused is only what the
standard forbids (a key twice, a reference to a group that is not there, a pupil or teacher without a
name, a date that is no date) or what would corrupt the data, each problem with its line.

Data minimisation: eckid, BSN/onderwijsnummer, postcode and the other personal fields VerzuimDesk does
not need are never read into these rows; they are only counted, so the summary can say so.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from verzuimdesk.domain import limits
from verzuimdesk.domain.dutch import full_name
from verzuimdesk.domain.limits import too_long
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.values import parse_date
from verzuimdesk.importers.xmltree import Node, parse_tree

# The roles of EDEXLeerkrachtRolType (handleiding 2.1, "Rol")
ROLES = {"ADJ": "adjunct-directeur", "ADM": "administratief medewerker", "CON": "conciërge",
         "DIR": "directeur", "ICT": "ICT-coördinator", "IB": "intern begeleider", "KLA": "klassenassistent",
         "LRK": "leerkracht", "LOS": "leraarondersteuner", "LOC": "locatieleider", "OWA": "onderwijsassistent",
         "OUD": "ouder", "RT": "remedial teacher", "SMW": "schoolmaatschappelijk werker", "STA": "stagiair",
         "TAL": "toetsafnameleider", "VAK": "vakleerkracht"}

# Pupil fields of the standard that VerzuimDesk does not keep, named for the summary
NOT_STORED = {"bsn": "BSN", "sofinummer": "BSN", "onderwijsnummer": "onderwijsnummer",
              "bsn_ondwnr-4": "BSN-4", "rijksregisternummer": "rijksregisternummer",
              "postcodenl": "postcode", "postnummerbe": "postcode", "postcodeoverig": "postcode",
              "geslacht": "geslacht", "etniciteit": "etniciteit", "land": "land van herkomst",
              "land_vader": "land van herkomst", "land_moeder": "land van herkomst", "gewicht": "leerlinggewicht",
              "gewicht_nieuw": "leerlinggewicht", "emailadres": "e-mailadres leerling",
              "gebruikersnaam": "gebruikersnaam", "fotourl": "foto"}

_XS_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$")


@dataclass(frozen=True, slots=True)
class EdexGroup:
    key: str
    name: str
    jaargroep: str  # "" for a samengestelde groep
    composite: bool
    line: int


@dataclass(frozen=True, slots=True)
class EdexPupil:
    key: str  # the LAS's own key: VerzuimDesk's leerlingnummer
    first_name: str
    prefix: str
    last_name: str
    birth_date: date | None
    jaargroep: str  # the pupil's own
    group_key: str  # "" = in no stamgroep
    composite_keys: tuple[str, ...]
    enrolled_from: date | None
    enrolled_until: date | None
    line: int

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.prefix, self.last_name)

    @property
    def dummy_key(self) -> bool:
        """A key starting with `#` is the standard's unstable dummy key: match on name and birth date."""
        return self.key.startswith("#")


@dataclass(frozen=True, slots=True)
class EdexTeacher:
    key: str
    first_name: str
    prefix: str
    last_name: str
    email: str
    roles: str  # "intern begeleider, ICT-coördinator"
    groups: tuple[tuple[str, str], ...]  # (group key, role in that group)
    line: int

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.prefix, self.last_name)


@dataclass(frozen=True, slots=True)
class EdexFile:
    version: str  # xsdversie, "" when the file does not say
    school_year: str  # "2025-2026"
    brin: str
    groups: tuple[EdexGroup, ...]  # stamgroepen and samengestelde groepen
    pupils: tuple[EdexPupil, ...]
    teachers: tuple[EdexTeacher, ...]
    notes: tuple[str, ...]  # what the reader did that the user should know
    not_stored: tuple[str, ...]  # "BSN (12 leerlingen)"

    def school_year_start(self) -> int | None:
        head = self.school_year.split("-", 1)[0].strip()
        return int(head) if head.isdigit() and len(head) == 4 else None


def parse_edex(data: bytes, source: str = "EDEX.XML") -> EdexFile:
    """The groups, pupils and teachers of an EDEXML file; InputRefused names every problem."""
    root = parse_tree(data, source)
    if root.tag != "EDEX":
        raise InputRefused(source, [Problem(root.line, "", f"dit is geen EDEX-bestand (het begint met <{root.tag}>, "
                                            "niet met <EDEX>); er is niets ingelezen")])
    problems: list[Problem] = []
    notes: list[str] = []
    school = root.child("school")
    if school is None:
        problems.append(Problem(root.line, "", "het blok <school> ontbreekt; is dit wel een EDEX-export?"))
    version = school.value("xsdversie") if school is not None else ""
    year = school.value("schooljaar") if school is not None else ""
    if version.startswith("1."):
        notes.append(f"EDEXML-versie {version}: gelezen als versie 2 (die is daarmee uitwisselbaar); "
                     "samengestelde groepen en rollen bestaan in versie 1 nog niet")
    elif version and not version.startswith("2."):
        problems.append(Problem(school.line if school else None, "",
                                f"EDEXML-versie {version} wordt niet ondersteund (wel 1.0x, 2.0, 2.1 en 2.2)"))
    if school is not None and year and not re.fullmatch(r"\d{4}-\d{4}", year):
        problems.append(Problem(school.line, "", f"schooljaar '{year}' is niet van de vorm JJJJ-JJJJ"))
    groups = _groups(root, problems, notes)
    holder = root.child("leerlingen")
    if holder is None or not holder.all("leerling"):
        problems.append(Problem(holder.line if holder else root.line, "",
                                "de export bevat geen leerlingen; er is niets ingelezen"))
    pupils, tally = _pupils(root, groups, problems)
    teachers = _teachers(root, groups, problems)
    _unique_attr(root, "leerlingen", "leerling", "eckid", problems)
    _unique_attr(root, "leerkrachten", "leerkracht", "eckid", problems)
    _vestigingen(root, problems)
    if problems:
        raise InputRefused(source, sorted(problems, key=lambda p: p.line or 0))
    not_stored = [f"{label} ({n} leerling{'en' if n != 1 else ''})" for label, n in sorted(tally.items())]
    return EdexFile(version, year, school.value("brincode") if school is not None else "",
                    tuple(groups.values()), tuple(pupils), tuple(teachers), tuple(notes), tuple(not_stored))


def _section(root: Node, plural: str, singular: str) -> list[Node]:
    holder = root.child(plural)
    return holder.all(singular) if holder is not None else []


def _groups(root: Node, problems: list[Problem], notes: list[str]) -> dict[str, EdexGroup]:
    """Stamgroepen and samengestelde groepen by key; the two share one key space (groepKeyUnique)."""
    out: dict[str, EdexGroup] = {}
    names: dict[str, str] = {}
    holder = root.child("groepen")
    # every group's own name, so a name made for a second 'Groep 6' is none of them, wherever it stands
    in_export = {node.value("naam") for node in (holder.children if holder is not None else []) if node.tag == "groep"}
    for node in holder.children if holder is not None else []:
        if node.tag not in ("groep", "samengestelde_groep"):
            continue
        composite = node.tag == "samengestelde_groep"
        key, name = node.key(), node.value("naam")
        what = "samengestelde groep" if composite else "groep"
        if not key:
            problems.append(Problem(node.line, "", f"{what} zonder key"))
            continue
        if key in out:
            problems.append(Problem(node.line, "", f"groepskey {key} staat ook al op regel {out[key].line}"))
            continue
        if not name:
            problems.append(Problem(node.line, "", f"{what} {key}: naam ontbreekt"))
            continue
        if too_long(name, limits.GROUP) or too_long(key, limits.GROUP_KEY):
            problems.append(Problem(node.line, "", f"{what} {key[:60]}: naam of key is te lang (hooguit "
                                    f"{limits.GROUP} en {limits.GROUP_KEY} tekens)"))
            continue
        if not composite:
            if name in names:  # allowed by the standard, but VerzuimDesk knows a group by its name
                other = _distinct_name(name, key, {*names, *in_export})
                notes.append(f"groepsnaam {name} staat twee keer in de export; groep {key[:60]} heet hier '{other}'")
                name = other
            names[name] = key
        out[key] = EdexGroup(key, name, "" if composite else node.value("jaargroep"), composite, node.line)
    return out


def _distinct_name(name: str, key: str, taken: set[str]) -> str:
    """A name for a second group called `name`: 'name (key)', held to a group name's limit (a long key is
    shortened to a digest of itself, so the name stays the same at every import) and to no other group's
    name in the export."""
    n = 1
    while True:  # ends: the export names finitely many groups
        tag = key if n == 1 else f"{key} {n}"
        if len(name) + len(tag) + 3 > limits.GROUP:
            tag = "#" + hashlib.sha256(tag.encode()).hexdigest()[:8]
        got = f"{name[:limits.GROUP - len(tag) - 3].rstrip()} ({tag})"
        if got not in taken:
            return got
        n += 1


def _date(node: Node, tag: str, label: str, problems: list[Problem]) -> date | None:
    field = node.child(tag)
    text = field.text if field is not None else ""
    if not text:
        return None
    m = _XS_DATE.match(text)
    try:
        return date.fromisoformat(m[1]) if m else parse_date(text)
    except ValueError as exc:
        msg = str(exc) if not m else f"'{text}' is geen bestaande datum"
        problems.append(Problem(field.line if field is not None else node.line, "", f"{label}: {tag} {msg}"))
        return None


def _name(node: Node) -> tuple[str, str, str]:
    """(first name, prefix, last name): achternaam óf alleen een roepnaam."""
    first = node.value("roepnaam") or node.value("voornamen").split(" ")[0] or node.value("voorletters-1")
    return first, " ".join(node.value("voorvoegsel").split()), node.value("achternaam")


def _pupils(root: Node, groups: dict[str, EdexGroup], problems: list[Problem]) -> tuple[list[EdexPupil], Counter[str]]:
    out: list[EdexPupil] = []
    seen: dict[str, int] = {}
    tally: Counter[str] = Counter()
    for node in _section(root, "leerlingen", "leerling"):
        before = len(problems)
        key = node.key()
        label = f"leerling {key}" if key else "leerling"
        if not key:
            problems.append(Problem(node.line, "", "leerling zonder key (leerlingnummer)"))
        elif key in seen:
            problems.append(Problem(node.line, "", f"{label}: deze key staat ook al op regel {seen[key]}; "
                                    "twee leerlingen met één key"))
        seen.setdefault(key, node.line)
        first, prefix, last = _name(node)
        if not last and not node.value("roepnaam"):
            problems.append(Problem(node.line, "", f"{label}: achternaam en roepnaam ontbreken allebei"))
        for what, value, most in (("key", key, limits.NUMBER), ("roepnaam", first, limits.NAME),
                                  ("voorvoegsel", prefix, limits.PREFIX), ("achternaam", last, limits.NAME)):
            reason = too_long(value, most)  # as the CSV import: a 10,000-character name broke the dossier's PDF
            if reason:
                problems.append(Problem(node.line, "", f"{label[:60]}: {what} {reason}"))
        birth = _date(node, "geboortedatum", label, problems)
        group_node = node.child("groep")
        group = group_node.key() if group_node is not None else ""
        if group and (group not in groups or groups[group].composite):
            problems.append(Problem(group_node.line if group_node else node.line, "",
                                    f"{label}: groep {group} staat niet bij de groepen van de export"))
        composites = tuple(dict.fromkeys(c.key() for c in _section(node, "samengestelde_groepen",
                                                                   "samengestelde_groep")))
        for c in composites:
            if c not in groups or not groups[c].composite:
                problems.append(Problem(node.line, "", f"{label}: samengestelde groep {c} staat niet bij de "
                                        "groepen van de export"))
        start = _date(node, "instroomdatum", label, problems)
        until = _date(node, "uitstroomdatum", label, problems)
        if start and until and until < start:
            problems.append(Problem(node.line, "", f"{label}: uitstroomdatum ligt voor de instroomdatum"))
        if birth and start and birth >= start:
            problems.append(Problem(node.line, "", f"{label}: geboortedatum ligt niet voor de instroomdatum"))
        labels = {NOT_STORED[c.tag] for c in node.children if c.tag in NOT_STORED and c.text}
        if node.attrib.get("eckid", "").strip():
            labels.add("eckid")
        tally.update(labels)
        if len(problems) == before:
            jaargroep = node.value("jaargroep")
            out.append(EdexPupil(key, first, prefix, last, birth, jaargroep, group, composites, start, until,
                                 node.line))
    return out, tally


def _roles(node: Node) -> str:
    found = [ROLES.get(c.text.upper(), c.text) if c.tag == "rol" else c.text
             for c in node.children if c.tag in ("rol", "rolomschrijving") and c.text]
    return ", ".join(dict.fromkeys(found))


def _teachers(root: Node, groups: dict[str, EdexGroup], problems: list[Problem]) -> list[EdexTeacher]:
    out: list[EdexTeacher] = []
    seen: dict[str, int] = {}
    for node in _section(root, "leerkrachten", "leerkracht"):
        key = node.key()
        label = f"leerkracht {key}" if key else "leerkracht"
        before = len(problems)
        if not key:
            problems.append(Problem(node.line, "", "leerkracht zonder key"))
        elif key in seen:
            problems.append(Problem(node.line, "", f"{label}: deze key staat ook al op regel {seen[key]}"))
        seen.setdefault(key, node.line)
        first, prefix, last = _name(node)
        if not last and not node.value("roepnaam"):
            problems.append(Problem(node.line, "", f"{label}: achternaam en roepnaam ontbreken allebei"))
        for what, value, most in (("key", key, limits.STAFF_KEY), ("roepnaam", first, limits.NAME),
                                  ("voorvoegsel", prefix, limits.PREFIX), ("achternaam", last, limits.NAME)):
            reason = too_long(value, most)  # as the CSV import: a 10,000-character name broke the dossier's PDF
            if reason:
                problems.append(Problem(node.line, "", f"{label[:60]}: {what} {reason}"))
        links: dict[str, str] = {}
        holder = node.child("groepen")
        for ref in holder.children if holder is not None else []:
            if ref.tag not in ("groep", "samengestelde_groep"):
                continue
            g = groups.get(ref.key())
            if g is None or g.composite != (ref.tag == "samengestelde_groep"):
                problems.append(Problem(ref.line, "", f"{label}: groep {ref.key()} staat niet bij de groepen "
                                        "van de export"))
                continue
            links[g.key] = _roles(ref)
        if len(problems) == before:
            out.append(EdexTeacher(key, first, prefix, last, node.value("emailadres"), _roles(node),
                                   tuple(links.items()), node.line))
    return out


def _unique_attr(root: Node, plural: str, singular: str, attr: str, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for node in _section(root, plural, singular):
        value = node.attrib.get(attr, "").strip()
        if value and value in seen:
            problems.append(Problem(node.line, "", f"{singular} {node.key()}: {attr} staat ook al op regel "
                                    f"{seen[value]}"))
        seen.setdefault(value, node.line)


def _vestigingen(root: Node, problems: list[Problem]) -> None:
    known = {v.key() for v in _section(root, "vestigingen", "vestiging")}
    for node in _section(root, "leerlingen", "leerling"):
        ref = node.child("vestiging")
        if ref is not None and ref.key() not in known:
            problems.append(Problem(ref.line, "", f"leerling {node.key()}: vestiging {ref.key()} staat niet bij "
                                    "de vestigingen van de export"))
