#!/usr/bin/env bash
# Home-page benchmark: wrk against GET /api/v1/me/home on the running suite (./serenade up), with real
# Keycloak tokens of the demo users. Loopback only, bounded in time: warm-up, then a fixed-rate run
# (wrk2-style pacing is not available in Debian's wrk, so the rate is set by connections and threads)
# and a saturation run.
#
#   bench/home-page.sh [duration-seconds]     default 30
#
# The gateway's per-user rate limit must be above the offered load (the 3 demo users would otherwise get
# 429s): start the suite with SERENADE_RATE_LIMIT=100000000 ./serenade up. The limiter still runs (one
# Redis round trip per request), it just never refuses.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-30}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }; }

TOKENS_FILE="$(mktemp)"
trap 'rm -f "$TOKENS_FILE"' EXIT
for u in alice bob carol; do ./serenade token "$u" >>"$TOKENS_FILE"; done
export TOKENS_FILE

status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(head -1 "$TOKENS_FILE")" "$GATEWAY/api/v1/me/home")"
[[ "$status" == 200 ]] || { echo "GET /me/home answered $status; is the suite up (./serenade up)?" >&2; exit 1; }

echo "warm-up (20 s, discarded)"
wrk -t2 -c16 -d20s -s bench/home/home.lua "$GATEWAY" >/dev/null
for conns in 8 16 32 64; do
  printf 'connections=%-3s ' "$conns"
  wrk -t2 -c"$conns" -d"${DURATION}s" --latency -s bench/home/home.lua "$GATEWAY" | grep '^RESULT' | sed 's/^RESULT //'
done
