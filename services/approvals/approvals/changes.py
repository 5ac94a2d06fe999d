"""The sync of approvals: the approvals the caller sees in the order they changed, with
their stages and tasks, for systems that mirror them (chancery_common.sync, docs/api.md
"Sync by change").

An approval's place in that order moves with every write of the approval, one of its stages
or one of its tasks (a trigger stamps the approval, migration 0009). Approvals are never
deleted (withdrawn is an outcome): a sync has no tombstones.
"""
from sqlalchemy import select

from chancery_common import sync

from .logic import visible_to
from .models import Approval


def approvals(session, *, actor, after=None, updated_since=None, limit=50):
    """(approvals, cursors) the actor sees, by change."""
    position, since = sync.start("approvals", after=after, updated_since=updated_since)
    return sync.page(session, select(Approval).where(visible_to(actor)), model=Approval, list_name="approvals",
                     position=position, updated_since=since, limit=limit)
