#!/usr/bin/env bash
# tools/kafka/admin.sh COMMAND ... : topic administration against the local broker
# (see tools/kafka/KafkaAdmin.java for the commands). Bootstrap: $KAFKA_BROKERS or 127.0.0.1:$KAFKA_PORT.
#   tools/kafka/admin.sh create-topic feedback.received.v1 3
#   tools/kafka/admin.sh list
set -euo pipefail
CL_COMPONENT=kafka
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"
source "$CL_ROOT/tools/kafka/env.sh"
"$CL_ROOT/tools/kafka/install.sh" >/dev/null
kafka_java "$CL_ROOT/tools/kafka/KafkaAdmin.java" --bootstrap-server "${KAFKA_BROKERS:-$KAFKA_BOOTSTRAP}" "$@"
