#!/usr/bin/env bash
# Renders an HTML report in headless Chromium and saves a PNG, to check by eye that the report is
# readable (table, chart, provenance). Needs chromium (Debian/Ubuntu: apt-get install -y chromium).
#
#   scripts/screenshot-report.sh [REPORT.html] [OUT.png] [WIDTHxHEIGHT]
#
# Defaults: the committed sample report, target/report.png, 1280x2000.
set -euo pipefail

report="${1:-samples/reports/secretsmanager_high_frequency_get_secret_value.html}"
out="${2:-target/report.png}"
size="${3:-1280x2000}"

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ]; then
  echo "screenshot-report: no chromium found (apt-get install -y chromium)" >&2
  exit 2
fi
if [ ! -f "$report" ]; then
  echo "screenshot-report: no such report: $report" >&2
  exit 2
fi

mkdir -p "$(dirname "$out")"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
abs_report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
abs_out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"

# The report loads nothing from the network; these flags keep Chromium itself from doing so.
"$browser" --headless --no-sandbox --disable-gpu --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" \
  --screenshot="$abs_out" --window-size="${size/x/,}" "file://$abs_report" >/dev/null 2>&1
echo "wrote $out"
