#!/bin/sh
# Runs a command logged in to the secured cluster as one Kafka user, e.g.
#   kafka-login.sh order-service node src/main.ts
# The Orderflow services (and kafka-setup) read their login from three variables
# (libs/service/src/config/service-config.ts). Compose cannot read a file into a variable, so
# this sets them from the secrets volume, then becomes the command (exec): the service stays
# PID 1 and gets `docker stop`'s SIGTERM itself. The password never appears in the compose
# file or in `docker inspect`; only in the process's own environment.
set -eu
user="$1"
shift
KAFKA_SASL_USERNAME="$user"
KAFKA_SASL_PASSWORD="$(cat "/secrets/$user.password")"
KAFKA_SSL_CA_FILE=/secrets/ca.pem
export KAFKA_SASL_USERNAME KAFKA_SASL_PASSWORD KAFKA_SSL_CA_FILE
exec "$@"
