#!/bin/sh
# Writes the default user into the configuration, then runs the broker in the foreground.
set -eu
cat > "$RABBITMQ_CONFIG_FILE" <<CONF
default_user = ${RABBITMQ_DEFAULT_USER:?RABBITMQ_DEFAULT_USER is required}
default_pass = ${RABBITMQ_DEFAULT_PASS:?RABBITMQ_DEFAULT_PASS is required}
loopback_users = none
listeners.tcp.default = 5672
CONF
exec rabbitmq-server
