from enum import StrEnum


class NewPaperCopyKind(StrEnum):
    COPY = "copy"
    ORIGINAL = "original"

    def __str__(self) -> str:
        return str(self.value)
