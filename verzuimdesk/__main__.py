"""`verzuimdesk`: no arguments starts the desktop app; a subcommand runs headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        from verzuimdesk.ui.system_check import check_display_libraries

        problem = check_display_libraries()  # before Qt, whose own message for this misleads
        if problem:
            print(problem, file=sys.stderr)
            return 1
        from verzuimdesk.ui import collector

        collector.pause()  # until the first window's modules are in (ui/collector.py)
        from verzuimdesk.ui.app import run_app  # Qt is loaded only for the desktop app

        return run_app()
    if args == ["--version"]:  # answered before the command line (and its imports) are loaded
        from verzuimdesk import __version__

        print(f"VerzuimDesk {__version__}")
        return 0
    from verzuimdesk.cli.main import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
