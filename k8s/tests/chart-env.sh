#!/usr/bin/env bash
# Does the chart give each service everything it needs? Renders the chart for this machine (addresses of
# the suite `./serenade up` runs), then starts each service once more, beside the suite, with exactly the
# environment its pod would get (k8s/tools/env-of.mjs) and nothing else from this shell (env -i). Each
# must report started, live and ready on its management port, as the pod's probes ask, and after SIGTERM
# exit within the pod's budget for a graceful stop (terminationGracePeriodSeconds - preStopSleepSeconds),
# as Kubernetes would otherwise kill it. Every service checks tokens against the suite's Keycloak realm,
# and the callers (gateway, consent) get their client-credentials tokens there with the realm's dev secrets.
#
# Needs the suite up (./serenade up); .ci/run runs this after the smoke test. One service at a time, to
# spare the two cores; about two minutes in all.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
LOGS="$REPO/.serenade/logs"
HELM=k8s/tools/bin/helm
WORK="$(mktemp -d "${TMPDIR:-/tmp}/serenade-chart-env.XXXXXX")"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

PGPORT="${PGPORT:-5432}" REDIS_PORT="${REDIS_PORT:-6379}" KAFKA_PORT="${KAFKA_PORT:-9092}" KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
declare -A SUITE_PORT=([profile]=8081 [ranking]=8082 [consent]=8083 [artwork]=8084)
declare -A TRIAL_PORT=([gateway]=18080 [profile]=18081 [ranking]=18082 [consent]=18083 [artwork]=18084)
# The management interface (health, metrics): 9000 in every pod; here beside the suite's 9080-9084.
declare -A TRIAL_MGMT_PORT=([gateway]=19080 [profile]=19081 [ranking]=19082 [consent]=19083 [artwork]=19084)
# The callers' OIDC client secrets in the local realm (scripts/keycloak): the chart reads them from Secrets.
declare -A OIDC_CLIENT_SECRET=([gateway]=serenade-svc-gateway-secret [consent]=serenade-svc-consent-secret)
SERVICES=(profile ranking artwork consent gateway)
name_of() { [[ "$1" == gateway ]] && echo gateway || echo "$1-service"; }

[[ -x "$HELM" ]] || k8s/tools/install.sh >/dev/null
KEY_FILE=.serenade/purposes-signing.key
PSEUDONYMS_KEY_FILE=.serenade/pseudonyms.key
for f in "$KEY_FILE" "$PSEUDONYMS_KEY_FILE"; do
  [[ -s "$f" ]] || { echo "chart-env: $f is missing; run ./serenade up first" >&2; exit 1; }
done
for svc in "${SERVICES[@]}"; do
  [[ -f "$(name_of "$svc")/target/quarkus-app/quarkus-run.jar" ]] || { echo "chart-env: $(name_of "$svc") is not built" >&2; exit 1; }
done

