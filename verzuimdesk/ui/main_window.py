"""The main window: for now the school's pupils, searchable, with the database in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget

from verzuimdesk.services.pupils import list_pupils, school_name
from verzuimdesk.storage.database import Database
from verzuimdesk.ui.pupil_model import COL_NAME, SORT_ROLE, PupilModel


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.model = PupilModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        self.search = QLineEdit(placeholderText=self.tr("Search by name or number (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.setCentralWidget(central)

        find = QAction(self.tr("Find pupil"), self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)

        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(QLabel(self.tr("Database: %1").replace("%1", db.target)))
        self.resize(1100, 700)
        self.refresh()

    def refresh(self) -> None:
        rows = list_pupils(self.db)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        name = school_name(self.db)
        self.setWindowTitle(f"VerzuimDesk — {name}" if name else "VerzuimDesk")
        self.count_label.setText(self.tr("%n pupil(s)", "", len(rows)))
