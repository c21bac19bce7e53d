#!/usr/bin/env bash
# The nightly flow: build the site from the exports that landed in EXPORTS into OUT, keeping history
# between runs (the config's historyDir). Exits with the build's code for the scheduler:
#   0 built and swapped in; 1 the build failed (disk full, permissions: the message names the cause);
#   2 fatal input or a refused OUT; 3 too many rejected rows; 4 suspicious drop.
# OUT is replaced only by a successful build, and only when it is new, empty, or a site this tool
# built (it holds the .cs-report-site marker). Set ALLOW_DROP=1 to accept a checked drop.
set -uo pipefail
usage='usage: nightly.sh EXPORTS_DIR OUT_DIR [CONFIG]'
EXPORTS=${1:?$usage}
OUT=${2:?$usage}
CONFIG=${3:-}
cd "$(dirname "$0")/.."

# Refuse an OUT that is not a site this tool built before anything runs (the build checks it too).
if [ -e "$OUT" ] || [ -L "$OUT" ]; then
  if [ -L "$OUT" ] || [ -f "$OUT" ]; then
    [ -f "$OUT/.cs-report-site" ] || { echo "nightly: $OUT is not a site this tool built (no .cs-report-site marker); nothing was changed. Give OUT a folder of its own." >&2; exit 2; }
  elif [ -n "$(ls -A "$OUT")" ] && [ ! -f "$OUT/.cs-report-site" ]; then
    echo "nightly: $OUT holds files and no .cs-report-site marker, so it is not a site this tool built; nothing was changed. Give OUT a folder of its own." >&2
    exit 2
  fi
fi

args=(--data "$EXPORTS" --out "$OUT")
[ -n "$CONFIG" ] && args+=(--config "$CONFIG")
[ "${ALLOW_DROP:-0}" = "1" ] && args+=(--allow-drop)

npm run --silent build -- "${args[@]}"
code=$?
case $code in
  0) echo "nightly: site published to $OUT" ;;
  1) echo "nightly: the build failed (exit 1): read the error above (it names the cause and the file); the previous site stays" >&2 ;;
  2) echo "nightly: FATAL input (exit 2): fix the exports, the config or OUT; the previous site stays" >&2 ;;
  3) echo "nightly: too many rejected rows (exit 3): see the rejected-rows report; the previous site stays" >&2 ;;
  4) echo "nightly: suspicious drop in an export (exit 4): check it, then re-run with ALLOW_DROP=1" >&2 ;;
  *) echo "nightly: build failed (exit $code)" >&2 ;;
esac
exit $code
