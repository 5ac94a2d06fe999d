from enum import StrEnum


class SavedQueryStatusType3Type1(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"

    def __str__(self) -> str:
        return str(self.value)
