"""Errors the intake service sends over the bus."""
from chancery_common.errors import Conflict, InvalidInput, NotFound, PermissionDenied

__all__ = ["Conflict", "InvalidInput", "NotFound", "PermissionDenied"]
