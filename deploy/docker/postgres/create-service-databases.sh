#!/bin/sh
# Creates one login role and one database per Chancery service (and the gateway's own), each role owning its own
# database and nothing else; PUBLIC may not connect to them. Idempotent: it runs on every
# `docker compose up` (the postgres-init step) and applies a changed password. On a
# managed PostgreSQL run it once by hand with an administrator's connection (see
# docs/operations.md, "Kubernetes").
#
# Environment: the administrator's connection as libpq variables (PGHOST, PGPORT, PGUSER,
# PGPASSWORD, PGSSLMODE ...), and <SERVICE>_DATABASE_PASSWORD for every service named
# in CHANCERY_SERVICES. Each role and database is called chancery_<service>.
set -eu

services=${CHANCERY_SERVICES:-staff counterparties documents approvals notifications webhooks jobs texts intake gateway}
for service in $services; do
  variable="$(echo "$service" | tr '[:lower:]' '[:upper:]')_DATABASE_PASSWORD"
  password=$(printenv "$variable" || true)
  if [ -z "$password" ]; then
    echo "$variable is not set: every service needs its own database password" >&2
    exit 1
  fi
  name="chancery_$service"
  psql --no-psqlrc --quiet -v ON_ERROR_STOP=1 -v name="$name" -v password="$password" -d postgres <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'name')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'name') \gexec
ALTER ROLE :"name" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'name') \gexec
ALTER DATABASE :"name" OWNER TO :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"name" TO :"name";
SQL
  echo "database $name ready"
done
