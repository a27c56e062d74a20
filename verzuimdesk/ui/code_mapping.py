"""A table that says, for every code or reason the LAS wrote in the file, which code of the school it is."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget


class CodeMappingTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([self.tr("In the file"), self.tr("Code of the school")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setAccessibleName(self.tr("The LAS's codes and the school's codes"))
        self.values: list[str] = []

    def show_values(self, values: tuple[str, ...], chosen: dict[str, str],
                    school: tuple[tuple[str, str], ...]) -> None:
        self.values = list(values)
        self.setRowCount(len(values))
        for row, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
            self.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("(choose)"), "")
            for code, label in school:
                combo.addItem(f"{code} – {label}", code)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(value, ""))))
            self.setCellWidget(row, 1, combo)
        self.setVisible(bool(values))

    def codes(self) -> dict[str, str]:
        out = {}
        for row, value in enumerate(self.values):
            combo = self.cellWidget(row, 1)
            if isinstance(combo, QComboBox) and combo.currentData():
                out[value] = str(combo.currentData())
        return out
