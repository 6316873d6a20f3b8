#!/usr/bin/env bash
# Local infrastructure for Serenade, without Docker: PostgreSQL, Redis, Kafka (KRaft) and Keycloak.
#
#   scripts/infra.sh up     [components...]   start what is missing (default: all four), idempotent
#   scripts/infra.sh down   [components...]   stop only what this script started (default: all)
#   scripts/infra.sh status [components...]   one line per component; exit 3 if any is down
#
# Components: postgres redis kafka keycloak.
# Ports (env): PGPORT=5432 REDIS_PORT=6379 KAFKA_PORT=9092 KAFKA_CONTROLLER_PORT=9093
#              KEYCLOAK_PORT=8180 KEYCLOAK_MGMT_PORT=8190
# Other env:   SERENADE_CACHE (default ~/.cache/serenade) caches the Kafka jars and the extracted
#              Keycloak so a fresh clone does not download/extract them again;
#              PG_SUPERUSER (default postgres) is the role used to create the service roles/databases.
#
# Every runtime file lives under $REPO/.serenade (git-ignored): logs/<component>.log, data dirs, and
# .serenade/started, the record of what THIS script started. `down` only ever stops processes listed
# there, so a PostgreSQL or Redis that was already running on the machine (and merely reused) is never
# touched. Liveness is always checked by the port answering, never by `kill -0` alone: on some machines
# exited children linger as zombies because PID 1 does not reap them.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$REPO/.serenade"
LOGS="$STATE/logs"
STARTED="$STATE/started"
CACHE="${SERENADE_CACHE:-$HOME/.cache/serenade}"
# Only one Maven process may run at a time on the development machines: every Maven call takes this lock.
MVN_LOCK=/tmp/serenade-mvn.lock

PGPORT="${PGPORT:-5432}"
PG_SUPERUSER="${PG_SUPERUSER:-postgres}"
REDIS_PORT="${REDIS_PORT:-6379}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_MGMT_PORT="${KEYCLOAK_MGMT_PORT:-8190}"

KAFKA_VERSION=4.1.2
KEYCLOAK_VERSION=26.7.3
KAFKA_LIBS="$CACHE/kafka-$KAFKA_VERSION/libs"
KEYCLOAK_DIST="$CACHE/keycloak-$KEYCLOAK_VERSION"
KAFKA_LOG4J="$REPO/scripts/lib/kafka-log4j2.properties"
KAFKA_POM="$REPO/scripts/lib/kafka-pom.xml"
REALM_FILE="$REPO/scripts/keycloak/serenade-realm.json"
EVENTS_JAR="$REPO/events/target/events-0.1.0-SNAPSHOT.jar"

ALL_COMPONENTS=(postgres redis kafka keycloak)
# The four services each own a role and two databases (run + test); password = role name.
PG_SERVICES=(profile ranking artwork consent)

# ---------------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------------
# shellcheck source=scripts/lib/common.sh
source "$REPO/scripts/lib/common.sh"

# ---------------------------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------------------------
PG_DIR="$STATE/postgres"
PG_DATA="$PG_DIR/data"

# -w: never prompt for a password (a reused server that wants one must get it via PGPASSWORD/.pgpass).
pg_psql() { psql -X -q -w -h 127.0.0.1 -p "$PGPORT" -U "$PG_SUPERUSER" -d postgres -v ON_ERROR_STOP=1; }
pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PGPORT" -t 2 >/dev/null 2>&1; }

pg_bindir() {
  # Debian keeps the server binaries out of PATH (/usr/lib/postgresql/<major>/bin); take the newest.
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  local d
  d="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  [[ -x "$d/pg_ctl" ]] && echo "$d"
}

pg_up() {
  if port_open "$PGPORT"; then
    pg_ready || die "port $PGPORT answers but not as PostgreSQL; set PGPORT to a free port"
    if [[ -n "$(started_pid postgres "$PGPORT")" ]]; then
      say "postgres: already up on 127.0.0.1:$PGPORT (started by this script)"
    else
      say "postgres: reusing the server already running on 127.0.0.1:$PGPORT"
    fi
  else
    pg_start
  fi
  pg_provision
}

