"""The recovery key on one A4 sheet, to print and keep in the school's safe: the school's name, the date,
the key in large groups of four that can be read back without doubt, and what it is for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from verzuimdesk.domain.dutch import format_date
from verzuimdesk.reports.base import fonts

KEY_PT = 26  # the key's size: readable at arm's length, every character distinct in a monospace face
BODY_PT = 11


def key_groups(key: str) -> list[str]:
    """The key's groups of four ("ABCD-EFGH-…" → ["ABCD", "EFGH", …]), whatever separators it was given in."""
    plain = "".join(ch for ch in key if ch.isalnum())
    return [plain[i:i + 4] for i in range(0, len(plain), 4)]


def _wrapped(canvas: Canvas, text: str, x: float, y: float, width: float, font: str, size: float) -> float:
    """Draw `text` wrapped to `width` from (x, y) down; the y under the last line."""
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if canvas.stringWidth(trial, font, size) > width and line:
            canvas.setFont(font, size)
            canvas.drawString(x, y, line)
            y -= size * 1.4
            line = word
        else:
            line = trial
    if line:
        canvas.setFont(font, size)
        canvas.drawString(x, y, line)
        y -= size * 1.4
    return y


def write_recovery_sheet(path: Path, school: str, key: str, made: date | None = None) -> None:
    regular, bold = fonts()
    width, height = A4
    left, usable = 25 * mm, width - 50 * mm
    c = Canvas(str(path), pagesize=A4)
    c.setTitle(f"Herstelsleutel VerzuimDesk — {school}")
    y = height - 30 * mm
    c.setFont(bold, 20)
    c.drawString(left, y, "VerzuimDesk — herstelsleutel")
    y -= 11 * mm
    c.setFont(bold, 14)
    c.drawString(left, y, school)
    y -= 7 * mm
    c.setFont(regular, BODY_PT)
    c.drawString(left, y, f"Gemaakt op {format_date(made or date.today())}")
    y -= 18 * mm
    groups = key_groups(key)
    per_line = 4
    box_top = y + 10 * mm
    for start in range(0, len(groups), per_line):
        c.setFont("Courier-Bold", KEY_PT)
        c.drawString(left + 8 * mm, y, "   ".join(groups[start:start + per_line]))
        y -= KEY_PT * 1.6
    box_bottom = y + KEY_PT * 0.6
    c.setLineWidth(1)
    c.rect(left, box_bottom, usable, box_top - box_bottom)
    y = box_bottom - 12 * mm
    for text in (
        "Met deze sleutel opent u de database van VerzuimDesk als alle wachtwoorden vergeten zijn. Typ de "
        "sleutel bij het aanmelden in plaats van het wachtwoord, met of zonder streepjes.",
        "Bewaar dit blad op een veilige plek, bijvoorbeeld in de kluis van de school, en nooit bij de laptop. "
        "Wie dit blad en de laptop heeft, kan alle gegevens lezen.",
        "Het programma toont de sleutel maar één keer: er is geen tweede exemplaar.",
    ):
        y = _wrapped(c, text, left, y, usable, regular, BODY_PT) - 4 * mm
    c.showPage()
    c.save()
