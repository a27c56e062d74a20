"""Gespreksverslag: one conversation with its agreements and room for both parties to sign."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from verzuimdesk.reports.base import GREY, build, content_width, d, facts, p, spacer, table
from verzuimdesk.reports.data import CONVERSATION_NL, ConversationRow, Letterhead, PupilInfo


def build_conversation_pdf(school: str, pupil: PupilInfo, conversation: ConversationRow, out: Path, *,
                           printed: date, logo: str | None = None) -> None:
    w = content_width()
    c = conversation
    story: list[Flowable] = [
        facts([("Leerling", f"{pupil.name} (groep {pupil.group})"),
               ("Soort gesprek", CONVERSATION_NL.get(c.kind, c.kind)),
               ("Datum", f"{d(c.held_at.date())}, {c.held_at:%H:%M} uur"),
               ("Aanwezig", c.participants or "–"),
               ("Verslag door", c.author or c.created_by or "–")], w),
        p("Samenvatting", "h2"),
        p(c.summary or "(geen samenvatting vastgelegd)"),
        p("Afspraken", "h2"),
    ]
    if c.agreements:
        rows: list[list[object]] = [["Afspraak", "Wie", "Uiterlijk"]]
        rows += [[a.text, a.owner or "–", d(a.due) if a.due else "–"] for a in c.agreements]
        story.append(table(rows, [w * 0.6, w * 0.2, w * 0.2]))
    else:
        story.append(p("Er zijn geen afspraken gemaakt.", "small"))
    parents = parents_took_part(c)
    if parents:
        story += [p("Reactie van de ouder(s) / verzorger(s)", "h2"), _reaction_box(w)]
    story += [spacer(8), KeepTogether(_signatures(w, parents=parents))]
    build(out, Letterhead(school, "Gespreksverslag", printed, subtitle=pupil.name, logo=logo), story)


PARENT_WORDS = ("ouder", "moeder", "vader", "verzorger", "voogd", "pleeg")


def parents_took_part(c: ConversationRow) -> bool:
    """A conversation with the parents by its kind, or one whose participants name a parent."""
    if c.kind.startswith("parents_"):
        return True
    low = c.participants.lower()
    return any(w in low for w in PARENT_WORDS)


def _reaction_box(width: float) -> Table:
    """Room for the parents' own reaction to the report, written by hand."""
    lines = [p("." * 150, "cell") for _ in range(4)]
    t = Table([[lines]], colWidths=[width], rowHeights=[30 * 2.83])
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.25, GREY), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 6)]))
    return t


def _signatures(width: float, *, parents: bool) -> list[Flowable]:
    """Signature boxes with name, date and a line to sign on: the school's, and the parents' when they took part."""
    cell = [p("Naam: ....................................................", "cell"), spacer(5),
            p("Datum: ...................................................", "cell"), spacer(12),
            p("Handtekening: ..........................................", "cell")]
    if parents:
        head = [p("Voor gezien, ouder(s) / verzorger(s)", "cellb"), p("Namens de school", "cellb")]
        t = Table([head, [cell, cell]], colWidths=[width / 2, width / 2])
        boxes: list[tuple[object, ...]] = [("BOX", (0, 1), (0, 1), 0.25, GREY), ("BOX", (1, 1), (1, 1), 0.25, GREY)]
    else:
        t = Table([[p("Namens de school", "cellb")], [cell]], colWidths=[width / 2], hAlign="LEFT")
        boxes = [("BOX", (0, 1), (0, 1), 0.25, GREY)]
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0), *boxes,
                           ("LEFTPADDING", (0, 1), (-1, 1), 6), ("TOPPADDING", (0, 1), (-1, 1), 8),
                           ("BOTTOMPADDING", (0, 1), (-1, 1), 8)]))
    return [p("Ondertekening", "h2"), t]
