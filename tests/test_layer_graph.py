"""The layer rule over the whole import graph (issue 17), read from the source so every module counts,
also one that is imported lazily inside a function:

- ui imports only the services, its own modules and the package's paths/version;
- cli imports only the services, its own modules and the package's paths/version;
- services, storage, importers, reports, the demo school and domain never import ui or cli (nothing
  imports upward); the demo school (verzuimdesk.demo) sits below the services and imports none of them;
- domain imports neither storage, importers, reports nor services, and does no I/O: no database,
  network, process or file access (the protocol and signal files are read by the importers).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import verzuimdesk

ROOT = Path(verzuimdesk.__file__).parent
SHARED = ("verzuimdesk.paths",)  # where the app's files are; no layer of its own

IO_MODULES = ("os", "shutil", "socket", "subprocess", "sqlite3", "sqlalchemy", "http", "urllib.request",
              "requests", "ftplib", "smtplib", "tempfile", "glob", "io")
IO_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "unlink", "mkdir", "iterdir",
            "glob", "rglob"}


def modules(layer: str) -> dict[str, ast.Module]:
    found = {}
    for path in sorted((ROOT / layer).rglob("*.py")):
        name = ".".join(("verzuimdesk", *path.relative_to(ROOT).with_suffix("").parts))
        found[name.removesuffix(".__init__")] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return found


def imports(tree: ast.Module, module: str) -> set[str]:
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's package
                base = module.rsplit(".", node.level)[0]
                out.add(f"{base}.{node.module}" if node.module else base)
            elif node.module == "verzuimdesk":  # from verzuimdesk import paths / __version__
                out |= {f"verzuimdesk.{alias.name}" for alias in node.names}
            elif node.module:
                out.add(node.module)
    return out


def inside(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def offences(layer: str, allowed: tuple[str, ...]) -> list[str]:
    bad = []
    for module, tree in modules(layer).items():
        for name in imports(tree, module):
            if inside(name, "verzuimdesk") and name != "verzuimdesk.__version__" and not inside(name, *allowed):
                bad.append(f"{module} imports {name}")
    return sorted(bad)


def test_the_ui_imports_only_the_services_and_itself() -> None:
    assert offences("ui", ("verzuimdesk.services", "verzuimdesk.ui", *SHARED)) == []


def test_the_command_line_imports_only_the_services_and_itself() -> None:
    assert offences("cli", ("verzuimdesk.services", "verzuimdesk.cli", *SHARED)) == []


@pytest.mark.parametrize("layer", ["services", "storage", "importers", "reports", "demo", "domain"])
def test_nothing_imports_upward(layer: str) -> None:
    """Below the services every layer imports only itself and the layers under the services."""
    lower = ("verzuimdesk.storage", "verzuimdesk.importers", "verzuimdesk.reports", "verzuimdesk.domain", *SHARED)
    allowed = ("verzuimdesk.services", "verzuimdesk.demo") if layer == "services" else (f"verzuimdesk.{layer}",)
    assert offences(layer, (*allowed, *lower)) == []


def test_the_domain_imports_no_layer_but_itself() -> None:
    assert offences("domain", ("verzuimdesk.domain", *SHARED)) == []


def test_the_domain_does_no_io() -> None:
    bad = []
    for module, tree in modules("domain").items():
        bad += [f"{module} imports {n}" for n in imports(tree, module) if inside(n, *IO_MODULES)]
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                fn = node.func
                name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
                if name in IO_CALLS:
                    bad.append(f"{module}:{node.lineno} calls {name}()")
    assert bad == []


def test_the_check_sees_an_offence() -> None:
    """The reader of the graph itself: a lazy import inside a function counts, a relative one too."""
    tree = ast.parse("def f():\n    from verzuimdesk.storage.database import Database\nfrom ..importers import x\n")
    assert imports(tree, "verzuimdesk.ui.pages.some_page") >= {"verzuimdesk.storage.database",
                                                                "verzuimdesk.ui.importers"}


@pytest.mark.parametrize("facade", ["verzuimdesk.services.database", "verzuimdesk.services.vocabulary"])
def test_every_name_the_services_lend_their_clients_is_there(facade: str) -> None:
    import importlib

    module = importlib.import_module(facade)
    assert all(getattr(module, name) is not None for name in module.__all__)
