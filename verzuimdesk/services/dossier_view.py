"""One pupil's dossier as the desk shows it: the full dossier (services.dossier.load_dossier), the status
with its explanation, the school year's days coloured by category, totals per category, and the plan
links with their ids and whether their file is still there. Opening it is logged ("view")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from verzuimdesk.domain.codes import Category
from verzuimdesk.domain.engine import PupilStatus
from verzuimdesk.domain.forecasts import forecast_lines
from verzuimdesk.domain.leerplicht import leerplicht_of
from verzuimdesk.domain.protocol import Protocol
from verzuimdesk.domain.records import Exemption, PupilData
from verzuimdesk.domain.signals import Signal
from verzuimdesk.reports.data import Dossier, RecordRow
from verzuimdesk.services.dossier import load_dossier
from verzuimdesk.services.exemptions import ExemptionView, load_exemptions
from verzuimdesk.services.guardians import GuardianView, load_guardians
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require_pupils
from verzuimdesk.services.signal_status import signal_config
from verzuimdesk.services.status import school_status
from verzuimdesk.storage import audit
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.loading import load_calendar
from verzuimdesk.storage.models import PlanLink, Pupil

# When a day holds records of several categories, the heatmap shows the weightiest.
SEVERITY = (Category.UNAUTHORISED, Category.UNEXPLAINED, Category.SUSPENDED, Category.SICK, Category.AUTHORISED,
            Category.LATE, Category.PRESENT_ELSEWHERE)
OFF, PRESENT, FUTURE = "off", "present", "future"


@dataclass(frozen=True, slots=True)
class CategoryTotal:
    category: Category
    hours: float
    episodes: int  # runs of consecutive schooldagen with this category
    records: int


@dataclass(frozen=True, slots=True)
class PlanItem:
    id: int
    kind: str
    location: str
    start: date
    evaluation: date | None
    note: str
    missing: bool  # a file that is gone (a URL is never "missing")


@dataclass(frozen=True, slots=True)
class DeskDossier:
    dossier: Dossier
    status: PupilStatus
    age: int | None
    year_start: date
    year_end: date
    cells: tuple[tuple[date, str], ...]  # every day of the school year: OFF, PRESENT, FUTURE or a category
    totals: tuple[CategoryTotal, ...]
    plans: tuple[PlanItem, ...]
    guardians: tuple[GuardianView, ...] = ()  # ouders/verzorgers, shown in the header
    jaargroep: str = ""  # the pupil's own (EDEX), when the LAS gave one
    protocol: Protocol | None = None  # for the rules' Dutch names and which rule decides the light
    signals: tuple[Signal, ...] = ()  # SIGNALS.md: reasons to look, inside the school only
    signal_names: tuple[str, ...] = ()  # the Dutch name of each of `signals`
    forecasts: tuple[str, ...] = ()  # "bij aanhoudend ongeoorloofd verzuim: 16 uur op do 13 nov"
    # PROTOCOLS.md §1b: the first schooldag of leerplicht (None: no birth date, taken as leerplichtig)
    leerplicht_start: date | None = None
    exemptions: tuple[ExemptionView, ...] = ()  # vrijstellingen, oldest first
    leerplichtig: bool = True  # on the peildatum

    @property
    def birth_date_missing(self) -> bool:
        return self.dossier.pupil.birth_date is None

    def exemption_on_peildatum(self) -> ExemptionView | None:
        return next((e for e in self.exemptions if e.start <= self.status.peildatum
                     and (e.end is None or self.status.peildatum <= e.end)), None)

    def records_by_id(self) -> dict[int, RecordRow]:
        return {r.id: r for r in self.dossier.records}


def is_url(location: str) -> bool:
    return "://" in location


def _age(birth: date | None, on: date) -> int | None:
    if birth is None:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def view_dossier(db: Database, *, pupil_id: int, peildatum: date, by: Actor, log: bool = True) -> DeskDossier:
    """Everything the dossier window shows at `peildatum`; `log` records the view in the audit log.

    Refused (`NotAllowed`) unless `by` may see this pupil's dossier; only a view that passed is logged."""
    with db.read() as s:
        require_pupils(s, by, Permission.VIEW_DOSSIER, [pupil_id])  # an unknown pupil: load_dossier refuses
    dossier = load_dossier(db, pupil_id=pupil_id, end=peildatum)
    school = school_status(db, peildatum, pupil_ids=[pupil_id])
    (light,) = school.pupils
    with db.read() as s:
        calendar = load_calendar(s)
        plans = tuple(PlanItem(p.id, p.kind, p.location, p.start, p.evaluation, p.note,
                               not is_url(p.location) and not Path(p.location).expanduser().exists())
                      for p in s.scalars(select(PlanLink).where(PlanLink.pupil_id == pupil_id)
                                         .order_by(PlanLink.start, PlanLink.id)))
        guardians = load_guardians(s, pupil_id)
        jaargroep = s.scalar(select(Pupil.jaargroep).where(Pupil.id == pupil_id)) or ""
        exemptions = load_exemptions(s, pupil_id)
    if log:
        with db.begin() as s:
            audit.append(s, user=audit_name(by), action="view", entity="dossier", pupil_id=pupil_id,
                         detail={"peildatum": peildatum.isoformat()})
    year = calendar.school_year_of(peildatum) or next(
        (y for y in reversed(calendar.school_years) if y.start <= peildatum), None)
    start, end = (year.start, year.end) if year else (date(peildatum.year, 8, 1), date(peildatum.year + 1, 7, 31))
    g = calendar.group_days(dossier.pupil.group)
    p = dossier.pupil
    leerplicht = leerplicht_of(PupilData(p.id, p.number, p.name, p.group, p.enrolled_from, p.enrolled_until,
                                         birth_date=p.birth_date,
                                         exemptions=tuple(Exemption(e.start, e.end, e.article, e.note)
                                                          for e in exemptions)), calendar)
    by_day: dict[date, list[RecordRow]] = {}
    for r in dossier.records:
        by_day.setdefault(r.day, []).append(r)
    cells: list[tuple[date, str]] = []
    day = start
    while day <= end:
        if day not in g.index:
            cells.append((day, OFF))
        elif day > peildatum:
            cells.append((day, FUTURE))
        elif day in by_day:
            cats = {r.category for r in by_day[day]}
            cells.append((day, next(c for c in SEVERITY if c in cats).value))
        else:
            cells.append((day, PRESENT))
        day += timedelta(days=1)
    return DeskDossier(dossier, light.status, _age(dossier.pupil.birth_date, peildatum), start, end, tuple(cells),
                       _totals(dossier.records, start, peildatum, g.index), plans, guardians=guardians,
                       jaargroep=jaargroep, protocol=school.protocol, signals=light.signals,
                       signal_names=tuple(signal_config()[0].name(s.id) for s in light.signals),
                       forecasts=forecast_lines(light.forecast), leerplicht_start=leerplicht.start,
                       exemptions=exemptions, leerplichtig=leerplicht.on(peildatum))


def _totals(records: tuple[RecordRow, ...], start: date, end: date, idx: Mapping[date, int]
            ) -> tuple[CategoryTotal, ...]:
    out = []
    for cat in SEVERITY:
        recs = [r for r in records if r.category is cat and start <= r.day <= end]
        if not recs:
            continue
        days = sorted({idx[r.day] for r in recs if r.day in idx})
        episodes = sum(1 for i, d in enumerate(days) if i == 0 or days[i - 1] != d - 1)
        out.append(CategoryTotal(cat, round(sum(r.minutes for r in recs) / 60, 2), episodes, len(recs)))
    return tuple(out)
