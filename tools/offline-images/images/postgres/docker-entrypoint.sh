#!/bin/bash
# The postgres image's start-up contract, in a page of bash:
#   1. started as root, it hands PGDATA to the `postgres` user and re-runs itself as that user;
#   2. with an empty PGDATA: initdb with POSTGRES_USER / POSTGRES_PASSWORD, then a temporary
#      server on the Unix socket only creates POSTGRES_DB and runs /docker-entrypoint-initdb.d
#      (so nothing can connect over TCP before the databases exist);
#   3. the real server runs in the foreground as PID 1, listening on every interface.
set -euo pipefail
socket_dir=/var/run/postgresql

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" "$socket_dir"
  chown -R postgres:postgres "$PGDATA" "$socket_dir"
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

user="${POSTGRES_USER:-postgres}"
database="${POSTGRES_DB:-$user}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "POSTGRES_PASSWORD is not set: give the superuser a password (as the official postgres image requires)." >&2
    exit 1
  fi
  password_file="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" > "$password_file"
  initdb --username="$user" --pwfile="$password_file" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 -D "$PGDATA" > /dev/null
  rm -f "$password_file"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"

  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=$socket_dir" start > /dev/null
  psql=(psql -v ON_ERROR_STOP=1 --host "$socket_dir" --username "$user" --no-password --quiet)
  if [ "$database" != postgres ]; then
    "${psql[@]}" --dbname postgres -c "CREATE DATABASE \"$database\""
  fi
  for file in /docker-entrypoint-initdb.d/*; do
    case "$file" in
      *.sql) echo "running $file"; "${psql[@]}" --dbname "$database" -f "$file" ;;
      *.sh) echo "running $file"; . "$file" ;;
      *) [ -e "$file" ] && echo "ignoring $file" ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop > /dev/null
  echo "PostgreSQL init process complete; ready for start up."
fi

if [ "$1" = postgres ]; then
  shift
  exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories="$socket_dir" "$@"
fi
exec "$@"
