"""The Registratie page: one group, one week, every pupil × every lesson part, by keyboard.

Typing a code saves it at once through `services.registration`; every edit is a step on an undo
stack; the lights follow through `run_write`'s announcement. The keys are listed under the grid.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from importlib import import_module

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from verzuimdesk.services.accounts import Permission
from verzuimdesk.services.changes import OpChanges
from verzuimdesk.services.errors import Refused, refusal_text
from verzuimdesk.services.registration import AbsenceSpec, EditResult, apply_edit
from verzuimdesk.services.registration_grid import CodeRow, list_codes, list_groups, plan_code, week_grid
from verzuimdesk.services.vocabulary import Category, format_date
from verzuimdesk.ui.context import AppContext
from verzuimdesk.ui.follow import Follower
from verzuimdesk.ui.operations import run_write
from verzuimdesk.ui.registration_check import CheckButton
from verzuimdesk.ui.registration_model import COL_FIRST_PART, RegistrationModel
from verzuimdesk.ui.registration_undo import EditCommand
from verzuimdesk.ui.registration_view import RegistrationView
from verzuimdesk.ui.sick_action import report_sick, sick_report_action


class RegistrationPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.account.can(Permission.EDIT_ABSENCE)
        self.monday = _monday(date.today())
        self.codes: dict[str, CodeRow] = {}
        self.undo_stack = QUndoStack(self)
        self._own: OpChanges | None = None  # the grid's own last change: it shows it already
        self._said: OpChanges | None = None  # an edit's change, told once the grid shows it
        self._done_text: str | None = None  # what an edit being undone or redone says instead of "Saved."
        self._message_for: tuple[str, date] | None = None  # the group and week the message is about

        self.group = QComboBox()
        self.group.setObjectName("group")
        self.group.setMinimumWidth(90)
        self.week = QLabel()
        self.week.setObjectName("week")
        self.week.setMinimumWidth(220)
        self.week.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.model = RegistrationModel()
        self.view = RegistrationView()
        self.view.setModel(self.model)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)

        self._make_actions()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Group:")))
        top.addWidget(self.group)
        top.addSpacing(16)
        for action in (self.prev_week, None, self.next_week, self.this_week):
            if action is None:
                top.addWidget(self.week)
                continue
            button = QPushButton(action.text())
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            top.addWidget(button)
        top.addStretch(1)
        self.check = CheckButton(ctx, self.model, self.view, self.group, self.say)
        self.addAction(self.check.action)
        top.addWidget(self.check)
        for action in (self.undo_action, self.sick_action):
            button = QPushButton(action.text().replace("&", ""))
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.legend)

        self.group.currentTextChanged.connect(lambda _t: self.reload())
        self.view.code_typed.connect(self.enter_code)
        self.view.clear_requested.connect(self.clear_cells)
        self.view.details_requested.connect(self.show_details)
        self.view.selectionModel().currentChanged.connect(lambda _c, _p: self.check.follow())
        self.follow = Follower(self, ctx, self._on_changed, wants=lambda what: what is not self._own)
        self._fill_groups()

    # -- building -----------------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(text: str, tip: str, keys: QKeySequence | QKeySequence.StandardKey | str, slot: object, *,
                   local: bool = True) -> QAction:
            a = QAction(text, self)
            a.setToolTip(f"{tip} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})")
            a.setShortcut(QKeySequence(keys))
            if local:
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(a)
            a.triggered.connect(slot)
            return a

        self.prev_week = action("◀", self.tr("Previous week"), "Alt+Left", lambda: self.move_week(-1))
        self.next_week = action("▶", self.tr("Next week"), "Alt+Right", lambda: self.move_week(1))
        self.this_week = action(self.tr("This week"), self.tr("The week of today"), "Alt+Home",
                                lambda: self.show_week(date.today()))
        self.undo_action = action(self.tr("Undo"), self.tr("Undo the last entry"), QKeySequence.StandardKey.Undo,
                                  self.undo)
        self.redo_action = action(self.tr("Redo"), self.tr("Redo the entry"), "Ctrl+Shift+Z", self.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        # The page's button; the window has one of its own in its toolbar (`sick_report_action`), with
        # a shortcut that works on every page before this page is built.
        self.sick_action = sick_report_action(self.ctx, self, self.report_sick)

    def _fill_groups(self) -> None:
        groups = [g for g in list_groups(self.ctx.db) if self.ctx.account.sees_group(g)]
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItems(groups)
        self.group.blockSignals(False)
        self.reload()

    def _legend(self) -> str:
        codes = " &nbsp; ".join(f"<b>{c.code}</b>&nbsp;{c.label.split(' (')[0].split(' / ')[0].lower()}"
                                for c in self.codes.values())
        typing = self.tr("<b>letter</b>: code for this part &nbsp; <b>Shift+letter</b>: whole day &nbsp; "
                         "<b>Shift+arrows</b>: select, all get the code (both parts: whole day)")
        keys = self.tr("<b>Delete</b>: clear &nbsp; <b>Enter</b>: details &nbsp; <b>Ctrl+Z</b>: undo &nbsp; "
                       "<b>Alt+←/→</b>: week &nbsp; <b>Ctrl+M</b>: sick report")
        checked = self.tr("<b>Ctrl+K</b>: part of the day checked")
        return f"{codes}<br>{typing}<br>{keys} &nbsp; {checked}"

    # -- showing ------------------------------------------------------------------------------

    def move_week(self, weeks: int) -> None:
        self.show_week(self.monday + timedelta(weeks=weeks))

    def show_week(self, day: date) -> None:
        self.monday = _monday(day)
        self.reload()

    def reload(self) -> None:
        """Fetch the week again, keeping the cursor where it was."""
        current = self.view.currentIndex()
        self.codes = {c.code: c for c in list_codes(self.ctx.db)}
        self.legend.setText(self._legend())
        friday = self.monday + timedelta(days=4)
        iso = self.monday.isocalendar()
        self.week.setText(self.tr("week %1: %2 – %3").replace("%1", str(iso.week)).replace(
            "%2", format_date(self.monday, weekday=False)).replace("%3", format_date(friday, weekday=False)))
        group = self.group.currentText()
        if self._message_for != (group, self.monday):  # what was said was about another week or group
            self.say("")
        if not group:
            self.message.setText(self.tr("No groups to show."))
            return
        try:
            grid = week_grid(self.ctx.db, group=group, monday=self.monday, by=self.ctx.account)
        except Refused as exc:  # a role without the pupils' names (the directie never gets this page)
            self.message.setText(refusal_text(exc))
            return
        self.view.setAccessibleName(self.tr("Registration of group %1").replace("%1", group))
        self.model.set_rows(grid, today=date.today(), labels={c: r.label for c, r in self.codes.items()})
        self.view.size_columns()
        row = min(max(current.row(), 0), self.model.rowCount() - 1)
        col = current.column() if current.isValid() else self._today_column()
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, min(col, self.model.columnCount() - 1)))
        self.check.load(group, self.monday)

    def show_group(self, group: str, day: date) -> None:
        """Show `group` in the week of `day` (from the Overzicht's list of unchecked registrations)."""
        index = self.group.findText(group)
        if index >= 0:
            self.group.blockSignals(True)
            self.group.setCurrentIndex(index)
            self.group.blockSignals(False)
        self.show_week(day)
        grid = self.model.grid
        if grid is not None:
            for i, col in enumerate(grid.columns):
                if col.day == day and self.model.rowCount():
                    self.view.setCurrentIndex(self.model.index(0, COL_FIRST_PART + i))
                    break

    def _today_column(self) -> int:
        grid = self.model.grid
        if grid is not None:
            for i, col in enumerate(grid.columns):
                if col.day >= date.today() and col.off is None:
                    return COL_FIRST_PART + i
        return COL_FIRST_PART

    def _on_changed(self, what: OpChanges) -> None:
        """Another's write (our own is in the grid already): on screen, or when next shown."""
        if what.school:
            self._fill_groups()
        else:
            self.reload()

    def say(self, text: str, *, error: bool = False) -> None:
        """A message about the week and group on screen: showing another one takes it away (`reload`)."""
        self.message.setStyleSheet("color: #b71c1c; font-weight: bold;" if error else "")
        self.message.setText(text)
        self._message_for = (self.group.currentText(), self.monday)

    # -- entering -------------------------------------------------------------------------------

    def _cells(self) -> list[tuple[int, int]]:
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        return sorted({(i.row(), i.column()) for i in indexes if i.isValid() and i.column() >= COL_FIRST_PART})

    def _refusal(self, cells: list[tuple[int, int]]) -> str | None:
        """Why none of the cells takes an entry, or None when at least one does."""
        if not self.can_edit:
            return self.tr("You may not change the registration.")
        if not cells:
            return self.tr("Choose a day part first (the columns right of the name).")
        reasons = [self.model.lock_reason(r, c) for r, c in cells]
        return reasons[0] if all(reasons) else None

    def enter_code(self, code: str, whole_day: bool) -> None:
        cells = self._cells()
        refusal = self._refusal(cells)
        if refusal is not None:
            self.say(self.tr("Not saved: %1").replace("%1", refusal), error=True)
            return
        known = self.codes.get(code)
        if known is None:
            self.say(self.tr("Unknown code '%1'. Known: %2").replace("%1", code).replace(
                "%2", ", ".join(self.codes)), error=True)
            return
        minutes = None
        if known.category is Category.LATE:
            value, ok = QInputDialog.getInt(self, self.tr("Late"), self.tr("How many minutes late?"), 5, 1, 1440)
            if not ok:
                return
            minutes = value
        assert self.model.grid is not None
        grid_cells = [(r, c - COL_FIRST_PART) for r, c in cells]
        remove, add = plan_code(self.model.grid, grid_cells, code, known.category, whole_day=whole_day,
                                minutes_late=minutes)
        if not remove and not add:
            return
        reclassified = [rec for r, c in cells for rec in self.model.records_at(r, c)
                        if rec.id in remove and rec.category is Category.UNEXPLAINED]
        if self.apply(self.tr("Code %1").replace("%1", code), remove, add) is None:
            return
        if len(cells) == 1 and self.model.rowCount() > cells[0][0] + 1:  # on to the next pupil, as on paper
            self.view.setCurrentIndex(self.model.index(cells[0][0] + 1, cells[0][1]))
        if reclassified and known.category is not Category.UNEXPLAINED:
            self.ask_conversation(reclassified[0].spec.pupil_id)

    def clear_cells(self) -> None:
        cells = self._cells()
        refusal = self._refusal(cells)
        if refusal is not None:
            self.say(self.tr("Not saved: %1").replace("%1", refusal), error=True)
            return
        ids = sorted({rec.id for r, c in cells for rec in self.model.records_at(r, c)})
        if ids:
            self.apply(self.tr("Clear"), ids, [])

    def apply(self, text: str, remove: list[int], add: list[AbsenceSpec]) -> EditResult | None:
        ctx, grid = self.ctx, self.model.grid
        shown = [grid.record(i) for i in remove] if grid is not None else []
        seen = [r for r in shown if r is not None]  # as read: a record someone changed since is not overwritten
        result = run_write(ctx, lambda: apply_edit(ctx.db, remove=remove, add=add, by=ctx.account, seen=seen),
                           refused=lambda exc: self.say(self.tr("Not saved: %1").replace("%1", refusal_text(exc)),
                                                        error=True),
                           announce=self._announce)
        if result is None:
            return None
        self.undo_stack.push(EditCommand(ctx, text, result, add, self._after_edit, lambda m: self.say(m, error=True),
                                         self._announce))
        self._after_edit(result)
        return result

    def undo(self) -> None:
        """Ctrl+Z: the last edit undone, and said so (not "Saved.", which was about the edit)."""
        self._step(self.tr("Undone: %1.").replace("%1", self.undo_stack.undoText()), self.undo_stack.undo)

    def redo(self) -> None:
        self._step(self.tr("Redone: %1.").replace("%1", self.undo_stack.redoText()), self.undo_stack.redo)

    def _step(self, said: str, step: Callable[[], None]) -> None:
        self._done_text = said
        try:
            step()
        finally:
            self._done_text = None

    def _after_edit(self, result: EditResult) -> None:
        """The grid first: the edited pupils' rows read again (the week's other rows, its codes and its
        checks stand); the rest of the app follows from `_announce`."""
        self.say(self._done_text or self.tr("Saved."))
        grid = self.model.grid
        shown = [row.pupil_id for row in grid.rows if row.pupil_id in result.pupil_ids] if grid else []
        if grid is None or not shown:
            self.reload()
            self.flush()
            return
        try:
            part = week_grid(self.ctx.db, group=grid.group, monday=grid.monday, by=self.ctx.account, pupil_ids=shown)
        except Refused:
            part = None
        if part is None or not self.model.update_rows(part):
            self.reload()
        self.flush()

    def _announce(self, changes: OpChanges) -> None:
        """What an edit changed, told to the app once the grid shows it (`_after_edit`)."""
        self._said = changes

    def flush(self) -> None:
        """Tell the rest of the app (every light of the school) what the grid changed, at once: only the
        pupils typed for are evaluated again (the status cache keeps the rest), only by the pages on
        screen (a hidden page catches up when shown), and the lists repaint only their changed rows."""
        if self._said is not None:
            self._own, self._said = self._said, None
            self.ctx.changed(self._own)

    def show_details(self) -> None:
        index = self.view.currentIndex()
        cells = [(index.row(), index.column())] if index.isValid() else []
        refusal = self._refusal(cells)
        if refusal is not None:
            self.say(self.tr("Not saved: %1").replace("%1", refusal), error=True)
            return
        from verzuimdesk.ui.absence_detail_dialog import AbsenceDetailDialog

        column = self.model.column(index.column())
        assert column is not None and self.model.grid is not None
        records = self.model.records_at(index.row(), index.column())
        pupil = self.model.grid.rows[index.row()]
        dialog = AbsenceDetailDialog(list(self.codes.values()), pupil_id=pupil.pupil_id, pupil_name=pupil.name,
                                     column=column, record=records[0] if records else None, parent=self)
        if dialog.exec() and dialog.spec is not None:
            before = records[0].category if records else None
            if self.apply(self.tr("Details"), [r.id for r in records[:1]], [dialog.spec]) is not None:
                now = self.codes[dialog.spec.code].category
                if before is Category.UNEXPLAINED and now is not Category.UNEXPLAINED:
                    self.ask_conversation(pupil.pupil_id)

    def ask_conversation(self, pupil_id: int) -> None:
        answer = QMessageBox.question(self, self.tr("Log a conversation?"), self.tr(
            "The unknown reason is now known. Do you want to log the call home as a conversation?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        # The conversation dialog is another issue's; until it exists, the dossier is where one logs it.
        try:
            log_conversation = import_module("verzuimdesk.ui.conversation_dialog").log_conversation
        except (ImportError, AttributeError):
            from verzuimdesk.ui.dossier import open_dossier

            open_dossier(self.ctx, pupil_id, self)
        else:
            log_conversation(self.ctx, pupil_id, self)

    def report_sick(self) -> None:
        report_sick(self.ctx, self.window())


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
