from chancery_common.migrations import run_env
from staff.models import Base

run_env(Base.metadata)
