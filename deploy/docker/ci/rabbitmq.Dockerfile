# Stands in for the official rabbitmq image in CI, from Debian's RabbitMQ: the default
# user from RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS, data in /var/lib/rabbitmq, and
# rabbitmq-diagnostics for the health check. Built by scripts/compose-test.
ARG BASE_IMAGE=debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends rabbitmq-server \
 && rm -rf /var/lib/apt/lists/*
COPY rabbitmq-entrypoint.sh /usr/local/bin/rabbitmq-entrypoint.sh
ENV RABBITMQ_CONFIG_FILE=/var/lib/rabbitmq/rabbitmq.conf LANG=C.UTF-8
USER rabbitmq
ENTRYPOINT ["sh", "/usr/local/bin/rabbitmq-entrypoint.sh"]
