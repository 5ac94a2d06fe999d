from enum import StrEnum


class RequiredDocumentPer(StrEnum):
    DOCUMENT = "document"
    STAGE = "stage"

    def __str__(self) -> str:
        return str(self.value)
