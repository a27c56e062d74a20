"""The pages of the main window's navigation, one widget per file."""
