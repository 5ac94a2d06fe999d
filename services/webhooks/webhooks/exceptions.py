"""Errors the webhooks service sends over the bus."""
from chancery_common.errors import InvalidInput, NotFound, PermissionDenied

__all__ = ["InvalidInput", "NotFound", "PermissionDenied"]
