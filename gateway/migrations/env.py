from chancery_common.migrations import run_env
from chancery_gateway.idempotency import metadata

run_env(metadata)
