#!/usr/bin/env bash
# Artwork choice benchmark: wrk straight at artwork-service's POST /internal/choices (service-side latency,
# without the gateway) for a 40-title page, viewers with artwork-personalization consent. Loopback only,
# bounded in time: it creates 40 titles with 4 variants each (idempotent PUTs), warms up, then runs at
# 1, 2 and 4 connections.
#
#   bench/artwork-choice.sh [duration-seconds]     default 30     (needs the suite up: ./serenade up)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-30}"
ARTWORK="${ARTWORK:-http://127.0.0.1:8084}"
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }; }

tags=(faces ominous romantic action minimal bright dark text)
for t in $(seq 1 40); do
  for v in 1 2 3 4; do
    tag="${tags[$(( (t + v) % 8 ))]}"
    curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/json' \
      -d "{\"tags\":[\"$tag\"],\"dominantColour\":\"#334455\",\"enabled\":true}" \
      "$ARTWORK/internal/titles/bench-t-$t/artwork/bench-a-$t-$v" \
      || { echo "artwork-service at $ARTWORK did not accept a variant; is the suite up (./serenade up)?" >&2; exit 1; }
  done
done

echo "warm-up (20 s, discarded)"
wrk -t1 -c2 -d20s -s bench/artwork/choices.lua "$ARTWORK" >/dev/null
for conns in 1 2 4; do
  printf 'connections=%-2s ' "$conns"
  wrk -t1 -c"$conns" -d"${DURATION}s" --latency -s bench/artwork/choices.lua "$ARTWORK" | grep '^RESULT' | sed 's/^RESULT //'
done
