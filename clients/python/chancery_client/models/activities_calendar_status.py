from enum import StrEnum


class ActivitiesCalendarStatus(StrEnum):
    CANCELLED = "cancelled"
    DONE = "done"
    MISSED = "missed"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
