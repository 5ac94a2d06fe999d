"""Errors the texts service sends over the bus."""
from chancery_common.errors import InvalidInput, NotFound

__all__ = ["InvalidInput", "NotFound"]
