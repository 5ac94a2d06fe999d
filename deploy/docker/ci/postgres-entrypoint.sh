#!/bin/sh
# Initialises the cluster on first start as the official image does, then runs the server.
# "postgres -c name=value ..." runs the server with those settings, as the official image
# does; any other command (postgres-init's script) runs as given.
set -eu
if [ "$#" -gt 0 ] && [ "$1" != postgres ]; then exec "$@"; fi
[ "$#" -gt 0 ] && shift
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
chown postgres:postgres "$PGDATA"
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  chown postgres "$pwfile"
  runuser -u postgres -- "$bin/initdb" -D "$PGDATA" --username="${POSTGRES_USER:-postgres}" \
    --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.auto.conf"
fi
exec runuser -u postgres -- "$bin/postgres" -D "$PGDATA" "$@"
