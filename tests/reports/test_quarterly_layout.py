"""The SWV quarterly list's PDF splits no word: a user reported "Regiehoud|er", "DUO-me|lding",
"onderwijs|programma" and a Wachtlijst column whose text ran eight lines."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from tests.conftest import cli
from tests.reports.conftest import pdf_text
from verzuimdesk.reports.base import content_width, fitted_widths, styles
from verzuimdesk.reports.quarterly import PROPOSAL

HEADER_WORDS = ("Leerling", "OT-nummer", "Hoofdoorzaak", "Interventie", "(verloop)", "Onderwijs", "Wachtlijst",
                "Regiehouder,", "DUO-melding", "Afronding")


def test_the_demos_quarterly_pdf_splits_no_word(tmp_path: Path) -> None:
    db, out = tmp_path / "demo.db", tmp_path / "kwartaal.pdf"
    assert cli("demo", "--db", db, "--today", "2026-12-02") == 0
    assert cli("export", "quarterly", "--db", db, "--out", out) == 0
    text = pdf_text(out)
    words = set(text.split())
    assert set(HEADER_WORDS) <= words, set(HEADER_WORDS) - words
    assert "onderwijsprogramma" in words  # "aangepast onderwijsprogramma", a cell of the demo
    assert not {"Regiehoud", "DUO-me", "onderwij", "lding"} & words


def test_every_column_is_at_least_as_wide_as_its_longest_word() -> None:
    waiting = ("Op wachtlijst voor een behandeling / opname, namelijk: wachtlijst jeugdhulp (aangemeld via de "
               "gemeente)")
    rows = [["Leerling", "Gr.", "Interventie (verloop)", "Wachtlijst", "Regiehouder, DUO-melding"],
            ["M.d.W.", "6", f"{PROPOSAL}: aangepast onderwijsprogramma", waiting, "–"]]
    total = content_width(wide=True)
    widths = fitted_widths(rows, total)
    assert abs(sum(widths) - total) < 0.01
    cell = styles()["cellb"]
    for word, col in (("Regiehouder,", 4), ("DUO-melding", 4), ("Wachtlijst", 3)):
        assert widths[col] > pdfmetrics.stringWidth(word, cell.fontName, cell.fontSize) + 6
    line = pdfmetrics.stringWidth(waiting, styles()["cell"].fontName, styles()["cell"].fontSize)
    assert line / (widths[3] - 6) < 4  # the waiting-list text takes a few lines, not eight
