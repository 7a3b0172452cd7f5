#!/usr/bin/env bash
# Resolves Kafka's jars from Maven Central into $CLOSEDLOOP_CACHE/kafka/<version>/libs (once)
# and prints that directory on stdout. Re-resolves when tools/kafka/pom.xml changes.
set -euo pipefail
CL_COMPONENT=kafka
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"
source "$CL_ROOT/tools/kafka/env.sh"

pom="$CL_ROOT/tools/kafka/pom.xml"
stamp="$KAFKA_LIBS/.resolved"
want="$(sha256sum "$pom" | cut -d' ' -f1) $KAFKA_VERSION"

if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
  echo "$KAFKA_LIBS"
  exit 0
fi

if ! have java; then apt_install openjdk-17-jdk-headless; fi
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
((${java_major%%.*} >= 17)) || die "Kafka $KAFKA_VERSION needs Java 17+, found Java $java_major ($(command -v java))"
if ! have mvn; then apt_install maven; fi

mkdir -p "$(dirname "$KAFKA_LIBS")"
exec 9>"$(dirname "$KAFKA_LIBS")/.install.lock"
flock -w 900 9 || die "timed out waiting for another Kafka jar download"
if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then echo "$KAFKA_LIBS"; exit 0; fi

log "resolving org.apache.kafka:kafka_2.13:$KAFKA_VERSION and its runtime dependencies from Maven Central"
tmp="$KAFKA_LIBS.tmp.$$"
rm -rf "$tmp"
start=$SECONDS
if ! mvn -B -q -Dstyle.color=never -f "$pom" dependency:copy-dependencies \
  -Dkafka.version="$KAFKA_VERSION" -DincludeScope=runtime -DoutputDirectory="$tmp" >&2; then
  rm -rf "$tmp"
  die "mvn could not resolve Kafka $KAFKA_VERSION (is Maven Central reachable? is the version published?)"
fi
ls "$tmp"/kafka_2.13-*.jar >/dev/null 2>&1 || { rm -rf "$tmp"; die "kafka_2.13 jar missing after resolve"; }
echo "$want" >"$tmp/.resolved"
rm -rf "$KAFKA_LIBS"
mv "$tmp" "$KAFKA_LIBS"
log "$(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars ($(du -sh "$KAFKA_LIBS" | cut -f1)) in $KAFKA_LIBS after $((SECONDS - start))s"
echo "$KAFKA_LIBS"
