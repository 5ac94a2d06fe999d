from chancery_common.migrations import run_env
from documents.models import Base

run_env(Base.metadata)
