#!/bin/bash
# The apache/kafka image's start-up contract, in a page of bash:
#   1. every environment variable KAFKA_<NAME> becomes the property <name> in server.properties:
#      drop the prefix, lowercase, then `___` -> `_`, `__` -> `-`, `_` -> `.`
#      (KAFKA_LISTENER_SECURITY_PROTOCOL_MAP -> listener.security.protocol.map);
#      the JVM settings (KAFKA_HEAP_OPTS, KAFKA_OPTS, ...) are not properties and are skipped;
#   2. on the first start the log dir is formatted with CLUSTER_ID (KRaft storage);
#   3. the broker runs in the foreground as PID 1, so `docker stop` reaches it directly.
set -euo pipefail

config=/opt/kafka/config/runtime/server.properties
: > "$config"
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JMX_OPTS | KAFKA_LOG4J_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_GC_LOG_OPTS | KAFKA_VERSION) continue ;;
  esac
  key="${name#KAFKA_}"
  key="${key,,}"
  key="${key//___/$'\x01'}"
  key="${key//__/-}"
  key="${key//_/.}"
  key="${key//$'\x01'/_}"
  printf '%s=%s\n' "$key" "${!name}" >> "$config"
done < <(env | grep -E '^KAFKA_[A-Z0-9_]+=' | sort)

if [ -z "${CLUSTER_ID:-}" ]; then
  echo "CLUSTER_ID is not set: every node of one cluster needs the same id (kafka-storage.sh random-uuid makes one)." >&2
  exit 1
fi
/opt/kafka/bin/kafka-storage.sh format --cluster-id "$CLUSTER_ID" --config "$config" --ignore-formatted

exec /opt/kafka/bin/kafka-run-class.sh kafka.Kafka "$config"
