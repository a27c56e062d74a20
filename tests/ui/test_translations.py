"""The app speaks Dutch: every string is translated and the shipped .qm is compiled from the .ts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from verzuimdesk.ui.app import install_translations
from verzuimdesk.ui.i18n import TS_FILE, compile_qm


def test_every_source_string_has_a_dutch_translation() -> None:
    unfinished = [m.findtext("source") for m in ET.parse(TS_FILE).getroot().iter("message")
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")]  # type: ignore[union-attr]
    assert unfinished == []


def test_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = compile_qm(TS_FILE, tmp_path / "fresh.qm")
    assert fresh.read_bytes() == TS_FILE.with_suffix(".qm").read_bytes()


def test_app_translates_to_dutch(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app)
    try:
        assert QCoreApplication.translate("MainWindow", "Pupils") == "Leerlingen"
        assert QCoreApplication.translate("MainWindow", "Quarterly list") == "Kwartaal"
    finally:
        for t in translators:
            app.removeTranslator(t)


def test_module_level_helpers_are_translated_too(qtbot: QtBot) -> None:
    # The first-start question and the File menu's dialogs use module-level tr() helpers,
    # which lupdate files under another context than a widget's self.tr().
    from verzuimdesk.ui import app as app_module
    from verzuimdesk.ui import maintenance

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app)
    try:
        assert app_module.tr("Open the demo school") == "Demoschool openen"
        assert maintenance.tr("Restore backup") == "Reservekopie terugzetten"
    finally:
        for t in translators:
            app.removeTranslator(t)


def test_signals_tab_forecast_without_report_reads_as_dutch(qtbot: QtBot) -> None:
    # A user reported "… of er geldt er al een" (a doubled "er") under the dossier's Signalen tab.
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app)
    try:
        text = QCoreApplication.translate(
            "SignalsTab", "Forecast — no report is in sight under continued absence, or one holds already.")
        assert text == "Vooruitblik — geen melding in zicht bij aanhoudend verzuim, of er geldt al een."
    finally:
        for t in translators:
            app.removeTranslator(t)
