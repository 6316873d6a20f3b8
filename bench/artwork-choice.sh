#!/usr/bin/env bash
# Artwork choice benchmark: wrk straight at artwork-service's POST /internal/choices (service-side latency,
# without the gateway) for a 40-title page, viewers with artwork-personalization consent. Loopback only,
# bounded in time: it creates 40 titles with 4 variants each (idempotent PUTs), warms up, then runs paced at
# 50, 100 and 200 pages a second (2,000 to 8,000 logged impressions a second), then unpaced at 1, 2 and 4
# connections (as fast as it goes). Each run reports served (impression ids in the answers), logged (rows the
# propensity log holds for the run's viewers since the run began) and not_logged (choices the log could not take,
# served as the global image: serenade_artwork_impressions_not_logged_total). served = logged, except for the
# requests still in flight when wrk stops (at most connections × 40 rows more logged than counted as served).
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
not_logged() { curl -fsS "$ARTWORK_MANAGEMENT/q/metrics" | awk '/^serenade_artwork_impressions_not_logged_total/ {print $2}'; }
logged_since() {
  PGPASSWORD=serenade_artwork psql -X -q -w -h 127.0.0.1 -p "${PGPORT:-5432}" -U serenade_artwork -d serenade_artwork -Atc \
    "SELECT count(*) FROM impressions WHERE user_id LIKE 'bench-u-%' AND shown_at >= '$1'"
}
# One run: wrk's summary, then served, logged and not logged.
run() {
  local before since out
  before="$(not_logged)"
  since="$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)"
  out="$(wrk -t1 "$@" -d"${DURATION}s" --latency -s bench/artwork/choices.lua "$ARTWORK")"
  printf '%s served=%s logged=%s not_logged=%s\n' "$(grep '^RESULT' <<<"$out" | sed 's/^RESULT //')" \
    "$(grep '^SERVED' <<<"$out" | sed 's/.*impressions=//')" "$(logged_since "$since")" \
    "$(awk -v a="$before" -v b="$(not_logged)" 'BEGIN {print b - a}')"
}
for rate in 50 100 200; do
  printf 'paced rate=%-4s ' "$rate"
  # 2 connections, each waiting 2000/rate ms between requests.
  DELAY_MS=$(( 2000 / rate )) run -c2
done
for conns in 1 2 4; do
  printf 'unpaced connections=%-2s ' "$conns"
  run -c"$conns"
done
