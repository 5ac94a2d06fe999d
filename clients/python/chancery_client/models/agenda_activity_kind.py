from enum import StrEnum


class AgendaActivityKind(StrEnum):
    CALL = "call"
    EMAIL = "email"
    FAX = "fax"
    LETTER = "letter"
    MEETING = "meeting"
    TASK = "task"

    def __str__(self) -> str:
        return str(self.value)
