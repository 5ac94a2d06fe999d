from enum import StrEnum


class CompletionStatus(StrEnum):
    CANCELLED = "cancelled"
    DONE = "done"
    MISSED = "missed"

    def __str__(self) -> str:
        return str(self.value)