# The chart's values for this machine. The only departures from a cluster: addresses on 127.0.0.1, each
# trial instance on its own ports (HTTP and management), and callees reached on the suite's ports (there is
# no cluster DNS here). oidc.authServerUrl is every service's issuer and the callers' token endpoint.
{
  echo "kafka: {bootstrapServers: \"127.0.0.1:$KAFKA_PORT\"}"
  echo "postgresql: {host: 127.0.0.1, port: $PGPORT, sslMode: disable}"
  echo "redis: {hosts: \"redis://127.0.0.1:$REDIS_PORT\"}"
  echo "oidc: {authServerUrl: \"http://127.0.0.1:$KEYCLOAK_PORT/realms/serenade\"}"
  echo "services:"
  for svc in "${SERVICES[@]}"; do
    echo "  $svc:"
    echo "    extraEnv:"
    echo "      QUARKUS_HTTP_PORT: \"${TRIAL_PORT[$svc]}\""
    echo "      QUARKUS_MANAGEMENT_PORT: \"${TRIAL_MGMT_PORT[$svc]}\""
    case "$svc" in
      gateway) callees=(profile ranking consent artwork) ;;
      consent) callees=(profile ranking artwork) ;;
      *) callees=() ;;
    esac
    for callee in "${callees[@]}"; do
      echo "      QUARKUS_REST_CLIENT_${callee^^}_URL: \"http://127.0.0.1:${SUITE_PORT[$callee]}\""
    done
  done
} > "$WORK/values.yaml"
"$HELM" template serenade k8s/helm/serenade -f "$WORK/values.yaml" > "$WORK/rendered.yaml"
read -r GRACE PRESTOP < <(node -e '
  const { parseAllDocuments } = require("./k8s/tools/node_modules/yaml");
  const docs = parseAllDocuments(require("fs").readFileSync(process.argv[1], "utf8")).map((d) => d.toJS());
  const pod = docs.find((d) => d && d.kind === "Deployment").spec.template.spec;
  console.log(pod.terminationGracePeriodSeconds, pod.containers[0].lifecycle.preStop.sleep.seconds);
' "$WORK/rendered.yaml")
BUDGET=$((GRACE - PRESTOP))

http_ok() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1$2" 2>/dev/null; }

failures=0
for svc in "${SERVICES[@]}"; do
  name="$(name_of "$svc")" port="${TRIAL_PORT[$svc]}" mport="${TRIAL_MGMT_PORT[$svc]}"
  log="$LOGS/chart-env-$(name_of "$svc").log"
  secrets=(--secret "serenade-purposes-signing-key/signing-key=$(cat "$KEY_FILE")"
    --secret "serenade-pseudonyms-key/key=$(cat "$PSEUDONYMS_KEY_FILE")")
  if [[ "$svc" != gateway ]]; then
    secrets+=(--secret "serenade-db-$svc/username=serenade_$svc" --secret "serenade-db-$svc/password=serenade_$svc")
  fi
  # A caller's client secret, from the Secret the chart names by default: <release>-<service>-oidc-client.
  if [[ -n "${OIDC_CLIENT_SECRET[$svc]:-}" ]]; then
    secrets+=(--secret "serenade-$name-oidc-client/client-secret=${OIDC_CLIENT_SECRET[$svc]}")
  fi
  mapfile -t env < <(node k8s/tools/env-of.mjs "$WORK/rendered.yaml" "serenade-$name" "${secrets[@]}")
  java_opts=""
  for kv in "${env[@]}"; do [[ "$kv" == JAVA_OPTS_APPEND=* ]] && java_opts="${kv#JAVA_OPTS_APPEND=}"; done
  # shellcheck disable=SC2086 # JAVA_OPTS_APPEND is a list of options, as run-java.sh splits it
  env -i PATH="$PATH" HOME="$WORK" "${env[@]}" java $java_opts -jar "$name/target/quarkus-app/quarkus-run.jar" > "$log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  status="started, live and ready"
  for _ in $(seq 1 90); do
    http_ok "$mport" /q/health/started && http_ok "$mport" /q/health/live && http_ok "$mport" /q/health/ready && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if ! { http_ok "$mport" /q/health/started && http_ok "$mport" /q/health/live && http_ok "$mport" /q/health/ready; }; then
    status="NOT ready with the chart's environment (log: ${log#"$REPO"/})"
    failures=$((failures + 1))
  fi
  start=$(date +%s%N)
  kill -TERM "$pid" 2>/dev/null || true
  stopped=""
  for _ in $(seq 1 $((BUDGET * 10))); do
    # Stopped: both ports are closed and the process is gone, or (an exited process that was not reaped
    # still answers kill -0) Quarkus has logged its stop.
    if ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$mport/q/health/live" \
        && ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" \
        && { ! kill -0 "$pid" 2>/dev/null || grep -q 'stopped in' "$log"; }; then
      stopped=yes; break
    fi
    sleep 0.1
  done
  took=$(( ($(date +%s%N) - start) / 1000000 ))
  if [[ -z "$stopped" ]]; then
    kill -9 "$pid" 2>/dev/null || true
    status="$status; still running ${BUDGET}s after SIGTERM (Kubernetes would kill it)"
    failures=$((failures + 1))
  else
    status="$status; stopped ${took} ms after SIGTERM (budget ${BUDGET} s)"
  fi
  wait "$pid" 2>/dev/null || true
  printf '%-8s %-16s %s\n' "$([[ "$status" == *NOT* || "$status" == *still* ]] && echo FAIL || echo ok)" "$name" "$status"
done

if ((failures)); then
  echo "chart-env: $failures service(s) failed with the chart's environment" >&2
  exit 1
fi
echo "chart-env: all 5 services start, report ready and stop gracefully with exactly the chart's environment"
