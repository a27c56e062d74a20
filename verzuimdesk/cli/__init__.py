"""Headless commands (INTERFACES.md). Nothing here loads Qt."""
