"""The Linux desktop integration the bundle installs: a menu entry that starts the bundle's program, the
icons in the icon theme, and AppStream metadata that validates."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .desktop file is for Linux")


def _build_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build", ROOT / "installer" / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "Programma's" / "verzuimdesk"
    folder.mkdir(parents=True)
    (folder / "verzuimdesk").write_text("#!/bin/sh\n", encoding="utf-8")
    _build_module().add_desktop_files(folder, today="2026-12-02")
    return folder


def test_install_puts_the_app_in_the_menu_with_its_icon_and_remove_takes_it_away(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(tmp_path)}
    out = subprocess.run([str(bundle / "install-desktop.sh")], env=env, capture_output=True, text=True, check=True)
    assert "menu" in out.stdout
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(data / "applications" / "nl.verzuimdesk.VerzuimDesk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == f'"{bundle / "verzuimdesk"}"'  # the bundle's program, even with ' in the path
    assert desktop["Icon"] == "nl.verzuimdesk.VerzuimDesk" and desktop["Name"] == "VerzuimDesk"
    for size in (16, 48, 256):
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "nl.verzuimdesk.VerzuimDesk.png").is_file()
    meta = (data / "metainfo" / "nl.verzuimdesk.VerzuimDesk.metainfo.xml").read_text(encoding="utf-8")
    assert "<id>nl.verzuimdesk.VerzuimDesk</id>" in meta and 'date="2026-12-02"' in meta and "@VERSION@" not in meta
    subprocess.run([str(bundle / "install-desktop.sh"), "--remove"], env=env, capture_output=True, check=True)
    assert not (data / "applications" / "nl.verzuimdesk.VerzuimDesk.desktop").exists()
    assert not list((data / "icons").rglob("*.png"))


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_the_appstream_metadata_validates(bundle: Path) -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", "--explain",
                             str(bundle / "share" / "nl.verzuimdesk.VerzuimDesk.metainfo.xml")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
