"""The school's figures over time (SIGNALS.md "Trends") for the Analyse page, the command, the PDF
and the XLSX: loaded in a few bulk queries, computed in the domain, never a pupil's name in them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from verzuimdesk.domain.engine import Light
from verzuimdesk.domain.trends import CATEGORIES, LIGHTS, PERIODS, CaseSpan, Figures, PeriodFigures, Trends
from verzuimdesk.domain.trends import compute_trends as _compute
from verzuimdesk.domain.trends import period_start as _period_start
from verzuimdesk.importers.problems import InputRefused, Problem
from verzuimdesk.services.exports import ExportDone
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.services.status import school_protocol
from verzuimdesk.storage.database import Database, DatabaseError
from verzuimdesk.storage.loading import load_calendar, load_pupil_data, load_school
from verzuimdesk.storage.models import CareCase

__all__ = ["CATEGORIES", "LIGHTS", "PERIODS", "Figures", "Light", "PeriodFigures", "SchoolTrends", "Trends",
           "default_range", "export_trends", "school_trends", "trends_to_dict"]


@dataclass(frozen=True, slots=True)
class SchoolTrends:
    school: str
    brin: str
    protocol: str  # the protocol's Dutch name
    trends: Trends


def default_range(today: date) -> tuple[date, date]:
    """From 1 August of the school year of `today` up to `today`."""
    return _period_start(today, "schooljaar"), today


def school_trends(db: Database, *, start: date | None = None, end: date | None = None, per: str = "maand",
                  today: date | None = None) -> SchoolTrends:
    """The figures of every period of kind `per` (week, maand, kwartaal, schooljaar) from `start` to `end`."""
    first, last = default_range(today or date.today())
    start, end = start or (first if end is None else _period_start(end, "schooljaar")), end or last
    if per not in PERIODS:
        raise InputRefused("--per", [Problem(None, "", f"kies week, maand, kwartaal of schooljaar, niet '{per}'")])
    if start > end:
        raise InputRefused("--from", [Problem(None, "", "de begindatum ligt na de einddatum")])
    if (end - start).days > 366 * 10:
        raise InputRefused("--from", [Problem(None, "", "kies een periode van hoogstens tien jaar")])
    with db.read() as s:
        school = load_school(s)
        if school is None:
            raise DatabaseError("Deze database bevat nog geen school.")
        name, brin, ref, kept = school.name, school.brin, school.protocol, school.protocol_text
        calendar = load_calendar(s)
        pupils = load_pupil_data(s, until=end)
        cases = [CaseSpan(pid, opened, closed) for pid, opened, closed in
                 s.execute(select(CareCase.pupil_id, CareCase.start, CareCase.closed))]
    protocol = school_protocol(ref, kept)
    trends = _compute(pupils, calendar, protocol, cases, start=start, end=end, per=per)
    return SchoolTrends(name, brin, protocol.name, trends)


def figures_to_dict(f: Figures) -> dict[str, Any]:
    return {
        "lestijd_minuten": f.lestijd,
        "afwezig_minuten": {c.value: f.minutes(c) for c in CATEGORIES},
        "percentage": {c.value: f.percentage(c) for c in CATEGORIES},
        "te_laat": f.late,
        "leerlingen_met_verzuim": f.pupils_absent,
        "lichten": {light.value: f.light_count(light) for light in LIGHTS},
        "duo_meldingen": f.duo_reports,
        "zaken_geopend": f.cases_opened,
        "zaken_gesloten": f.cases_closed,
    }


def _period(p: PeriodFigures) -> dict[str, Any]:
    return {"start": p.start.isoformat(), "end": p.end.isoformat(), "school": figures_to_dict(p.school),
            "groups": {g: figures_to_dict(f) for g, f in p.groups.items()}}


def trends_to_dict(st: SchoolTrends) -> dict[str, Any]:
    """The JSON of SIGNALS.md; each period also holds `vorig_jaar`, the same period a year before (or null)."""
    t = st.trends
    return {
        "from": t.start.isoformat(),
        "to": t.end.isoformat(),
        "per": t.per,
        "periods": [{**_period(p.current), "label": p.current.label,
                     "vorig_jaar": _period(p.previous) if p.previous is not None else None} for p in t.periods],
    }


def export_trends(db: Database, st: SchoolTrends, *, out: Path, by: Actor, logo: str | None = None,
                  printed: date | None = None) -> ExportDone:
    """The Verzuimanalyse of `st` as PDF or XLSX by `out`'s suffix; logged like every export, naming no pupil."""
    require(by, Permission.EXPORT_FIGURES)
    user = audit_name(by)
    from verzuimdesk.reports.trends import build_trends_pdf, write_trends_xlsx
    from verzuimdesk.services.exports import _check_out, _commit, _logo

    _check_out(out, (".pdf", ".xlsx"))
    suffix = out.suffix.lower()
    logo = _logo(db, logo) if suffix == ".pdf" else None
    t = st.trends

    def write(f: Path) -> None:
        if suffix == ".pdf":
            build_trends_pdf(st.school, t, f, printed=printed or date.today(), logo=logo, protocol=st.protocol)
        else:
            write_trends_xlsx(st.school, t, f)

    return _commit(db, out, write, user=user, document="verzuimanalyse", pupils=[], recipient=None,
                   extra={"van": t.start.isoformat(), "tot": t.end.isoformat(), "per": t.per, "formaat": suffix[1:]})
