"""A letter from a template (domain/letters.py): the school's letterhead with its logo, the addressee,
place and date, "Betreft", the filled text, and the signature block (name, function, a scanned
signature when the school set one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, ListFlowable, ListItem, Paragraph

from verzuimdesk.domain.letters import paragraphs
from verzuimdesk.reports.base import build, esc, p, spacer, styles
from verzuimdesk.reports.data import Letterhead


@dataclass(frozen=True, slots=True)
class LetterDoc:
    school: str
    title: str
    subject: str  # "Betreft: ..."
    to: tuple[str, ...]  # the addressee's lines
    place_date: str  # "Oud-Beijerland, 2 december 2026"
    text: str  # the filled template
    signer: str
    function: str
    school_lines: tuple[str, ...] = ()  # address, phone, e-mail under the signature
    signature: str | None = None  # path to an image of the signature
    logo: str | None = None


def _signature_image(path: str | None) -> Flowable | None:
    if not path or not Path(path).is_file():
        return None
    try:
        img = Image(path)
        w, h = img.imageWidth, img.imageHeight
        scale = min(45 * mm / w, 18 * mm / h)
        img.drawWidth, img.drawHeight = w * scale, h * scale
        img.hAlign = "LEFT"
        return img
    except Exception:  # an unreadable image: a letter without the scan is still a letter
        return None


def body(text: str) -> list[Flowable]:
    out: list[Flowable] = []
    for kind, lines in paragraphs(text):
        if kind == "li":
            items = [ListItem(Paragraph(esc(ln), styles()["letter"]), leftIndent=12) for ln in lines]
            out.append(ListFlowable(items, bulletType="bullet", start="•", leftIndent=12, bulletFontSize=8))
        else:
            out.append(Paragraph("<br/>".join(esc(ln) for ln in lines), styles()["letter"]))
        out.append(spacer(3))
    return out


def build_letter_pdf(letter: LetterDoc, out: Path, *, printed: date) -> None:
    story: list[Flowable] = [spacer(6)]
    story += [p(line, "letter") for line in letter.to]
    story += [spacer(10), p(letter.place_date, "letter"), spacer(4),
              Paragraph(f"<b>Betreft:</b> {esc(letter.subject)}", styles()["letter"]), spacer(6)]
    story += body(letter.text)
    sign: list[Flowable] = [p("Met vriendelijke groet,", "letter"), spacer(2)]
    image = _signature_image(letter.signature)
    sign.append(image if image is not None else spacer(14))
    sign += [p(letter.signer or "(naam)", "letter"), p(letter.function, "small") if letter.function else spacer(0),
             p(letter.school, "small")]
    sign += [p(line, "small") for line in letter.school_lines if line]
    story.append(KeepTogether([spacer(2), *sign]))
    build(out, Letterhead(letter.school, letter.title, printed, logo=letter.logo), story, heading=False)