pg_start() {
  refuse_second_instance postgres
  if ! command -v psql >/dev/null || ! command -v pg_isready >/dev/null; then apt_install postgresql-client; fi
  local bin
  bin="$(pg_bindir)" || true
  if [[ -z "$bin" ]]; then
    apt_install postgresql
    bin="$(pg_bindir)" || die "PostgreSQL server binaries not found after installing postgresql"
  fi
  mkdir -p "$PG_DIR/run"
  if ((EUID == 0)); then chown postgres: "$PG_DIR" "$PG_DIR/run"; fi
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    say "postgres: creating a private cluster in $PG_DATA"
    rm -rf "$PG_DATA"
    as_pg "$bin/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >>"$LOGS/postgres.log" 2>&1 || die "initdb failed (see $LOGS/postgres.log)"
  fi
  touch "$LOGS/postgres.log"
  if ((EUID == 0)); then chown postgres: "$LOGS/postgres.log"; fi
  say "postgres: starting a private server on 127.0.0.1:$PGPORT"
  # Unix socket in our run dir (not /var/run/postgresql, which belongs to the machine's cluster);
  # clients here use TCP 127.0.0.1 anyway. fsync stays on: the run command keeps its data here.
  as_pg "$bin/pg_ctl" -w -t 60 -D "$PG_DATA" -l "$LOGS/postgres.log" \
    -o "-p $PGPORT -k $PG_DIR/run -c listen_addresses=127.0.0.1" start >/dev/null 9>&- \
    || die "pg_ctl start failed (see $LOGS/postgres.log)"
  wait_until 30 "postgres on port $PGPORT" pg_ready || die "postgres did not come up (see $LOGS/postgres.log)"
  record_started postgres "$(head -n 1 "$PG_DATA/postmaster.pid")" "$PGPORT"
}

# Roles and databases, idempotently, in one psql session: create what is missing, and fix ownership
# or LOGIN if someone changed them; an existing role's password is left as it is.
pg_provision() {
  local values="" s role
  for s in "${PG_SERVICES[@]}"; do
    role="serenade_$s"
    values+="${values:+,}('$role','$role'),('${role}_test','$role')"
  done
  local roles
  roles="$(printf "'serenade_%s'," "${PG_SERVICES[@]}")"
  roles="${roles%,}"
  pg_psql <<SQL >/dev/null || die "could not create the Serenade roles/databases on port $PGPORT"
DO \$\$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY[$roles] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', r, r);
    ELSIF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('ALTER ROLE %I LOGIN', r);
    END IF;
  END LOOP;
END
\$\$;
SELECT format('CREATE DATABASE %I OWNER %I', d.db, d.owner)
  FROM (VALUES $values) AS d(db, owner)
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d.db)
\gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', d.db, d.owner)
  FROM (VALUES $values) AS d(db, owner)
  JOIN pg_database p ON p.datname = d.db
 WHERE pg_get_userbyid(p.datdba) <> d.owner
\gexec
SQL
  say "postgres: roles and databases serenade_{$(IFS=,; echo "${PG_SERVICES[*]}")}[_test] present"
}

pg_down() {
  local pid
  pid="$(started_pid postgres)"
  if [[ -z "$pid" ]]; then
    if port_open "$PGPORT"; then say "postgres: not started by this script (reused server on $PGPORT left running)"; else say "postgres: not running"; fi
    return 0
  fi
  if [[ -f "$PG_DATA/postmaster.pid" ]] && pid_alive "$(head -n 1 "$PG_DATA/postmaster.pid")"; then
    say "postgres: stopping the private server (pid $pid)"
    local bin
    bin="$(pg_bindir)"
    as_pg "$bin/pg_ctl" -w -t 60 -D "$PG_DATA" -m fast stop >/dev/null || die "pg_ctl stop failed"
  else
    say "postgres: the private server was already gone"
  fi
  forget_started postgres
}

# ---------------------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------------------
REDIS_DIR="$STATE/redis"

