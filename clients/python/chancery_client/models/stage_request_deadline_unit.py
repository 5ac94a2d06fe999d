from enum import StrEnum


class StageRequestDeadlineUnit(StrEnum):
    HOURS = "hours"
    WORKING_DAYS = "working_days"

    def __str__(self) -> str:
        return str(self.value)
