"""The About dialog: which VerzuimDesk is running, where its data lives, and what it is built from.

A school's ICT coordinator reads the version and the two paths here when helping the IB-er, and the
licences of the libraries the installer bundles must be shown to the user (LGPLv3 for Qt, the notices
of the BSD and MIT libraries). `show_about(parent, db_target)` is the one entry point for the menu.
"""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk import __version__
from verzuimdesk.paths import data_dir

# (what the user sees, the distribution that tells its version, its licence). Licence names are
# names, not prose, so they stay untranslated.
LIBRARIES: tuple[tuple[str, str | None, str], ...] = (
    ("Python", None, "PSF-2.0"),
    ("Qt 6 / PySide6", "PySide6-Essentials", "LGPLv3"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("ReportLab", "reportlab", "BSD"),
    ("Pillow", "pillow", "MIT-CMU (HPND)"),
    ("platformdirs", "platformdirs", "MIT"),
    ("SQLCipher (sqlcipher3)", "sqlcipher3", "BSD-style (Zetetic)"),
    ("argon2-cffi", "argon2-cffi", "MIT"),
    ("cryptography", "cryptography", "Apache-2.0 / BSD"),
    ("openpyxl", "openpyxl", "MIT"),
)
COL_NAME, COL_VERSION, COL_LICENCE = range(3)


def library_version(distribution: str | None) -> str:
    """The installed version, or "" when the bundle carries no metadata for it."""
    if distribution is None:
        return platform.python_version()
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def displayed_target(db_target: str) -> str:
    """The database as the user may see it: a server URL never shows its password."""
    if "://" not in db_target:
        return db_target
    from sqlalchemy.engine import make_url

    try:
        return make_url(db_target).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: better to show its scheme only than a password
        return db_target.split("://", 1)[0] + "://…"


class AboutDialog(QDialog):
    def __init__(self, db_target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About VerzuimDesk"))
        self.data_folder = data_dir()

        title = QLabel("VerzuimDesk")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__))

        self.data_label = self._path_label(str(self.data_folder))
        self.db_label = self._path_label(displayed_target(db_target))
        paths = QFormLayout()
        paths.addRow(self.tr("Data folder:"), self.data_label)
        paths.addRow(self.tr("Database:"), self.db_label)

        self.licences = QTableWidget(len(LIBRARIES), 3)
        self.licences.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        for row, (name, distribution, licence) in enumerate(LIBRARIES):
            for col, text in ((COL_NAME, name), (COL_VERSION, library_version(distribution)),
                              (COL_LICENCE, licence)):
                self.licences.setItem(row, col, QTableWidgetItem(text))
        self.licences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.licences.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.licences.verticalHeader().setVisible(False)
        self.licences.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.licences.horizontalHeader().setStretchLastSection(True)

        own = QLabel(self.tr("VerzuimDesk itself is free software under the EUPL-1.2. The libraries above "
                             "keep their own licences; Qt is used unmodified under the LGPLv3."))
        own.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder_button = buttons.addButton(self.tr("Open data folder"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.clicked.connect(self.open_data_folder)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.version_label)
        layout.addLayout(paths)
        layout.addWidget(QLabel(self.tr("Bundled libraries:")))
        layout.addWidget(self.licences)
        layout.addWidget(own)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def _path_label(self, text: str) -> QLabel:
        # Selectable, so the path can be copied into an e-mail to whoever helps the school.
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def open_data_folder(self) -> None:
        self.data_folder.mkdir(parents=True, exist_ok=True)  # a fresh install may not have made it yet
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))


def show_about(parent: QWidget | None, db_target: str) -> None:
    """Show the About dialog modally for the database the window has open."""
    AboutDialog(db_target, parent).exec()