redis_ping() { [[ "$(timeout 2 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

redis_up() {
  command -v redis-cli >/dev/null || apt_install redis-tools
  if port_open "$REDIS_PORT"; then
    redis_ping || die "port $REDIS_PORT answers but not as Redis; set REDIS_PORT to a free port"
    if [[ -n "$(started_pid redis "$REDIS_PORT")" ]]; then
      say "redis: already up on 127.0.0.1:$REDIS_PORT (started by this script)"
    else
      say "redis: reusing the server already running on 127.0.0.1:$REDIS_PORT"
    fi
    return 0
  fi
  refuse_second_instance redis
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p "$REDIS_DIR"
  rm -f "$REDIS_DIR/redis.pid"
  say "redis: starting on 127.0.0.1:$REDIS_PORT"
  # A cache for development: no persistence at all (--save '' and no AOF).
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$LOGS/redis.log" 9>&- \
    || die "redis-server failed to start (see $LOGS/redis.log)"
  wait_until 10 "redis on port $REDIS_PORT" redis_ping || die "redis did not answer PING (see $LOGS/redis.log)"
  wait_until 5 "redis pid file" test -s "$REDIS_DIR/redis.pid" || true
  record_started redis "$(cat "$REDIS_DIR/redis.pid" 2>/dev/null || echo '?')" "$REDIS_PORT"
}

redis_down() {
  local pid
  pid="$(started_pid redis)"
  if [[ -z "$pid" ]]; then
    if port_open "$REDIS_PORT"; then say "redis: not started by this script (reused server on $REDIS_PORT left running)"; else say "redis: not running"; fi
    return 0
  fi
  if pid_alive "$pid" && pid_cmdline_has "$pid" "redis-server"; then
    say "redis: stopping (pid $pid)"
    kill -TERM "$pid"
    # By pid, not by port: the port may be the machine's own Redis when the record is for another port.
    wait_until 10 "redis to stop" pid_gone "$pid" || true
  else
    say "redis: the server we started was already gone"
  fi
  forget_started redis
}

# ---------------------------------------------------------------------------------------------------
# Kafka (single-node KRaft broker + controller)
# ---------------------------------------------------------------------------------------------------
KAFKA_DIR="$STATE/kafka"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_PROPS="$KAFKA_DIR/server.properties"

# Short-lived tool JVMs: C1 only and serial GC start noticeably faster; WARN-level logging to stderr.
kafka_tool() {
  java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J" -Dserenade.kafka.log.level=WARN \
    -cp "$KAFKA_LIBS/*" "$@"
}

kafka_fetch() {
  [[ -f "$KAFKA_LIBS/.complete" ]] && return 0
  say "kafka: fetching Kafka $KAFKA_VERSION jars with Maven into $KAFKA_LIBS (once)"
  local tmp="$KAFKA_LIBS.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  mvn_locked -f "$KAFKA_POM" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$tmp" >>"$LOGS/kafka.log" 2>&1 9>&- \
    || { rm -rf "$tmp"; die "could not fetch the Kafka jars (see $LOGS/kafka.log)"; }
  touch "$tmp/.complete"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
}

kafka_write_props() {
  mkdir -p "$KAFKA_DATA"
  # Regenerated on every up (the content only depends on the ports), so it always matches this script.
  cat >"$KAFKA_PROPS.tmp" <<EOF
# Generated by scripts/infra.sh - edits are overwritten. Single-node KRaft broker for development.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=3
# Topics are created by infra.sh from io.serenade.events.Topics: services must not rely on auto-creation.
auto.create.topics.enable=false
# One broker: every internal topic must accept replication factor 1 / min ISR 1, otherwise consumer
# groups, transactions or share groups never work.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Consumer groups start at once instead of waiting 3 s for more members (tests join and leave often).
group.initial.rebalance.delay.ms=0
log.retention.hours=168
# Compacted topics forget superseded values (consent state of erased users) within the hour. The topic-level
# settings of io.serenade.events.Topics.COMPACTED_CONFIG say the same for topics infra.sh creates; these broker
# defaults also cover topics created before those settings existed.
log.roll.ms=600000
log.cleaner.max.compaction.lag.ms=3600000
log.cleaner.min.cleanable.ratio=0.1
log.cleaner.delete.retention.ms=3600000
EOF
  if [[ -f "$KAFKA_PROPS" ]] && cmp -s "$KAFKA_PROPS.tmp" "$KAFKA_PROPS"; then
    rm -f "$KAFKA_PROPS.tmp"
  else
    mv -f "$KAFKA_PROPS.tmp" "$KAFKA_PROPS"
  fi
}

kafka_format() {
  # The storage is formatted once; its quorum voter records the controller address, so if the ports
  # changed since, the old data cannot be used (this is a development broker: start over).
  local stamp="$KAFKA_DIR/format.stamp" want="$KAFKA_PORT $KAFKA_CONTROLLER_PORT"
  if [[ -f "$KAFKA_DATA/meta.properties" && "$(cat "$stamp" 2>/dev/null)" == "$want" ]]; then
    return 0
  fi
  if [[ -f "$KAFKA_DATA/meta.properties" ]]; then
    say "kafka: ports changed since the storage was formatted; wiping $KAFKA_DATA"
  fi
  rm -rf "$KAFKA_DATA"
  mkdir -p "$KAFKA_DATA"
  local id
  id="$(kafka_tool kafka.tools.StorageTool random-uuid 2>>"$LOGS/kafka.log")" \
    || die "StorageTool random-uuid failed (see $LOGS/kafka.log)"
  [[ "$id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "unexpected cluster id from StorageTool: '$id'"
  say "kafka: formatting storage (cluster id $id)"
  kafka_tool kafka.tools.StorageTool format --standalone -t "$id" -c "$KAFKA_PROPS" \
    >>"$LOGS/kafka.log" 2>&1 || die "StorageTool format failed (see $LOGS/kafka.log)"
  echo "$want" >"$stamp"
}

kafka_up() {
  local started_now=false
  if port_open "$KAFKA_PORT"; then
    if [[ -n "$(started_pid kafka "$KAFKA_PORT")" ]]; then
      say "kafka: already up on 127.0.0.1:$KAFKA_PORT (started by this script)"
    else
      say "kafka: reusing the broker already answering on 127.0.0.1:$KAFKA_PORT"
    fi
  elif pid_alive "$(started_pid kafka "$KAFKA_PORT")"; then
    # An earlier `up` was interrupted while the broker we started was still booting: wait for it.
    say "kafka: the broker this script started is still starting; waiting"
    wait_until 90 "kafka on port $KAFKA_PORT" port_open "$KAFKA_PORT" || die "kafka did not start (see $LOGS/kafka.log)"
  else
    port_open "$KAFKA_CONTROLLER_PORT" && die "controller port $KAFKA_CONTROLLER_PORT is taken; set KAFKA_CONTROLLER_PORT"
    refuse_second_instance kafka
    command -v java >/dev/null || die "java not found (JDK 17 needed)"
    kafka_fetch
    kafka_write_props
    kafka_format
    local log="$LOGS/kafka.log" from pid
    from="$(log_size "$log")"
    say "kafka: starting broker on 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"
    pid="$(spawn "$log" java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$KAFKA_LOG4J" -Dserenade.kafka.log.level=INFO \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_PROPS")"
    record_started kafka "$pid" "$KAFKA_PORT"
    kafka_ready() {
      pid_alive "$pid" || { tail -n 30 "$log" >&2; die "kafka exited during startup (see $log)"; }
      port_open "$KAFKA_PORT" && log_since_has "$log" "$from" "Kafka Server started"
    }
    wait_until 90 "kafka on port $KAFKA_PORT" kafka_ready || die "kafka did not start (see $log)"
    say "kafka: up (pid $pid)"
    started_now=true
  fi
  kafka_topics "$started_now"
}

# "name partitions cleanup-policy configs" lines, as the project declares them in io.serenade.events.Topics.
kafka_topic_specs() {
  if [[ ! -f "$EVENTS_JAR" ]]; then
    say "kafka: $EVENTS_JAR missing; building the events module (waits for the Maven lock)"
    # Re-check inside the lock: a reactor build running meanwhile may have produced the jar already.
    # shellcheck disable=SC2016 # $1 is expanded by the inner bash
    (cd "$REPO" && flock "$MVN_LOCK" bash -c '[[ -f "$1" ]] || ./mvnw -q -B -pl events install -DskipTests' \
      _ "$EVENTS_JAR") >>"$LOGS/kafka.log" 2>&1 9>&- \
      || die "could not build the events module (see $LOGS/kafka.log)"
  fi
  java -Xshare:auto -XX:TieredStopAtLevel=1 -cp "$EVENTS_JAR" io.serenade.events.Topics \
    || die "could not list topics from io.serenade.events.Topics"
}

kafka_topics() {
  local specs name parts policy configs missing=() existing
  specs="$(kafka_topic_specs)"
  [[ -n "$specs" ]] || die "io.serenade.events.Topics printed no topics"
  # Fast path for our own broker: a single-node broker holds every partition, so the partition
  # directories tell whether each declared topic exists without starting a Kafka tool JVM (~1.5 s).
  if [[ -n "$(started_pid kafka "$KAFKA_PORT")" && "$1" == false ]]; then
    local all=true i
    while read -r name parts policy configs; do
      for ((i = 0; i < parts; i++)); do
        [[ -d "$KAFKA_DATA/$name-$i" ]] || { all=false; break 2; }
      done
    done <<<"$specs"
    if $all; then
      say "kafka: all $(wc -l <<<"$specs") declared topics present"
      return 0
    fi
  fi
  [[ -f "$KAFKA_LIBS/.complete" ]] || kafka_fetch
  existing="$(kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list)" \
    || die "could not list Kafka topics"
  while read -r name parts policy configs; do
    grep -qxF -- "$name" <<<"$existing" || missing+=("$name $parts $policy $configs")
  done <<<"$specs"
  if ((${#missing[@]} == 0)); then
    say "kafka: all $(wc -l <<<"$specs") declared topics present"
    return 0
  fi
  local spec
  for spec in "${missing[@]}"; do
    read -r name parts policy configs <<<"$spec"
    say "kafka: creating topic $name (partitions=$parts, cleanup.policy=$policy)"
    local config_args=() c config
    IFS=, read -ra c <<<"$configs"
    for config in "${c[@]}"; do config_args+=(--config "$config"); done
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
      --create --if-not-exists --topic "$name" --partitions "$parts" --replication-factor 1 \
      "${config_args[@]}" >/dev/null || die "could not create topic $name"
  done
}

kafka_down() {
  local pid
  pid="$(started_pid kafka)"
  if [[ -z "$pid" ]]; then
    if port_open "$KAFKA_PORT"; then say "kafka: not started by this script (broker on $KAFKA_PORT left running)"; else say "kafka: not running"; fi
    return 0
  fi
  if pid_alive "$pid" && pid_cmdline_has "$pid" "$KAFKA_PROPS"; then
    say "kafka: stopping (pid $pid)"
    stop_group "$pid" kafka 60
  else
    say "kafka: the broker we started was already gone"
  fi
  forget_started kafka
}

# ---------------------------------------------------------------------------------------------------
# Keycloak (start-dev, realm imported from scripts/keycloak/serenade-realm.json)
# ---------------------------------------------------------------------------------------------------
KC_DIR="$STATE/keycloak"
KC_HOME="$KC_DIR/home"

kc_ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$KEYCLOAK_MGMT_PORT/health/ready" 2>/dev/null; }
kc_realm_ok() {
  curl -fsS -o /dev/null --max-time 5 \
    "http://127.0.0.1:$KEYCLOAK_PORT/realms/serenade/.well-known/openid-configuration" 2>/dev/null
}

kc_fetch() {
  [[ -f "$KEYCLOAK_DIST/.complete" ]] && return 0
  local dl="$CACHE/downloads" tgz="keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
  mkdir -p "$dl"
  if [[ ! -f "$dl/$tgz" ]]; then
    say "keycloak: fetching keycloak-quarkus-dist $KEYCLOAK_VERSION (176 MB) with Maven (once)"
    mvn_locked -f "$KAFKA_POM" dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
      -DoutputDirectory="$dl" >>"$LOGS/keycloak.log" 2>&1 9>&- \
      || die "could not fetch Keycloak (see $LOGS/keycloak.log)"
  fi
  say "keycloak: extracting into $KEYCLOAK_DIST (once)"
  local tmp="$CACHE/keycloak-extract.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  tar -xzf "$dl/$tgz" -C "$tmp" || { rm -rf "$tmp"; die "could not extract $dl/$tgz"; }
  rm -rf "$KEYCLOAK_DIST"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_DIST"
  rmdir "$tmp"
  touch "$KEYCLOAK_DIST/.complete"
  # The extracted tree is what we keep; the archive is still in the local Maven repository.
  rm -f "$dl/$tgz"
}

# Keycloak's home holds its state (data/: tmp files, the import directory), and its location is
# not configurable apart from the home. So each checkout gets a small home under .serenade whose lib/
# and themes/ are symlinks into the shared, extracted cache; bin/ and conf/ are copied (kc.sh derives
# the home from its own resolved path). The "build" start-dev performs is written to lib/quarkus in the
# cache, so it happens once per machine, not per checkout.
kc_prepare_home() {
  mkdir -p "$KC_HOME/providers"
  [[ -d "$KC_HOME/bin" ]] || cp -r "$KEYCLOAK_DIST/bin" "$KC_HOME/bin"
  [[ -d "$KC_HOME/conf" ]] || cp -r "$KEYCLOAK_DIST/conf" "$KC_HOME/conf"
  ln -sfn "$KEYCLOAK_DIST/lib" "$KC_HOME/lib"
  ln -sfn "$KEYCLOAK_DIST/themes" "$KC_HOME/themes"
  # A fresh start always imports the realm cleanly: no state survives from a previous run.
  rm -rf "$KC_HOME/data"
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/serenade-realm.json"
}

kc_up() {
  if port_open "$KEYCLOAK_PORT"; then
    if [[ -n "$(started_pid keycloak "$KEYCLOAK_PORT")" ]]; then
      if kc_ready; then
        say "keycloak: already up on 127.0.0.1:$KEYCLOAK_PORT (started by this script)"
      else
        say "keycloak: started by this script, still starting; waiting for readiness"
        wait_until 180 "keycloak readiness" kc_ready || die "keycloak not ready (see $LOGS/keycloak.log)"
      fi
    else
      say "keycloak: reusing the server already answering on 127.0.0.1:$KEYCLOAK_PORT"
    fi
    kc_realm_ok || say "keycloak: WARNING realm 'serenade' not found on port $KEYCLOAK_PORT"
    return 0
  fi
  if pid_alive "$(started_pid keycloak "$KEYCLOAK_PORT")"; then
    # An earlier `up` was interrupted while the Keycloak we started was still booting: wait for it.
    say "keycloak: the server this script started is still starting; waiting"
    wait_until 180 "keycloak readiness" kc_ready || die "keycloak not ready (see $LOGS/keycloak.log)"
    kc_realm_ok || die "keycloak is up but realm 'serenade' was not imported (see $LOGS/keycloak.log)"
    return 0
  fi
  port_open "$KEYCLOAK_MGMT_PORT" && die "management port $KEYCLOAK_MGMT_PORT is taken; set KEYCLOAK_MGMT_PORT"
  refuse_second_instance keycloak
  command -v java >/dev/null || die "java not found (JDK 17 needed)"
  command -v curl >/dev/null || apt_install curl
  kc_fetch
  kc_prepare_home
  local log="$LOGS/keycloak.log" pid
  say "keycloak: starting on 127.0.0.1:$KEYCLOAK_PORT (management $KEYCLOAK_MGMT_PORT); the first start builds, up to 3 min"
  # In-memory H2 (dev-mem): every start is a fresh realm import from the JSON, nothing to clean up.
  # The realm's users, clients and fixed user ids come from scripts/keycloak/serenade-realm.json.
  pid="$(KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" \
    spawn "$log" "$KC_HOME/bin/kc.sh" start-dev --db=dev-mem \
      --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MGMT_PORT" \
      --health-enabled=true --import-realm)"
  record_started keycloak "$pid" "$KEYCLOAK_PORT"
  kc_wait() {
    pid_alive "$pid" || { tail -n 30 "$log" >&2; die "keycloak exited during startup (see $log)"; }
    kc_ready
  }
  wait_until 180 "keycloak readiness on port $KEYCLOAK_MGMT_PORT" kc_wait || die "keycloak did not start (see $log)"
  kc_realm_ok || die "keycloak is up but realm 'serenade' was not imported (see $log)"
  say "keycloak: up (pid $pid), realm serenade imported"
}

kc_down() {
  local pid
  pid="$(started_pid keycloak)"
  if [[ -z "$pid" ]]; then
    if port_open "$KEYCLOAK_PORT"; then say "keycloak: not started by this script (server on $KEYCLOAK_PORT left running)"; else say "keycloak: not running"; fi
    return 0
  fi
  if pid_alive "$pid" && pid_cmdline_has "$pid" "$KC_HOME"; then
    say "keycloak: stopping (pid $pid)"
    stop_group "$pid" keycloak 60
  else
    say "keycloak: the server we started was already gone"
  fi
  forget_started keycloak
}

# ---------------------------------------------------------------------------------------------------
# status
# ---------------------------------------------------------------------------------------------------
component_port() {
  case "$1" in
    postgres) echo "$PGPORT" ;; redis) echo "$REDIS_PORT" ;;
    kafka) echo "$KAFKA_PORT" ;; keycloak) echo "$KEYCLOAK_PORT" ;;
  esac
}

status_line() {
  local c="$1" port pid state owner
  port="$(component_port "$c")"
  pid="$(started_pid "$c" "$port")"
  if port_open "$port"; then state=up; else state=down; fi
  if [[ -n "$pid" ]]; then
    if [[ $state == up ]]; then owner="started by this script (pid $pid)"
    elif pid_alive "$pid"; then state=starting; owner="started by this script (pid $pid), not answering yet"
    else owner="started by this script (pid $pid) but gone; see .serenade/logs/$c.log"; fi
  elif [[ $state == up ]]; then
    owner="reused (not started by this script; down leaves it alone)"
  else
    owner="-"
  fi
  [[ $c == keycloak ]] && owner+=", management port $KEYCLOAK_MGMT_PORT"
  [[ $c == kafka ]] && owner+=", controller port $KAFKA_CONTROLLER_PORT"
  printf '%-9s %-8s 127.0.0.1:%-6s %s\n' "$c" "$state" "$port" "$owner"
  local other
  other="$(awk -v c="$c" -v p="$port" '$1 == c && $3 != p { print "pid " $2 " on port " $3 }' "$STARTED")"
  [[ -z "$other" ]] || printf '%-9s note: this script also started %s (another port setting); down stops it\n' "$c" "$other"
  [[ $state == up ]]
}

# ---------------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------------
usage() {
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

main() {
  (($# >= 1)) || usage
  local cmd="$1"; shift
  local comps=("$@") c
  ((${#comps[@]})) || comps=("${ALL_COMPONENTS[@]}")
  for c in "${comps[@]}"; do
    case "$c" in postgres | redis | kafka | keycloak) ;; *) say "unknown component: $c"; usage ;; esac
  done
  mkdir -p "$LOGS"
  [[ -e "$STARTED" ]] || : >"$STARTED"

  case "$cmd" in
    up | down)
      # Two concurrent up/down calls (e.g. parallel test runs) must not both start a broker.
      exec 9>"$STATE/infra.lock"
      flock 9
      ;;
  esac

  case "$cmd" in
    up)
      local t0=${EPOCHREALTIME/[.,]/}
      for c in "${comps[@]}"; do
        case "$c" in
          postgres) pg_up ;; redis) redis_up ;; kafka) kafka_up ;; keycloak) kc_up ;;
        esac
      done
      local ms=$(( (${EPOCHREALTIME/[.,]/} - t0) / 1000 ))
      say "up: ${comps[*]} ready ($((ms / 1000)).$(printf '%03d' $((ms % 1000)))s)"
      ;;
    down)
      # Reverse dependency order: Keycloak and Kafka first, the stores last.
      local order=(keycloak kafka redis postgres)
      for c in "${order[@]}"; do
        [[ " ${comps[*]} " == *" $c "* ]] || continue
        case "$c" in
          postgres) pg_down ;; redis) redis_down ;; kafka) kafka_down ;; keycloak) kc_down ;;
        esac
      done
      ;;
    status)
      local rc=0
      for c in "${comps[@]}"; do status_line "$c" || rc=3; done
      return "$rc"
      ;;
    *) usage ;;
  esac
}

main "$@"
