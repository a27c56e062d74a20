"""Letters from templates (docs/letters.md): per step of the stappenplan, and the decision on a leave request.

The templates ship in resources/letters/; a school that edits them sets a folder of its own (setting
`brieven.map`), whose files of the same name take their place. The fields come from the pupil's
dossier as the letter's recipient may receive it (services/dossier.py `for_recipient`, the table of
domain/disclosure.py), so a letter to leerplicht holds no sickness records, no health topics, and no
typed text that names a health word. Each letter made is a row of the dossier (`letter`) and an export
in the audit log, and so part of inzage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.codes import ActionKind, Category
from verzuimdesk.domain.dutch import format_date, hours
from verzuimdesk.domain.file_errors import file_reason
from verzuimdesk.domain.letters import Template, TemplateError, fill, parse_template
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.paths import resources_dir
from verzuimdesk.reports.data import Dossier, Recipient, RecordRow
from verzuimdesk.reports.letter import LetterDoc, build_letter_pdf
from verzuimdesk.services.accounts import Account, Permission
from verzuimdesk.services.dossier import for_recipient, load_dossier, pupil_id_of
from verzuimdesk.services.exports import _check_out, _logo, commit_export
from verzuimdesk.services.letter_verlof import verlof_fields
from verzuimdesk.services.permissions import audit_name
from verzuimdesk.services.school_contact import school_contact, signer
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.loading import load_calendar
from verzuimdesk.storage.models import LetterRow, Pupil, Setting
from verzuimdesk.storage.topic_defaults import mentions_health

SETTINGS = {"folder": "brieven.map", "signature": "school.handtekening", "address": "school.adres",
            "place": "school.plaats", "function": "school.functie_ondertekenaar", "logo": "school.logo"}
UNAUTHORISED = frozenset({Category.UNAUTHORISED, Category.UNEXPLAINED, Category.LATE})


@dataclass(frozen=True, slots=True)
class LetterSettings:
    folder: str = ""  # the school's own templates
    signature: str = ""  # an image of the signature
    address: str = ""
    place: str = ""
    function: str = "directeur"
    logo: str = ""  # the school's logo on every document (PNG or JPEG)


@dataclass(frozen=True, slots=True)
class LetterDone:
    path: Path
    template: str
    title: str
    recipient: str
    pupils: tuple[str, ...]
    text: str  # the filled text, as the PDF holds it


@dataclass(frozen=True, slots=True)
class LetterLine:
    """A letter in the dossier."""

    id: int
    day: date
    title: str
    template: str
    recipient: str
    file: str
    made_by: str


def letter_settings(db: Database) -> LetterSettings:
    with db.read() as s:
        found = dict(s.execute(select(Setting.key, Setting.value).where(Setting.key.in_(SETTINGS.values()))).all())
    defaults = LetterSettings()
    return LetterSettings(**{f: found.get(k, getattr(defaults, f)) for f, k in SETTINGS.items()})


def save_letter_settings(db: Database, settings: LetterSettings, *, by: Account) -> None:
    from verzuimdesk.storage import audit

    if not by.can(Permission.SETTINGS):
        raise Refused("Alleen de IB-er stelt de brieven in.")
    for path, what in ((settings.folder, "map met brieven"), (settings.signature, "handtekening"),
                       (settings.logo, "logo")):
        if path and not Path(path).exists():
            raise Refused(f"De {what} '{path}' bestaat niet.")
    with db.begin() as s:
        for f, key in SETTINGS.items():
            value = str(getattr(settings, f)).strip()
            row = s.scalar(select(Setting).where(Setting.key == key))
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value
        audit.append(s, user=audit_name(by), action="update", entity="brieven",
                     detail={f: getattr(settings, f) for f in SETTINGS})


def letter_gaps(db: Database) -> list[str]:
    """What a letter would miss because the school has not set it yet, in Dutch."""
    contact, settings = school_contact(db), letter_settings(db)
    missing = [("de naam van de directeur", contact.director), ("het telefoonnummer", contact.phone),
               ("het e-mailadres", contact.email), ("de plaats", settings.place)]
    return [what for what, value in missing if not value]


def shipped_dir() -> Path:
    return resources_dir() / "letters"


def templates(db: Database | None = None, *, folder: str | None = None) -> dict[str, Template]:
    """Every template by key: the shipped ones, and the school's own folder over them."""
    if folder is None and db is not None:
        folder = letter_settings(db).folder
    files = {f.stem: f for f in sorted(shipped_dir().glob("*.toml"))}
    if folder:
        files |= {f.stem: f for f in sorted(Path(folder).glob("*.toml"))}
    out = {}
    for key, f in files.items():
        try:
            raw = f.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise Refused(f"De brief '{f}' kan niet gelezen worden: het is geen UTF-8-tekst.") from None
        except OSError as exc:
            raise Refused(f"De brief '{f}' kan niet gelezen worden: {file_reason(exc)}.") from None
        try:
            out[key] = parse_template(key, raw)
        except TemplateError as exc:
            raise Refused(str(exc)) from None
    return out


