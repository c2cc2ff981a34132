#!/usr/bin/env bash
# Refresh resources/i18n/jcviewer_zh_CN.ts from the source (new strings arrive "unfinished"), then compile
# the .qm the app loads. Translate in Qt Linguist (pyside6-linguist) or by editing the .ts, then run again.
set -euo pipefail
cd "$(dirname "$0")/../.."
sources=$(find jcviewer -name '*.py' -not -path 'jcviewer/model/*' | sort)
pyside6-lupdate -no-obsolete -locations none $sources -ts resources/i18n/jcviewer_zh_CN.ts
pyside6-lrelease resources/i18n/jcviewer_zh_CN.ts -qm resources/i18n/jcviewer_zh_CN.qm
