"""Benchmark: the reports, end to end from an opened database to the file on disk.

Prints (a) the verzuimdossier of one pupil with a school year of records and 40 conversations
(target <= 0.5 s), (b) the SWV quarterly list of a 1,000-pupil school as PDF, XLSX and CSV (target
<= 1 s), and (c) a bare one-page ReportLab document for comparison: what any PDF costs here.

    python benchmarks/reports.py [--plain]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select

from tests.actors import ib
from verzuimdesk.reports.data import Recipient
from verzuimdesk.services.demo import create_demo
from verzuimdesk.services.exports import export_dossier, export_quarterly
from verzuimdesk.storage.database import Database
from verzuimdesk.storage.models import Absence, Agreement, CareCase, CaseShare, CaseStatus, Conversation, Pupil

TODAY = date(2026, 6, 19)  # late in a school year: a full year of records lies before it
PASSWORD = "benchmark-wachtwoord"


def median_ms(fn: Callable[[], object], runs: int = 5) -> float:
    fn()  # warm-up: fonts registered, caches filled
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def busiest_pupil(db: Database) -> tuple[int, str, int]:
    with db.read() as s:
        pid, number, n = s.execute(select(Pupil.id, Pupil.number, func.count(Absence.id)).join(Absence)
                                   .group_by(Pupil.id).order_by(func.count(Absence.id).desc()).limit(1)).one()
    return pid, number, n


def add_conversations(db: Database, pupil_id: int, n: int = 40) -> None:
    with db.begin() as s:
        for i in range(n):
            held = datetime(2025, 9, 1, 9, 0) + timedelta(days=7 * i)
            s.add(Conversation(pupil_id=pupil_id, kind="parents_meeting" if i % 2 else "pupil", held_at=held,
                               participants="moeder, leerkracht, IB-er", updated_at=held,
                               summary="Besproken hoe het gaat met de aanwezigheid en wat helpt. " * 5,
                               agreements=[Agreement(text=f"Afspraak {i}.{k}: dagelijks melden", owner="leerkracht",
                                                     due=held.date() + timedelta(days=14)) for k in range(2)]))


def fill_school_year(db: Database, pupil_id: int) -> None:
    """A record on every schooldag of the year that has none: a late arrival (the worst case for the tables)."""
    from verzuimdesk.storage.loading import load_calendar
    from verzuimdesk.storage.models import AbsenceCodeRow, Group

    with db.begin() as s:
        group = s.scalar(select(Group.name).join(Pupil).where(Pupil.id == pupil_id))
        late = s.scalar(select(AbsenceCodeRow.id).where(AbsenceCodeRow.code == "T"))
        taken = set(s.scalars(select(Absence.day).where(Absence.pupil_id == pupil_id)))
        cal = load_calendar(s)
        year = cal.school_year_of(TODAY)
        assert year is not None and late is not None
        for day in cal.schooldagen(year.start, TODAY, group):
            if day not in taken:
                s.add(Absence(pupil_id=pupil_id, day=day, code_id=late, minutes_late=5, note="bus te laat",
                              created_at=datetime(2026, 1, 1)))


def add_cases(db: Database, every: int = 10) -> int:
    """A case for every tenth pupil, so the list has rows worth printing (the demo has only a few)."""
    with db.begin() as s:
        ids = s.scalars(select(Pupil.id).order_by(Pupil.id)).all()[::every]
        for k, pid in enumerate(ids):
            start = date(2025, 9, 1) + timedelta(days=3 * k)
            s.add(CareCase(pupil_id=pid, category="AB"[k % 2], start=start, main_cause="leerling wil niet naar school",
                           waiting_list="", closed=None if k % 3 else start + timedelta(days=60),
                           close_reason="" if k % 3 else "leerling volgt weer (>50%) onderwijs",
                           statuses=[CaseStatus(since=start, status="geen passend aanbod"),
                                     CaseStatus(since=start + timedelta(days=20), status="inzet leerplicht")],
                           shares=[CaseShare(since=start, share=0), CaseShare(since=start + timedelta(days=30),
                                                                              share=50)]))
        return len(ids)


def bare_pdf(out: Path) -> None:
    c = Canvas(str(out), pagesize=A4)
    c.drawString(72, 720, "Eén pagina, één regel.")
    c.showPage()
    c.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plain", action="store_true", help="unencrypted databases")
    args = parser.parse_args()
    password = None if args.plain else PASSWORD
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"peildatum {TODAY}, {'unencrypted' if args.plain else 'encrypted (SQLCipher)'} databases")
        print(f"bare one-page ReportLab PDF:             {median_ms(lambda: bare_pdf(folder / 'bare.pdf')):7.1f} ms")

        db = create_demo(str(folder / "demo200.db"), size=200, today=TODAY, password=password)
        pid, number, _ = busiest_pupil(db)
        fill_school_year(db, pid)
        add_conversations(db, pid)
        _, _, n = busiest_pupil(db)
        out = folder / "dossier.pdf"
        ms = median_ms(lambda: export_dossier(db, pupil_number=number, recipient=Recipient.OUDERS, out=out,
                                              by=ib('bench'), on=TODAY))
        print(f"dossier ({n} records, 40 conversations): {ms:7.1f} ms  (target <= 500)")
        ms = median_ms(lambda: export_dossier(db, pupil_number=number, recipient=Recipient.LEERPLICHT, out=out,
                                              by=ib('bench'), on=TODAY))
        print(f"  the same for leerplicht:               {ms:7.1f} ms")
        db.close()

        db = create_demo(str(folder / "demo1000.db"), size=1000, today=TODAY, password=password)
        cases = add_cases(db)
        for suffix in ("pdf", "xlsx", "csv"):
            target = folder / f"kwartaal.{suffix}"
            ms = median_ms(lambda target=target: export_quarterly(db, on=TODAY, out=target, by=ib('bench')))
            print(f"quarterly list, 1,000 pupils, {cases} cases, {suffix:4}: {ms:7.1f} ms  (target <= 1000)")
        db.close()


if __name__ == "__main__":
    main()
