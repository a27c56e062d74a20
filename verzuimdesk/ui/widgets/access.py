"""Accessibility that every list shares: each table and list has a name a screen reader says, and Tab
leaves it (arrows move between its cells), so the whole window is reachable by keyboard."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QWidget


def name_lists(root: QWidget, name: str) -> None:
    """Give each table or list under `root` without a name of its own the name `name` (a tab's or a
    page's title), and let Tab move on to the next control instead of into the cells."""
    for view in root.findChildren(QAbstractItemView):
        if not view.accessibleName():
            view.setAccessibleName(name.replace("&", ""))
        view.setTabKeyNavigation(False)
