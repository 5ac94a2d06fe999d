from chancery_common.migrations import run_env
from jobs.models import Base

run_env(Base.metadata)
