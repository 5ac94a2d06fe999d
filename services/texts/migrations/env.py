from chancery_common.migrations import run_env
from texts.models import Base

run_env(Base.metadata)
