#!/usr/bin/env bash
# Local Neo4j 5.26 Community for development and tests, without Docker: an embedded server
# (neo4j/src/main/java/counterpoint/neo4j/Launcher.java) with Bolt on 127.0.0.1.
#
# Usage: scripts/neo4j.sh build|start|stop|status|wait
#   build   compile the launcher and copy its dependencies to neo4j/target/lib (skipped when
#           up to date; Maven is retried, the central repository can answer 429)
#   start   build if needed, start in the background, wait until Bolt answers
#           (succeeds at once if the server of this pid file is already running)
#   stop    SIGTERM, wait for a clean shutdown (SIGKILL after NEO4J_STOP_TIMEOUT), remove pid file
#   status  print whether it runs (exit 0) or not (exit 3)
#   wait    wait until the Bolt port answers (exit 1 after NEO4J_START_TIMEOUT)
#
# Settings (environment):
#   NEO4J_BOLT_PORT      7687                    Bolt port on 127.0.0.1
#   NEO4J_HOME_DIR       .neo4j/data             Neo4j home (relative paths: to the repo root);
#                                                pid and log files go beside it:
#                                                .neo4j/data.pid, .neo4j/data.log
#   NEO4J_AUTH           neo4j/counterpoint-dev  'none', or 'neo4j/<password>'
#   NEO4J_HEAP           1g                      JVM heap (-Xms and -Xmx)
#   NEO4J_PAGECACHE      256m                    Neo4j page cache
#   NEO4J_TX_MEMORY      512m                    cap on memory of all running transactions
#   NEO4J_START_TIMEOUT  180                     seconds to wait for Bolt (start, wait)
#   NEO4J_STOP_TIMEOUT   60                      seconds to wait for a clean stop
#   NEO4J_JAVA_OPTS      (empty)                 extra JVM options
#   NEO4J_MVN_OPTS       (empty)                 extra Maven options, e.g. -Dmaven.repo.local=DIR
#   NEO4J_BUILD_ATTEMPTS 5                       Maven attempts (backoff 5, 10, 20, 40 s)
#   JAVA                 $JAVA_HOME/bin/java or java
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
NEO4J_HOME_DIR="${NEO4J_HOME_DIR:-.neo4j/data}"
NEO4J_AUTH="${NEO4J_AUTH:-neo4j/counterpoint-dev}"
NEO4J_HEAP="${NEO4J_HEAP:-1g}"
NEO4J_PAGECACHE="${NEO4J_PAGECACHE:-256m}"
NEO4J_TX_MEMORY="${NEO4J_TX_MEMORY:-512m}"
NEO4J_START_TIMEOUT="${NEO4J_START_TIMEOUT:-180}"
NEO4J_STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"
NEO4J_JAVA_OPTS="${NEO4J_JAVA_OPTS:-}"
NEO4J_MVN_OPTS="${NEO4J_MVN_OPTS:-}"

if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
fi

