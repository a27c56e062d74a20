"""Render resources/icons/verzuimdesk.svg to the PNG sizes and the Windows .ico the installer uses.

Run `python installer/make_icons.py` after changing the SVG and commit what it writes: the build
then needs neither this script nor anything beyond Qt. Qt's own SVG renderer (PySide6.QtSvg is in
PySide6-Essentials) draws the pictures, so no Pillow or Inkscape is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # Qt is imported where it is used, after main() chose the offscreen platform
    from PySide6.QtGui import QImage

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "verzuimdesk.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def render(size: int) -> QImage:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is geen geldige SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """An uncompressed 32-bit icon bitmap: what every Windows tool reads for the small sizes."""
    w, h = image.width(), image.height()
    # Format_ARGB32 is stored as B, G, R, A bytes on little-endian machines: exactly the DIB's order.
    rows = [bytes(cast(memoryview, image.constScanLine(y)))[: w * 4] for y in range(h)]
    xor = b"".join(reversed(rows))  # a DIB runs bottom-up
    and_mask = bytes(((w + 31) // 32) * 4 * h)  # all zero: the alpha channel decides transparency
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, len(xor) + len(and_mask), 0, 0, 0, 0)
    return header + xor + and_mask


def ico_bytes(images: list[QImage]) -> bytes:
    """A multi-size .ico: bitmaps up to 128 px, PNG for 256 px (the layout Windows itself uses)."""
    if sys.byteorder != "little":
        raise SystemExit("make_icons.py schrijft de .ico alleen op een little-endian machine")
    blobs = [png_bytes(img) if img.width() >= 256 else dib_bytes(img) for img in images]
    offset = 6 + 16 * len(images)
    directory = b""
    for img, blob in zip(images, blobs, strict=True):
        side = img.width() % 256  # 0 means 256 in an ICO directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return struct.pack("<HHH", 0, 1, len(images)) + directory + b"".join(blobs)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    images = [render(size) for size in SIZES]
    for size, image in zip(SIZES, images, strict=True):
        (ICONS / f"verzuimdesk-{size}.png").write_bytes(png_bytes(image))
    (ICONS / "verzuimdesk.ico").write_bytes(ico_bytes(images))
    print(f"{len(SIZES)} PNG's en verzuimdesk.ico geschreven in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
