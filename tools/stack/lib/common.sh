# shellcheck shell=bash
# Shared helpers for the local-infrastructure scripts. Source it; do not run it.
#   CL_ROOT   repository root (resolved from this file's location)
#   CL_CACHE  ${CLOSEDLOOP_CACHE:-$HOME/.cache/closedloop}   downloads that survive `down` (jars, node)
#   CL_STATE  ${CLOSEDLOOP_STATE:-$CL_ROOT/.stack}           runtime state: pid files, logs, data

CL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)"
CL_CACHE="${CLOSEDLOOP_CACHE:-$HOME/.cache/closedloop}"
CL_STATE="${CLOSEDLOOP_STATE:-$CL_ROOT/.stack}"
# Make both absolute so background processes started from another cwd agree on them.
case "$CL_CACHE" in /*) ;; *) CL_CACHE="$PWD/$CL_CACHE" ;; esac
case "$CL_STATE" in /*) ;; *) CL_STATE="$PWD/$CL_STATE" ;; esac
export CLOSEDLOOP_CACHE="$CL_CACHE" CLOSEDLOOP_STATE="$CL_STATE"

: "${CL_COMPONENT:=stack}"

log() { printf '[%s] %s\n' "$CL_COMPONENT" "$*" >&2; }
warn() { printf '[%s] WARNING: %s\n' "$CL_COMPONENT" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "$CL_COMPONENT" "$*" >&2; exit 1; }

have() { command -v "$1" >/dev/null 2>&1; }

# Run as root, or through sudo when available.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif have sudo; then sudo -n "$@"
  else die "need root (or passwordless sudo) to run: $*"
  fi
}

# apt_install PKG... : installs Debian packages; `apt-get update` runs first, at most once an hour.
apt_install() {
  have apt-get || die "apt-get not found; install these packages by hand: $*"
  local stamp="$CL_STATE/apt-updated.stamp"
  mkdir -p "$CL_STATE"
  if [[ ! -f $stamp ]] || [[ -n $(find "$stamp" -mmin +60 2>/dev/null) ]]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || die "apt-get update failed"
    touch "$stamp"
  fi
  log "apt-get install -y $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2 \
    || die "apt-get install $* failed"
}

# port_open PORT [HOST] : true when something accepts TCP connections there.
port_open() {
  local port=$1 host=${2:-127.0.0.1}
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# Who listens on a port (best effort, for error messages).
port_owner() {
  local port=$1
  if have ss; then ss -Hltnp "sport = :$port" 2>/dev/null | sed -n 's/.*users:(\(.*\))$/\1/p' | head -1; fi
}

# read_pid FILE : prints the pid stored in FILE, if any.
read_pid() { [[ -f $1 ]] && tr -dc '0-9' <"$1" || true; }

# pid_running PID PATTERN : process alive and its command line contains PATTERN.
pid_running() {
  local pid=$1 pattern=$2
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ -r /proc/$pid/cmdline ]] || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$pattern"
}

# start_bg PIDFILE LOGFILE CMD... : starts CMD detached (own session, stdin from /dev/null,
# output appended to LOGFILE) and records its pid in PIDFILE. CMD is exec'd, so the pid is CMD's.
start_bg() {
  local pidfile=$1 logfile=$2
  shift 2
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
  rm -f "$pidfile"
  # shellcheck disable=SC2016
  # The child closes every inherited descriptor above 2 (lock files!) before exec'ing CMD.
  setsid nohup bash -c '
    for fd in /proc/$$/fd/*; do fd=${fd##*/}; if ((fd > 2)); then eval "exec $fd>&-"; fi; done
    echo $$ >"$0"
    exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 &

  for _ in $(seq 1 50); do [[ -s $pidfile ]] && return 0; sleep 0.1; done
  die "process did not start: $*"
}

# stop_pid PIDFILE PATTERN NAME [TIMEOUT_SECONDS] : SIGTERM, wait, then SIGKILL. Idempotent.
stop_pid() {
  local pidfile=$1 pattern=$2 name=$3 timeout=${4:-30}
  local pid
  pid=$(read_pid "$pidfile")
  if ! pid_running "$pid" "$pattern"; then
    rm -f "$pidfile"
    log "$name is not running"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= timeout * 10)); then
      warn "$name did not stop within ${timeout}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$pidfile"
  log "$name stopped"
}

# http_ok URL : true when URL answers 2xx.
http_ok() {
  if have curl; then
    curl -fsS -m 3 -o /dev/null "$1" 2>/dev/null
  else
    node -e 'fetch(process.argv[1],{signal:AbortSignal.timeout(3000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$1" 2>/dev/null
  fi
}

# show_log_tail FILE [LINES] : prints the end of a log to stderr.
show_log_tail() {
  local file=$1 lines=${2:-40}
  if [[ -f $file ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2
    printf -- '-----\n' >&2
  else
    printf 'no log at %s\n' "$file" >&2
  fi
}
