"""Errors the counterparties service sends over the bus."""
from chancery_common.errors import Conflict, InvalidInput, NotFound

__all__ = ["Conflict", "InvalidInput", "NotFound"]
