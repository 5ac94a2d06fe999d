"""Chancery webhooks service: delivers events over signed HTTPS to systems that cannot speak AMQP."""
