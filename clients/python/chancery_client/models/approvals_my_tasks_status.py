from enum import StrEnum


class ApprovalsMyTasksStatus(StrEnum):
    ALL = "all"
    DECIDED = "decided"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