def list_letters(db: Database, *, by: Account, pupil_number: str) -> list[LetterLine]:
    if not (by.can(Permission.VIEW_DOSSIER) or by.can(Permission.DECIDE_LEAVE)):
        raise Refused("U mag de brieven van deze leerling niet zien.")
    with db.read() as s:
        pid = pupil_id_of(s, pupil_number)
        return letters_of(s, pid)


def letters_of(s: Session, pupil_id: int) -> list[LetterLine]:
    return [LetterLine(r.id, r.day, r.title, r.template, r.recipient, r.file, r.made_by) for r in s.scalars(
        select(LetterRow).where(LetterRow.pupil_id == pupil_id).order_by(LetterRow.day, LetterRow.id))]


def _bullets(lines: list[str], none: str) -> str:
    return "\n".join(f"- {ln}" for ln in lines) if lines else f"- {none}"


def _counts(d: Dossier, r: RecordRow, legal: bool) -> bool:
    """A record the letter lists as verzuim: dated while the pupil was enrolled, with lestijd in it (a record
    over the lunch break is no verzuim; lateness is counted in minutes late, not lestijd), and for a
    `legal` letter (to leerplicht, or about a DUO report) in leerplicht, from its start and outside a
    vrijstelling, as the DUO sheet counts (PROTOCOLS.md §1b). A letter of the school's own steps, such
    as an invitation to talk about a 4-year-old's absence, lists that absence."""
    until = d.pupil.enrolled_until
    in_law = ((d.leerplicht_from is None or r.day >= d.leerplicht_from)
              and not any(start <= r.day and (end is None or r.day <= end) for start, end, _ in d.exemptions))
    return ((until is None or r.day <= until) and (in_law or not legal)
            and (r.minutes > 0 or r.category is Category.LATE))


def _dossier_fields(d: Dossier, template: Template, on: date, window_start: date) -> dict[str, str]:
    pu = d.pupil
    parents = [g.name for g in d.guardians]
    rules = [h for h in d.rules]
    steps = {a.rule_id for a in d.actions if a.kind in template.steps}
    rule = next((h for h in rules if h.rule_id in steps), rules[0] if rules else None)
    legal = template.recipient is Recipient.LEERPLICHT or ActionKind.DUO_REPORT in template.steps
    recent = [r for r in d.records if window_start <= r.day <= on and r.category in UNAUTHORISED
              and _counts(d, r, legal)]
    unauthorised = sum(r.minutes for r in recent if r.category is not Category.LATE)
    verzuim = [f"{format_date(r.day)}: {r.label.lower()}" + (f", {r.minutes_late} minuten" if r.minutes_late else
                                                           f", {hours(r.minutes)} uur") for r in recent]
    last = d.conversations[-1] if d.conversations else None
    agreements = [a.text + (f" (wie: {a.owner}" if a.owner else " (") + (f", uiterlijk {format_date(a.due)})"
                                                                          if a.due else ")")
                  for a in (last.agreements if last else ())]
    agreements = [a.replace(" ()", "").replace("(, ", "(") for a in agreements]
    return {
        "leerling": pu.name, "voornaam": pu.first_name, "leerlingnummer": pu.number, "groep": pu.group,
        "geboortedatum": format_date(pu.birth_date, weekday=False) if pu.birth_date else "onbekend",
        "ouders": " en ".join(parents) or f"de ouder(s)/verzorger(s) van {pu.first_name}",
        "aanhef": ("leerplichtambtenaar" if template.recipient is Recipient.LEERPLICHT else
                   " en ".join(parents) or f"ouder(s)/verzorger(s) van {pu.first_name}"),
        "regel": rule.text if rule else "", "regel_naam": d.rule_labels.get(rule.rule_id, "") if rule else "",
        "sinds": format_date(rule.trigger_date) if rule else "",
        "verzuim_uren": hours(unauthorised), "verzuim": _bullets(verzuim, "geen ongeoorloofd verzuim"),
        "gesprek_datum": format_date(last.held_at.date()) if last else "(nog geen gesprek vastgelegd)",
        "afspraken": _bullets(agreements, "(geen afspraken vastgelegd)"),
    }


@dataclass(frozen=True, slots=True)
class _Composed:
    template: Template
    doc: LetterDoc
    text: str
    pupils: list[tuple[int, str]]


