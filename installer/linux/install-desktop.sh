#!/bin/sh
# Put VerzuimDesk in the desktop's application menu, for this user (no root needed):
#   ./verzuimdesk/install-desktop.sh           add the menu entry, the icons and the AppStream metadata
#   ./verzuimdesk/install-desktop.sh --remove  take them away again (the data folder is left alone)
set -eu
ID=nl.verzuimdesk.VerzuimDesk
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
APPS=$DATA/applications
META=$DATA/metainfo
ICONS=$DATA/icons/hicolor

if [ "${1:-}" = "--remove" ]; then
  rm -f "$APPS/$ID.desktop" "$META/$ID.metainfo.xml"
  for size in 16 32 48 64 128 256; do rm -f "$ICONS/${size}x${size}/apps/$ID.png"; done
  rm -f "$ICONS/scalable/apps/$ID.svg"
  echo "VerzuimDesk is uit het menu gehaald."
  exit 0
fi

mkdir -p "$APPS" "$META"
# Exec is the bundle's own program, quoted as the desktop entry specification asks.
exec_line=$(printf '"%s"' "$HERE/verzuimdesk" | sed 's/[\\&|]/\\&/g')
sed "s|@EXEC@|$exec_line|g" "$HERE/share/$ID.desktop" > "$APPS/$ID.desktop"
cp "$HERE/share/$ID.metainfo.xml" "$META/$ID.metainfo.xml"
for size in 16 32 48 64 128 256; do
  if [ -f "$HERE/share/icons/verzuimdesk-$size.png" ]; then
    mkdir -p "$ICONS/${size}x${size}/apps"
    cp "$HERE/share/icons/verzuimdesk-$size.png" "$ICONS/${size}x${size}/apps/$ID.png"
  fi
done
if [ -f "$HERE/share/icons/verzuimdesk.svg" ]; then
  mkdir -p "$ICONS/scalable/apps"
  cp "$HERE/share/icons/verzuimdesk.svg" "$ICONS/scalable/apps/$ID.svg"
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS" || true
echo "VerzuimDesk staat nu in het menu van uw bureaublad."
