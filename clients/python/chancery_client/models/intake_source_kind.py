from enum import StrEnum


class IntakeSourceKind(StrEnum):
    FOLDER = "folder"
    IMAP = "imap"

    def __str__(self) -> str:
        return str(self.value)
