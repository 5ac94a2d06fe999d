"""Errors the staff service sends over the bus (mapped to HTTP by the gateway)."""
from chancery_common.errors import (
    Conflict, InvalidInput, NotFound, PermissionDenied, TooManyAttempts, Unauthenticated,
)

__all__ = ["Conflict", "InvalidInput", "NotFound", "PermissionDenied", "TooManyAttempts",
           "Unauthenticated"]
