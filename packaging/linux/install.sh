#!/bin/sh
# Installs Vielfalt Desktop for the current user, without root rights:
#   program      ~/.local/lib/vielfalt-desktop/   (this folder, copied)
#   command      ~/.local/bin/vielfalt
#   menu entry   ~/.local/share/applications/vielfalt-desktop.desktop, icons, AppStream data
#   ./install.sh              install or update
#   ./install.sh --uninstall  remove the program again
# The data (~/.local/share/vielfalt-desktop) is never touched, neither here nor on removal.
# PREFIX=/some/where ./install.sh installs below another prefix instead of ~/.local.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
DEST=$PREFIX/lib/vielfalt-desktop
APPS=$PREFIX/share/applications
ICONS=$PREFIX/share/icons/hicolor
META=$PREFIX/share/metainfo
SIZES="16 24 32 48 64 128 256"

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$DEST"
  rm -f "$PREFIX/bin/vielfalt" "$APPS/vielfalt-desktop.desktop" \
    "$META/de.magdeburg.VielfaltDesktop.metainfo.xml" "$ICONS/scalable/apps/vielfalt-desktop.svg"
  for size in $SIZES; do rm -f "$ICONS/${size}x${size}/apps/vielfalt-desktop.png"; done
  refresh
  echo "Vielfalt Desktop ist entfernt. Die Daten sind unverändert geblieben."
  exit 0
fi

[ -x "$HERE/vielfalt" ] || { echo "install.sh: vielfalt fehlt neben diesem Skript." >&2; exit 1; }
if [ "$HERE" != "$DEST" ]; then
  rm -rf "$DEST.new"
  mkdir -p "$DEST.new"
  cp -R "$HERE/." "$DEST.new/"
  rm -rf "$DEST"
  mv "$DEST.new" "$DEST"
fi
mkdir -p "$PREFIX/bin" "$APPS" "$META" "$ICONS/scalable/apps"
ln -sf "$DEST/vielfalt" "$PREFIX/bin/vielfalt"
# The menu entry gets the full path, so it works even if ~/.local/bin is not on PATH.
sed -e "s|^Exec=.*|Exec=\"$DEST/vielfalt\"|" -e "s|^TryExec=.*|TryExec=$DEST/vielfalt|" \
  "$DEST/share/applications/vielfalt-desktop.desktop" >"$APPS/vielfalt-desktop.desktop"
cp "$DEST/share/metainfo/de.magdeburg.VielfaltDesktop.metainfo.xml" "$META/"
cp "$DEST/share/icons/hicolor/scalable/apps/vielfalt-desktop.svg" "$ICONS/scalable/apps/"
for size in $SIZES; do
  mkdir -p "$ICONS/${size}x${size}/apps"
  cp "$DEST/share/icons/hicolor/${size}x${size}/apps/vielfalt-desktop.png" "$ICONS/${size}x${size}/apps/"
done
refresh
echo "Vielfalt Desktop ist installiert: im Anwendungsmenü oder mit dem Befehl $PREFIX/bin/vielfalt"
