#!/usr/bin/env bash
# Reports the local Kafka; exit 0 when it runs and answers, 1 otherwise.
set -euo pipefail
CL_COMPONENT=kafka
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"
source "$CL_ROOT/tools/kafka/env.sh"
pid=$(read_pid "$KAFKA_PIDFILE")
if pid_running "$pid" "$KAFKA_MAIN_CLASS"; then
  if kafka_answers 3; then
    echo "kafka:    up        $KAFKA_VERSION pid $pid, $KAFKA_BOOTSTRAP (controller :$KAFKA_CONTROLLER_PORT), log $KAFKA_LOG"
    exit 0
  fi
  echo "kafka:    starting  pid $pid running but $KAFKA_BOOTSTRAP does not answer yet, log $KAFKA_LOG"
  exit 1
fi
if port_open "$KAFKA_PORT" && kafka_answers 3; then
  echo "kafka:    up        (not started by this checkout) $KAFKA_BOOTSTRAP answers ($(port_owner "$KAFKA_PORT"))"
  exit 0
elif port_open "$KAFKA_PORT"; then
  echo "kafka:    foreign   port $KAFKA_PORT is used by something that does not answer as Kafka ($(port_owner "$KAFKA_PORT"))"
else
  echo "kafka:    down"
fi
exit 1
