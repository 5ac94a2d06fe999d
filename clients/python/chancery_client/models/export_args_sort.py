from enum import StrEnum


class ExportArgsSort(StrEnum):
    CREATED_AT = "created_at"
    NAME = "name"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-name"
    VALUE_3 = "-created_at"
    VALUE_5 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
