from enum import StrEnum


class IntakeListItemsStatusItem(StrEnum):
    DISCARDED = "discarded"
    NEW = "new"
    REGISTERED = "registered"
    REGISTERING = "registering"

    def __str__(self) -> str:
        return str(self.value)
