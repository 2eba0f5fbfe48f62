#!/bin/bash
# Runs one Java main class of Kafka with the jars of /opt/kafka/libs, the way Kafka's own
# kafka-run-class.sh does: KAFKA_HEAP_OPTS and KAFKA_OPTS are honoured. CLI tools get a small
# heap and warnings-only logging; the broker (kafka.Kafka) logs at INFO to stdout.
set -e
main_class="$1"
shift
if [ "$main_class" = "kafka.Kafka" ]; then
  heap="${KAFKA_HEAP_OPTS:--Xms1g -Xmx1g}"
  logging="-Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties"
  # The GC settings of Kafka's own start script: short pauses keep heartbeats on time.
  gc="-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent"
else
  heap="-Xmx256m"
  logging="-Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.properties"
  # A tool runs for a second (the healthcheck every 10 s): the quick JIT tier and the serial
  # collector start fastest and cost the least CPU.
  gc="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
fi
# shellcheck disable=SC2086 # the option strings are lists of words on purpose
exec java $heap $gc -Djava.awt.headless=true $logging ${KAFKA_OPTS:-} -cp '/opt/kafka/libs/*' "$main_class" "$@"
