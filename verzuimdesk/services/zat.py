"""The ZAT-voorbereiding: a chosen set of pupils with light, rules, open actions, signals and agreements,
as one internal PDF (reports/zat.py). Written and logged like every export (services/exports.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from verzuimdesk.domain.forecasts import forecast_lines
from verzuimdesk.domain.refusal import Refused
from verzuimdesk.reports.zat import ZatPupil, build_zat_pdf
from verzuimdesk.services.dossier import load_dossier, pupil_id_of
from verzuimdesk.services.exports import ExportDone, _check_out, _commit, _logo
from verzuimdesk.services.permissions import Actor, Permission, audit_name, require
from verzuimdesk.services.signal_status import signal_config
from verzuimdesk.services.status import school_status
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.loading import load_school
from verzuimdesk.storage.models import Pupil

DOCUMENT = "zat-voorbereiding"
MAX_PUPILS = 60  # a ZAT meeting, not the school


def zat_pupils(db: Database, pupil_numbers: list[str], peildatum: date) -> tuple[str, list[ZatPupil]]:
    """The school's name and the pupils' pages, in the order asked."""
    numbers = list(dict.fromkeys(n.strip() for n in pupil_numbers if n.strip()))
    if not numbers:
        raise Refused("Kies minstens één leerling voor de ZAT-voorbereiding.")
    if len(numbers) > MAX_PUPILS:
        raise Refused(f"Kies hoogstens {MAX_PUPILS} leerlingen voor één ZAT-voorbereiding.")
    with db.read() as s:
        ids = [pupil_id_of(s, n) for n in numbers]
        school = load_school(s)
        known = {pid: nr for pid, nr in s.execute(select(Pupil.id, Pupil.number).where(Pupil.id.in_(ids)))}
    lights = {p.pupil_id: p for p in school_status(db, peildatum, pupil_ids=ids).pupils}
    name = signal_config()[0].name
    out = []
    for pid in ids:
        light = lights[pid]
        dossier = load_dossier(db, pupil_id=pid, end=peildatum)
        agreements = tuple((c.held_at.date(), a) for c in dossier.conversations for a in c.agreements)
        out.append(ZatPupil(light.name, known[pid], light.group, light.status.light.value, light.status.step.name,
                            dossier, tuple((name(s.id), s) for s in light.signals),
                            forecast_lines(light.forecast), agreements))
    return (school.name if school else ""), out


def _ids(db: Database, pupils: list[ZatPupil]) -> list[int]:
    with db.read() as s:
        return [pupil_id_of(s, z.number) for z in pupils]


def export_zat(db: Database, *, pupil_numbers: list[str], out: Path, by: Actor, on: date | None = None,
               logo: str | None = None, printed: date | None = None) -> ExportDone:
    """The internal ZAT-voorbereiding PDF of the pupils `pupil_numbers` at `on` (default today)."""
    require(by, Permission.EXPORT_PUPIL)
    user = audit_name(by)
    _check_out(out, (".pdf",))
    peil = on or date.today()
    school, pupils = zat_pupils(db, pupil_numbers, peil)
    logo = _logo(db, logo)
    ids = list(zip(_ids(db, pupils), (z.number for z in pupils), strict=True))
    return _commit(db, out, lambda f: build_zat_pdf(school, pupils, peil, f, printed=printed or date.today(),
                                                     logo=logo),
                   user=user, document=DOCUMENT, pupils=ids, recipient=None, extra={"peildatum": peil.isoformat()})
