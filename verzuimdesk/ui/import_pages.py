"""The pages of the import wizard after the file is chosen: column mapping, dry run, and the import itself.

The import runs on a QThread through `_Worker`, which calls the service with a progress callback;
the progress arrives on the GUI thread as a signal. See `import_wizard.py` for the whole flow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from verzuimdesk.services.database import DatabaseError
from verzuimdesk.services.errors import Refused
from verzuimdesk.services.vocabulary import FIELDS, REQUIRED, InputRefused
from verzuimdesk.ui.code_mapping import CodeMappingTable
from verzuimdesk.ui.tasks import ThreadWorker, start_thread

if TYPE_CHECKING:
    from verzuimdesk.ui.import_wizard import ImportWizard

Job = Callable[[Callable[[int, int], None]], Any]


class MappingPage(QWizardPage):
    """One combo box per column of the file above a preview of its first rows."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Which column is what?"))
        self.setSubTitle(self.tr("Check the field of every column; columns set to “not used” are skipped. "
                                 "The choice is remembered for the next import."))
        self.table = QTableWidget()
        self.date_format = QLabel()
        self.required = QLabel()
        self.required.setWordWrap(True)
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Preset"))
        self.preset.activated.connect(self._preset_chosen)
        self.save_preset = QPushButton(self.tr("Save as preset…"))
        self.save_preset.clicked.connect(self._save_preset)
        self.codes_label = QLabel(self.tr("What the LAS's codes mean (remembered for the next import):"))
        self.code_map = CodeMappingTable()
        presets = QHBoxLayout()
        presets.addWidget(QLabel(self.tr("Preset:")))
        presets.addWidget(self.preset, 1)
        presets.addWidget(self.save_preset)
        layout = QVBoxLayout(self)
        layout.addLayout(presets)
        layout.addWidget(self.table)
        layout.addWidget(self.date_format)
        layout.addWidget(self.required)
        layout.addWidget(self.codes_label)
        layout.addWidget(self.code_map)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        preview, mapping = self.w.preview, self.w.mapping or {}
        columns = preview.columns
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(1 + len(preview.first_rows))
        self.table.setHorizontalHeaderLabels(list(columns))
        self.table.setVerticalHeaderLabels([self.tr("Field"), *(str(i) for i in range(1, len(preview.first_rows) + 1))])
        self.combos = []
        for col, name in enumerate(columns):
            combo = QComboBox()
            combo.addItem(self.tr("(not used)"), "")
            for field in FIELDS[self.w.kind]:
                combo.addItem(field + (" *" if field in REQUIRED[self.w.kind] else ""), field)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(name, ""))))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(0, col, combo)
            self.combos.append(combo)
            for row, cells in enumerate(preview.first_rows, start=1):
                item = QTableWidgetItem(cells[col] if col < len(cells) else "")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        shown = preview.date_format or self.tr("no dates recognised")
        self.date_format.setText(self.tr("Date notation found: %1").replace("%1", shown))
        self._show_presets()
        self._changed()

    def _show_presets(self) -> None:
        from verzuimdesk.services.import_presets import all_presets, school_codes

        absences = self.w.kind == "absences"
        for widget in (self.preset, self.save_preset, self.codes_label, self.code_map):
            widget.setVisible(absences)
        if not absences:
            return
        self.preset.clear()
        self.preset.addItem(self.tr("(recognised from the headers)"), "")
        for p in all_presets(self.w.db):
            self.preset.addItem(p.name + ("" if p.builtin else " " + self.tr("(own)")), p.name)
        self.preset.setCurrentIndex(max(0, self.preset.findData(self.w.preset or self.w.preview.preset)))
        codes = {**self.w.preview.codes, **(self.w.codes or {})}
        self.code_map.show_values(self.w.preview.code_values, codes, school_codes(self.w.db))
        self.codes_label.setVisible(bool(self.w.preview.code_values))

    def _preset_chosen(self) -> None:
        from verzuimdesk.services.import_preview import preview_import

        self.w.preset = str(self.preset.currentData()) or None
        self.w.preview = preview_import(self.w.db, kind=self.w.kind, data=self.w.data, filename=self.w.filename,
                                        preset=self.w.preset, codes=self.w.codes)
        self.w.mapping = dict(self.w.preview.mapping)
        self.initializePage()

    def _save_preset(self) -> None:
        from verzuimdesk.services.dossier_edit import Refused
        from verzuimdesk.services.import_presets import save_preset

        name, ok = QInputDialog.getText(self, self.tr("Save as preset"), self.tr("Name of the preset:"),
                                        text=self.w.preview.preset or "")
        if not ok:
            return
        try:
            save_preset(self.w.db, name=name, columns=self.mapping(), codes=self.code_map.codes(), by=self.w.by)
        except Refused as exc:
            QMessageBox.warning(self, self.tr("Save as preset"), str(exc))
            return
        self.w.preset = name.strip()
        self._show_presets()

    def mapping(self) -> dict[str, str]:
        return {name: str(combo.currentData()) for name, combo in zip(self.w.preview.columns, self.combos,
                                                                       strict=True)}

    def _changed(self) -> None:
        chosen = set(self.mapping().values())
        missing = [f for f in FIELDS[self.w.kind] if f in REQUIRED[self.w.kind] and f not in chosen]
        self.required.setText(self.tr("Still to choose (required): %1").replace("%1", ", ".join(missing))
                              if missing else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.required.text()

    def validatePage(self) -> bool:
        self.w.mapping = self.mapping()
        self.w.codes = self.code_map.codes() if self.w.kind == "absences" else None
        return True


class SummaryPage(QWizardPage):
    """The dry run: what the import will add, change and refuse, before anything is written."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("What the import will do"))
        self.setSubTitle(self.tr("Nothing has been written yet. The import is all or nothing."))
        self.setCommitPage(True)
        self.setButtonText(wizard.WizardButton.CommitButton, self.tr("Import"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.replace = QCheckBox(self.tr("Replace existing registrations on those days"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details)
        layout.addWidget(self.replace)
        self.ok = False

    def initializePage(self) -> None:
        self.replace.setChecked(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._dry_run()
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.completeChanged.emit()

    def _dry_run(self) -> None:
        from verzuimdesk.services.edex import import_edex
        from verzuimdesk.services.import_preview import preview_import

        self.ok = False
        try:
            if self.w.kind == "edex":
                result: Any = import_edex(self.w.db, data=self.w.data, filename=self.w.filename, dry_run=True,
                                          by=self.w.by)
            else:
                result = preview_import(self.w.db, kind=self.w.kind, data=self.w.data, filename=self.w.filename,
                                        mapping=self.w.mapping, preset=self.w.preset, codes=self.w.codes)
        except Refused as exc:
            self._show_refused(str(exc).splitlines())
            return
        self.w.preview = result
        if self.w.kind == "edex":
            self.summary.setText(self.tr("The EDEX file can be imported:") + "\n" + result.summary())
            self.details.setPlainText(result.report())
            self.replace.hide()
            self.ok = True
            return
        if result.refused:
            self._show_refused([str(p) for p in result.refused])
            return
        self._show_plan(result)

    def _show_refused(self, lines: list[str]) -> None:
        self.summary.setText(self.tr("The file is refused: nothing will be imported. Correct these lines "
                                     "(or the column mapping) and try again."))
        self.details.setPlainText("\n".join(lines))
        self.replace.hide()

    def _show_plan(self, preview: Any) -> None:
        counts = self.tr("To add: %1. To change: %2. Unchanged: %3.")
        text = (counts.replace("%1", str(len(preview.to_add))).replace("%2", str(len(preview.to_change)))
                .replace("%3", str(preview.unchanged)))
        lines = [self.tr("line %1: add %2").replace("%1", str(r.line)).replace("%2", r.text) for r in preview.to_add]
        for r in preview.to_change:
            what = ", ".join(f"{c.field} {c.old} → {c.new}" for c in r.changes)
            lines.append(self.tr("line %1: change %2: %3").replace("%1", str(r.line)).replace("%2", r.text)
                         .replace("%3", what))
        if preview.overlapping:
            text += " " + self.tr("%1 absences fall on days that already have other registrations; without "
                                  "replacing, those lines are skipped.").replace("%1", str(len(preview.overlapping)))
            lines += [self.tr("line %1: %2 on %3 already has %4; the file says %5")
                      .replace("%1", str(o.line)).replace("%2", o.number).replace("%3", o.day.isoformat())
                      .replace("%4", o.existing).replace("%5", o.incoming) for o in preview.overlapping]
        self.summary.setText(text)
        self.details.setPlainText("\n".join(lines))
        self.replace.setVisible(bool(preview.overlapping))
        self.ok = preview.can_import

    def isComplete(self) -> bool:
        return self.ok


class RunPage(QWizardPage):
    """The import on a QThread with a progress bar, then what it did."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Importing"))
        self.progress = QProgressBar()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.details)
        self.running = False
        self.finished = False
        self._thread: QThread | None = None
        self._worker: ThreadWorker | None = None

    def initializePage(self) -> None:
        self.finished, self.running = False, True
        self.progress.setRange(0, 0)
        self.result.setText(self.tr("Importing %1…").replace("%1", self.w.filename))
        self.w.button(self.w.WizardButton.CancelButton).setEnabled(False)
        self._thread, self._worker = start_thread(self, self._job(), expected=(InputRefused, DatabaseError),
                                                  on_done=self._done, on_failed=self._failed,
                                                  on_progress=self._progressed)

    def _job(self) -> Job:
        """The import the wizard describes, as a call that needs nothing from Qt."""
        from verzuimdesk.services.edex import import_edex
        from verzuimdesk.services.import_preview import run_import

        db, kind, data, name, mapping = self.w.db, self.w.kind, self.w.data, self.w.filename, self.w.mapping
        preset, codes = self.w.preset, self.w.codes
        replace = self.w.summary_page.replace.isChecked() and not self.w.summary_page.replace.isHidden()
        by = self.w.by

        def job(progress: Callable[[int, int], None]) -> Any:
            if kind == "edex":
                return import_edex(db, data=data, filename=name, by=by, progress=progress)
            return run_import(db, kind=kind, data=data, filename=name, mapping=mapping, preset=preset, codes=codes,
                              replace_overlapping=replace, by=by, progress=progress)
        return job

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: Any) -> None:
        self.running, self.finished, self.w.imported = False, True, True
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        if self.w.kind == "edex":
            self.result.setText(self.tr("Done.") + "\n" + result.summary())
            self.details.setPlainText(result.report())
            self.details.show()
        else:
            self.result.setText(self.tr("Done: %1 added, %2 updated, %3 unchanged.")
                                .replace("%1", str(result.added)).replace("%2", str(result.updated))
                                .replace("%3", str(result.unchanged)))
        self._finish()

    def _failed(self, text: str) -> None:
        self.running, self.finished = False, True
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.result.setText(self.tr("Nothing was imported.") + "\n" + text)
        self._finish()

    def _finish(self) -> None:
        self.w.button(self.w.WizardButton.CancelButton).setEnabled(True)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.finished

    def wait_for_thread(self) -> None:
        # A QThread destroyed while it runs aborts the process: let a running import finish first.
        if self._thread is not None and self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(30000)