def preview_letter(db: Database, *, by: Account, pupil_number: str, template: str, on: date | None = None,
                   verlof_id: int | None = None, values: Mapping[str, str] | None = None) -> str:
    """The filled text the letter would hold, writing nothing (the dialog's preview)."""
    return _compose(db, by, pupil_number, template, on or date.today(), verlof_id, values).text


def _compose(db: Database, by: Account, pupil_number: str, template: str, on: date, verlof_id: int | None,
             values: Mapping[str, str] | None) -> _Composed:
    found = templates(db)
    t = found.get(template)
    if t is None:
        raise Refused(f"Er is geen brief '{template}'; kies uit: {', '.join(sorted(found))}.")
    if t.verlof:
        if not (by.can(Permission.DECIDE_LEAVE) or by.can(Permission.EXPORT_PUPIL)):
            raise Refused("U mag deze brief niet maken.")
        if verlof_id is None:
            raise Refused(f"De brief '{t.title}' hoort bij een verlofaanvraag: kies die (--verlof).")
    else:
        if not by.can(Permission.EXPORT_PUPIL):
            raise Refused("Alleen de IB-er maakt brieven over een leerling.")
        if verlof_id is not None:
            raise Refused(f"De brief '{t.title}' gaat niet over verlof.")
    own = {k: v.strip() for k, v in (values or {}).items()}
    unknown = set(own) - set(t.fields)
    if unknown:
        raise Refused(f"De brief '{t.title}' kent geen veld {', '.join(sorted(unknown))}.")
    if t.recipient is Recipient.LEERPLICHT:
        named = sorted({w for v in own.values() for w in mentions_health(v)})
        if named:
            raise Refused("Een brief aan leerplicht bevat geen gezondheidsgegevens; haal uit de ingevulde "
                                f"velden: {', '.join(named)}.")
    with db.read() as s:
        pid = pupil_id_of(s, pupil_number)
        calendar = load_calendar(s)
        extra, pupils = verlof_fields(s, verlof_id, pid, t, calendar) if verlof_id is not None else ({}, [])
    window = calendar.lesweek_window(on, 4)
    dossier = for_recipient(load_dossier(db, pupil_id=pid, end=on), t.recipient)
    contact = school_contact(db)
    settings = letter_settings(db)
    maker, _role = signer(db, by, login_if_unknown=False)
    fields = {
        "school": dossier.school, "school_adres": settings.address,
        "school_telefoon": contact.phone or "het telefoonnummer van de school",
        "school_email": contact.email or "de e-mail van de school", "datum": format_date(on, weekday=False),
        "plaats_datum": ", ".join(x for x in (settings.place, format_date(on, weekday=False)) if x),
        "ondertekenaar": contact.director, "functie": settings.function, "opgesteld_door": maker or by.name,
        **_dossier_fields(dossier, t, on, window[0] if window else on), **extra, **own,
    }
    try:
        text = fill(t, fields)
    except TemplateError as exc:
        raise Refused(str(exc)) from None
    to = (("Aan de leerplichtambtenaar van de gemeente",) if t.recipient is Recipient.LEERPLICHT else
          (f"Aan {fields['ouders']}",))
    doc = LetterDoc(dossier.school, t.title, f"{t.title} — {fields.get('verlof_leerlingen') or dossier.pupil.name}",
                    to, fields["plaats_datum"], text, contact.director, settings.function,
                    tuple(x for x in (settings.address, contact.phone, contact.email) if x),
                    settings.signature or None, _logo(db, None))
    with db.read() as s:
        numbers = pupils or [(pid, s.scalar(select(Pupil.number).where(Pupil.id == pid)) or pupil_number)]
    return _Composed(t, doc, text, numbers)


def make_letter(db: Database, *, by: Account, pupil_number: str, template: str, out: Path,
                on: date | None = None, verlof_id: int | None = None,
                values: Mapping[str, str] | None = None) -> LetterDone:
    """Fill `template` for the pupil (and the leave request), write the PDF, log it in the dossier and the audit."""
    on = on or date.today()
    _check_out(out, (".pdf",))
    c = _compose(db, by, pupil_number, template, on, verlof_id, values)
    t, doc, text, numbers = c.template, c.doc, c.text, c.pupils
    made = datetime.now().replace(microsecond=0)

    def log(s: Session) -> None:
        for p_id, _n in numbers:
            s.add(LetterRow(pupil_id=p_id, template=t.key, title=t.title, recipient=t.recipient.value, day=on,
                            file=out.name, verlof_id=verlof_id, made_at=made, made_by=audit_name(by)))

    commit_export(db, out, lambda f: build_letter_pdf(doc, f, printed=on), user=audit_name(by), document="brief",
                  pupils=numbers, recipient=t.recipient.value, extra={"brief": t.key, "titel": t.title}, also=log)
    return LetterDone(out, t.key, t.title, t.recipient.value, tuple(n for _, n in numbers), text)
