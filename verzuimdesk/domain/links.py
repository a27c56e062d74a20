"""Which plan links (IHP, OPP, plan van aanpak) the app stores and opens: a document, never a program.

Allowed: an `https://` address with a host, or the full path of a file of a document type in a
local or school (network) folder. Refused, at input and again before opening: other schemes
(`javascript:`, `data:`, `file:`, `smb://`, `http://`), programs and scripts (`.exe`, `.bat`, `.lnk`,
…), control characters, and the invisible characters that make a name read other than it is (a
right-to-left override turns `plan‮fdp.exe` into "planexe.pdf" on screen).
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from verzuimdesk.domain.limits import LINK

DOCUMENT_TYPES = frozenset({".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".xls", ".xlsx", ".ods", ".ppt",
                            ".pptx", ".odp", ".png", ".jpg", ".jpeg"})
# Bidi controls and zero-width characters (Unicode category Cf covers them, and the BOM).
_INVISIBLE = {"Cf", "Cc", "Zl", "Zp"}


def hidden_characters(text: str) -> list[str]:
    """The invisible or direction-changing characters in `text`, as U+XXXX."""
    return [f"U+{ord(ch):04X}" for ch in text if unicodedata.category(ch) in _INVISIBLE]


def is_url(location: str) -> bool:
    return "://" in location or location.lower().startswith(("javascript:", "data:", "mailto:", "vbscript:"))


def link_problem(location: str) -> str | None:
    """A Dutch reason why `location` may not be a plan link, or None when it may."""
    text = location.strip()
    if not text:
        return "Kies een bestand of vul een internetadres (URL) in."
    if len(text) > LINK:
        return f"De koppeling is te lang ({len(text)} tekens; hooguit {LINK})."
    hidden = hidden_characters(text)
    if hidden:
        return (f"De koppeling bevat onzichtbare of richting-omkerende tekens ({', '.join(hidden[:5])}): die laten "
                "een naam anders lezen dan hij is. Kies het bestand opnieuw of typ het adres over.")
    if is_url(text):
        parts = urlsplit(text)
        if parts.scheme.lower() != "https":
            return (f"Alleen een https://-adres kan een plan zijn, geen '{parts.scheme or text.split(':')[0]}:'-"
                    "koppeling.")
        if not parts.hostname or parts.username or parts.password:
            return "Dit internetadres heeft geen geldige servernaam."
        return None
    name = text.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if not (text.startswith(("/", "~", "\\\\", "//")) or (len(text) > 2 and text[1] == ":" and text[2] in "\\/")):
        return "Geef het volledige pad van het bestand (kies het met Bladeren)."
    if suffix not in DOCUMENT_TYPES:
        return (f"Een plan is een document ({', '.join(sorted(DOCUMENT_TYPES))}); '{name[:80]}' is dat niet. "
                "Programma's en snelkoppelingen worden niet gekoppeld.")
    return None


def describe_target(location: str) -> str:
    """What opening `location` really opens, for the confirmation before it is opened (Dutch)."""
    text = location.strip()
    if is_url(text):
        host = urlsplit(text).hostname or ""
        try:
            shown = host.encode("idna").decode("ascii")  # a look-alike letter shows as xn--…
        except UnicodeError:
            shown = host
        return f"de website {shown}, in de browser:\n{text}"
    name = text.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    folder = text[: len(text) - len(name)].rstrip("/\\") or "/"
    return f"het bestand {name}\nin de map {folder}"
