"""Plan links: a document or an https:// page, never a program, a script or a disguised name."""

from __future__ import annotations

import pytest

from verzuimdesk.domain.links import describe_target, link_problem


@pytest.mark.parametrize("location", [
    "https://las.example.nl/leerling/1001/opp",
    r"\\klimop-server\zorg\1001\IHP_2025.docx",
    r"C:\Users\ib\Documents\OPP Zoë.pdf",
    "/home/ib/plannen/ihp.odt",
    "~/plannen/plan van aanpak.xlsx",
])
def test_documents_and_https_pages_are_allowed(location: str) -> None:
    assert link_problem(location) is None


@pytest.mark.parametrize(("location", "reason"), [
    ("javascript:alert(1)", "https://"),
    ("data:text/html;base64,PHNjcmlwdD4=", "https://"),
    ("smb://server/share/ihp.pdf", "https://"),
    ("http://las.example.nl/ihp", "https://"),
    ("file:///C:/Windows/System32/calc.exe", "https://"),
    (r"\\server\share\setup.exe", "is dat niet"),
    (r"C:\plannen\ihp.lnk", "is dat niet"),
    ("/home/ib/ihp.sh", "is dat niet"),
    ("plan\u202efdp.exe", "richting-omkerende"),
    ("C:\\plannen\\ihp\u200b.pdf", "onzichtbare"),
    ("ihp.pdf", "volledige pad"),
    ("https://" + "a" * 10_000 + ".nl", "te lang"),
    ("https://user:pw@las.example.nl/x", "servernaam"),
])
def test_anything_else_is_refused_in_dutch(location: str, reason: str) -> None:
    problem = link_problem(location)
    assert problem is not None and reason in problem


def test_the_confirmation_names_the_real_target() -> None:
    assert "xn--" in describe_target("https://pаypal.example/x")  # a Cyrillic а shows as punycode
    assert describe_target(r"\\klimop-server\zorg\IHP.docx") == "het bestand IHP.docx\nin de map \\\\klimop-server\\zorg"
