#!/usr/bin/env bash
# Install the built one-folder app for the current user: the folder, a command, the menu entry and icons.
#   python packaging/build.py && bash packaging/linux/install.sh [PREFIX]   (PREFIX defaults to ~/.local)
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix="${1:-$HOME/.local}"
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo"
rm -rf "$prefix/lib/jcviewer" && cp -a dist/jcviewer "$prefix/lib/jcviewer"
ln -sf "$prefix/lib/jcviewer/jcviewer" "$prefix/bin/jcviewer"
install -m 644 packaging/linux/io.github.jcviewer.desktop "$prefix/share/applications/"
install -m 644 packaging/linux/io.github.jcviewer.metainfo.xml "$prefix/share/metainfo/"
for size in 16 24 32 48 64 128 256; do
    dir="$prefix/share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir" && install -m 644 "resources/icons/jcviewer-$size.png" "$dir/io.github.jcviewer.png"
done
mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
install -m 644 resources/icons/jcviewer.svg "$prefix/share/icons/hicolor/scalable/apps/io.github.jcviewer.svg"
echo "installed jcviewer in $prefix (run: jcviewer)"
