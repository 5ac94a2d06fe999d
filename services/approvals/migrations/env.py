from chancery_common.migrations import run_env
from approvals.models import Base

run_env(Base.metadata)
