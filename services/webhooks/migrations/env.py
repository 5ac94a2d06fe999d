from chancery_common.migrations import run_env
from webhooks.models import Base

run_env(Base.metadata)
