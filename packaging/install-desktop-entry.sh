#!/bin/sh
# Install the desktop entry and icon for this copy of Conflict Timeline (per user, no root needed).
# Run it from the unpacked onedir folder: ./install-desktop-entry.sh   (--uninstall to remove)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$apps/conflict-timeline.desktop" "$data/icons/hicolor/scalable/apps/conflict-timeline.svg" \
          "$data/icons/hicolor/256x256/apps/conflict-timeline.png"
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
    echo "removed $apps/conflict-timeline.desktop"
    exit 0
fi
if [ ! -x "$here/conflict-timeline" ]; then
    echo "install-desktop-entry.sh: no conflict-timeline program next to this script ($here)" >&2
    exit 1
fi
mkdir -p "$apps"
# Point Exec/TryExec at this folder's program (quoted: the path may contain spaces).
sed -e "s|^Exec=conflict-timeline|Exec=\"$here/conflict-timeline\"|" \
    -e "s|^TryExec=conflict-timeline|TryExec=$here/conflict-timeline|" \
    "$here/conflict-timeline.desktop" > "$apps/conflict-timeline.desktop"
if [ -f "$here/conflict-timeline.svg" ]; then
    mkdir -p "$data/icons/hicolor/scalable/apps"
    cp "$here/conflict-timeline.svg" "$data/icons/hicolor/scalable/apps/"
fi
if [ -f "$here/conflict-timeline.png" ]; then
    mkdir -p "$data/icons/hicolor/256x256/apps"
    cp "$here/conflict-timeline.png" "$data/icons/hicolor/256x256/apps/"
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "installed $apps/conflict-timeline.desktop"
