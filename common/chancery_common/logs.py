"""One log format for every process: time, level, process name, logger, message."""
import logging
import os

FORMAT = "%(asctime)s %(levelname)s [%(processName)s] %(name)s: %(message)s"


def configure(level=None):
    logging.basicConfig(level=level or os.environ.get("CHANCERY_LOG_LEVEL", "INFO"), format=FORMAT)
    # kombu and amqp are chatty at INFO about every connection
    for noisy in ("amqp", "kombu", "urllib3"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def logging_config(level="INFO"):
    """A dictConfig for nameko's LOGGING setting."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": {"format": FORMAT}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "default"}},
        "root": {"level": level, "handlers": ["console"]},
        "loggers": {name: {"level": "WARNING"} for name in ("amqp", "kombu", "urllib3")},
    }
