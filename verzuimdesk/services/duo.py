"""The DUO sheet's data (PROTOCOLS.md §1b): which report, and its figures from the trigger it answers.

The figures come from `domain/duo_sheet.py`; the records listed are those of the leerplicht version of
the dossier (`dossier.for_recipient`, Recipient.LEERPLICHT): DUO passes the report on to leerplicht.
"""

from __future__ import annotations

from datetime import date

from verzuimdesk.domain.conditions import Evaluator
from verzuimdesk.domain.disclosure import public_rule_text
from verzuimdesk.domain.duo_sheet import FOLLOW_UP, LATE, LRV, LUXE, duo_sheet
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.reports.data import AgreementRow, DuoReport, Recipient, RecordRow
from verzuimdesk.services.dossier import for_recipient, load_dossier, pupil_id_of
from verzuimdesk.services.status import school_protocol
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school

REPORT_TYPES = {
    "16uur": "Relatief verzuim: 16 uur ongeoorloofd verzuim binnen 4 lesweken",
    FOLLOW_UP: "Relatief verzuim: vervolgmelding, opnieuw 16 uur ongeoorloofd verzuim binnen 4 lesweken",
    LRV: "Langdurig relatief verzuim (langer dan 4 weken meer dan de helft van de lestijd)",
    LUXE: "Luxeverzuim",
    LATE: "Overig verzuim: te laat komen",
}


def duo_report(db: Database, *, pupil_number: str, on: date, rule_id: str | None = None) -> DuoReport:
    """The sheet of the pupil's report made on `on`, or due at `on`, or last made before it."""
    with db.read() as s:
        pid = pupil_id_of(s, pupil_number)
        school = load_school(s)
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        calendar = load_calendar(s)
        (data,) = load_pupil_data(s, until=on, pupil_ids=[pid])
    protocol = school_protocol(school.protocol, school.protocol_text)
    sheet = duo_sheet(Evaluator(data, calendar, protocol), on, rule_id)
    if sheet is None:
        raise Refused(f"Voor leerling {pupil_number} staat op {on:%d-%m-%Y} geen DUO-melding open, "
                            "en er is er nog geen geregistreerd.")
    dossier = for_recipient(load_dossier(db, pupil_id=pid, end=on), Recipient.LEERPLICHT)
    ids = set(sheet.record_ids)
    records: tuple[RecordRow, ...] = tuple(r for r in dossier.records if r.id in ids)
    last = sheet.end or on
    # a registered report is printed again as it was reported: the agreements made up to that day
    made = sheet.report.day if sheet.report else on
    agreements: tuple[tuple[date, AgreementRow], ...] = tuple(
        (c.held_at.date(), a) for c in dossier.conversations if sheet.begin <= c.held_at.date() <= made
        for a in c.agreements)
    rule = protocol.rule(sheet.rule_id)
    labels = {r.id: r.label for r in protocol.rules}
    # the sheet leaves the school: the rule's Dutch name, never its id ("" for a protocol without names)
    return DuoReport(
        dossier.school, school.brin or "", dossier.pupil, REPORT_TYPES[sheet.kind], rule.name,
        public_rule_text(rule.text, labels),
        sheet.begin, sheet.end, sheet.minutes / 60 if sheet.kind != LATE else 0, sheet.due,
        tuple(r for r in records if r.day <= last), agreements, legal=sheet.legal,
        count=sheet.count if sheet.kind == LATE else None,
        reported_on=sheet.report.day if sheet.report else None,
        reference=sheet.report.reference if sheet.report else "",
        previous_on=sheet.previous.day if sheet.previous else None,
        previous_reference=sheet.previous.reference if sheet.previous else "")
