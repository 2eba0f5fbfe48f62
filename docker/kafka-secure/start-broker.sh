#!/bin/sh
# Starts one broker of the secured compose variant (docker-compose.secure.yml). Used as the
# brokers' entrypoint instead of the image's own, so it works the same in the official
# apache/kafka image and in the offline stand-in (tools/offline-images): it needs only Kafka's
# scripts in /opt/kafka/bin and a POSIX shell.
#
#   1. server.properties: every KAFKA_<NAME> variable becomes the property <name>, by the rule
#      both images use (drop the prefix, lowercase, `___` -> `_`, `__` -> `-`, `_` -> `.`):
#      the listeners, node id, quorum and broker defaults of the two compose files. Then the
#      security settings kafka-secrets generated (SASL logins, TLS files, ACL authorizer).
#   2. On the first start only: formats the storage with CLUSTER_ID and the admin's SCRAM
#      credential. The brokers log in to each other as the admin, so the admin must exist in
#      the metadata before the first broker-to-broker login; every other user is added later,
#      by the kafka-access service, as an operator would.
#   3. Runs the broker in place of this script (exec), so `docker stop` reaches it directly.
set -eu

secrets=/secrets
config_dir="${TMPDIR:-/tmp}/kafka-secure"
config="$config_dir/server.properties"

# A clear message, not a Java stack trace, when the secrets are missing or not ours to read.
for file in broker-security.properties admin-scram-credential broker-keystore.pem ca.pem; do
  if [ ! -r "$secrets/$file" ]; then
    echo "start-broker.sh: cannot read $secrets/$file as uid $(id -u). It is made by the kafka-secrets service, owned by uid 1000." >&2
    exit 1
  fi
done
if [ -z "${CLUSTER_ID:-}" ]; then
  echo "start-broker.sh: CLUSTER_ID is not set: every node of one cluster needs the same id." >&2
  exit 1
fi

# The file holds the admin's password: readable by this user only.
umask 077
mkdir -p "$config_dir"
: > "$config"
env | grep -E '^KAFKA_[A-Z0-9_]+=' | sort | while IFS='=' read -r name value; do
  case "$name" in
    # The JVM's settings, read by Kafka's scripts: not broker properties.
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JMX_OPTS | KAFKA_LOG4J_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_GC_LOG_OPTS | KAFKA_VERSION) continue ;;
  esac
  key=$(printf '%s' "${name#KAFKA_}" | tr '[:upper:]' '[:lower:]' | sed -e 's/___/@/g' -e 's/__/-/g' -e 's/_/./g' -e 's/@/_/g')
  printf '%s=%s\n' "$key" "$value" >> "$config"
done
cat "$secrets/broker-security.properties" >> "$config"

# --ignore-formatted: on every later start the storage is there already, and is left as it is.
/opt/kafka/bin/kafka-storage.sh format --cluster-id "$CLUSTER_ID" --config "$config" --ignore-formatted \
  --add-scram "$(cat "$secrets/admin-scram-credential")"

exec /opt/kafka/bin/kafka-server-start.sh "$config"
