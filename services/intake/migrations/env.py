from chancery_common.migrations import run_env
from intake.models import Base

run_env(Base.metadata)
