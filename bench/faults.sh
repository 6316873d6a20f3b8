#!/usr/bin/env bash
# The fault suite: a mixed load through the gateway (events in batches, home pages, consent changes) while one
# fault at a time strikes the running suite, then counts what each promise says must hold: events accepted =
# applied in profile and ranking (each exactly once), impressions served ⊆ logged, personalized responses =
# data-use records, no 5xx where a fault must degrade instead, and the time to recover. Loopback only, bounded
# (each scenario ends by itself within a few minutes; the whole suite within about half an hour), stops by itself.
#
#   bench/faults.sh [--short] [--scenarios a,b,...] [--events N]     needs the suite up: ./serenade up
#   bench/faults.sh inject|heal SCENARIO      one fault by hand (what the tool calls)
#
# Scenarios: kill-<service> (SIGKILL, restarted 5 s later) for each of the five services, kafka-restart,
# redis-stop (SIGSTOP for 30 s, then SIGCONT), consent-stop (consent-service killed for 30 s, the gateway's consent
# cache emptied so consent is unknown), postgres-restart. --short runs kill-ranking-service and kafka-restart with
# 5,000 events each (CI). Results: bench/target/faults/faults.md, exit 1 when a promise failed.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
PGPORT="${PGPORT:-5432}"
REDIS_PORT="${REDIS_PORT:-6379}"
# Restarted services get the same rate limit as the run that started them (benchmarks raise it).
export SERENADE_RATE_LIMIT="${SERENADE_RATE_LIMIT:-100000000}"

redis_pid() { pgrep -f "redis-server .*:$REDIS_PORT" | head -1; }
pg_datadir() { psql -X -q -w -h 127.0.0.1 -p "$PGPORT" -U "${PG_SUPERUSER:-postgres}" -d postgres -Atc 'show data_directory'; }
pg_ctl_bin() { local v; v="$(psql -X -q -w -h 127.0.0.1 -p "$PGPORT" -U "${PG_SUPERUSER:-postgres}" -d postgres -Atc 'show server_version_num')"; echo "/usr/lib/postgresql/$((v / 10000))/bin/pg_ctl"; }

inject() {
  case "$1" in
    kill-*) ./serenade kill "${1#kill-}" ;;
    kafka-restart) scripts/infra.sh down kafka ;;
    redis-stop) kill -STOP "$(redis_pid)"; echo "redis: SIGSTOP" ;;
    consent-stop)
      ./serenade kill consent-service
      # Consent unknown: no cached answer left, so every lookup must ask consent-service, which is away.
      redis-cli -p "$REDIS_PORT" --scan --pattern '*consent:*' | xargs -r -n 500 redis-cli -p "$REDIS_PORT" del >/dev/null
      echo "gateway consent cache emptied"
      ;;
    postgres-restart)
      local dir; dir="$(pg_datadir)"
      # -m fast: open connections are cut, as a crash or failover would; it comes back at once.
      su postgres -c "$(pg_ctl_bin) -D '$dir' restart -m fast -w -t 60" >/dev/null
      echo "postgres restarted"
      ;;
    *) echo "unknown scenario $1" >&2; exit 2 ;;
  esac
}

heal() {
  case "$1" in
    kill-*) ./serenade start "${1#kill-}" ;;
    kafka-restart) scripts/infra.sh up kafka ;;
    redis-stop) kill -CONT "$(redis_pid)"; echo "redis: SIGCONT" ;;
    consent-stop) ./serenade start consent-service ;;
    postgres-restart) : ;;
    *) echo "unknown scenario $1" >&2; exit 2 ;;
  esac
}

case "${1:-}" in
  inject) inject "$2" ;;
  heal) heal "$2" ;;
  *)
    [[ -f bench/target/serenade-bench.jar ]] || { echo "bench/target/serenade-bench.jar missing: build first (./serenade up builds it)" >&2; exit 1; }
    args=()
    for a in "$@"; do [[ "$a" == --short ]] && args+=(--profile short) || args+=("$a"); done
    exec java -jar bench/target/serenade-bench.jar faults --repo "$REPO" "${args[@]}"
    ;;
esac
