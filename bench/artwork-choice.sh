#!/usr/bin/env bash
# Artwork choice benchmark: wrk straight at artwork-service's POST /internal/choices (service-side latency,
# without the gateway) for a 40-title page, viewers with artwork-personalization consent. Loopback only,
# bounded in time: it creates 40 titles with 4 variants each (idempotent PUTs), warms up, then runs paced at
# 50, 100 and 200 pages a second (2,000 to 8,000 logged impressions a second), then unpaced at 1, 2 and 4
# connections (as fast as it goes: the propensity log then falls behind and drops rows, counted in
# serenade_artwork_impressions_dropped_total).
#
#   bench/artwork-choice.sh [duration-seconds]     default 30     (needs the suite up: ./serenade up)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-30}"
ARTWORK="${ARTWORK:-http://127.0.0.1:8084}"
ARTWORK_MANAGEMENT="${ARTWORK_MANAGEMENT:-http://127.0.0.1:9084}"
KEYCLOAK="${KEYCLOAK:-http://127.0.0.1:8180}"
# The benchmark stands in for the gateway: internal routes take only a service identity's token (the local realm's
# documented dev secret). The realm issues it for 5 minutes, longer than every run below.
SERVICE_TOKEN="$(curl -fsS -d grant_type=client_credentials -d client_id=serenade-svc-gateway \
  -d client_secret=serenade-svc-gateway-secret "$KEYCLOAK/realms/serenade/protocol/openid-connect/token" | jq -r .access_token)"
export SERVICE_TOKEN
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }; }

tags=(faces ominous romantic action minimal bright dark text)
for t in $(seq 1 40); do
  for v in 1 2 3 4; do
    tag="${tags[$(( (t + v) % 8 ))]}"
    curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/json' -H "Authorization: Bearer $SERVICE_TOKEN" \
      -d "{\"tags\":[\"$tag\"],\"dominantColour\":\"#334455\",\"enabled\":true}" \
      "$ARTWORK/internal/titles/bench-t-$t/artwork/bench-a-$t-$v" \
      || { echo "artwork-service at $ARTWORK did not accept a variant; is the suite up (./serenade up)?" >&2; exit 1; }
  done
done

# The gateway signs each request's purposes; wrk cannot, so the viewers' tokens are minted first (1 h).
java -jar bench/target/serenade-bench.jar purpose-tokens --users 10000 --prefix bench-u- \
  --purposes artwork-personalization > bench/target/purpose-tokens.txt

echo "warm-up (20 s, discarded)"
wrk -t1 -c2 -d20s -s bench/artwork/choices.lua "$ARTWORK" >/dev/null
dropped() { curl -fsS "$ARTWORK_MANAGEMENT/q/metrics" | awk '/^serenade_artwork_impressions_dropped_total/ {print $2}'; }
for rate in 50 100 200; do
  before="$(dropped)"
  printf 'paced rate=%-4s ' "$rate"
  # 2 connections, each waiting 2000/rate ms between requests.
  DELAY_MS=$(( 2000 / rate )) wrk -t1 -c2 -d"${DURATION}s" --latency -s bench/artwork/choices.lua "$ARTWORK" \
    | grep '^RESULT' | sed 's/^RESULT //' | tr -d '\n'
  echo " impressions_dropped=$(awk -v a="$before" -v b="$(dropped)" 'BEGIN {print b - a}')"
done
for conns in 1 2 4; do
  before="$(dropped)"
  printf 'unpaced connections=%-2s ' "$conns"
  wrk -t1 -c"$conns" -d"${DURATION}s" --latency -s bench/artwork/choices.lua "$ARTWORK" | grep '^RESULT' | sed 's/^RESULT //' | tr -d '\n'
  echo " impressions_dropped=$(awk -v a="$before" -v b="$(dropped)" 'BEGIN {print b - a}')"
  sleep 20 # let the propensity log catch up before the next run
done