case "$NEO4J_HOME_DIR" in
  /*) HOME_DIR="$NEO4J_HOME_DIR" ;;
  *) HOME_DIR="$ROOT/${NEO4J_HOME_DIR#./}" ;;
esac
HOME_DIR="${HOME_DIR%/}"
NAME="$(basename "$HOME_DIR")"
RUN_DIR="$(dirname "$HOME_DIR")"
PID_FILE="$RUN_DIR/$NAME.pid"
LOG_FILE="$RUN_DIR/$NAME.log"
READY_LINE="counterpoint-neo4j: bolt ready on"

MODULE="$ROOT/neo4j"
TARGET="$MODULE/target"
STAMP="$TARGET/.counterpoint-built"
MAIN_CLASS=counterpoint.neo4j.Launcher

say() { echo "neo4j.sh: $*"; }
die() { echo "neo4j.sh: error: $*" >&2; exit 1; }

[[ "$NEO4J_BOLT_PORT" =~ ^[0-9]+$ ]] || die "NEO4J_BOLT_PORT is not a number: $NEO4J_BOLT_PORT"

# --- build -------------------------------------------------------------------------------------

build_is_current() {
  [[ -f "$STAMP" && -f "$TARGET/classes/counterpoint/neo4j/Launcher.class" && -d "$TARGET/lib" ]] || return 1
  # Anything in the module newer than the last successful build?
  [[ -z "$(find "$MODULE/pom.xml" "$MODULE/src" -newer "$STAMP" -print -quit)" ]]
}

build() {
  command -v mvn >/dev/null || die "mvn not found (Debian: apt-get install -y maven)"
  mkdir -p "$TARGET"
  # Two starts at once (e.g. two test servers) must not build over each other.
  exec 9>"$TARGET/.build.lock"
  if command -v flock >/dev/null; then flock 9; fi
  if build_is_current; then
    exec 9>&-
    say "build is up to date"
    return 0
  fi
  say "building the launcher (Maven; first time downloads ~125 MB of Neo4j jars)"
  local started=$SECONDS attempt=1 max="${NEO4J_BUILD_ATTEMPTS:-5}" delay=5 out
  # Stale jars from an older pom must not stay on the classpath: a changed pom empties lib/,
  # which must not happen under a running server (the JVM opens jars lazily).
  if [[ ! -f "$STAMP" || "$MODULE/pom.xml" -nt "$STAMP" ]]; then
    local users
    users="$(lib_users)"
    [[ -z "$users" ]] ||
      die "neo4j/target/lib must be rebuilt (pom.xml changed or no finished build), but servers run from it (pid $users); stop them first"
    rm -rf "${TARGET:?}/lib"
  fi
  rm -f "$STAMP"
  out="$(mktemp)"
  # shellcheck disable=SC2086 # NEO4J_MVN_OPTS is a list of options
  until (cd "$MODULE" && mvn -B -q -Dstyle.color=never $NEO4J_MVN_OPTS package) >"$out" 2>&1; do
    # A compile error will not go away by retrying; a download error (429, timeout) may.
    if ((attempt >= max)) || grep -q 'COMPILATION ERROR' "$out"; then
      sed 's/\x1b\[[0-9;]*m//g' "$out" | grep -v '^\[ERROR\] *$' | head -n 40 >&2
      rm -f "$out"
      die "Maven build failed (attempt $attempt of $max)"
    fi
    say "Maven attempt $attempt of $max failed, retrying in ${delay}s: $(sed 's/\x1b\[[0-9;]*m//g' "$out" | grep -m 1 '^\[ERROR\]' | cut -c1-300)"
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2))
  done
  rm -f "$out"
  [[ -f "$TARGET/classes/counterpoint/neo4j/Launcher.class" && -d "$TARGET/lib" ]] ||
    die "Maven succeeded but $TARGET/classes or $TARGET/lib is missing"
  touch "$STAMP"
  # Release the lock; the server started next must not inherit it.
  exec 9>&-
  say "built in $((SECONDS - started))s ($(find "$TARGET/lib" -name '*.jar' | wc -l) jars in neo4j/target/lib)"
}

# Pids of launchers running from this checkout's neo4j/target/lib.
lib_users() {
  local pid
  for pid in $(pgrep -f -- "$MAIN_CLASS" || true); do
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$TARGET/lib/"; then printf '%s ' "$pid"; fi
  done
}

# --- process helpers ---------------------------------------------------------------------------

port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$NEO4J_BOLT_PORT" 2>/dev/null
}

# The pid from the pid file, if that process is alive and is our launcher.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS" || return 1
  echo "$pid"
}

log_tail() {
  if [[ -f "$LOG_FILE" ]]; then
    echo "---- last lines of $LOG_FILE ----" >&2
    tail -n "${1:-40}" "$LOG_FILE" >&2
    echo "----" >&2
  fi
}

check_java() {
  command -v "$JAVA" >/dev/null || die "java not found (Debian: apt-get install -y openjdk-17-jdk-headless)"
  local v
  v="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  [[ "${v%%.*}" =~ ^[0-9]+$ && "${v%%.*}" -ge 17 ]] || die "Neo4j 5.26 needs Java 17 or later, $JAVA is '$v'"
}

# Wait for the port (and, when a pid is given, for the readiness line of that process).
wait_ready() {
  local pid="${1:-}" deadline=$((SECONDS + NEO4J_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if [[ -n "$pid" ]]; then
      if ! kill -0 "$pid" 2>/dev/null; then
        log_tail 60
        rm -f "$PID_FILE"
        die "Neo4j (pid $pid) exited during start-up; see $LOG_FILE"
      fi
      if grep -q "$READY_LINE" "$LOG_FILE" 2>/dev/null && port_open; then
        return 0
      fi
    elif port_open; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# --- commands ----------------------------------------------------------------------------------

cmd_start() {
  local pid
  if pid="$(running_pid)"; then
    local port
    port="$(sed -n "s/^$READY_LINE 127\.0\.0\.1:\([0-9]*\).*/\1/p" "$LOG_FILE" 2>/dev/null | tail -n 1)"
    if [[ -n "$port" && "$port" != "$NEO4J_BOLT_PORT" ]]; then
      die "the server of $HOME_DIR already runs (pid $pid) on port $port, not on NEO4J_BOLT_PORT=$NEO4J_BOLT_PORT"
    fi
    say "already running (pid $pid, bolt://127.0.0.1:$NEO4J_BOLT_PORT, home $HOME_DIR)"
    wait_ready "$pid" || die "running (pid $pid) but Bolt does not answer on 127.0.0.1:$NEO4J_BOLT_PORT"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_open; then
    die "port 127.0.0.1:$NEO4J_BOLT_PORT is already in use by another process (pid file $PID_FILE has none running)"
  fi
  local started=$SECONDS
  check_java
  if build_is_current; then :; else build; fi

  mkdir -p "$HOME_DIR"
  if [[ -f "$LOG_FILE" ]]; then mv -f "$LOG_FILE" "$LOG_FILE.1"; fi
  local -a jvm=(
    "-Xms$NEO4J_HEAP" "-Xmx$NEO4J_HEAP"
    -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+ExitOnOutOfMemoryError
    -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true
    -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  )
  # shellcheck disable=SC2206 # NEO4J_JAVA_OPTS is a list of options
  if [[ -n "$NEO4J_JAVA_OPTS" ]]; then jvm+=($NEO4J_JAVA_OPTS); fi

  NEO4J_HOME_DIR="$HOME_DIR" NEO4J_BOLT_PORT="$NEO4J_BOLT_PORT" NEO4J_AUTH="$NEO4J_AUTH" \
    NEO4J_PAGECACHE="$NEO4J_PAGECACHE" NEO4J_TX_MEMORY="$NEO4J_TX_MEMORY" \
    nohup "$JAVA" "${jvm[@]}" -cp "$TARGET/classes:$TARGET/lib/*" "$MAIN_CLASS" \
    >"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  say "starting (pid $pid, log $LOG_FILE)"

  if ! wait_ready "$pid"; then
    log_tail 60
    say "Bolt did not answer within ${NEO4J_START_TIMEOUT}s; stopping pid $pid"
    cmd_stop >&2 || true
    die "Neo4j did not start within NEO4J_START_TIMEOUT=${NEO4J_START_TIMEOUT}s"
  fi
  local auth_note="auth neo4j/<password from NEO4J_AUTH>"
  [[ "$NEO4J_AUTH" == none ]] && auth_note="auth none"
  say "ready: bolt://127.0.0.1:$NEO4J_BOLT_PORT ($auth_note, pid $pid, up in $((SECONDS - started))s)"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    say "not running (pid file $PID_FILE)"
    return 0
  fi
  say "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + NEO4J_STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    say "pid $pid still running after ${NEO4J_STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    rm -f "$PID_FILE"
    say "killed"
    return 0
  fi
  rm -f "$PID_FILE"
  if grep -q "counterpoint-neo4j: shut down cleanly" "$LOG_FILE" 2>/dev/null; then
    say "stopped (clean shutdown)"
  else
    say "stopped (no clean-shutdown line in $LOG_FILE)"
  fi
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    local rss
    rss="$(awk '/^VmRSS/ {printf "%d MiB", $2/1024}' "/proc/$pid/status" 2>/dev/null || true)"
    if port_open; then
      say "running (pid $pid, bolt://127.0.0.1:$NEO4J_BOLT_PORT answers, RSS $rss, home $HOME_DIR)"
    else
      say "running (pid $pid, bolt://127.0.0.1:$NEO4J_BOLT_PORT not answering yet, home $HOME_DIR)"
    fi
    return 0
  fi
  say "not running (pid file $PID_FILE)"
  return 3
}

cmd_wait() {
  if wait_ready; then
    say "bolt://127.0.0.1:$NEO4J_BOLT_PORT answers"
  else
    die "nothing answered on 127.0.0.1:$NEO4J_BOLT_PORT within ${NEO4J_START_TIMEOUT}s"
  fi
}

case "${1:-}" in
  build) build ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  wait) cmd_wait ;;
  *)
    echo "usage: $0 build|start|stop|status|wait" >&2
    exit 2
    ;;
esac
