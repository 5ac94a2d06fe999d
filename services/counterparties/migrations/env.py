from chancery_common.migrations import run_env
from counterparties.models import Base

run_env(Base.metadata)
