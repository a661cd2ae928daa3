#!/usr/bin/env bash
# Measures, with DuckDB, the bytes Athena would scan for the seed hunt (secretsmanager_high_frequency_get_secret_value,
# a 7-day window) over a generated corpus: raw CloudTrail .json.gz (Athena's standard CloudTrail table) versus the
# ECS Parquet layout of `export --parquet` with dt partition pruning and column pruning. README "Cost on paper".
# Usage: scripts/cost-on-paper.sh [EVENTS] [DAYS] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-1000000}
days=${2:-30}
work=${3:-$(mktemp -d)}
mkdir -p "$work"
# A private copy of the jar: a rebuild during the run must not swap classes under it.
[ -f target/trailhunt.jar ] || mvn -B -ntp -q package -DskipTests
cp target/trailhunt.jar "$work/trailhunt.jar"
# DuckDB's native library lies beside the jar (pom.xml, trailhunt.nativeBeside), unless the jar carries it.
cp target/libduckdb_java.so_* "$work/" 2>/dev/null || true
th() { java -XX:+UseSerialGC -jar "$work/trailhunt.jar" "$@"; }
[ -d "$work/logs/AWSLogs" ] || th generate --events "$events" --days "$days" --out "$work/logs" >&2
[ -f "$work/store.duckdb" ] || th ingest --db "$work/store.duckdb" "$work/logs" >&2
[ -d "$work/pq" ] || th export --db "$work/store.duckdb" --parquet "$work/pq" >/dev/null
# The columns the seed hunt's Trino SQL reads (explain --target trino), and its first partition.
sql=$(th explain --db "$work/store.duckdb" --target trino secretsmanager_high_frequency_get_secret_value)
from=$(printf '%s\n' "$sql" | grep -o "\"dt\" >= '[0-9-]*'" | grep -o "[0-9]\{4\}-[0-9-]*")
echo "events: $events over $days days; seed hunt scans dt >= $from"
raw_all=$(find "$work/logs" -path '*/CloudTrail/*' -name '*.json.gz' -printf '%s\n' | awk '{s+=$1} END {print s}')
# Athena's projected CloudTrail table can prune by its yyyy/MM/dd partition too, when the query names it.
raw_days=$(find "$work/logs" -path '*/CloudTrail/*' -name '*.json.gz' -printf '%P %s\n' \
  | sed -E 's#.*/([0-9]{4})/([0-9]{2})/([0-9]{2})/[^ ]* ([0-9]+)$#\1-\2-\3 \4#' \
  | awk -v from="$from" '$1 >= from { s += $2 } END { print s + 0 }')
pq_all=$(find "$work/pq" -name '*.parquet' -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "raw .json.gz, all days:            $raw_all bytes"
echo "raw .json.gz, days in the window:  $raw_days bytes"
echo "ECS Parquet, all files:            $pq_all bytes"
java -cp "$work/trailhunt.jar" scripts/ParquetBytes.java "$work/pq" "$from" \
  @timestamp aws.cloudtrail.user_identity.arn event.action event.provider source.ip user_agent.name
