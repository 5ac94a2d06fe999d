"""Errors that cross the bus (the house's typed errors), and the worker's own signals."""
from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied  # noqa: F401


class Cancelled(Exception):
    """The job's creator cancelled it: the worker stops at its next page."""


class Lost(Exception):
    """The job is no longer this worker's (its lease ran out and another took it up)."""
