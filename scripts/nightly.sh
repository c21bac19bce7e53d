#!/usr/bin/env bash
# The nightly flow: build the site from the exports that landed in EXPORTS into OUT, keeping history
# between runs (the config's historyDir). Exits with the build's code for the scheduler:
#   0 built and swapped in; 2 fatal input; 3 too many rejected rows; 4 suspicious drop.
# OUT is replaced only by a successful build. Set ALLOW_DROP=1 to accept a checked drop.
set -uo pipefail
EXPORTS=${1:?usage: nightly.sh EXPORTS_DIR OUT_DIR [CONFIG]}
OUT=${2:?usage: nightly.sh EXPORTS_DIR OUT_DIR [CONFIG]}
CONFIG=${3:-}
cd "$(dirname "$0")/.."

args=(--data "$EXPORTS" --out "$OUT")
[ -n "$CONFIG" ] && args+=(--config "$CONFIG")
[ "${ALLOW_DROP:-0}" = "1" ] && args+=(--allow-drop)

npm run --silent build -- "${args[@]}"
code=$?
case $code in
  0) echo "nightly: site published to $OUT" ;;
  2) echo "nightly: FATAL input (exit 2): fix the exports or the config; the previous site stays" >&2 ;;
  3) echo "nightly: too many rejected rows (exit 3): see the rejected-rows report; the previous site stays" >&2 ;;
  4) echo "nightly: suspicious drop in an export (exit 4): check it, then re-run with ALLOW_DROP=1" >&2 ;;
  *) echo "nightly: build failed (exit $code)" >&2 ;;
esac
exit $code
