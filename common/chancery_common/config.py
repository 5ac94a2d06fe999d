"""Settings read from the environment, with production guards.

In production (``CHANCERY_ENV=production``) a secret that is missing or still has a
development value stops the process at start instead of running insecurely.
"""
import os

DEVELOPMENT_SECRETS = {"", "change-me", "dev", "development", "secret", "guest", "minioadmin"}


class ConfigurationError(RuntimeError):
    """A required setting is missing or unsafe."""


def is_production():
    return os.environ.get("CHANCERY_ENV", "development") == "production"


def setting(name, default=None):
    """A plain setting: the environment wins over the default."""
    return os.environ.get(name, default)


def secret(name, development_default):
    """A secret: in production it must be set and must not be a development value."""
    value = os.environ.get(name)
    if is_production():
        if value is None or value.strip().lower() in DEVELOPMENT_SECRETS or value == development_default:
            raise ConfigurationError(
                f"{name} must be set to a real secret when CHANCERY_ENV=production"
            )
        return value
    return value if value is not None else development_default
