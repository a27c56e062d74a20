"""Safety from the File menu: a backup now, restoring one (checked first), the retention list, and the
offer to restore the latest good backup when the database is damaged at start."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from verzuimdesk.services.backups import (
    BackupFile,
    backup_dir,
    check_backup,
    list_backups,
    make_backup,
    needs_password,
    restore_damaged,
)
from verzuimdesk.services.backups import restore_backup as restore_from_backup
from verzuimdesk.services.changes import WHOLE_SCHOOL
from verzuimdesk.services.database import DatabaseDamaged, DatabaseError, sqlite_path
from verzuimdesk.services.retention import purge_due, retention_due
from verzuimdesk.services.vocabulary import format_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.i18n import tr
from verzuimdesk.ui.operations import run_write


def backup_now(ctx: AppContext, parent: QWidget | None) -> None:
    try:
        out = make_backup(ctx.db)
    except DatabaseError as exc:  # a full disk, a read-only folder too (storage/backup.py says them in Dutch)
        QMessageBox.warning(parent, tr("Backup"), str(exc))
        return
    if out is None:
        QMessageBox.information(parent, tr("Backup"), tr("A server database is backed up on the server."))
    else:
        QMessageBox.information(parent, tr("Backup"), tr("Backup made: %1").replace("%1", str(out)))


def _ask_password(parent: QWidget | None, backup: Path) -> str | None:
    if not needs_password(backup):
        return None
    text, ok = QInputDialog.getText(parent, tr("Restore backup"), tr("Password or recovery key of the backup:"),
                                    QLineEdit.EchoMode.Password)
    return text if ok else ""


def _logins_back() -> str:
    """A backup brings back its own key slots (storage/backup.py): who can log in, as it was then."""
    return tr("The logins are as they were when the backup was made: a password changed since then no longer "
              "works (the old one does again), and a colleague removed since then can log in again. Change "
              "those passwords again afterwards.")


def restore_backup(ctx: AppContext, parent: QWidget | None) -> bool:
    """Restore a chosen backup over the open database; the app then closes to start clean."""
    path = ctx.db.path
    if path is None:
        QMessageBox.information(parent, tr("Restore backup"), tr(
            "A server database is restored by its administrator, with 'verzuimdesk restore' and the address of "
            "the owner of the tables (see docs/server.md)."))
        return False
    chosen, _ = QFileDialog.getOpenFileName(parent, tr("Restore backup"), str(backup_dir(path)),
                                            tr("VerzuimDesk database (*.db)"))
    if not chosen:
        return False
    password = _ask_password(parent, Path(chosen))
    if password == "":
        return False
    try:
        summary = check_backup(Path(chosen), password)
    except DatabaseError as exc:
        QMessageBox.warning(parent, tr("Restore backup"), str(exc))
        return False
    answer = QMessageBox.question(parent, tr("Restore backup"), summary.text() + "\n\n" + tr(
        "Replace the current database with this backup? Everything entered after the backup was made is lost. "
        "A copy of the current database is made first.") + "\n\n" + _logins_back())
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        QThreadPool.globalInstance().waitForDone()  # no worker may still hold a connection to the old file
        ctx.db.close()
        restore_from_backup(Path(chosen), path, password)
    except DatabaseError as exc:
        if ctx.db.use_lock is not None:
            ctx.db.use_lock.acquire()  # the app goes on with the database it had
        QMessageBox.warning(parent, tr("Restore backup"), str(exc))
        return False
    QMessageBox.information(parent, tr("Restore backup"), tr("The backup is back. VerzuimDesk closes now; "
                                                             "start it again to continue."))
    return True


def offer_restore_of_damaged(target: str, problem: str, parent: QWidget | None = None) -> bool:
    """At start, a damaged database: explain, and offer the newest backup that passes its check."""
    path = sqlite_path(target)
    backups = list_backups(path) if path is not None else []
    if path is None or not backups:
        QMessageBox.critical(parent, "VerzuimDesk", problem + "\n\n" + tr("There is no backup to restore."))
        return False
    password = _ask_password(parent, backups[0].path)
    if password == "":
        return False
    # The newest copy that passes its check: one damaged copy (a restore cut off by a full disk) must not hide
    # the good ones before it (a review). Any other refusal (a wrong password) stops here: an older copy that
    # the password does open could be weeks older than the newest good one.
    skipped: list[BackupFile] = []
    for newest in backups:
        try:
            summary = check_backup(newest.path, password)
            break
        except DatabaseDamaged:
            skipped.append(newest)
        except DatabaseError as exc:
            QMessageBox.critical(parent, "VerzuimDesk", str(exc))
            return False
    else:
        QMessageBox.critical(parent, "VerzuimDesk", tr("Every backup is damaged too; none can be restored."))
        return False
    passed = "".join("\n\n" + tr("The newer backup of %1 is damaged and was skipped.").replace(
        "%1", f"{format_date(b.made.date())} {b.made:%H:%M}") for b in skipped)
    answer = QMessageBox.question(parent, "VerzuimDesk", problem + "\n\n" + tr(
        "Restore the latest backup, of %1? What was entered after it is lost.").replace(
        "%1", f"{format_date(newest.made.date())} {newest.made:%H:%M}") + passed + "\n\n" + summary.text()
        + "\n\n" + _logins_back())
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        restore_damaged(newest.path, path, password)  # the damaged file is kept beside, not deleted
    except (DatabaseError, OSError) as exc:
        QMessageBox.critical(parent, "VerzuimDesk", str(exc))
        return False
    return True


def show_retention(ctx: AppContext, parent: QWidget | None) -> None:
    due = retention_due(ctx.db, today=date.today())
    if not due:
        QMessageBox.information(parent, tr("Retention"), tr("Nothing has passed its retention term."))
        return
    lines = "\n".join(f"{d.number}  {d.name} ({tr('left')} {format_date(d.left)}): "
                      f"{tr('everything') if d.purge.value == 'everything' else tr('the dossier')}" for d in due)
    answer = QMessageBox.question(parent, tr("Retention"), tr("The retention term has passed for:") + "\n\n"
                                  + lines + "\n\n" + tr("Delete this for good now?"))
    if answer == QMessageBox.StandardButton.Yes:
        run_write(ctx, lambda: purge_due(ctx.db, today=date.today(), by=ctx.account), parent=parent,
                  title=tr("Retention"), changes=WHOLE_SCHOOL)


def open_audit_log(ctx: AppContext, parent: QWidget | None) -> None:
    from verzuimdesk.ui.audit_dialog import AuditDialog

    AuditDialog(ctx.db, parent, by=ctx.account).exec()
