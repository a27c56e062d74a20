"""The desktop app (PySide6). Widgets lay out and wire signals; every rule lives below, in services."""
