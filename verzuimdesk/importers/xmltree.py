"""A small, safe XML reader: expat directly, every element with its line, no DTD ever used.

A DOCTYPE or ENTITY declaration (the door to entity-expansion bombs and external entities) is refused
before it is used; nothing is ever fetched. The size of the file and the depth of the tree are
bounded before and while parsing, so a hostile file is refused in bounded time and memory.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from xml.parsers import expat

from verzuimdesk.importers.csvfile import UTF8_LETTER
from verzuimdesk.importers.problems import InputRefused, Problem

MAX_BYTES = 64 * 1024 * 1024  # a LAS export of a large school is a few MB
MAX_DEPTH = 32  # EDEXML nests six deep
MAX_ELEMENTS = 500_000  # a school of 5,000 pupils with every field of the standard holds some 95,000


@dataclass
class Node:
    tag: str  # the local name: a namespace prefix is dropped
    attrib: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text, composed (NFC): 'Zoë' saved on a Mac as 'Zoe' and a combining mark is the same name."""
        return unicodedata.normalize("NFC", "".join(self.parts)).strip()

    def child(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[Node]:
        return [c for c in self.children if c.tag == tag]

    def value(self, tag: str) -> str:
        node = self.child(tag)
        return node.text if node is not None else ""

    def key(self) -> str:
        return self.attrib.get("key", "").strip()  # spaces around a key are not significant


class _Forbidden(Exception):
    pass


class _TooLarge(Exception):
    pass


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


_SINGLE_BYTE = re.compile(
    rb"""^<\?xml[^>]*encoding\s*=\s*["'](iso-8859-1|iso-8859-15|latin-?1|windows-1252|cp1252)["']""", re.IGNORECASE)


def _bom_encoding(data: bytes) -> str | None:
    """The encoding the bytes are written in where it overrules the declaration: a byte order mark, or
    a file declared ISO-8859-1 or Windows-1252 whose bytes are UTF-8 with letters beyond ASCII (read as
    declared, every 'Zoë' would be stored as 'ZoÃ«'; valid UTF-8 letters are no accident in such a file)."""
    if data.startswith(codecs.BOM_UTF8):
        return "UTF-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    if _SINGLE_BYTE.match(data) and UTF8_LETTER.search(data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return None  # truly single-byte: as declared
        return "UTF-8"
    return None


_CUT_OFF = frozenset(expat.errors.codes[e] for e in (expat.errors.XML_ERROR_NO_ELEMENTS,
                                                     expat.errors.XML_ERROR_UNCLOSED_TOKEN,
                                                     expat.errors.XML_ERROR_PARTIAL_CHAR,
                                                     expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION))


def _xml_reason(exc: expat.ExpatError, data: bytes, at: int) -> str:
    """Why the bytes are no XML, as the IB-er can act on it: a file cut off, bytes in another encoding
    than the one the file names, or something else (told by the error's code, never its words)."""
    if exc.code in _CUT_OFF:  # each of them is met only where the bytes end
        return "het bestand houdt halverwege op; is de export uit de leerlingadministratie wel helemaal gedownload?"
    invalid = expat.errors.codes[expat.errors.XML_ERROR_INVALID_TOKEN]
    if exc.code == invalid and 0 <= at < len(data) and data[at] >= 0x80:
        return ("het bestand bevat een letter in een andere tekencodering dan het zelf noemt (positie "
                f"{exc.offset + 1}); maak de export opnieuw, of sla hem op als UTF-8")
    return f"het bestand is geen geldige XML (positie {exc.offset + 1}); is het wel een EDEX-export?"


def too_big(size: int, source: str) -> InputRefused:
    """An export larger than MAX_BYTES (`size` bytes, at least): no LAS writes one."""
    return InputRefused(source, [Problem(None, "", f"het bestand is groter dan {MAX_BYTES // 1024 // 1024} MB; "
                                         "zo groot is een export van de leerlingadministratie niet")])


def parse_tree(data: bytes, source: str) -> Node:
    """The root element of the document; InputRefused for anything unsafe or not well-formed."""
    if len(data) > MAX_BYTES:
        raise too_big(len(data), source)
    if not data.strip(b" \t\r\n" + codecs.BOM_UTF8) or data in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise InputRefused(source, [Problem(None, "", "het bestand is leeg; is de export uit de "
                                            "leerlingadministratie wel helemaal gedownload?")])
    if data[:1] in (b" ", b"\t", b"\r", b"\n") and data.lstrip(b" \t\r\n").startswith(b"<?xml"):
        data = data.lstrip(b" \t\r\n")  # blank lines a web export wrote before the declaration
    # A byte order mark says how the bytes are written, whatever the declaration says (XML 1.0, appendix
    # F): an editor that re-saves an ISO-8859-1 export as UTF-8 adds the mark and keeps the declaration
    parser = expat.ParserCreate(_bom_encoding(data), namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    roots: list[Node] = []
    stack: list[Node] = []
    count = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if len(stack) >= MAX_DEPTH or count > MAX_ELEMENTS:
            raise _TooLarge
        node = Node(_local(name), {_local(k): v for k, v in attrs.items()}, parser.CurrentLineNumber)
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
    parser.StartDoctypeDeclHandler = forbidden
    parser.EntityDeclHandler = forbidden
    parser.ExternalEntityRefHandler = forbidden  # type: ignore[assignment]
    try:
        parser.Parse(data, True)
    except _Forbidden:
        raise InputRefused(source, [Problem(parser.CurrentLineNumber, "", "het bestand bevat een DOCTYPE- of "
                                            "ENTITY-declaratie; die worden om veiligheidsredenen geweigerd")]) from None
    except _TooLarge:
        raise InputRefused(source, [Problem(parser.CurrentLineNumber, "", "het bestand is te diep genest of heeft "
                                            "te veel elementen voor een export van een school")]) from None
    except expat.ExpatError as exc:
        raise InputRefused(source, [Problem(exc.lineno, "", _xml_reason(exc, data, parser.ErrorByteIndex))]) from None
    except (LookupError, ValueError):  # an encoding expat and Python do not know
        raise InputRefused(source, [Problem(None, "", "de tekencodering van het bestand is onbekend")]) from None
    if not roots:
        raise InputRefused(source, [Problem(None, "", "het bestand is leeg")])
    return roots[0]
