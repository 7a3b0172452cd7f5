# shellcheck shell=bash
# Kafka settings shared by the kafka scripts. Source after tools/stack/lib/common.sh.
KAFKA_VERSION="${KAFKA_VERSION:-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$CL_ROOT/tools/kafka/pom.xml" | head -1)}"
KAFKA_HOST=127.0.0.1
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"
KAFKA_LIBS="$CL_CACHE/kafka/$KAFKA_VERSION/libs"
KAFKA_STATE="$CL_STATE/kafka"
KAFKA_DATA="$KAFKA_STATE/data"
KAFKA_PIDFILE="$KAFKA_STATE/kafka.pid"
KAFKA_LOG="$KAFKA_STATE/kafka.log"
KAFKA_CONFIG="$KAFKA_STATE/server.properties"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
# Marks our broker's command line (pid checks).
KAFKA_MAIN_CLASS=kafka.Kafka

# kafka_java CLASS ARGS... : runs a main class (or a single-file .java source) from the broker's
# jars with the quiet tools logging configuration.
kafka_java() {
  java -Xmx256m -XX:TieredStopAtLevel=1 \
    -Dlog4j2.configurationFile="$CL_ROOT/tools/kafka/log4j2-tools.properties" \
    -cp "$KAFKA_LIBS/*" "$@"
}

# kafka_answers [TIMEOUT_S] : true when the broker answers a metadata request listing a broker.
kafka_answers() {
  local timeout=${1:-3}
  port_open "$KAFKA_PORT" "$KAFKA_HOST" || return 1
  if have kcat; then
    kcat -b "$KAFKA_BOOTSTRAP" -L -m "$timeout" 2>/dev/null | grep -qE '^ +[1-9][0-9]* brokers:'
  else
    kafka_java "$CL_ROOT/tools/kafka/KafkaAdmin.java" --bootstrap-server "$KAFKA_BOOTSTRAP" wait "$timeout" >/dev/null 2>&1
  fi
}
