#!/usr/bin/env bash
# What another host on the network reaches of the running suite (./serenade up): only the gateway. A test host of
# our own is made in a network namespace with a veth pair to this machine (addresses on that pair only, no route
# anywhere else); from it every port of the suite is tried. The gateway must answer; every service's API and
# management port, PostgreSQL, Redis, Kafka and Keycloak must refuse the connection. Also lists, with ss, which of
# the suite's ports listen beyond loopback. Bounded: one connection attempt per port, 2 s each. Needs root.
set -euo pipefail
cd "$(dirname "$0")/.."

NS=serenade-reach-$$
HOST_IP=10.213.77.1
PROBE_IP=10.213.77.2
GATEWAY=8080
CLOSED=(8081 8082 8083 8084 9080 9081 9082 9083 9084 "${PGPORT:-5432}" "${REDIS_PORT:-6379}" "${KAFKA_PORT:-9092}" "${KEYCLOAK_PORT:-8180}")

command -v ip >/dev/null || { apt-get install -y -q iproute2 >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q iproute2 >/dev/null; }; }
cleanup() { ip netns del "$NS" 2>/dev/null || true; ip link del "v$$h" 2>/dev/null || true; }
trap cleanup EXIT

ip netns add "$NS"
ip link add "v$$h" type veth peer name "v$$p"
ip link set "v$$p" netns "$NS"
ip addr add "$HOST_IP/30" dev "v$$h" && ip link set "v$$h" up
ip -n "$NS" addr add "$PROBE_IP/30" dev "v$$p" && ip -n "$NS" link set "v$$p" up && ip -n "$NS" link set lo up

failed=0
# Exit 0: a connection (any HTTP answer). 7: refused. Anything else (28 time-out) is also "not reachable".
reach() { ip netns exec "$NS" curl -s -o /dev/null --connect-timeout 2 --max-time 3 "http://$HOST_IP:$1/" && return 0 || return 1; }

if reach "$GATEWAY"; then
  echo "PASS: a host on the network reaches the gateway ($HOST_IP:$GATEWAY)"
else
  echo "FAIL: a host on the network cannot reach the gateway ($HOST_IP:$GATEWAY)"; failed=1
fi
for port in "${CLOSED[@]}"; do
  if reach "$port"; then
    echo "FAIL: a host on the network reaches port $port"; failed=1
  else
    echo "PASS: port $port is not reachable from the network"
  fi
done

# The same from the machine's own view: which of the suite's ports listen on an address other than loopback.
open_ports="$(ss -Hltn | awk '{print $4}' | grep -vE '^(127\.[0-9.]+|\[::1\]|\[::ffff:127\.[0-9.]+\]):' | sed -E 's/.*:([0-9]+)$/\1/' | sort -un)"
for port in "${CLOSED[@]}"; do
  if grep -qx "$port" <<<"$open_ports"; then
    echo "FAIL: port $port listens beyond loopback (ss -ltn)"; failed=1
  fi
done
grep -qx "$GATEWAY" <<<"$open_ports" && echo "PASS: ss -ltn shows the gateway ($GATEWAY) listening beyond loopback, no other port of the suite"

if [[ $failed -ne 0 ]]; then
  echo "reach-check: FAILED"; exit 1
fi
echo "reach-check: only the gateway is reachable from the network"
