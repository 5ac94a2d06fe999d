"""Gateway settings from the environment; production refuses development secrets."""
from dataclasses import dataclass

from chancery_common.config import ConfigurationError, is_production, secret, setting


@dataclass
class Settings:
    amqp_uri: str
    secret_key: str
    rpc_timeout: float
    upload_timeout: float
    max_upload_bytes: int
    production: bool
    public_url: str
    # reverse proxies in front of the gateway whose X-Forwarded-For/-Proto are believed
    trusted_proxies: int = 0
    attach_timeout: float = 60.0
    # the gateway's own database: the Idempotency-Key store (idempotency.py); None: keys ignored
    database_url: str | None = None
    idempotency_ttl_seconds: float = 24 * 3600
    idempotency_sweep_seconds: float = 600
    # admission control (admission.py): requests at work at once per worker process (0: no
    # bound), how long one may wait for a place before a 503, the threads for parallel calls
    admitted_requests: int = 8
    queue_budget_seconds: float = 5.0
    fan_out_threads: int = 16

    @classmethod
    def from_env(cls):
        if is_production() and not setting("GATEWAY_DATABASE_URL"):
            # clients sending an Idempotency-Key must not believe themselves protected
            raise ConfigurationError("GATEWAY_DATABASE_URL must be set when CHANCERY_ENV=production "
                                     "(the gateway's database: the Idempotency-Key store)")
        return cls(
            amqp_uri=setting("AMQP_URI", "pyamqp://guest:guest@127.0.0.1:5672/"),
            secret_key=secret("CHANCERY_SECRET_KEY", "chancery-local-development-key"),
            rpc_timeout=float(setting("RPC_TIMEOUT", "10")),
            upload_timeout=float(setting("UPLOAD_TIMEOUT", "300")),
            # the attach of a stored upload: checks its metadata, reads at most a bounded part
            attach_timeout=float(setting("ATTACH_TIMEOUT", "60")),
            max_upload_bytes=int(setting("MAX_UPLOAD_BYTES", str(50 * 1024 * 1024))),
            production=is_production(),
            public_url=setting("PUBLIC_URL", "http://127.0.0.1:8000"),
            trusted_proxies=_count("TRUSTED_PROXIES", setting("TRUSTED_PROXIES", "0")),
            database_url=setting("GATEWAY_DATABASE_URL"),
            idempotency_ttl_seconds=float(setting("IDEMPOTENCY_TTL_SECONDS", str(24 * 3600))),
            idempotency_sweep_seconds=float(setting("IDEMPOTENCY_SWEEP_SECONDS", "600")),
            admitted_requests=_count("ADMITTED_REQUESTS", setting("ADMITTED_REQUESTS", "8"), "requests"),
            queue_budget_seconds=_seconds("QUEUE_BUDGET_SECONDS", setting("QUEUE_BUDGET_SECONDS", "5")),
            fan_out_threads=max(1, _count("FAN_OUT_THREADS", setting("FAN_OUT_THREADS", "16"), "threads")),
        )


def _count(name, value, what="proxies"):
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise ConfigurationError(f"{name} must be a whole number of {what} (0 or more), not {value!r}")
    return number


def _seconds(name, value):
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 600:
        raise ConfigurationError(f"{name} must be seconds from 0 to 600, not {value!r}")
    return number
