"""The layer rule of STYLE.md, checked rather than hoped for: each import runs in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest


def modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    return set(out.stdout.split())


@pytest.mark.parametrize("module", ["verzuimdesk.services", "verzuimdesk.reports", "verzuimdesk.cli.main"])
def test_headless_layers_load_no_qt(module: str) -> None:
    import pkgutil

    package = __import__(module, fromlist=["_"])
    subs = [f"{module}.{m.name}" for m in pkgutil.walk_packages(getattr(package, "__path__", []))]
    loaded = modules_after("\n".join(f"import {m}" for m in [module, *subs]))
    assert not any(m.startswith("PySide6") for m in loaded)


def test_headless_command_runs_without_qt(tmp_path: object) -> None:
    code = ("from verzuimdesk.cli.main import run\n"
            "try:\n    run(['--version'])\nexcept SystemExit:\n    pass")
    assert not any(m.startswith("PySide6") for m in modules_after(code))


def test_domain_imports_neither_sqlalchemy_nor_qt() -> None:
    import pkgutil

    import verzuimdesk.domain as domain

    subs = [f"verzuimdesk.domain.{m.name}" for m in pkgutil.walk_packages(domain.__path__)]
    loaded = modules_after("\n".join(f"import {m}" for m in ["verzuimdesk.domain", *subs]))
    assert not any(m.startswith(("PySide6", "sqlalchemy")) for m in loaded)


def test_the_demo_school_uses_only_domain_importers_and_storage() -> None:
    # issue 17: the demo is a package of its own below the services; the domain knows nothing of it
    loaded = modules_after("import verzuimdesk.demo")
    assert not [m for m in loaded if m.startswith(("PySide6", "verzuimdesk.services", "verzuimdesk.ui",
                                                   "verzuimdesk.cli", "verzuimdesk.reports"))]
    import pkgutil

    import verzuimdesk.domain as domain

    subs = [f"verzuimdesk.domain.{m.name}" for m in pkgutil.walk_packages(domain.__path__)]
    assert "verzuimdesk.demo" not in modules_after("\n".join(f"import {m}" for m in ["verzuimdesk.domain", *subs]))
    assert not [m for m in subs if "demo" in m]
