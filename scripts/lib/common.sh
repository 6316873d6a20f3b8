# Shared by scripts/infra.sh and ./serenade: logging, port and process checks, the record of what we
# started, detached spawning and stopping. Callers set REPO, STATE, LOGS, STARTED and MVN_LOCK first.
# shellcheck shell=bash

SAY_PREFIX="${SAY_PREFIX:-infra}"
say() { printf '[%s] %s\n' "$SAY_PREFIX" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$SAY_PREFIX" "$*" >&2; exit 1; }

# True when something accepts TCP connections on 127.0.0.1:$1. bash's /dev/tcp needs no extra tool
# and a loopback connect is answered (or refused) immediately.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when the process exists and is not a zombie (a zombie still passes `kill -0`).
pid_alive() {
  local pid="$1" stat
  [[ -n "$pid" && -r "/proc/$pid/stat" ]] || return 1
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != "Z" && "${stat:0:1}" != "X" ]]
}

pid_gone() { ! pid_alive "$1"; }

# True when the process' command line contains the given text: guards against a recorded pid that was
# recycled for an unrelated process before we signal it.
pid_cmdline_has() {
  local pid="$1" text="$2"
  [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$text"
}

# wait_until SECONDS DESCRIPTION COMMAND...: poll every 0.2 s.
wait_until() {
  local secs="$1" what="$2"; shift 2
  local deadline=$((SECONDS + secs))
  until "$@"; do
    ((SECONDS < deadline)) || { say "timed out after ${secs}s waiting for $what"; return 1; }
    sleep 0.2
  done
}

# Record of what this script started: one line per component, "component pid port".
record_started() { forget_started "$1"; printf '%s %s %s\n' "$1" "$2" "$3" >>"$STARTED"; }
forget_started() {
  [[ -f "$STARTED" ]] || return 0
  local tmp="$STARTED.tmp.$$"
  grep -v "^$1 " "$STARTED" >"$tmp" || true
  mv -f "$tmp" "$STARTED"
}
# started_pid COMPONENT [PORT]: pid recorded for the component (on that port, when given), or nothing.
# up/status pass the configured port, so a record for a different port (an earlier run with other
# port variables) is not mistaken for the server answering now; down passes none: it stops whatever
# this script started.
started_pid() {
  [[ -f "$STARTED" ]] || return 0
  awk -v c="$1" -v p="${2:-}" '$1 == c && (p == "" || $3 == p) { print $2 }' "$STARTED"
}

# Each component has one state directory under .serenade, so only one instance of it can run at a time:
# refuse to start a second one on other ports while the one we recorded is still alive.
refuse_second_instance() {
  local c="$1" pid port
  read -r pid port < <(awk -v c="$c" '$1 == c { print $2, $3 }' "$STARTED") || true
  if [[ -n "${pid:-}" ]] && pid_alive "$pid"; then
    die "$c: this script already runs one on port $port (pid $pid); use that port or run: scripts/infra.sh down $c"
  fi
  return 0
}

# Run a command as the postgres OS user when we are root (initdb/postgres refuse to run as root).
as_pg() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

# Install Debian packages only when the needed binary is missing. `apt-get update` runs only if the
# first install attempt fails (stale or empty package lists), because it is slow and usually not needed.
apt_install() {
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install $*; install it yourself"
    sudo=(sudo -n)
  fi
  say "installing Debian package(s): $*"
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$LOGS/apt.log" 2>&1; then
    say "apt-get install failed; running apt-get update and retrying"
    "${sudo[@]}" apt-get update -q >>"$LOGS/apt.log" 2>&1 || die "apt-get update failed (see $LOGS/apt.log)"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$LOGS/apt.log" 2>&1 \
      || die "apt-get install $* failed (see $LOGS/apt.log)"
  fi
}

# Maven, always through the repository's wrapper and always under the machine-wide Maven lock.
mvn_locked() { flock "$MVN_LOCK" "$REPO/mvnw" -q -B "$@"; }

# Start a long-running process detached from this script: its own session (so a terminal hangup or the
# caller's Ctrl-C does not take it down, and `down` can signal the whole process group), stdin from
# /dev/null, stdout+stderr appended to its log, and fd 9 (our state lock) closed so the child does not
# hold the lock forever. Prints the pid, which is also the process-group id.
spawn() {
  local log="$1"; shift
  setsid "$@" </dev/null >>"$log" 2>&1 9>&- &
  echo $!
}

# Stop a process group we spawned: TERM, wait up to $3 s for it to go, then KILL.
stop_group() {
  local pid="$1" name="$2" secs="${3:-30}"
  pid_alive "$pid" || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  if ! wait_until "$secs" "$name to stop" pid_gone "$pid"; then
    say "$name did not stop in ${secs}s; sending KILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
}

# Log file offset helpers: readiness checks look only at what a process wrote since we started it.
log_size() { [[ -f "$1" ]] && stat -c %s "$1" || echo 0; }
log_since_has() { tail -c +"$(($2 + 1))" "$1" 2>/dev/null | grep -qF -- "$3"; }

