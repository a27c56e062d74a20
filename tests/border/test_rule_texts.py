"""The rule texts of every shipped protocol, as documents print them (`public_rule_text`): a DUO sheet or a
dossier for leerplicht speaks of the absence and the law, never of the app's lights or its files (a new
user found "een verlopen termijn maakt het licht oranje, niet rood" on a DUO sheet)."""

from __future__ import annotations

import pytest

from verzuimdesk.domain.disclosure import public_rule_text
from verzuimdesk.importers.protocol_files import load_protocol

PROTOCOLS = ("hoeksche-waard-po", "haaglanden-po", "tilburg-po", "amsterdam-vo")


@pytest.mark.parametrize("name", PROTOCOLS)
def test_printed_rule_texts_name_no_light_no_file_and_no_rule_id(name: str) -> None:
    protocol = load_protocol(name)
    labels = {r.id: r.label for r in protocol.rules}
    for rule in protocol.rules:
        text = public_rule_text(rule.text, labels)
        lowered = text.lower()
        assert "het licht" not in lowered and "oranje" not in lowered and "rood" not in lowered, (rule.id, text)
        assert "protocolbestand" not in lowered and "verzuimdesk" not in lowered, (rule.id, text)
        assert not any(other in text for other in labels if other != rule.label and len(other) > 3), (rule.id, text)
