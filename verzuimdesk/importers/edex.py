"""Reading an EDEXML export (version 2.x, `EDEX.XML` of ParnasSys or ESIS) into plain rows.

Only what VerzuimDesk keeps is read: the groups, the pupils and the teachers with their groups.
The XML is parsed with expat directly so that every problem carries its line number and so that a
DOCTYPE or ENTITY declaration (the door to entity expansion attacks) is refused before it is used.
The school year is deliberately not checked against the 2.1 XSD's list, which ends at 2024-2025.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from xml.parsers import expat

from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.importers.values import parse_date


@dataclass(frozen=True, slots=True)
class EdexGroup:
    key: str
    name: str
    jaargroep: str


@dataclass(frozen=True, slots=True)
class EdexPupil:
    key: str  # the LAS's own key: VerzuimDesk's leerlingnummer
    first_name: str
    prefix: str
    last_name: str
    birth_date: date
    group_key: str
    enrolled_from: date | None
    enrolled_until: date | None
    line: int

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.prefix, self.last_name) if p)


@dataclass(frozen=True, slots=True)
class EdexTeacher:
    key: str
    first_name: str
    prefix: str
    last_name: str
    email: str
    group_keys: tuple[str, ...]

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.prefix, self.last_name) if p)


@dataclass(frozen=True, slots=True)
class EdexFile:
    school_year: str  # "2025-2026", or "" when the export does not say
    brin: str
    groups: tuple[EdexGroup, ...]
    pupils: tuple[EdexPupil, ...]
    teachers: tuple[EdexTeacher, ...]

    def school_year_start(self) -> int | None:
        head = self.school_year.split("-", 1)[0].strip()
        return int(head) if head.isdigit() and len(head) == 4 else None


@dataclass
class _Node:
    tag: str
    attrib: dict[str, str]
    line: int
    children: list[_Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()

    def child(self, tag: str) -> _Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[_Node]:
        return [c for c in self.children if c.tag == tag]

    def value(self, tag: str) -> str:
        node = self.child(tag)
        return node.text if node is not None else ""


class _Forbidden(Exception):
    pass


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _parse_tree(data: bytes, source: str) -> _Node:
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    roots: list[_Node] = []
    stack: list[_Node] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        node = _Node(_local(name), {_local(k): v for k, v in attrs.items()}, parser.CurrentLineNumber)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    def end(_name: str) -> None:
        stack.pop()

    def chars(text: str) -> None:
        if stack:
            stack[-1].parts.append(text)

    def forbidden(*_args: object) -> None:
        raise _Forbidden

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    # An export of a LAS never needs a DTD; refusing one is how we avoid entity expansion and
    # external entities without defusedxml.
    parser.StartDoctypeDeclHandler = forbidden
    parser.EntityDeclHandler = forbidden
    parser.ExternalEntityRefHandler = forbidden  # type: ignore[assignment]
    try:
        parser.Parse(data, True)
    except _Forbidden:
        raise InputRefused(source, [Problem(parser.CurrentLineNumber, "", "het bestand bevat een DOCTYPE- of "
                                            "ENTITY-declaratie; die worden om veiligheidsredenen geweigerd")]) from None
    except expat.ExpatError as exc:
        raise InputRefused(source, [Problem(exc.lineno, "", "het bestand is geen geldige XML "
                                            f"(positie {exc.offset + 1}); is het wel een EDEX-export?")]) from None
    except (LookupError, ValueError):  # an encoding expat and Python do not know
        raise InputRefused(source, [Problem(None, "", "de tekencodering van het bestand is onbekend")]) from None
    if not roots:
        raise InputRefused(source, [Problem(None, "", "het bestand is leeg")])
    return roots[0]


def parse_edex(data: bytes, source: str = "EDEX.XML") -> EdexFile:
    """The groups, pupils and teachers of an EDEXML 2.x file; InputRefused names every problem."""
    root = _parse_tree(data, source)
    if root.tag != "EDEX":
        raise InputRefused(source, [Problem(root.line, "", f"dit is geen EDEX-bestand (het begint met <{root.tag}>, "
                                            "niet met <EDEX>)")])
    problems: list[Problem] = []
    school = root.child("school")
    version = school.value("xsdversie") if school is not None else ""
    if version and not version.startswith("2"):
        problems.append(Problem(school.line if school else None, "",
                                f"EDEXML-versie {version} wordt niet ondersteund (alleen versie 2.x)"))
    groups = _groups(root, problems)
    known = {g.key for g in groups}
    pupils = _pupils(root, known, problems)
    teachers = _teachers(root, known, problems)
    if problems:
        raise InputRefused(source, sorted(problems, key=lambda p: p.line or 0))
    return EdexFile(school.value("schooljaar") if school else "", school.value("brincode") if school else "",
                    tuple(groups), tuple(pupils), tuple(teachers))


def _section(root: _Node, plural: str, singular: str) -> list[_Node]:
    holder = root.child(plural)
    return holder.all(singular) if holder is not None else []


def _groups(root: _Node, problems: list[Problem]) -> list[EdexGroup]:
    out: list[EdexGroup] = []
    keys: set[str] = set()
    names: dict[str, int] = {}
    for node in _section(root, "groepen", "groep"):
        key, name = node.attrib.get("key", "").strip(), node.value("naam")
        if not key:
            problems.append(Problem(node.line, "", "groep zonder key"))
        elif key in keys:
            problems.append(Problem(node.line, "", f"groep met key {key} staat er twee keer in"))
        if not name:
            problems.append(Problem(node.line, "", f"groep {key}: naam ontbreekt"))
        elif name in names:
            problems.append(Problem(node.line, "", f"groepsnaam {name} staat ook al op regel {names[name]}"))
        if key and name and key not in keys and name not in names:
            out.append(EdexGroup(key, name, node.value("jaargroep")))
        keys.add(key)
        names.setdefault(name, node.line)
    return out


def _date(node: _Node, tag: str, label: str, problems: list[Problem]) -> date | None:
    text = node.value(tag)
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        problems.append(Problem(node.line, "", f"{label}: {tag} {exc}"))
        return None


def _pupils(root: _Node, groups: set[str], problems: list[Problem]) -> list[EdexPupil]:
    out: list[EdexPupil] = []
    seen: dict[str, int] = {}
    for node in _section(root, "leerlingen", "leerling"):
        before = len(problems)
        key = node.attrib.get("key", "").strip()
        label = f"leerling {key}" if key else "leerling"
        if not key:
            problems.append(Problem(node.line, "", "leerling zonder key (leerlingnummer)"))
        elif key in seen:
            problems.append(Problem(node.line, "", f"{label} staat ook al op regel {seen[key]}"))
        seen.setdefault(key, node.line)
        last = node.value("achternaam")
        first = node.value("roepnaam") or node.value("voornamen")
        for text, what in ((last, "achternaam"), (first, "roepnaam (of voornamen)")):
            if not text:
                problems.append(Problem(node.line, "", f"{label}: {what} ontbreekt"))
        birth = _date(node, "geboortedatum", label, problems)
        if birth is None and not node.value("geboortedatum"):
            problems.append(Problem(node.line, "", f"{label}: geboortedatum ontbreekt"))
        group_node = node.child("groep")
        group = group_node.attrib.get("key", "").strip() if group_node is not None else ""
        if not group:
            problems.append(Problem(node.line, "", f"{label}: hoort bij geen groep"))
        elif group not in groups:
            problems.append(Problem(node.line, "", f"{label}: onbekende groep {group}"))
        start = _date(node, "instroomdatum", label, problems)
        until = _date(node, "uitstroomdatum", label, problems)
        if start and until and until < start:
            problems.append(Problem(node.line, "", f"{label}: uitstroomdatum ligt voor de instroomdatum"))
        if birth and start and birth >= start:
            problems.append(Problem(node.line, "", f"{label}: geboortedatum ligt niet voor de instroomdatum"))
        if len(problems) == before and birth:
            out.append(EdexPupil(key, first, node.value("voorvoegsel"), last, birth, group, start, until, node.line))
    return out


def _teachers(root: _Node, groups: set[str], problems: list[Problem]) -> list[EdexTeacher]:
    out: list[EdexTeacher] = []
    seen: set[str] = set()
    for node in _section(root, "leerkrachten", "leerkracht"):
        key = node.attrib.get("key", "").strip()
        label = f"leerkracht {key}" if key else "leerkracht"
        last = node.value("achternaam")
        before = len(problems)
        if not key:
            problems.append(Problem(node.line, "", "leerkracht zonder key"))
        elif key in seen:
            problems.append(Problem(node.line, "", f"{label} staat er twee keer in"))
        seen.add(key)
        if not last:
            problems.append(Problem(node.line, "", f"{label}: achternaam ontbreekt"))
        refs = [g.attrib.get("key", "").strip() for g in _section(node, "groepen", "groep")]
        problems += [Problem(node.line, "", f"{label}: onbekende groep {ref}") for ref in refs if ref not in groups]
        if len(problems) == before:
            first = node.value("roepnaam") or node.value("voorletters-1")
            out.append(EdexTeacher(key, first, node.value("voorvoegsel"), last, node.value("emailadres"),
                                   tuple(dict.fromkeys(refs))))
    return out
