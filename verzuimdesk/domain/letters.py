"""Letter templates (resources/letters/*.toml, docs/letters.md): parsing and filling, without I/O.

A template is a small TOML file the school may edit:

    titel = "Uitnodiging voor een gesprek"
    ontvanger = "ouders"                 # ouders | leerplicht
    stappen = ["talk_pupil", "contact_parents"]   # the protocol actions it belongs to (may be empty)
    velden = ["gesprek_op", "plaats"]    # fields the writer fills in when making the letter
    tekst = \"\"\"Beste {aanhef},

    ...\"\"\"

`{veld}` in the text is replaced by the field's value; a blank line starts a paragraph, a line that
starts with "- " is a bullet. A field the letter cannot know is an error naming the file and the field.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass

from verzuimdesk.domain.codes import ActionKind
from verzuimdesk.domain.disclosure import Recipient

# The fields every letter may use; the service fills them (services/letters.py), a template's own
# `velden` are asked of the writer.
KNOWN_FIELDS: dict[str, str] = {
    "school": "naam van de school",
    "school_adres": "adres van de school (instellingen)",
    "school_telefoon": "telefoonnummer van de school",
    "school_email": "e-mailadres van de school",
    "datum": "datum van de brief",
    "plaats_datum": "plaats en datum",
    "leerling": "volledige naam van de leerling",
    "voornaam": "voornaam van de leerling",
    "leerlingnummer": "leerlingnummer",
    "groep": "groep",
    "geboortedatum": "geboortedatum",
    "ouders": "namen van de ouders/verzorgers",
    "aanhef": "aanhef (de ouders, of 'ouder(s)/verzorger(s) van ...')",
    "ondertekenaar": "naam van wie ondertekent (de directeur)",
    "functie": "functie van wie ondertekent",
    "opgesteld_door": "naam van wie de brief maakte",
    "regel": "de regel van het stappenplan die geldt",
    "regel_naam": "naam van die regel",
    "sinds": "datum waarop de regel ging gelden",
    "verzuim_uren": "uren ongeoorloofd verzuim in de laatste 4 lesweken",
    "verzuim": "lijst van het ongeoorloofde verzuim",
    "gesprek_datum": "datum van het laatste gesprek",
    "afspraken": "afspraken uit het laatste gesprek",
    "verlof_van": "eerste dag van het verlof",
    "verlof_tot": "laatste dag van het verlof",
    "verlof_dagen": "aantal schooldagen verlof",
    "verlof_leerlingen": "de kinderen voor wie verlof is gevraagd",
    "artikel": "artikel van de Leerplichtwet",
    "reden": "reden van de aanvraag",
    "aangevraagd_op": "datum van de aanvraag",
    "besluit": "het besluit",
    "toelichting": "toelichting bij het besluit",
    "weigeringsgronden": "de wettelijke gronden van een weigering",
    "bezwaar": "de bezwaarclausule",
}
RECIPIENTS = (Recipient.OUDERS, Recipient.LEERPLICHT)


class TemplateError(ValueError):
    """A template that cannot be used; the message is Dutch and names the file."""


@dataclass(frozen=True, slots=True)
class Template:
    key: str  # the file name without .toml
    title: str
    recipient: Recipient
    steps: tuple[ActionKind, ...]
    fields: tuple[str, ...]  # asked of the writer
    text: str
    verlof: bool  # about a leave request (needs one)
    decision: str = ""  # a verlof letter's decision (verleend, geweigerd, leerplicht); '' any

    def placeholders(self) -> list[str]:
        return [f for _, f, _, _ in string.Formatter().parse(self.text) if f]


def parse_template(key: str, raw: str) -> Template:
    where = f"brief '{key}.toml'"
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"De {where} is geen geldig TOML-bestand: {exc}.") from None
    unknown = set(data) - {"titel", "ontvanger", "stappen", "velden", "tekst", "verlof", "besluit"}
    if unknown:
        raise TemplateError(f"De {where} heeft een onbekende sleutel: {', '.join(sorted(unknown))}.")
    title, text = data.get("titel"), data.get("tekst")
    if not isinstance(title, str) or not title.strip() or not isinstance(text, str) or not text.strip():
        raise TemplateError(f"De {where} mist 'titel' of 'tekst'.")
    try:
        recipient = Recipient(str(data.get("ontvanger", "ouders")))
    except ValueError:
        recipient = None
    if recipient not in RECIPIENTS:
        raise TemplateError(f"De {where}: ontvanger moet 'ouders' of 'leerplicht' zijn.")
    try:
        steps = tuple(ActionKind(s) for s in data.get("stappen", []))
    except ValueError as exc:
        raise TemplateError(f"De {where} noemt een onbekende stap: {exc}.") from None
    own = data.get("velden", [])
    if not isinstance(own, list) or not all(isinstance(f, str) and f.isidentifier() for f in own):
        raise TemplateError(f"De {where}: 'velden' is een lijst van namen (letters, cijfers en _).")
    decision = str(data.get("besluit", ""))
    if decision not in ("", "verleend", "geweigerd", "leerplicht"):
        raise TemplateError(f"De {where}: besluit moet 'verleend', 'geweigerd' of 'leerplicht' zijn.")
    t = Template(key, title.strip(), recipient, steps, tuple(own), text.strip("\n"),
                 bool(data.get("verlof", False)) or bool(decision), decision)
    try:
        names = t.placeholders()
    except ValueError as exc:
        raise TemplateError(f"De {where} heeft een onjuiste {{veld}}: {exc}.") from None
    for name in names:
        if not name.isidentifier():
            raise TemplateError(f"De {where} gebruikt '{{{name}}}': een veld is één naam zonder punten of haken.")
        if name not in KNOWN_FIELDS and name not in own:
            raise TemplateError(f"De {where} gebruikt het onbekende veld {{{name}}}; voeg het toe aan 'velden' of "
                                "kies er een uit docs/letters.md.")
    return t


def fill(template: Template, values: Mapping[str, str]) -> str:
    """The template's text with every field replaced; a field without value is an error."""
    missing = [f for f in dict.fromkeys(template.placeholders()) if f not in values]
    if missing:
        raise TemplateError(f"Vul voor de brief '{template.title}' in: {', '.join(missing)}.")
    return template.text.format_map({k: values[k] for k in template.placeholders()})


def paragraphs(text: str) -> list[tuple[str, list[str]]]:
    """The filled text as blocks: ("p", [lines]) for a paragraph, ("li", [items]) for a bullet list; a
    paragraph may lead into its list ("Volgens de Leerplichtwet:" and the reasons under it)."""
    out: list[tuple[str, list[str]]] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        for ln in (ln.rstrip() for ln in block.split("\n") if ln.strip()):
            bullet = ln.lstrip().startswith("- ")
            kind, line = ("li", ln.lstrip()[2:]) if bullet else ("p", ln)
            if out and out[-1][0] == kind and out[-1][1][-1:] != [""]:
                out[-1][1].append(line)
            else:
                out.append((kind, [line]))
        if out:
            out[-1][1].append("")  # the block ends here: the next one starts anew
    return [(kind, [ln for ln in lines if ln]) for kind, lines in out if any(lines)]
