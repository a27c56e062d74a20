"""The import wizard: choose a file and what it holds, map its columns, read the dry run, then import.

A spreadsheet (pupils or absences, CSV or XLSX) goes file → column mapping → dry run → import; an
EDEX export skips the mapping. The dry run is the services' own (`preview_import`, `import_edex` with
`dry_run=True`), and the import itself runs on a QThread with a progress bar. Every rule lives in the
services; this module lays out and wires. `run_import_wizard(parent, db)` is the entry point.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from verzuimdesk.services.accounts import Account
from verzuimdesk.services.database import Database
from verzuimdesk.services.errors import Refused
from verzuimdesk.ui.import_pages import MappingPage, RunPage, SummaryPage

PAGE_FILE, PAGE_MAPPING, PAGE_SUMMARY, PAGE_RUN = range(4)
KINDS = ("pupils", "absences", "edex")


class ImportWizard(QWizard):
    """Holds what the pages share: the database, the chosen file, its kind and mapping, the dry run."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, by: Account) -> None:
        super().__init__(parent)
        self.db = db
        self.by = by  # who imports: the service checks the role and the audit log names them
        self.kind = "pupils"
        self.path: Path | None = None
        self.data = b""
        self.mapping: dict[str, str] | None = None
        self.preset: str | None = None  # a mapping preset chosen by name (absences)
        self.codes: dict[str, str] | None = None  # the LAS's code → the school's code, as chosen
        self.preview: Any = None  # ImportPreview, or EdexResult of the dry run
        self.imported = False
        self.setWindowTitle(self.tr("Import"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.summary_page = SummaryPage(self)
        self.run_page = RunPage(self)
        for page_id, page in ((PAGE_FILE, self.file_page), (PAGE_MAPPING, self.mapping_page),
                              (PAGE_SUMMARY, self.summary_page), (PAGE_RUN, self.run_page)):
            self.setPage(page_id, page)
        self.setStartId(PAGE_FILE)
        self.resize(820, 560)

    @property
    def filename(self) -> str:
        return self.path.name if self.path else ""

    def reject(self) -> None:
        if self.run_page.running:
            return  # an import is all or nothing; it is not cut off halfway
        super().reject()

    def done(self, result: int) -> None:
        self.run_page.wait_for_thread()
        super().done(result)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("An export of the school's administration (ParnasSys, ESIS or another LAS): "
                                 "a spreadsheet (CSV or Excel) or an EDEX file."))
        self.kind = QComboBox()
        labels = {"pupils": self.tr("Pupils (spreadsheet)"), "absences": self.tr("Absences (spreadsheet)"),
                  "edex": self.tr("EDEX export (groups, pupils and teachers)")}
        for kind in KINDS:
            self.kind.addItem(labels[kind], kind)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("No file chosen"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._browse)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow(self.tr("What is in the file"), self.kind)
        form.addRow(self.tr("File"), row)
        form.addRow("", self.error)
        self.path.textChanged.connect(self.completeChanged)
        self.path.textChanged.connect(lambda _text: self.error.clear())

    def _browse(self) -> None:
        filters = (self.tr("EDEX export (*.xml *.XML)") if self.kind.currentData() == "edex"
                   else self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt)"))
        every_file = self.tr("All files (*)")  # outside the f-string, where lupdate finds it
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the file to import"), self.path.text(),
                                                f"{filters};;{every_file}")
        if chosen:
            self.path.setText(chosen)
            if chosen.lower().endswith(".xml"):
                self.kind.setCurrentIndex(self.kind.findData("edex"))

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        path = Path(self.path.text().strip())
        try:
            data = path.read_bytes()
        except OSError as exc:
            from verzuimdesk.services.imports import file_reason  # the reason in Dutch, as on the command line

            self.error.setText(self.tr("The file cannot be read: %1").replace("%1", file_reason(exc)))
            return False
        self.w.kind, self.w.path, self.w.data, self.w.mapping = str(self.kind.currentData()), path, data, None
        self.w.preset = self.w.codes = None
        if self.w.kind == "edex":
            return True
        from verzuimdesk.services.import_preview import preview_import

        try:
            self.w.preview = preview_import(self.w.db, kind=self.w.kind, data=data, filename=path.name)
        except Refused as exc:
            self.error.setText(str(exc))
            return False
        self.w.mapping = dict(self.w.preview.mapping)
        return True

    def nextId(self) -> int:
        return PAGE_SUMMARY if self.kind.currentData() == "edex" else PAGE_MAPPING


def run_import_wizard(parent: QWidget | None, db: Database, *, by: Account) -> bool:
    """Show the wizard modally; True when an import was written (the caller refreshes its views)."""
    wizard = ImportWizard(db, parent, by=by)
    wizard.exec()
    return wizard.imported
