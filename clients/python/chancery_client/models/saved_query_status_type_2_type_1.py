from enum import StrEnum


class SavedQueryStatusType2Type1(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"

    def __str__(self) -> str:
        return str(self.value)
