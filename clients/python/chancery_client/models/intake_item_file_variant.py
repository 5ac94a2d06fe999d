from enum import StrEnum


class IntakeItemFileVariant(StrEnum):
    ORIGINAL = "original"
    SEARCHABLE_PDF = "searchable_pdf"
    THUMBNAIL = "thumbnail"

    def __str__(self) -> str:
        return str(self.value)
