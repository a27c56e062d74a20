"""Export use cases: each writes one document and one audit row (who, when, which pupils, which
recipient, which document), or writes nothing at all.

A document is built in a temporary file beside the target and renamed into place inside the
transaction that records the audit row, so a failed export leaves neither a half file nor a log line
for a file that does not exist.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.file_errors import file_reason
from verzuimdesk.domain.quarterly import reference_date
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.reports.conversation import build_conversation_pdf
from verzuimdesk.reports.data import Compiled, Dossier, Recipient
from verzuimdesk.reports.duo import build_duo_pdf
from verzuimdesk.reports.pupil_docs import build_dossier_pdf, build_overview_pdf
from verzuimdesk.reports.quarterly import build_quarterly_pdf, write_quarterly_csv, write_quarterly_xlsx
from verzuimdesk.services.dossier import for_recipient, load_dossier, pupil_id_of
from verzuimdesk.services.duo import duo_reports, report_label, report_notice
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.services.quarterly import for_swv, quarterly_list
from verzuimdesk.services.school_contact import school_contact, signer
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Conversation, Pupil, Setting
from verzuimdesk.storage.topic_defaults import mentions_health

LOGO_SETTING = "school.logo"  # a path; the settings screen may not offer it yet


@dataclass(frozen=True, slots=True)
class ExportDone:
    path: Path
    document: str
    pupils: tuple[str, ...]
    recipient: str | None
    proposals: int = 0  # the quarterly list: candidates listed as proposals, not yet confirmed
    withheld: tuple[str, ...] = ()  # the quarterly list: free texts left out because they name health, in Dutch
    sheets: tuple[str, ...] = ()  # the DUO sheets written, one per page, named in Dutch
    # what the reader must not miss, in Dutch: a DUO report reprinted whose records changed since it was made
    notices: tuple[str, ...] = ()


def _check_out(out: Path, allowed: tuple[str, ...]) -> None:
    if out.suffix.lower() not in allowed:
        raise Refused(f"Kies een bestandsnaam die eindigt op {' of '.join(allowed)}: '{out.name}'.")
    if not out.parent.is_dir():
        raise Refused(f"De map '{out.parent}' bestaat niet.")
    if out.is_dir():
        raise Refused(f"'{out}' is een map, geen bestand.")


def _logo(db: Database, logo: str | None) -> str | None:
    if logo is not None:
        return logo
    with db.read() as s:
        return s.scalar(select(Setting.value).where(Setting.key == LOGO_SETTING)) or None


def _commit(db: Database, out: Path, write: Callable[[Path], None], *, user: str, document: str,
            pupils: list[tuple[int, str]], recipient: str | None, extra: dict[str, Any] | None = None,
            also: Callable[[Session], None] | None = None) -> ExportDone:
    """Write the document and its audit row together; `also` adds rows of its own in that transaction."""
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        try:
            write(tmp)
        except OSError as exc:
            raise Refused(f"Het bestand '{out}' kan niet geschreven worden: {file_reason(exc)}.") from None
        with db.begin() as s:
            audit.append(s, user=user, action="export", entity=document,
                         pupil_id=pupils[0][0] if len(pupils) == 1 else None,
                         detail={"document": document, "ontvanger": recipient, "bestand": out.name,
                                 "leerlingen": [n for _, n in pupils], **(extra or {})})
            if also is not None:
                also(s)
            try:
                os.replace(tmp, out)
            except OSError as exc:
                raise Refused(f"Het bestand '{out}' kan niet geschreven worden: {file_reason(exc)}.") from None
    finally:
        tmp.unlink(missing_ok=True)
    return ExportDone(out, document, tuple(n for _, n in pupils), recipient)


class ReasonNeeded(Refused):
    """A leerplicht dossier of a pupil without unauthorised absence: the user must give a reason first."""


REASON_NEEDED = ("Leerling {n} heeft geen ongeoorloofd verzuim. Leerplicht verwerkt alleen gegevens als er "
                 "ongeoorloofd verzuim is gemeld of een vrijstelling aan de orde is: geef de reden van deze "
                 "verstrekking op (--reden); die wordt in het logboek bewaard.")


commit_export = _commit  # for the other services that write a document (inzage)

DOCUMENT_FILE = {"dossier": "verzuimdossier", "overview": "verzuimoverzicht", "conversation": "gespreksverslag",
                 "duo": "duo-melding", "quarterly": "kwartaalopgave", "inzage": "inzage", "letter": "brief"}


def default_file_name(kind: str, *, on: date, pupil_number: str | None = None, recipient: str | None = None,
                      suffix: str = ".pdf") -> str:
    """A Dutch name per document, pupil and recipient: `verzuimdossier-1128-leerplicht-2026-12-02.pdf`; the
    SWV list by its reference date (`kwartaalopgave-swv-2026-12-15.pdf` for a list asked on 2 Dec)."""
    parts = [DOCUMENT_FILE.get(kind, kind)]
    if kind == "quarterly":
        parts.append("swv")
        on = reference_date(on)  # named after the reference date the list is for, as its title says
    elif pupil_number:
        parts.append("".join(c if c.isalnum() or c in "-_" else "_" for c in pupil_number))
    if recipient and kind in ("dossier", "overview"):
        parts.append(recipient)
    return "-".join([*parts, on.isoformat()]) + suffix


def leerplicht_reason_needed(db: Database, *, pupil_number: str, on: date, start: date | None = None) -> bool:
    """Does a leerplicht document of this pupil (up to `on`, from `start` for an overview) need a reason?"""
    with db.read() as s:
        pid = pupil_id_of(s, pupil_number)
    d = for_recipient(load_dossier(db, pupil_id=pid, start=start, end=on), Recipient.LEERPLICHT)
    return not _unauthorised(d)


def _reason(reason: str, recipient: Recipient) -> str:
    reason = reason.strip()
    if len(reason) > 2000:
        raise Refused("De reden is te lang (meer dan 2000 tekens).")
    named = mentions_health(reason) if recipient is Recipient.LEERPLICHT else []
    if named:  # the reason is printed on the leerplicht version, which never holds health (DESIGN.md)
        raise Refused(f"De reden noemt {', '.join(repr(w) for w in named)}: gegevens over de gezondheid gaan niet "
                      "naar leerplicht (AVG). Schrijf de reden zonder gezondheidsgegevens, bijvoorbeeld "
                      "'op verzoek van de leerplichtambtenaar'.")
    return reason


def _unauthorised(d: Dossier) -> bool:
    """Unauthorised absence, or a rule leerplicht may see, in a leerplicht version: then no reason is asked."""
    return bool(d.rules) or any(r.category in (Category.UNAUTHORISED, Category.UNEXPLAINED) for r in d.records)


def export_dossier(db: Database, *, pupil_number: str, recipient: Recipient, out: Path, by: Actor,
                   consent: bool = False, on: date | None = None, logo: str | None = None,
                   printed: date | None = None, reason: str = "") -> ExportDone:
    """The verzuimdossier of one pupil up to `on` (default today), holding only what `recipient` may receive.

    For leerplicht it also says who compiled it (name, role, the school's phone and e-mail) and ends with
    the directeur's signature; a pupil without unauthorised absence needs a `reason` (ReasonNeeded).
    """
    require(by, Permission.EXPORT_PUPIL)
    user = audit_name(by)
    _check_out(out, (".pdf",))
    end = on or date.today()
    today = printed or date.today()
    with db.read() as s:
        pid = pupil_id_of(s, pupil_number)
    dossier = for_recipient(load_dossier(db, pupil_id=pid, end=end), recipient, consent=consent)
    reason = _reason(reason, recipient)
    if recipient is Recipient.LEERPLICHT:
        if not _unauthorised(dossier) and not reason:
            raise ReasonNeeded(REASON_NEEDED.format(n=pupil_number))
        name, role = signer(db, by)
        contact = school_contact(db)
        dossier = replace(dossier, compiled=Compiled(name, role, contact.phone, contact.email, contact.director,
                                                     today, reason))
    logo = _logo(db, logo)
    extra: dict[str, Any] = {"tot": end.isoformat(), "toestemming_ouders": consent}
    if reason:
        extra["reden"] = reason
    return _commit(db, out, lambda f: build_dossier_pdf(dossier, f, printed=today, logo=logo),
                   user=user, document="verzuimdossier", pupils=[(pid, pupil_number)], recipient=recipient.value,
                   extra=extra)


def export_overview(db: Database, *, pupil_number: str, recipient: Recipient, start: date, end: date, out: Path,
                    by: Actor, consent: bool = False, logo: str | None = None,
                    printed: date | None = None, reason: str = "") -> ExportDone:
    """The verzuimoverzicht of one pupil over `start`..`end`, filtered for `recipient`.

    For leerplicht, a period without unauthorised absence needs a `reason` (ReasonNeeded), kept in the log.
    """
    require(by, Permission.EXPORT_PUPIL)
    user = audit_name(by)
    _check_out(out, (".pdf",))
    with db.read() as s:
        pid = pupil_id_of(s, pupil_number)
    dossier = for_recipient(load_dossier(db, pupil_id=pid, start=start, end=end), recipient, consent=consent)
    reason = _reason(reason, recipient)
    if recipient is Recipient.LEERPLICHT and not _unauthorised(dossier) and not reason:
        raise ReasonNeeded(REASON_NEEDED.format(n=pupil_number))
    logo = _logo(db, logo)
    extra: dict[str, Any] = {"van": start.isoformat(), "tot": end.isoformat(), "toestemming_ouders": consent}
    if reason:
        extra["reden"] = reason
    return _commit(db, out, lambda f: build_overview_pdf(dossier, f, printed=printed or date.today(), logo=logo),
                   user=user, document="verzuimoverzicht", pupils=[(pid, pupil_number)], recipient=recipient.value,
                   extra=extra)


def export_conversation(db: Database, *, conversation_id: int, out: Path, by: Actor, logo: str | None = None,
                        printed: date | None = None, pupil_number: str | None = None) -> ExportDone:
    """The gespreksverslag of one conversation, for the parents and the school to sign.

    With `pupil_number`, a conversation of another pupil is refused: a typo must not send parents
    another child's conversation.
    """
    require(by, Permission.EXPORT_PUPIL)
    user = audit_name(by)
    _check_out(out, (".pdf",))
    with db.read() as s:
        conv = s.get(Conversation, conversation_id)
        if conv is None:
            raise Refused(f"Er is geen gesprek met nummer {conversation_id}.")
        number = s.scalar(select(Pupil.number).where(Pupil.id == conv.pupil_id))
        assert number is not None  # a conversation's pupil is a foreign key
        if pupil_number is not None and number != pupil_number:
            raise Refused(f"Gesprek {conversation_id} hoort niet bij leerling {pupil_number}.")
    dossier = load_dossier(db, pupil_id=conv.pupil_id, start=conv.held_at.date(), end=conv.held_at.date())
    row = next(c for c in dossier.conversations if c.id == conversation_id)
    logo = _logo(db, logo)
    return _commit(db, out, lambda f: build_conversation_pdf(dossier.school, dossier.pupil, row, f,
                                                             printed=printed or date.today(), logo=logo),
                   user=user, document="gespreksverslag", pupils=[(conv.pupil_id, number)],
                   recipient=Recipient.OUDERS.value, extra={"gesprek": conversation_id})


def latest_conversation_id(db: Database, *, pupil_number: str) -> int:
    """The pupil's most recent conversation, for `export conversation` without a number."""
    with db.read() as s:
        pid = pupil_id_of(s, pupil_number)
        cid = s.scalar(select(Conversation.id).where(Conversation.pupil_id == pid)
                       .order_by(Conversation.held_at.desc(), Conversation.id.desc()).limit(1))
    if cid is None:
        raise Refused(f"Er is nog geen gesprek vastgelegd bij leerling {pupil_number}.")
    return cid


def export_duo_report(db: Database, *, pupil_number: str, out: Path, by: Actor, on: date | None = None,
                      logo: str | None = None, printed: date | None = None, rule_id: str | None = None,
                      trigger: date | None = None) -> ExportDone:
    """The DUO sheets of the pupil's reports due or made on `on` (services/duo.py, PROTOCOLS.md §1b), one per
    page; only the one of rule `rule_id` and trigger date `trigger` when given."""
    require(by, Permission.EXPORT_PUPIL)
    user = audit_name(by)
    _check_out(out, (".pdf",))
    end = on or date.today()
    reports = duo_reports(db, pupil_number=pupil_number, on=end, rule_id=rule_id, trigger=trigger)
    pid = reports[0].pupil.id
    logo = _logo(db, logo)
    done = _commit(db, out, lambda f: build_duo_pdf(reports, f, printed=printed or date.today(), logo=logo),
                   user=user, document="duo-melding", pupils=[(pid, pupil_number)], recipient="duo",
                   extra={"regel": ", ".join(dict.fromkeys(r.rule_label for r in reports)),
                          "peildatum": end.isoformat(),
                          # which reports: rule and trigger date, as `export duo --regel --trigger` chooses them
                          "meldingen": [f"{r.rule_id} {r.trigger.isoformat() if r.trigger else ''}".strip()
                                        for r in reports]})
    return replace(done, sheets=tuple(report_label(r) for r in reports),
                   notices=tuple(n for r in reports if (n := report_notice(r))))


QUARTERLY_WRITERS = {".pdf": "pdf", ".xlsx": "xlsx", ".csv": "csv"}


def export_quarterly(db: Database, *, on: date, out: Path, by: Actor, names: bool = False,
                     logo: str | None = None, printed: date | None = None, since: date | None = None,
                     today: date | None = None) -> ExportDone:
    """The SWV quarterly list for the reference date on or after `on`, as PDF, XLSX or CSV by `out`'s suffix;
    with `since`, every case open on or after that date. `proposals` counts the unconfirmed candidates.

    `today` is the day the list is made as of (`quarterly_list`): the Kwartaal page's peildatum, so that the
    file holds what the page shows; by default the day printed, else today."""
    require(by, Permission.EXPORT_FIGURES)
    user = audit_name(by)
    _check_out(out, tuple(QUARTERLY_WRITERS))
    if since is not None and since > on:
        raise Refused(f"De begindatum {format_date(since, weekday=False)} ligt na de datum van de opgave, "
                            f"{format_date(on, weekday=False)}.")
    data, withheld = for_swv(quarterly_list(db, on=on, names=names, since=since, today=today or printed),
                             mentions_health)
    suffix = out.suffix.lower()
    logo = _logo(db, logo) if suffix == ".pdf" else None

    def write(f: Path) -> None:
        if suffix == ".pdf":
            build_quarterly_pdf(data, f, printed=printed or date.today(), logo=logo)
        elif suffix == ".xlsx":
            write_quarterly_xlsx(data, f)
        else:
            write_quarterly_csv(data, f)

    # The audit log names pupils by leerlingnummer even when the list itself carries initials: every pupil
    # the file names, so the parents' inzage ("verstrekt aan") has each list that named their child. The PDF
    # also names the dismissed candidates (initials, without the reason); the XLSX and CSV do not.
    named = [*data.rows, *(data.dismissed if suffix == ".pdf" else ())]
    pupils = list(dict.fromkeys((r.pupil_id, r.number) for r in named))
    done = _commit(db, out, write, user=user, document="kwartaalopgave", pupils=pupils, recipient="swv",
                   extra={"peildatum": data.reference.isoformat(), "namen": names, "formaat": suffix[1:],
                          "vanaf": since.isoformat() if since else None, "voorstellen": data.proposals,
                          # which fields, not the words: the log holds no health data of its own
                          **({"niet_opgenomen": [f"{w.pupil}: {w.field}" for w in withheld]} if withheld else {})})
    return replace(done, proposals=data.proposals, withheld=tuple(map(str, withheld)))

