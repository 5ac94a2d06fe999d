"""Gateway settings from the environment; production refuses development secrets."""
from dataclasses import dataclass

from chancery_common.config import is_production, secret, setting


@dataclass
class Settings:
    amqp_uri: str
    secret_key: str
    rpc_timeout: float
    upload_timeout: float
    max_upload_bytes: int
    production: bool
    public_url: str

    @classmethod
    def from_env(cls):
        return cls(
            amqp_uri=setting("AMQP_URI", "pyamqp://guest:guest@127.0.0.1:5672/"),
            secret_key=secret("CHANCERY_SECRET_KEY", "chancery-local-development-key"),
            rpc_timeout=float(setting("RPC_TIMEOUT", "10")),
            upload_timeout=float(setting("UPLOAD_TIMEOUT", "300")),
            max_upload_bytes=int(setting("MAX_UPLOAD_BYTES", str(50 * 1024 * 1024))),
            production=is_production(),
            public_url=setting("PUBLIC_URL", "http://127.0.0.1:8000"),
        )
