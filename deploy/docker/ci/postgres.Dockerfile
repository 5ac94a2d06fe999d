# Stands in for the official postgres image in CI, from Debian's PostgreSQL: the same
# environment (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB), data directory and tools
# (pg_isready, psql) as docker-compose.yml uses. Built by scripts/compose-test.
ARG BASE_IMAGE=debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql postgresql-contrib \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
COPY postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint.sh
ENV PGDATA=/var/lib/postgresql/data LANG=C.UTF-8
ENTRYPOINT ["sh", "/usr/local/bin/postgres-entrypoint.sh"]
