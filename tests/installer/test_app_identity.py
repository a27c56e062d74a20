"""The app's identity as the installer ships it: one version, the icon in every size, resources found when frozen."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader
from pytestqt.qtbot import QtBot

from verzuimdesk import __version__
from verzuimdesk.importers import protocol_files

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def test_version_command_prints_the_package_version() -> None:
    out = subprocess.run([sys.executable, "-m", "verzuimdesk", "--version"], capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == f"VerzuimDesk {__version__}"


@pytest.mark.parametrize("size", SIZES)
def test_png_icon_has_the_size_its_name_says(qtbot: QtBot, size: int) -> None:
    reader = QImageReader(str(ICONS / f"verzuimdesk-{size}.png"))
    image = reader.read()
    assert not image.isNull(), reader.errorString()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_windows_icon_holds_every_size(qtbot: QtBot) -> None:
    # Windows picks the 16 px for the title bar and 256 px for large tiles: all must be in the .ico.
    reader = QImageReader(str(ICONS / "verzuimdesk.ico"))
    sizes = set()
    for _ in range(reader.imageCount()):
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.add(image.width())
        reader.jumpToNextImage()
    assert sizes == set(SIZES)


def test_icon_shows_a_traffic_light(qtbot: QtBot) -> None:
    # The three lamps sit in the page's lower half, left to right red, amber, green, even at 16 px.
    from PySide6.QtGui import QImage

    for size in (16, 256):
        image = QImage(str(ICONS / f"verzuimdesk-{size}.png"))
        y = round(size * 161 / 256)
        red, amber, green = (image.pixelColor(round(size * x / 256), y) for x in (70, 128, 186))
        assert red.red() > red.green() + 60
        assert amber.red() > 150 and amber.green() > 120 and amber.blue() < 100
        assert green.green() > green.red() + 30


def test_protocols_are_found_inside_a_frozen_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # PyInstaller sets sys._MEIPASS; the bundle's resources live there, not beside a source tree.
    bundled = tmp_path / "resources" / "protocols"
    bundled.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "protocols" / "tilburg-po.toml", bundled)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert [pid for pid, _name in protocol_files.list_protocols()] == ["tilburg-po"]
